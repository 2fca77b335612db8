#include "pipeline/stages.h"

#include <algorithm>
#include <cctype>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "campaign/loader.h"
#include "checks/data_rules.h"
#include "checks/rendered_messages.h"
#include "diag/rule_catalog.h"
#include "lint/check.h"
#include "sim/plan_inputs.h"
#include "sim/plan_search.h"
#include "sim/rules/rule_ids.h"
#include "sim/simulator.h"
#include "text/template.h"
#include "util/strings.h"
#include "util/task_pool.h"
#include "util/threads.h"

namespace smslint {
namespace {

MessageContext ContextFor(const Campaign& campaign, std::string_view body, BodyKind kind) {
  MessageContext context;
  context.body = body;
  context.kind = kind;
  context.brand = campaign.campaign.brand.value;
  for (const Located<std::string>& alias : campaign.campaign.brand_aliases)
    context.brand_aliases.push_back(alias.value);
  if (campaign.campaign.use_case.present) context.use_case = campaign.campaign.use_case.value;
  context.country = campaign.campaign.country.value;
  if (campaign.campaign.route.present) context.route = campaign.campaign.route.value;
  context.domain = campaign.campaign.domain.value;
  for (const Sender& s : campaign.senders) context.senders.push_back(s.number.value);
  context.campaign = &campaign;
  return context;
}

Diagnostic ToDiagnostic(const Campaign& campaign, const Located<TextValue>& text,
                        const std::string& template_id, Finding finding) {
  Diagnostic d;
  d.rule = std::move(finding.rule);
  d.level = finding.level;
  d.message = std::move(finding.message);
  d.span = TextSpan(campaign, text, finding.begin, finding.end);
  d.template_id = template_id;
  d.suggestion = std::move(finding.suggestion);
  return d;
}

std::vector<std::string> RecipientFactLines(const RecipientStats& stats) {
  std::vector<std::string> facts;
  std::string line =
      absl::StrCat("recipients: ", Plural(static_cast<int64_t>(stats.rows), "row"), ", ",
                   WithCommas(static_cast<int64_t>(stats.sendable)), " to send");
  std::vector<std::string> held;
  if (stats.invalid) held.push_back(absl::StrCat(stats.invalid, " invalid"));
  if (stats.duplicate) held.push_back(absl::StrCat(stats.duplicate, " duplicate"));
  if (stats.suppressed) held.push_back(absl::StrCat(stats.suppressed, " suppressed"));
  if (stats.malformed_rows) held.push_back(absl::StrCat(stats.malformed_rows, " malformed"));
  if (!held.empty()) absl::StrAppend(&line, " (held back: ", absl::StrJoin(held, ", "), ")");
  facts.push_back(line);
  if (stats.zone_guessed) {
    facts.push_back(absl::StrCat(
        Plural(static_cast<int64_t>(stats.zone_guessed), "recipient has", "recipients have"),
        " a number whose prefix spans several time zones: a message to them "
        "is in quiet hours when it is outside the allowed hours in any of those zones, and a "
        "send window opens only when it is open in all of them (add a timezone column to be "
        "exact)"));
  }
  if (stats.zone_unknown) {
    facts.push_back(absl::StrCat(
        Plural(static_cast<int64_t>(stats.zone_unknown), "recipient has", "recipients have"),
        " no known time zone: the schedule's zone is assumed"));
  }
  return facts;
}

}  // namespace

absl::StatusOr<RecipientStageResult> LoadRecipientStage(
    const Campaign& campaign, bool full, const std::vector<std::string>& allow_outside) {
  absl::StatusOr<RecipientLoadResult> loaded = LoadRecipients(
      campaign, full ? RecipientLoadMode::kFull : RecipientLoadMode::kHeaderOnly, allow_outside);
  if (!loaded.ok()) return loaded.status();
  RecipientStageResult out;
  out.table = std::move(loaded->table);
  out.data_facts = std::move(loaded->facts);
  out.files_read = std::move(loaded->files_read);
  for (const auto& rule : BuiltinDataRules()) {
    if (rule->Info() != nullptr) out.rules_run.push_back(rule->Info()->id);
  }
  const bool has_source = campaign.recipients.file.present || !campaign.recipients.list.empty();
  out.fields_known = has_source && !out.table.columns.empty();
  if (full && has_source) out.facts = RecipientFactLines(loaded->stats);
  return out;
}

std::vector<Diagnostic> RunDataRuleStage(const Campaign& campaign,
                                         const RecipientStageResult& recipients, bool show_pii,
                                         absl::Time now) {
  return RunDataRules(campaign, recipients.table, recipients.data_facts, show_pii, now);
}

StageResult RunContentStage(const Campaign& campaign, const RuleEngine& engine,
                            const RecipientStageResult& recipients, bool rendered_per_recipient) {
  StageResult out;
  out.rules_run = engine.RuleIds();
  // The messages to check, in report order: every template body, then the opt-in
  // confirmation.
  struct Message {
    const Located<TextValue>* text;
    BodyKind kind;
    const std::string* id;
  };
  static const std::string kNoTemplate;
  std::vector<Message> messages;
  for (const Template& t : campaign.templates) {
    if (t.body.present) messages.push_back({&t.body, BodyKind::kTemplate, &t.id.value});
  }
  if (campaign.campaign.opt_in.confirmation.present) {
    messages.push_back(
        {&campaign.campaign.opt_in.confirmation, BodyKind::kOptInConfirmation, &kNoTemplate});
  }
  std::vector<std::vector<Diagnostic>> found(messages.size());
  auto run = [&](size_t m) {
    const Message& message = messages[m];
    MessageContext context = ContextFor(campaign, message.text->value.text, message.kind);
    context.template_id = *message.id;
    context.recipient_fields = recipients.table.columns;
    context.fields_known = recipients.fields_known;
    context.rendered_per_recipient = rendered_per_recipient;
    for (Finding& f : engine.CheckMessage(context)) {
      found[m].push_back(ToDiagnostic(campaign, *message.text, *message.id, std::move(f)));
    }
  };
  // A file of many templates is checked on every core (the engine is immutable);
  // each message's findings keep their slot, so the order never changes.
  unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
  if (messages.size() < 64) threads = 1;
  auto work = [&](unsigned t) {
    for (size_t m = t; m < messages.size(); m += threads) run(m);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.push_back(StartThread(work, t));
  work(0);
  for (std::thread& thread : pool) thread.join();
  for (std::vector<Diagnostic>& diagnostics : found) {
    for (Diagnostic& d : diagnostics) out.diagnostics.push_back(std::move(d));
  }
  return out;
}

namespace {

// A matched text shown in a finding: digits are hidden, but for the last two, when it
// holds a phone number (seven or more digits) and PII is not to be shown.
std::string ShownValue(std::string_view text, bool show_pii) {
  size_t digits = 0;
  for (char c : text) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  if (show_pii || digits < 7) return std::string(text);
  std::string out;
  size_t seen = 0;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) && ++seen <= digits - 2) {
      out += "\u2022";
    } else {
      out += c;
    }
  }
  return out;
}

