#include "pipeline/session.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "campaign/loader.h"
#include "campaign/recipients.h"
#include "campaign/schema_rules.h"
#include "checks/data_rules.h"
#include "checks/registry.h"
#include "checks/segment_count_check.h"
#include "diag/pii.h"
#include "pipeline/finalise.h"
#include "pipeline/stages.h"
#include "report/progress.h"
#include "sim/rules/registry.h"
#include "sim/simulator.h"
#include "util/clock.h"
#include "util/files.h"
#include "util/status.h"
#include "util/strings.h"

namespace smslint {
namespace {

// The one masking policy's last pass (MaskNumbersInText) over every string of the
// result a report can print: a recipient number that reached a message, a note or a
// quoted line by any road (a comment, a swapped column, fullwidth digits) is masked.
// The business's own numbers (senders, numbers its messages print) stay readable.
void MaskRemainingNumbers(const Campaign& campaign, FileResult& result) {
  PublishedNumbers published;
  for (const Sender& sender : campaign.senders) published.AddFrom(sender.number.value);
  // The senders block as written, values the loader rejected ("415-555-0100") included.
  if (campaign.senders_pos.known()) {
    for (int line = campaign.senders_pos.line; line <= campaign.lines.line_count(); ++line) {
      std::string_view text = campaign.lines.Line(campaign.source, line);
      if (line > campaign.senders_pos.line && !text.empty() && text[0] != ' ' && text[0] != '-' &&
          text[0] != '#')
        break;
      published.AddFrom(text);
    }
  }
  for (const Template& t : campaign.templates) published.AddFrom(t.body.value.text);
  published.AddFrom(campaign.campaign.opt_in.confirmation.value.text);
  result.source = MaskNumbersInText(result.source, published);
  for (Diagnostic& d : result.diagnostics) {
    d.message = MaskNumbersInText(d.message, published);
    d.suggestion = MaskNumbersInText(d.suggestion, published);
    for (std::string& note : d.notes) note = MaskNumbersInText(note, published);
  }
  for (std::string& fact : result.facts) fact = MaskNumbersInText(fact, published);
}

void Take(StageResult& stage, std::vector<Diagnostic>& findings,
          std::vector<std::string>& rules_run, std::vector<std::string>& facts) {
  for (Diagnostic& d : stage.diagnostics) findings.push_back(std::move(d));
  rules_run.insert(rules_run.end(), stage.rules_run.begin(), stage.rules_run.end());
  facts.insert(facts.end(), stage.facts.begin(), stage.facts.end());
}

}  // namespace

RuleCatalog BuildRuleCatalog(const std::vector<YamlRule>& rule_pack) {
  RuleCatalog catalog;
  AddSchemaRules(catalog);
  AddDataRules(catalog);
  AddTrafficRules(catalog);
  absl::StatusOr<RuleEngine> engine = RuleEngine::Create(rule_pack, BuiltinChecks(), nullptr);
  if (engine.ok()) engine->AddRulesTo(catalog);  // no config: cannot fail
  return catalog;
}

absl::StatusOr<std::unique_ptr<Session>> Session::Create(SessionOptions options) {
  if (options.now == absl::InfinitePast()) {
    ASSIGN_OR_RETURN(options.now, CurrentTime());
  }
  std::unique_ptr<Session> session(new Session(std::move(options)));
  ASSIGN_OR_RETURN(session->rule_pack_, LoadRulePacks(session->options_.rule_dirs));
  session->catalog_ = BuildRuleCatalog(session->rule_pack_);
  return session;
}

absl::StatusOr<const Config*> Session::ConfigFor(const std::string& campaign_path) {
  std::string key = options_.config;
  if (key.empty()) {
    std::error_code ec;
    key = (campaign_path.empty() || campaign_path == "-")
              ? std::filesystem::current_path(ec).string()
              : std::filesystem::absolute(campaign_path, ec).parent_path().string();
    // Configs are shown relative to the campaign: one per folder as the user wrote it.
    absl::StrAppend(&key, "\n", std::filesystem::path(campaign_path).parent_path().string());
  }
  auto it = configs_.find(key);
  if (it == configs_.end()) {
    ASSIGN_OR_RETURN(Config config, LoadConfigFor(campaign_path, options_.config));
    RETURN_IF_ERROR(CheckRuleIds(config));
    it = configs_.emplace(key, std::make_unique<Config>(std::move(config))).first;
  }
  return it->second.get();
}

absl::Status Session::CheckRuleIds(const Config& config) const {
  // A misspelt rule id would otherwise turn nothing off, silently; globs may match
  // nothing (a family the run does not reach).
  for (const RuleSetting& setting : config.rules) {
    if (setting.pattern.find_first_of("*?") != std::string::npos) continue;
    if (catalog_.Find(setting.pattern) != nullptr) continue;
    const std::string guess = SuggestRule(catalog_, setting.pattern);
    return absl::InvalidArgumentError(
        absl::StrCat(setting.where, ": error: unknown rule '", setting.pattern, "'",
                     guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?"),
                     " (`smslint rules` lists them)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<const RuleEngine*> Session::EngineFor(const Config& config) {
  auto it = engines_.find(config.path);
  if (it == engines_.end()) {
    ASSIGN_OR_RETURN(RuleEngine engine, RuleEngine::Create(rule_pack_, BuiltinChecks(), &config));
    it = engines_.emplace(config.path, std::make_unique<RuleEngine>(std::move(engine))).first;
  }
  return it->second.get();
}

absl::StatusOr<const Profile*> Session::ProfileFor(const Campaign& campaign) {
  absl::StatusOr<std::string> name = ResolveProfileName(campaign, options_.profile_override);
  if (!name.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("smslint: error: ", std::string(name.status().message())));
  }
  auto it = profiles_.find(*name);
  if (it == profiles_.end()) {
    ASSIGN_OR_RETURN(Profile profile, LoadProfile(*name));
    it = profiles_.emplace(*name, std::make_unique<Profile>(std::move(profile))).first;
  }
  return it->second.get();
}

absl::StatusOr<FileResult> Session::AnalyzeFile(const std::string& path) {
  ASSIGN_OR_RETURN(LoadResult loaded, LoadCampaignFile(path));
  const Campaign& campaign = loaded.campaign;
  ASSIGN_OR_RETURN(const Config* config, ConfigFor(path));
  ASSIGN_OR_RETURN(const RuleEngine* engine, EngineFor(*config));
  const bool full = options_.stage == SessionOptions::Stage::kCheck;
  // Drawn only on a terminal, and only when the run is long enough to need it.
  Progress progress(absl::StrCat("checking ", path), 4);

  FileResult result;
  result.path = path;
  std::vector<Diagnostic> findings = std::move(loaded.diagnostics);
  std::vector<std::string> rules_run = {kUnknownKey, kMissingField, kInvalidValue};

  // 1. Recipients: the table (header only under `lint`) and the data rules.
  ASSIGN_OR_RETURN(
      RecipientStageResult recipients,
      RunRecipientStage(campaign, full, options_.show_pii, options_.allow_outside, options_.now));
  Take(recipients, findings, rules_run, result.facts);
  result.data_files = std::move(recipients.files_read);
  progress.Advance(1);

  // 2. Content rules on the templates; 3. on every recipient's rendered message.
  const bool per_recipient = full && recipients.table.size() > 0;
  StageResult content = RunContentStage(campaign, *engine, recipients, per_recipient);
  Take(content, findings, rules_run, result.facts);
  progress.Advance(1);
  if (full) {
    const auto* segments =
        dynamic_cast<const SegmentCountCheck*>(engine->FindCheck("content/segment-count"));
    StageResult rendered = RunRenderedStage(
        campaign, recipients.table, *engine, options_.show_pii,
        segments ? segments->max_segments() : SegmentCountCheck::kDefaultMaxSegments);
    Take(rendered, findings, rules_run, result.facts);
  }
  progress.Advance(1);

  // Final before the simulation: its filter model weighs the content findings the
  // user keeps.
  Finaliser finaliser(campaign, *config, options_.select, options_.ignore);
  finaliser.Apply(findings);

  // 4. The send, message by message, and the traffic rules.
  if (full && CanSimulate(campaign)) {
    ASSIGN_OR_RETURN(const Profile* profile, ProfileFor(campaign));
    SimulationStageResult simulated =
        RunSimulationStage(campaign, recipients.table, *profile, options_.seed, findings);
    finaliser.Apply(simulated.diagnostics);
    Take(simulated, findings, rules_run, result.facts);
    result.sim = std::move(simulated.sim);
  } else if (full) {
    const std::string reason = SimulationSkippedReason(campaign);
    if (!reason.empty()) result.facts.push_back(reason);
  }

  std::sort(rules_run.begin(), rules_run.end());
  rules_run.erase(std::unique(rules_run.begin(), rules_run.end()), rules_run.end());
  result.diagnostics = finaliser.Finish(std::move(findings), rules_run);
  result.rules_run = std::move(rules_run);
  result.source = options_.show_pii
                      ? std::move(loaded.campaign.source)
                      : MaskInlineRecipients(campaign.source, InlineRecipientRanges(campaign));
  if (!options_.show_pii) MaskRemainingNumbers(campaign, result);
  return result;
}

AnalysisRun Session::AnalyzeInputs(const std::vector<std::string>& inputs) {
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
      absl::StatusOr<FileResult> result = AnalyzeFile(file);
      if (result.ok()) {
        run.results.push_back(std::move(*result));
      } else {
        run.errors.emplace_back(result.status().message());
      }
    }
  }
  return run;
}

absl::StatusOr<std::vector<Diagnostic>> Session::CheckText(const MessageContext& context,
                                                           const std::string& input_name) {
  ASSIGN_OR_RETURN(const Config* config, ConfigFor(""));
  ASSIGN_OR_RETURN(const RuleEngine* engine, EngineFor(*config));
  std::vector<Diagnostic> diagnostics;
  const LineIndex lines(context.body);
  for (const Finding& f : engine->CheckMessage(context)) {
    Diagnostic d;
    d.rule = f.rule;
    d.level = f.level;
    d.message = f.message;
    d.suggestion = f.suggestion;
    Position begin = lines.At(context.body, f.begin);
    Position end = lines.At(context.body, f.end);
    d.span = {input_name, begin.line, begin.column, end.line, end.column};
    diagnostics.push_back(std::move(d));
  }
  ApplyConfig(*config, options_.select, options_.ignore, diagnostics);
  SortDiagnostics(diagnostics);
  return diagnostics;
}

}  // namespace smslint
