#include "checks/rendered_messages.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "campaign/loader.h"
#include "diag/pii.h"
#include "text/encoding.h"
#include "text/template.h"
#include "util/strings.h"

namespace smslint {

namespace {

// Distinct value tuples remembered per template and thread; beyond this, messages
// are still rendered and counted, just not cached.
constexpr size_t kMaxCachedRenders = 1u << 18;

struct RenderedCount {
  int segments = 0;
  bool ucs2 = false;
};

// What one thread saw for one template over its rows.
struct TemplateTally {
  size_t empty_recipients = 0;
  size_t first_empty_row = SIZE_MAX;
  std::vector<size_t> empty_per_placeholder;
  size_t over_recipients = 0;
  int worst_segments = 0;
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

void TallyRows(const RecipientTable& table, const TemplatePlan& plan, int max_segments,
               size_t begin, size_t end, TemplateTally& tally) {
  const size_t placeholders = plan.parsed.placeholders.size();
  tally.empty_per_placeholder.assign(placeholders, 0);
  std::vector<std::string_view> values(placeholders);
  std::string rendered, key;
  absl::flat_hash_map<std::string, RenderedCount> cache;
  for (size_t r = begin; r < end; ++r) {
    if (!IsSendable(table.flags[r])) continue;
    bool any_empty = false;
    key.clear();
    for (size_t i = 0; i < placeholders; ++i) {
      int column = plan.columns[i];
      values[i] = column >= 0 ? table.Field(r, static_cast<size_t>(column)) : std::string_view();
      if (column >= 0 && values[i].empty() && !plan.parsed.placeholders[i].fallback) {
        any_empty = true;
        ++tally.empty_per_placeholder[i];
      }
      if (placeholders > 1) {
        key.append(values[i]);
        key.push_back('\x1f');
      }
    }
    if (any_empty) {
      ++tally.empty_recipients;
      tally.first_empty_row = std::min(tally.first_empty_row, r);
    }
    // The rendered text depends only on the values, and lists repeat them (first
    // names, cities), so segment counts are cached per value tuple.
    std::string_view lookup = placeholders > 1 ? std::string_view(key) : values[0];
    RenderedCount count;
    auto it = cache.find(absl::string_view(lookup.data(), lookup.size()));
    if (it != cache.end()) {
      count = it->second;
    } else {
      RenderTemplate(plan.parsed, values, rendered);
      SegmentCount segments = CountSegments(rendered);
      count.segments = segments.segments;
      count.ucs2 = segments.encoding == Encoding::kUcs2 && !plan.literal_ucs2;
      if (count.ucs2 && tally.ucs2_characters.size() < 8) {
        for (const Ucs2Character& c : AnalyzeSegments(rendered).ucs2_characters) {
          if (tally.ucs2_characters.size() >= 8) break;
          tally.ucs2_characters.insert(c.code_point);
        }
      }
      if (cache.size() < kMaxCachedRenders) cache.emplace(std::string(lookup), count);
    }
    if (count.ucs2) {
      ++tally.ucs2_recipients;
      tally.first_ucs2_row = std::min(tally.first_ucs2_row, r);
    }
    if (count.segments > max_segments) {
      ++tally.over_recipients;
      tally.worst_segments = std::max(tally.worst_segments, count.segments);
      tally.first_over_row = std::min(tally.first_over_row, r);
    }
  }
}

void Merge(TemplateTally& into, const TemplateTally& from) {
  into.empty_recipients += from.empty_recipients;
  into.first_empty_row = std::min(into.first_empty_row, from.first_empty_row);
  for (size_t i = 0; i < into.empty_per_placeholder.size(); ++i)
    into.empty_per_placeholder[i] += from.empty_per_placeholder[i];
  into.over_recipients += from.over_recipients;
  into.worst_segments = std::max(into.worst_segments, from.worst_segments);
  into.first_over_row = std::min(into.first_over_row, from.first_over_row);
  into.ucs2_recipients += from.ucs2_recipients;
  into.first_ucs2_row = std::min(into.first_ucs2_row, from.first_ucs2_row);
  for (char32_t c : from.ucs2_characters)
    if (into.ucs2_characters.size() < 8) into.ucs2_characters.insert(c);
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
  RenderTemplate(plan.parsed, values, rendered);
  return rendered;
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

  unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
  if (n < 20000) threads = 1;
  const size_t chunk = (n + threads - 1) / threads;
  std::vector<std::vector<TemplateTally>> tallies(threads,
                                                  std::vector<TemplateTally>(plans.size()));
  auto work = [&](unsigned t) {
    size_t begin = std::min(n, t * chunk), end = std::min(n, begin + chunk);
    for (size_t p = 0; p < plans.size(); ++p)
      TallyRows(table, plans[p], max_segments, begin, end, tallies[t][p]);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& thread : pool) thread.join();

  for (size_t p = 0; p < plans.size(); ++p) {
    const TemplatePlan& plan = plans[p];
    TemplateTally tally = tallies[0][p];
    for (unsigned t = 1; t < threads; ++t) Merge(tally, tallies[t][p]);
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
                                 (max_segments == 1 ? " segment" : " segments") + " (up to " +
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