// Content rules on what recipients get: each distinct value of each placeholder is
// checked once (cached by value), in the template with the other placeholders at
// their fallbacks. A finding counts when its span overlaps the value; it is reported
// once per template, placeholder and rule, with the recipients affected and the
// first row.
std::vector<Diagnostic> CheckFieldValues(const Campaign& campaign, const RecipientTable& table,
                                         const RuleEngine& engine, bool show_pii,
                                         std::vector<std::string>& facts) {
  // A content check of one value costs about 0.2 ms; beyond this many distinct values
  // of one placeholder the rest are not checked, and a fact line says so.
  constexpr size_t kMaxDistinctValues = 5000;
  // A value is checked on its first 2 KiB (a 1,600-character body in Latin script,
  // Twilio's limit: https://www.twilio.com/docs/api/errors/21617): a longer one is
  // over every segment limit already, and the rules cost by the byte. A matched text
  // is quoted up to 256 bytes.
  constexpr size_t kMaxCheckedValueBytes = size_t{2} << 10;
  constexpr size_t kMaxExampleBytes = 256;
  struct Seen {
    size_t recipients = 0;
    size_t first_row = SIZE_MAX;
  };
  struct ColumnValues {
    std::vector<std::pair<std::string, Seen>> values;  // in the order rows first show them
    size_t unchecked = 0;
  };
  // A column's distinct values do not depend on the template: counted once per
  // column, however many placeholders name it.
  absl::flat_hash_map<int, ColumnValues> by_column;
  std::vector<Diagnostic> out;
  for (const Template& t : campaign.templates) {
    if (!t.body.present) continue;
    ParsedTemplate parsed = ParseTemplate(t.body.value.text);
    // A field is checked at its first placeholder: the same values again elsewhere in
    // the body would repeat its findings (and a body of 2,000 {{f}} the work).
    absl::flat_hash_set<int> columns_checked;
    for (size_t i = 0; i < parsed.placeholders.size(); ++i) {
      int column = table.ColumnIndex(parsed.placeholders[i].field);
      if (column < 0 || !columns_checked.insert(column).second) continue;
      auto [entry, counted] = by_column.try_emplace(column);
      if (counted) {
        // Distinct values in the order sendable rows first show them; past the cap a
        // value is not checked, and its rows are counted as unchecked.
        RecipientColumn scratch;
        const RecipientColumn& ids = InternedColumn(table, static_cast<size_t>(column), scratch);
        enum : uint8_t { kUnseen, kChecked, kOverCap };
        std::vector<uint8_t> status(ids.distinct(), kUnseen);
        std::vector<Seen> seen(ids.distinct());
        std::vector<uint32_t> checked;
        for (size_t r = 0; r < table.size(); ++r) {
          if (!IsSendable(table.flags[r])) continue;
          const uint32_t id = ids.ids[r];
          if (status[id] == kUnseen) {
            if (ids.Value(id).empty()) continue;
            status[id] = checked.size() < kMaxDistinctValues ? kChecked : kOverCap;
            if (status[id] == kChecked) checked.push_back(id);
          }
          if (status[id] == kOverCap) {
            ++entry->second.unchecked;
            continue;
          }
          // Rows come in file order: a value's first row has its first line.
          if (seen[id].recipients++ == 0) seen[id].first_row = table.source_line[r];
        }
        for (uint32_t id : checked)
          entry->second.values.emplace_back(std::string(ids.Value(id)), seen[id]);
      }
      const std::vector<std::pair<std::string, Seen>>& values = entry->second.values;
      const size_t unchecked = entry->second.unchecked;
      struct Tally {
        Level level = Level::kInfo;
        size_t recipients = 0;
        size_t first_row = SIZE_MAX;
        std::string example;
        std::string message;
      };
      std::map<std::string, Tally> by_rule;
      std::vector<std::string_view> fill(parsed.placeholders.size());
      std::string rendered, window;
      // Where the value sits in the rendered text.
      size_t value_begin_in_message = 0;
      for (size_t k = 0; k < i; ++k) {
        value_begin_in_message += parsed.literals[k].size();
        const Placeholder& p = parsed.placeholders[k];
        value_begin_in_message += p.fallback ? p.fallback->size() : 0;
      }
      value_begin_in_message += parsed.literals[i].size();
      for (const auto& [whole_value, seen] : values) {
        const std::string_view value = Utf8Prefix(whole_value, kMaxCheckedValueBytes);
        fill.assign(parsed.placeholders.size(), std::string_view());
        fill[i] = value;
        // Only the value and a few words around it are checked: findings that come
        // from the value lie there, and the rules cost by the byte. The message is
        // rendered that far (and a character more, to find the word's end).
        constexpr size_t kContextBytes = 40;
        size_t value_begin = value_begin_in_message;
        RenderTemplate(parsed, fill, rendered, value_begin + value.size() + kContextBytes + 8);
        size_t window_begin = value_begin > kContextBytes ? value_begin - kContextBytes : 0;
        while (window_begin > 0 && window_begin < value_begin && rendered[window_begin - 1] != ' ')
          ++window_begin;
        size_t window_end = std::min(rendered.size(), value_begin + value.size() + kContextBytes);
        while (window_end < rendered.size() && window_end > value_begin + value.size() &&
               rendered[window_end] != ' ')
          --window_end;
        window = rendered.substr(window_begin, window_end - window_begin);
        value_begin -= window_begin;
        const size_t value_end = value_begin + value.size();
        MessageContext context = ContextFor(campaign, window, BodyKind::kTemplate);
        context.template_id = t.id.value;
        context.recipient_fields = table.columns;
        context.fields_known = true;
        context.rendered_per_recipient = true;
        std::set<std::string> counted;
        for (const Finding& f : engine.CheckMessage(context)) {
          bool overlaps = f.begin < value_end && value_begin < f.end;
          if (!overlaps || RuleFamily(f.rule) != "content" || !counted.insert(f.rule).second)
            continue;
          Tally& tally = by_rule[f.rule];
          if (tally.recipients == 0 || f.level < tally.level) tally.level = f.level;
          tally.recipients += seen.recipients;
          if (seen.first_row < tally.first_row) {
            tally.first_row = seen.first_row;
            tally.example = ClipText(
                ShownValue(std::string_view(window).substr(f.begin, f.end - f.begin), show_pii),
                kMaxExampleBytes);
            tally.message = f.message;
          }
        }
      }
      const Placeholder& p = parsed.placeholders[i];
      if (unchecked > 0) {
        facts.push_back(absl::StrCat("template ", t.id.value, ": {{", p.field, "}} has more than ",
                                     kMaxDistinctValues, " distinct values; ", unchecked,
                                     " recipients' values were not content-checked"));
      }
      for (auto& [rule, tally] : by_rule) {
        Diagnostic d;
        d.rule = rule;
        d.level = tally.level;
        d.message =
            absl::StrCat(tally.recipients, " recipient", tally.recipients == 1 ? " gets" : "s get",
                         " a message where {{", p.field, "}} makes it fire: \"", tally.example,
                         "\" (first at row ", tally.first_row, "): ", tally.message);
        d.span = TextSpan(campaign, t.body, p.begin, p.end);
        d.template_id = t.id.value;
        out.push_back(std::move(d));
      }
    }
  }
  return out;
}

}  // namespace

