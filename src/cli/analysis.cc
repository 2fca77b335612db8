#include "cli/analysis.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "campaign/loader.h"
#include "campaign/recipients.h"
#include "checks/data_rules.h"
#include "checks/rendered_messages.h"
#include "diag/pii.h"
#include "lint/check.h"
#include "lint/config.h"
#include "lint/engine.h"
#include "lint/suppression.h"
#include "report/progress.h"
#include "sim/simulator.h"
#include "text/template.h"
#include "util/files.h"

namespace smslint {
namespace {

constexpr int kDefaultMaxSegments = 3;

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

void RunContentChecks(const Campaign& campaign, const RuleEngine& engine,
                      const std::vector<std::string>& fields, bool fields_known,
                      std::vector<Diagnostic>& out) {
  auto run = [&](const Located<TextValue>& text, BodyKind kind, const std::string& id) {
    MessageContext context = ContextFor(campaign, text.value.text, kind);
    context.template_id = id;
    context.recipient_fields = fields;
    context.fields_known = fields_known;
    for (Finding& f : engine.CheckMessage(context)) {
      out.push_back(ToDiagnostic(campaign, text, id, std::move(f)));
    }
  };
  for (const Template& t : campaign.templates) {
    if (t.body.present) run(t.body, BodyKind::kTemplate, t.id.value);
  }
  if (campaign.campaign.opt_in.confirmation.present) {
    run(campaign.campaign.opt_in.confirmation, BodyKind::kOptInConfirmation, "");
  }
}

void AddRecipientFacts(const RecipientStats& stats, std::vector<std::string>& facts) {
  std::string line = absl::StrCat("recipients: ", stats.rows, " rows, ", stats.sendable,
                                  " to send");
  std::vector<std::string> held;
  if (stats.invalid) held.push_back(absl::StrCat(stats.invalid, " invalid"));
  if (stats.duplicate) held.push_back(absl::StrCat(stats.duplicate, " duplicate"));
  if (stats.suppressed) held.push_back(absl::StrCat(stats.suppressed, " suppressed"));
  if (stats.malformed_rows) held.push_back(absl::StrCat(stats.malformed_rows, " malformed"));
  if (!held.empty()) absl::StrAppend(&line, " (held back: ", absl::StrJoin(held, ", "), ")");
  facts.push_back(line);
  if (stats.zone_guessed) {
    facts.push_back(absl::StrCat(
        stats.zone_guessed,
        " recipients have a number whose prefix spans several time zones: quiet hours use "
        "the most restrictive of them (add a timezone column to be exact)"));
  }
  if (stats.zone_unknown) {
    facts.push_back(absl::StrCat(stats.zone_unknown,
                                 " recipients have no known time zone: the schedule's zone "
                                 "is assumed"));
  }
}

}  // namespace

absl::StatusOr<FileResult> AnalyzeFile(const std::string& path, const AnalysisOptions& options) {
  absl::StatusOr<LoadResult> loaded = LoadCampaignFile(path);
  if (!loaded.ok()) return loaded.status();
  const Campaign& campaign = loaded->campaign;

  // Stages: recipients, content, rendered messages, simulation. Drawn only on a
  // terminal, and only when the run is long enough to need it.
  Progress progress(absl::StrCat("checking ", path), 4);
  FileResult result;
  result.path = path;
  std::set<std::string> rules_run = {"schema/unknown-key", "schema/missing-field",
                                     "schema/invalid-value"};
  result.diagnostics = std::move(loaded->diagnostics);

  absl::StatusOr<Config> config = LoadConfigFor(path, options.config);
  if (!config.ok()) return config.status();
  absl::StatusOr<RuleEngine> engine = RuleEngine::Load(options.rule_dirs, &*config);
  if (!engine.ok()) return engine.status();
  for (const std::string& id : engine->RuleIds()) rules_run.insert(id);

  bool full = options.stage == AnalysisOptions::Stage::kCheck;
  absl::StatusOr<RecipientLoadResult> recipients =
      LoadRecipients(campaign, full ? RecipientLoadMode::kFull : RecipientLoadMode::kHeaderOnly);
  if (!recipients.ok()) return recipients.status();
  const RecipientTable& table = recipients->table;
  for (Diagnostic& d : RunDataRules(campaign, table, recipients->facts, options.show_pii))
    result.diagnostics.push_back(std::move(d));
  progress.Advance(1);
  bool has_source = campaign.recipients.file.present || !campaign.recipients.list.empty();
  bool fields_known = has_source && !table.columns.empty();
  RunContentChecks(campaign, *engine, table.columns, fields_known, result.diagnostics);
  rules_run.insert({"data/invalid-number", "data/duplicate-recipient", "data/suppressed-recipient",
                    "data/missing-consent", "data/non-mobile-number"});

  progress.Advance(1);
  if (full && has_source) AddRecipientFacts(recipients->stats, result.facts);

  if (full) {
    // Rendered for every recipient, segment counts replace the template-level
    // estimate made with fallbacks.
    std::vector<Diagnostic> rendered =
        CheckRenderedMessages(campaign, table, options.show_pii, kDefaultMaxSegments);
    std::set<std::string> personalised;
    if (table.size() > 0) {
      for (const Template& t : campaign.templates) {
        if (t.body.present && !ParseTemplate(t.body.value.text).placeholders.empty())
          personalised.insert(t.id.value);
      }
    }
    std::erase_if(result.diagnostics, [&](const Diagnostic& d) {
      return d.rule == "content/segment-count" && personalised.count(d.template_id) != 0;
    });
    for (Diagnostic& d : rendered) result.diagnostics.push_back(std::move(d));
    rules_run.insert("content/empty-placeholder");
  }
  progress.Advance(1);

  // Simulation (src/sim): the send, message by message, and the traffic/* rules.
  if (full && campaign.schedule.start.present && !campaign.templates.empty()) {
    absl::StatusOr<std::string> profile_name =
        ResolveProfileName(campaign, options.profile_override);
    if (!profile_name.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("smslint: error: ", std::string(profile_name.status().message())));
    }
    absl::StatusOr<Profile> profile = LoadProfile(*profile_name);
    if (!profile.ok()) return profile.status();
    SimulationInput input;
    input.campaign = &campaign;
    input.recipients = &table;
    input.profile = &*profile;
    input.seed = options.seed;
    // The filter model weighs the content findings the user keeps: after the
    // config and the suppression comments.
    for (const Diagnostic& d : result.diagnostics) {
      if (RuleFamily(d.rule) == "content") input.content_findings.push_back(d);
    }
    ApplyConfig(*config, options.select, options.ignore, input.content_findings);
    ApplySuppressions(campaign, {"content/*"}, input.content_findings);
    std::erase_if(input.content_findings,
                  [](const Diagnostic& d) { return RuleFamily(d.rule) != "content"; });
    SimulationOutput simulated = Simulate(input);
    for (Diagnostic& d : simulated.diagnostics) result.diagnostics.push_back(std::move(d));
    result.sim = std::move(simulated.result);
    RuleCatalog traffic_rules;
    AddTrafficRules(traffic_rules);
    for (const RuleInfo& info : traffic_rules.rules()) rules_run.insert(info.id);
  }

