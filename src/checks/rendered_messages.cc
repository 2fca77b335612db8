#include "checks/rendered_messages.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "campaign/loader.h"
#include "diag/pii.h"
#include "text/encoding.h"
#include "text/template.h"
#include "util/strings.h"

namespace smslint {

namespace {

// What one template's rendered messages give over the rows.
struct TemplateTally {
  size_t empty_recipients = 0;
  size_t first_empty_row = SIZE_MAX;
  std::vector<size_t> empty_per_placeholder;
  size_t over_recipients = 0;
  int worst_segments = 0;
  bool worst_cut = false;  // a message was cut at kMaxRenderedBytes: the worst is a floor
  size_t first_over_row = SIZE_MAX;
  size_t ucs2_recipients = 0;
  size_t first_ucs2_row = SIZE_MAX;
  std::set<char32_t> ucs2_characters;
};

struct TemplatePlan {
  const Template* source = nullptr;
  ParsedTemplate parsed;
  std::vector<int> columns;   // per placeholder; -1 when no column provides it
  bool literal_ucs2 = false;  // the template text alone is UCS-2
};

// A rendered message is checked on its first 64 KiB: some 400 segments even in
// UCS-2, past any segment limit (Twilio refuses a body over 1,600 characters, error
// 21617: https://www.twilio.com/docs/api/errors/21617), so a longer one is over the
// limit whatever follows.
constexpr size_t kMaxRenderedBytes = size_t{64} << 10;
// A rendered example quoted in a finding: the first 2 KiB (a whole 1,600-character
// body in Latin script).
constexpr size_t kMaxQuotedBytes = size_t{2} << 10;

std::string CodePointLabel(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "U+%04X", static_cast<unsigned>(cp));
  std::string utf8;
  if (cp < 0x80) {
    utf8 += static_cast<char>(cp);
  } else if (cp < 0x800) {
    utf8 += static_cast<char>(0xC0 | (cp >> 6));
    utf8 += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    utf8 += static_cast<char>(0xE0 | (cp >> 12));
    utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    utf8 += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    utf8 += static_cast<char>(0xF0 | (cp >> 18));
    utf8 += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    utf8 += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    utf8 += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return "'" + utf8 + "' " + buffer;
}

// Rows with the same value ids in the same columns, counted.
struct Tuple {
  uint64_t count = 0;
  size_t first_row = SIZE_MAX;
  std::vector<uint32_t> ids;  // per placeholder (0 without a column)
};

// The tuples of each list of placeholder columns counted so far: templates whose
// placeholders read the same columns ({{first_name|there}}, {{first_name|Friend}})
// share one pass over the rows.
using CountedTuples = std::map<std::vector<int>, std::vector<Tuple>>;

// The sendable rows counted per tuple of the placeholders' value ids (`columns`, null
// where a placeholder has no column; `single`: the one with a column, when only one
// has); a value no sendable row has keeps a count of 0.
std::vector<Tuple> CountTuples(const RecipientTable& table,
                               const std::vector<const RecipientColumn*>& columns,
                               size_t with_column, size_t single) {
  const size_t placeholders = columns.size();
  std::vector<Tuple> tuples;
  const size_t n = table.size();
  if (with_column <= 1) {
    // One column: the tuple is the value id itself.
    const RecipientColumn* column = single == SIZE_MAX ? nullptr : columns[single];
    tuples.resize(column != nullptr ? column->distinct() : 1);
    for (size_t r = 0; r < n; ++r) {
      if (!IsSendable(table.flags[r])) continue;
      Tuple& t = tuples[column != nullptr ? column->ids[r] : 0];
      if (t.count++ == 0) t.first_row = r;
    }
    for (size_t id = 0; id < tuples.size(); ++id) {
      if (tuples[id].count == 0) continue;
      tuples[id].ids.assign(placeholders, 0);
      if (column != nullptr) tuples[id].ids[single] = static_cast<uint32_t>(id);
    }
  } else {
    // Several columns: a tuple's key is its value ids as the digits of one number
    // (each column's count of distinct values its base) when that fits in 64 bits,
    // looked up in a table when there are few such numbers, else in a hash map; the
    // ids' bytes otherwise.
    uint64_t keys = 1;
    bool fits = true;
    for (const RecipientColumn* column : columns) {
      if (column == nullptr) continue;
      const uint64_t base = std::max<uint64_t>(1, column->distinct());
      if (keys > UINT64_MAX / base) {
        fits = false;
        break;
      }
      keys *= base;
    }
    std::vector<uint32_t> ids(placeholders, 0);
    auto read_ids = [&](size_t r) {
      uint64_t key = 0;
      for (size_t i = 0; i < placeholders; ++i) {
        ids[i] = columns[i] != nullptr ? columns[i]->ids[r] : 0;
        if (columns[i] != nullptr)
          key = key * std::max<uint64_t>(1, columns[i]->distinct()) + ids[i];
      }
      return key;
    };
    // Counts row `r` in the tuple `slot` names (kNew: a tuple of its own, first met).
    constexpr uint32_t kNew = UINT32_MAX;
    auto count = [&](size_t r, uint32_t& slot) {
      if (slot == kNew) {
        slot = static_cast<uint32_t>(tuples.size());
        tuples.push_back(Tuple{0, r, ids});
      }
      ++tuples[slot].count;
    };
    constexpr uint64_t kTableKeys = uint64_t{1} << 20;
    if (fits && keys <= kTableKeys) {
      std::vector<uint32_t> slots(keys, kNew);
      for (size_t r = 0; r < n; ++r) {
        if (IsSendable(table.flags[r])) count(r, slots[read_ids(r)]);
      }
    } else if (fits) {
      absl::flat_hash_map<uint64_t, uint32_t> slots;
      for (size_t r = 0; r < n; ++r) {
        if (IsSendable(table.flags[r]))
          count(r, slots.try_emplace(read_ids(r), kNew).first->second);
      }
    } else {
      absl::flat_hash_map<std::string, uint32_t> slots;
      std::string key;
      for (size_t r = 0; r < n; ++r) {
        if (!IsSendable(table.flags[r])) continue;
        read_ids(r);
        key.assign(reinterpret_cast<const char*>(ids.data()), ids.size() * sizeof(uint32_t));
        count(r, slots.try_emplace(key, kNew).first->second);
      }
    }
  }
  return tuples;
}

// One template over every sendable row. Rows with the same values get the same
// message, and lists repeat values (first names, cities): the rows are counted per
// tuple of value ids first, then each distinct tuple is rendered once, in the order
// of its first row.
void TallyTemplate(const RecipientTable& table, const TemplatePlan& plan, int max_segments,
                   CountedTuples& counted, TemplateTally& tally) {
  const size_t placeholders = plan.parsed.placeholders.size();
  tally.empty_per_placeholder.assign(placeholders, 0);
  // The value ids of each placeholder's column (absent: no column).
  std::vector<RecipientColumn> scratch(placeholders);
  std::vector<const RecipientColumn*> columns(placeholders, nullptr);
  size_t single = SIZE_MAX;  // the placeholder with a column, when only one has
  size_t with_column = 0;
  for (size_t i = 0; i < placeholders; ++i) {
    if (plan.columns[i] < 0) continue;
    columns[i] = &InternedColumn(table, static_cast<size_t>(plan.columns[i]), scratch[i]);
    ++with_column;
    single = i;
  }
  auto [known, fresh] = counted.try_emplace(plan.columns);
  if (fresh) known->second = CountTuples(table, columns, with_column, single);
  const std::vector<Tuple>& tuples = known->second;
  std::vector<const Tuple*> order;
  for (const Tuple& t : tuples)
    if (t.count > 0) order.push_back(&t);
  std::sort(order.begin(), order.end(),
            [](const Tuple* a, const Tuple* b) { return a->first_row < b->first_row; });

  std::vector<std::string_view> values(placeholders);
  std::string rendered;
  for (const Tuple* t : order) {
    bool any_empty = false;
    for (size_t i = 0; i < placeholders; ++i) {
      values[i] = columns[i] != nullptr ? columns[i]->Value(t->ids[i]) : std::string_view();
      if (columns[i] != nullptr && values[i].empty() && !plan.parsed.placeholders[i].fallback) {
        any_empty = true;
        tally.empty_per_placeholder[i] += t->count;
      }
    }
    if (any_empty) {
      tally.empty_recipients += t->count;
      tally.first_empty_row = std::min(tally.first_empty_row, t->first_row);
    }
    const bool whole = RenderTemplate(plan.parsed, values, rendered, kMaxRenderedBytes);
    SegmentCount segments = CountSegments(rendered);
    const bool ucs2 = segments.encoding == Encoding::kUcs2 && !plan.literal_ucs2;
    if (ucs2) {
      if (tally.ucs2_characters.size() < 8) {
        for (const Ucs2Character& c : AnalyzeSegments(rendered).ucs2_characters) {
          if (tally.ucs2_characters.size() >= 8) break;
          tally.ucs2_characters.insert(c.code_point);
        }
      }
      tally.ucs2_recipients += t->count;
      tally.first_ucs2_row = std::min(tally.first_ucs2_row, t->first_row);
    }
    if (segments.segments > max_segments || !whole) {
      tally.over_recipients += t->count;
      tally.worst_segments = std::max(tally.worst_segments, segments.segments);
      tally.worst_cut = tally.worst_cut || !whole;
      tally.first_over_row = std::min(tally.first_over_row, t->first_row);
    }
  }
}

// A field value as it may appear in a finding: phone numbers and other long digit
// runs are masked unless --show-pii.
std::string ShownValue(const RecipientTable& table, size_t row, int column, bool show_pii) {
  std::string_view value = table.Field(row, static_cast<size_t>(column));
  if (show_pii) return std::string(value);
  if (column == table.phone_column) return MaskNumber(table.e164[row]);
  size_t digits = 0;
  for (char c : value) digits += (c >= '0' && c <= '9');
  if (digits >= 6) return ShowRecipientNumber(value, 0, false);
  return std::string(value);
}

std::string RenderExample(const RecipientTable& table, const TemplatePlan& plan, size_t row,
                          bool show_pii) {
  std::vector<std::string> shown(plan.columns.size());
  std::vector<std::string_view> values(plan.columns.size());
  for (size_t i = 0; i < plan.columns.size(); ++i) {
    if (plan.columns[i] >= 0) shown[i] = ShownValue(table, row, plan.columns[i], show_pii);
    values[i] = shown[i];
  }
  std::string rendered;
  RenderTemplate(plan.parsed, values, rendered, kMaxQuotedBytes + 1);
  return ClipText(rendered, kMaxQuotedBytes);
}

}  // namespace

const RuleInfo& EmptyPlaceholderRuleInfo() {
  static const RuleInfo info{
      .id = "content/empty-placeholder",
      .level = Level::kWarning,
      .summary = "some recipients leave a placeholder empty and it has no fallback",
      .why =
          "\"Hi {{first_name}}, ...\" becomes \"Hi , ...\" for recipients without a first "
          "name: it reads as a mail merge gone wrong. The finding counts the recipients and "
          "shows one rendered example (numbers masked).",
      .fix = "Add a fallback ({{first_name|there}}) or fill the column.",
      .source = "",
      .fire_examples = {"template 'Hi {{first_name}}' and a recipients row with an empty "
                        "first_name"},
      .pass_examples = {"template 'Hi {{first_name|there}}' and a row with an empty first_name",
                        "template 'Hi {{first_name}}' and every row has a first_name"},
      .options = {},
      .origin = "builtin",
  };
  return info;
}

std::vector<Diagnostic> CheckRenderedMessages(const Campaign& campaign, const RecipientTable& table,
                                              bool show_pii, int max_segments) {
  std::vector<Diagnostic> out;
  const size_t n = table.size();
  if (n == 0 || table.columns.empty()) return out;
  std::vector<TemplatePlan> plans;
  for (const Template& t : campaign.templates) {
    if (!t.body.present) continue;
    TemplatePlan plan;
    plan.source = &t;
    plan.parsed = ParseTemplate(t.body->text);
    if (plan.parsed.placeholders.empty()) continue;
    for (const Placeholder& p : plan.parsed.placeholders)
      plan.columns.push_back(table.ColumnIndex(p.field));
    std::string literal;
    for (const std::string& piece : plan.parsed.literals) literal += piece;
    plan.literal_ucs2 = CountSegments(literal).encoding == Encoding::kUcs2;
    plans.push_back(std::move(plan));
  }
  if (plans.empty()) return out;

  CountedTuples counted;
  for (size_t p = 0; p < plans.size(); ++p) {
    const TemplatePlan& plan = plans[p];
    TemplateTally tally;
    TallyTemplate(table, plan, max_segments, counted, tally);
    const Template& t = *plan.source;
    auto finding = [&](std::string rule, Level level, std::string message, size_t begin,
                       size_t end) {
      Diagnostic d;
      d.rule = std::move(rule);
      d.level = level;
      d.message = std::move(message);
      d.span = TextSpan(campaign, t.body, begin, end);
      d.template_id = t.id.value;
      return d;
    };
    if (tally.empty_recipients > 0) {
      std::string fields;
      size_t first = SIZE_MAX;
      for (size_t i = 0; i < plan.parsed.placeholders.size(); ++i) {
        if (tally.empty_per_placeholder[i] == 0) continue;
        if (first == SIZE_MAX) first = i;
        if (!fields.empty()) fields += ", ";
        fields += "{{" + plan.parsed.placeholders[i].field + "}} for " +
                  Plural(static_cast<int64_t>(tally.empty_per_placeholder[i]), "recipient");
      }
      const Placeholder& ph = plan.parsed.placeholders[first];
      Diagnostic d = finding("content/empty-placeholder", Level::kWarning,
                             "a placeholder without fallback is empty for " +
                                 Plural(static_cast<int64_t>(tally.empty_recipients), "recipient") +
                                 " (" + fields + ")",
                             ph.begin, ph.end);
      uint32_t line = table.source_line[tally.first_empty_row];
      std::string where = campaign.recipients.file.present
                              ? RecipientsDisplayPath(campaign, campaign.recipients.file.value) +
                                    ":" + std::to_string(line)
                              : "line " + std::to_string(line);
      d.notes.push_back("for example (" + where + "): \"" +
                        RenderExample(table, plan, tally.first_empty_row, show_pii) + "\"");
      d.suggestion = "add a fallback: {{" + ph.field + "|there}}";
      out.push_back(std::move(d));
    }
    if (tally.over_recipients > 0) {
      Diagnostic d = finding("content/segment-count", Level::kWarning,
                             "rendered for " +
                                 Plural(static_cast<int64_t>(tally.over_recipients), "recipient") +
                                 ", the message is longer than " + std::to_string(max_segments) +
                                 (max_segments == 1 ? " segment" : " segments") +
                                 (tally.worst_cut ? " (at least " : " (up to ") +
                                 std::to_string(tally.worst_segments) + ")",
                             0, 0);
      d.suggestion = "shorten the text or cap long field values";
      out.push_back(std::move(d));
    }
    if (tally.ucs2_recipients > 0) {
      std::string characters;
      for (char32_t c : tally.ucs2_characters) {
        if (!characters.empty()) characters += ", ";
        characters += CodePointLabel(c);
      }
      Diagnostic d =
          finding("content/ucs2-character", Level::kWarning,
                  "field values force UCS-2 for " +
                      Plural(static_cast<int64_t>(tally.ucs2_recipients), "recipient") + " (" +
                      characters + "): each segment then holds 70 characters instead of 160",
                  0, 0);
      d.suggestion = "transliterate field values to the GSM-7 alphabet before sending";
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace smslint