StageResult RunRenderedStage(const Campaign& campaign, const RecipientTable& table,
                             const RuleEngine& engine, bool show_pii, int max_segments) {
  StageResult out;
  out.diagnostics = CheckRenderedMessages(campaign, table, show_pii, max_segments);
  for (Diagnostic& d : CheckFieldValues(campaign, table, engine, show_pii, out.facts))
    out.diagnostics.push_back(std::move(d));
  out.rules_run = {EmptyPlaceholderRuleInfo().id};
  return out;
}

bool CanSimulate(const Campaign& campaign) {
  // `days: []` or an unknown day is a schema error; simulating every day instead
  // would report a send the file does not describe.
  const bool days_unusable = campaign.schedule.days.pos.known() && !campaign.schedule.days.present;
  return campaign.schedule.start.present && !campaign.templates.empty() && !days_unusable;
}

std::string SimulationSkippedReason(const Campaign& campaign) {
  if (campaign.schedule.start.present && !campaign.templates.empty() &&
      campaign.schedule.days.pos.known() && !campaign.schedule.days.present) {
    return "simulation skipped: schedule.days names no day to send on (see its error)";
  }
  return "";
}

namespace {

SimulationInput InputFor(const Campaign& campaign, const RecipientTable& table,
                         const Profile& profile, uint64_t seed,
                         const std::vector<Diagnostic>& findings, bool show_pii) {
  SimulationInput input;
  input.campaign = &campaign;
  input.recipients = &table;
  input.profile = &profile;
  input.seed = seed;
  input.show_pii = show_pii;
  for (const Diagnostic& d : findings) {
    if (RuleFamily(d.rule) == "content") input.content_findings.push_back(d);
  }
  return input;
}

SimulationStageResult StageOf(SimulationOutput simulated) {
  SimulationStageResult out;
  out.diagnostics = std::move(simulated.diagnostics);
  if (simulated.simulated) {
    out.sim = std::move(simulated.result);
  } else {
    out.facts.push_back(
        absl::StrCat("simulation skipped: ", kPastHorizonText, " (see traffic/stale-delivery)"));
  }
  out.rules_run.assign(std::begin(rule_ids::kTrafficRules), std::end(rule_ids::kTrafficRules));
  return out;
}

}  // namespace