  std::vector<std::string> ran(rules_run.begin(), rules_run.end());
  ApplySuppressions(campaign, ran, result.diagnostics);
  ApplyConfig(*config, options.select, options.ignore, result.diagnostics);
  SortDiagnostics(result.diagnostics);
  result.rules_run.assign(rules_run.begin(), rules_run.end());
  result.source = options.show_pii
                      ? std::move(loaded->campaign.source)
                      : MaskInlineRecipients(campaign.source, InlineRecipientRanges(campaign));
  return result;
}

AnalysisRun AnalyzeInputs(const std::vector<std::string>& inputs, const AnalysisOptions& options) {
  AnalysisRun run;
  for (const std::string& input : inputs) {
    absl::StatusOr<std::vector<std::string>> files = ExpandInputs({input});
    if (!files.ok()) {
      run.errors.emplace_back(files.status().message());
      continue;
    }
    if (files->empty()) {
      run.errors.push_back(input + ":1:1: error: no *.yaml or *.yml campaign files in directory");
    }
    for (const std::string& file : *files) {
      absl::StatusOr<FileResult> result = AnalyzeFile(file, options);
      if (result.ok()) {
        run.results.push_back(std::move(*result));
      } else {
        run.errors.emplace_back(result.status().message());
      }
    }
  }
  return run;
}

}  // namespace smslint
