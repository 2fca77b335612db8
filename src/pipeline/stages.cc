#include "pipeline/stages.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "campaign/loader.h"
#include "checks/data_rules.h"
#include "checks/rendered_messages.h"
#include "diag/rule_catalog.h"
#include "lint/check.h"
#include "sim/rules/rule_ids.h"
#include "sim/simulator.h"
#include "util/strings.h"

namespace smslint {
namespace {

MessageContext ContextFor(const Campaign& campaign, std::string_view body, BodyKind kind) {
  MessageContext context;
  context.body = body;
  context.kind = kind;
  context.brand = campaign.campaign.brand.value;
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

absl::StatusOr<RecipientStageResult> RunRecipientStage(
    const Campaign& campaign, bool full, bool show_pii,
    const std::vector<std::string>& allow_outside, absl::Time now) {
  absl::StatusOr<RecipientLoadResult> loaded = LoadRecipients(
      campaign, full ? RecipientLoadMode::kFull : RecipientLoadMode::kHeaderOnly, allow_outside);
  if (!loaded.ok()) return loaded.status();
  RecipientStageResult out;
  out.table = std::move(loaded->table);
  out.files_read = std::move(loaded->files_read);
  out.diagnostics = RunDataRules(campaign, out.table, loaded->facts, show_pii, now);
  for (const auto& rule : BuiltinDataRules()) {
    if (rule->Info() != nullptr) out.rules_run.push_back(rule->Info()->id);
  }
  const bool has_source = campaign.recipients.file.present || !campaign.recipients.list.empty();
  out.fields_known = has_source && !out.table.columns.empty();
  if (full && has_source) out.facts = RecipientFactLines(loaded->stats);
  return out;
}

StageResult RunContentStage(const Campaign& campaign, const RuleEngine& engine,
                            const RecipientStageResult& recipients, bool rendered_per_recipient) {
  StageResult out;
  out.rules_run = engine.RuleIds();
  auto run = [&](const Located<TextValue>& text, BodyKind kind, const std::string& id) {
    MessageContext context = ContextFor(campaign, text.value.text, kind);
    context.template_id = id;
    context.recipient_fields = recipients.table.columns;
    context.fields_known = recipients.fields_known;
    context.rendered_per_recipient = rendered_per_recipient;
    for (Finding& f : engine.CheckMessage(context)) {
      out.diagnostics.push_back(ToDiagnostic(campaign, text, id, std::move(f)));
    }
  };
  for (const Template& t : campaign.templates) {
    if (t.body.present) run(t.body, BodyKind::kTemplate, t.id.value);
  }
  if (campaign.campaign.opt_in.confirmation.present) {
    run(campaign.campaign.opt_in.confirmation, BodyKind::kOptInConfirmation, "");
  }
  return out;
}

StageResult RunRenderedStage(const Campaign& campaign, const RecipientTable& table, bool show_pii,
                             int max_segments) {
  StageResult out;
  out.diagnostics = CheckRenderedMessages(campaign, table, show_pii, max_segments);
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
  out.sim = std::move(simulated.result);
  out.rules_run.assign(std::begin(rule_ids::kTrafficRules), std::end(rule_ids::kTrafficRules));
  return out;
}

}  // namespace

SimulationStageResult RunSimulationStage(const Campaign& campaign, const RecipientTable& table,
                                         const Profile& profile, uint64_t seed,
                                         const std::vector<Diagnostic>& findings, bool show_pii) {
  return StageOf(Simulate(InputFor(campaign, table, profile, seed, findings, show_pii)));
}

PortfolioStageResult RunPortfolioStage(const std::vector<PortfolioMember>& members, uint64_t seed,
                                       bool show_pii) {
  std::vector<SimulationInput> inputs;
  for (const PortfolioMember& m : members) {
    inputs.push_back(InputFor(*m.campaign, *m.table, *m.profile, seed, *m.findings, show_pii));
  }
  PortfolioOutput simulated = SimulatePortfolio(inputs);
  PortfolioStageResult out;
  for (SimulationOutput& one : simulated.campaigns)
    out.campaigns.push_back(StageOf(std::move(one)));
  out.summary = std::move(simulated.summary);
  return out;
}

}  // namespace smslint