PlannedRun PlanSimulationRun(const Campaign& campaign, const RecipientTable& table,
                             const Profile& profile, uint64_t seed) {
  return PlanRun(InputFor(campaign, table, profile, seed, {}, false));
}

SimulationStageResult RunSimulationStage(const Campaign& campaign, const RecipientTable& table,
                                         const Profile& profile, uint64_t seed,
                                         const std::vector<Diagnostic>& findings, bool show_pii,
                                         const PlanSearchOptions* search,
                                         std::future<PlannedRun> planned) {
  const SimulationInput input = InputFor(campaign, table, profile, seed, findings, show_pii);
  // A large list's search (on a sample, its winner confirmed on every row) starts
  // beside the run as written, on another thread; the recommendation is the same
  // (plan_search.h). Above kConfirmAheadMessages the confirmation waits for the run
  // (two full runs would not fit the memory target). Its messages are its sent rows,
  // one each (as many as the plan's events), so the search need not wait for a plan
  // still being built: that run waits for it on its own thread.
  int64_t messages = 0;
  if (search != nullptr && !campaign.templates.empty()) {
    for (size_t r = 0; r < table.size(); ++r) messages += RowIsSent(table, r) ? 1 : 0;
  }
  const bool ahead = planned.valid();
  if (search != nullptr && messages > kSampleAbove &&
      TaskPool::DefaultThreads(kSearchThreads) > 1) {
    // Whether the plan passed the horizon, once it is built. An unplanned list (above
    // kLargeList) may pass it too, which only its run tells: its confirmation always
    // waits for that run, as two full runs never started together on such a list
    // before.
    std::promise<bool> past_horizon;
    std::shared_future<bool> past = past_horizon.get_future().share();
    PlanSearchOptions options = *search;
    if (ahead) {
      options.plan_past_horizon = [past] { return past.get(); };
    } else {
      options.confirm_ahead_messages = 1;
    }
    std::future<SimulationOutput> running = std::async(
        std::launch::async, [&input, &past_horizon, ahead, run = std::move(planned)]() mutable {
          if (!ahead) return Simulate(input);
          PlannedRun plan;
          try {
            plan = run.get();
          } catch (...) {
            // The search may be waiting on the horizon: it gets the failure too.
            past_horizon.set_exception(std::current_exception());
            throw;
          }
          past_horizon.set_value(plan.plan.past_horizon > 0);
          return Simulate(input, std::move(plan));
        });
    std::optional<SimulationOutput> out;
    auto current = [&]() -> const SimulationOutput& {
      if (!out) out = running.get();
      return *out;
    };
    Recommendation recommendation = SearchPlanAhead(input, messages, current, options);
    current();
    // A send past the horizon has no run to improve on (the search found so too).
    if (out->simulated) out->result.recommendation = std::move(recommendation);
    return StageOf(std::move(*out));
  }
  SimulationOutput out = ahead ? Simulate(input, planned.get()) : Simulate(input);
  // A send past the simulator's horizon has no run to improve on.
  if (search != nullptr && out.simulated)
    out.result.recommendation = SearchPlan(input, out, *search);
  return StageOf(std::move(out));
}

PortfolioStageResult RunPortfolioStage(const std::vector<PortfolioMember>& members, uint64_t seed,
                                       bool show_pii) {
  std::vector<SimulationInput> inputs;
  for (const PortfolioMember& m : members) {
    inputs.push_back(InputFor(*m.campaign, *m.table, *m.profile, seed, *m.findings, show_pii));
  }
  PortfolioOutput simulated = SimulatePortfolio(inputs);
  for (size_t i = 0; i < members.size(); ++i) {
    if (members[i].search == nullptr || !simulated.campaigns[i].simulated) continue;
    Recommendation rec = SearchPlan(inputs[i], Simulate(inputs[i]), *members[i].search);
    // The search plans each campaign as if sent alone; what only the brand's
    // campaigns together run into stays, with its cause.
    std::vector<Diagnostic> together = simulated.campaigns[i].diagnostics;
    if (members[i].search->judge) members[i].search->judge(together);
    std::vector<std::string> shared;
    for (const Diagnostic& d : together) {
      if (d.level != Level::kError && d.level != Level::kWarning) continue;
      if (std::find(rec.remaining.begin(), rec.remaining.end(), d.rule) != rec.remaining.end() ||
          std::find(shared.begin(), shared.end(), d.rule) != shared.end())
        continue;
      shared.push_back(d.rule);
    }
    if (!shared.empty()) {
      if (rec.kind == Recommendation::Kind::kKeep) {
        constexpr std::string_view kKeepText = "Keep the schedule: the simulation of it as written";
        if (rec.text.rfind(kKeepText, 0) == 0) {
          rec.text.replace(0, kKeepText.size(), "Alone, this campaign's schedule");
        }
      }
      if (rec.kind == Recommendation::Kind::kKeep || rec.kind == Recommendation::Kind::kPlan) {
        rec.kind = Recommendation::Kind::kPartial;
      }
      rec.remaining.insert(rec.remaining.end(), shared.begin(), shared.end());
      std::sort(rec.remaining.begin(), rec.remaining.end());
      const std::string cause = absl::StrCat(
          absl::StrJoin(shared, ", "),
          ": from the brand's campaigns together (see the brand section), not this campaign "
          "alone; send them on other days or to other recipients");
      rec.causes.push_back(cause);
      absl::StrAppend(&rec.text, " Together with the brand's other campaigns: ", cause, ".");
    }
    simulated.campaigns[i].result.recommendation = std::move(rec);
  }
  PortfolioStageResult out;
  for (SimulationOutput& one : simulated.campaigns)
    out.campaigns.push_back(StageOf(std::move(one)));
  out.summary = std::move(simulated.summary);
  return out;
}

}  // namespace smslint
