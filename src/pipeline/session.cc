#include "pipeline/session.h"

#include <malloc.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "campaign/loader.h"
#include "campaign/phone_metadata.h"
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
#include "util/threads.h"

namespace smslint {
namespace {

// Above this many recipients memory comes first: pages freed between the stages go
// back to the system, and the send plan is not built beside the content checks.
constexpr size_t kLargeList = 2'000'000;
// From this many recipients the data rules may run on a thread of their own.
constexpr size_t kDataRulesBesideRows = 20'000;

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
  if (session->options_.rule_dirs.empty()) {
    // The embedded pack (kept valid by its tests) cannot fail to load.
    Session* s = session.get();
    s->rules_loader_ = StartThread([s] { s->rules_status_ = s->LoadRules(); });
  } else {
    RETURN_IF_ERROR(session->LoadRules());
  }
  return session;
}

Session::~Session() {
  if (rules_loader_.joinable()) rules_loader_.join();
}

absl::Status Session::LoadRules() {
  ASSIGN_OR_RETURN(rule_pack_, LoadRulePacks(options_.rule_dirs));
  catalog_ = BuildRuleCatalog(rule_pack_);
  return absl::OkStatus();
}

absl::Status Session::AwaitRules() const {
  std::call_once(rules_loaded_, [this] {
    if (rules_loader_.joinable()) rules_loader_.join();
  });
  return rules_status_;
}

const RuleCatalog& Session::catalog() const {
  AwaitRules().IgnoreError();
  return catalog_;
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
  // A misspelt rule id would otherwise turn nothing off, silently (under `select`,
  // everything); globs may match nothing (a family the run does not reach).
  auto check = [this](const std::string& id, const std::string& where,
                      const char* option = "") -> absl::Status {
    if (id.find_first_of("*?") != std::string::npos || catalog_.Find(id) != nullptr)
      return absl::OkStatus();
    const std::string guess = SuggestRule(catalog_, id);
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": error: unknown rule '", EscapeControls(id), "'", option,
                     guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?"),
                     " (`smslint rules` lists them)"));
  };
  for (const RuleSetting& setting : config.rules)
    RETURN_IF_ERROR(check(setting.pattern, setting.where));
  for (size_t i = 0; i < config.select.size(); ++i)
    RETURN_IF_ERROR(check(config.select[i], config.select_where[i]));
  for (size_t i = 0; i < config.ignore.size(); ++i)
    RETURN_IF_ERROR(check(config.ignore[i], config.ignore_where[i]));
  for (const std::string& id : options_.select)
    RETURN_IF_ERROR(check(id, "smslint", " in --select"));
  for (const std::string& id : options_.ignore)
    RETURN_IF_ERROR(check(id, "smslint", " in --ignore"));
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

struct Session::Prepared {
  std::string path;
  LoadResult loaded;
  RecipientStageResult recipients;
  std::vector<Diagnostic> findings;
  std::vector<std::string> rules_run;
  FileResult result;
  std::unique_ptr<Finaliser> finaliser;
  const Profile* profile = nullptr;  // set when the file is simulated
  PlanSearchOptions search;          // the recommendation's, set before the simulation
  std::future<PlannedRun> planned;   // its plan and queue, when built ahead
};

absl::StatusOr<std::unique_ptr<Session::Prepared>> Session::Prepare(const std::string& path,
                                                                    LoadResult loaded, bool alone) {
  auto file = std::make_unique<Prepared>();
  file->path = path;
  file->loaded = std::move(loaded);
  const Campaign& campaign = file->loaded.campaign;
  const bool full = options_.stage == SessionOptions::Stage::kCheck;
  // Drawn only on a terminal, and only when the run is long enough to need it.
  Progress progress(absl::StrCat("checking ", path), 4);

  // 1. Recipients: the table (header only under `lint`) and the data rules. They read
  // neither the rule pack nor the config, so a large list is read while the pack is
  // still loading on another thread; the errors keep their order (rules, config,
  // then recipients).
  absl::StatusOr<RecipientStageResult> recipient_stage =
      LoadRecipientStage(campaign, full, options_.allow_outside);
  RETURN_IF_ERROR(AwaitRules());
  ASSIGN_OR_RETURN(const Config* config, ConfigFor(path));
  ASSIGN_OR_RETURN(const RuleEngine* engine, EngineFor(*config));

  FileResult& result = file->result;
  result.path = path;
  std::vector<Diagnostic>& findings = file->findings;
  findings = std::move(file->loaded.diagnostics);
  std::vector<std::string>& rules_run = file->rules_run;
  rules_run = {kUnknownKey, kMissingField, kInvalidValue};

  if (!recipient_stage.ok()) return recipient_stage.status();
  file->recipients = std::move(*recipient_stage);
  RecipientStageResult& recipients = file->recipients;
  Take(recipients, findings, rules_run, result.facts);
  result.data_files = std::move(recipients.files_read);

  // The send plan and the provider queue read neither content finding nor column the
  // content checks drop, so they are built on the other core while those run (not
  // above kLargeList rows, where they would add to the peak memory of the checks).
  if (full && CanSimulate(campaign)) {
    ASSIGN_OR_RETURN(file->profile, ProfileFor(campaign));
    if (alone && recipients.table.size() <= kLargeList) {
      file->planned = std::async(std::launch::async, [f = file.get(), seed = options_.seed] {
        return PlanSimulationRun(f->loaded.campaign, f->recipients.table, *f->profile, seed);
      });
    }
  }

  // The data rules read the table and its facts only: on a large list they run beside
  // the content checks when the other core is not building the plan (at 10,000,000
  // rows, 0.08 s beside 0.13 s).
  auto run_data_rules = [&campaign, &recipients, show_pii = options_.show_pii, now = options_.now] {
    return RunDataRuleStage(campaign, recipients, show_pii, now);
  };
  std::future<std::vector<Diagnostic>> data_rules_beside;
  std::vector<Diagnostic> data_findings;
  if (!file->planned.valid() && recipients.table.size() >= kDataRulesBesideRows) {
    data_rules_beside = std::async(std::launch::async, run_data_rules);
  } else {
    data_findings = run_data_rules();
  }
  // Findings are put in order of position when final (Finaliser).
  auto take_data_findings = [&] {
    if (data_rules_beside.valid()) data_findings = data_rules_beside.get();
    for (Diagnostic& d : data_findings) findings.push_back(std::move(d));
  };
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
  take_data_findings();
  if (full) {
    // What only the rendered checks read goes: the simulation reads `carrier` alone.
    // On a list of millions the freed pages go back to the system (malloc keeps freed
    // memory otherwise, main.cc), so the simulation's arrays do not add to them; on
    // a smaller one they are reused as they are (given back, each page would be
    // faulted and zeroed again: 1,000,000 recipients, 3,800 -> 2,100 page faults,
    // about 70 ms, same peak).
    recipients.table.DropInternedExcept(kCarrierColumn);
    if (recipients.table.size() > kLargeList) malloc_trim(0);
  }
  progress.Advance(1);

  // Final before the simulation: its filter model weighs the content findings the
  // user keeps.
  file->finaliser =
      std::make_unique<Finaliser>(campaign, *config, options_.select, options_.ignore);
  file->finaliser->Apply(findings);

  if (full && !CanSimulate(campaign)) {
    const std::string reason = SimulationSkippedReason(campaign);
    if (!reason.empty()) result.facts.push_back(reason);
  }
  return file;
}

std::optional<PortfolioSummary> Session::SimulateGroup(const std::vector<Prepared*>& group) {
  std::vector<Prepared*> simulated;
  for (Prepared* file : group) {
    if (file->profile == nullptr) continue;
    simulated.push_back(file);
    // The recommendation's search judges candidates by the file's config.
    const Finaliser* finaliser = file->finaliser.get();
    file->search.judge = [finaliser](std::vector<Diagnostic>& d) { finaliser->Preview(d); };
    file->search.route_fixed = !options_.profile_override.empty();
    file->search.other_findings = &file->findings;
  }
  // 4. The send, message by message, and the traffic rules.
  if (simulated.size() == 1) {
    Prepared& file = *simulated[0];
    SimulationStageResult stage = RunSimulationStage(
        file.loaded.campaign, file.recipients.table, *file.profile, options_.seed, file.findings,
        options_.show_pii, &file.search, std::move(file.planned));
    file.finaliser->Apply(stage.diagnostics);
    Take(stage, file.findings, file.rules_run, file.result.facts);
    file.result.sim = std::move(stage.sim);
    return std::nullopt;
  }
  if (simulated.empty()) return std::nullopt;
  std::vector<PortfolioMember> members;
  for (Prepared* file : simulated) {
    members.push_back({&file->loaded.campaign, &file->recipients.table, file->profile,
                       &file->findings, &file->search});
  }
  PortfolioStageResult stage = RunPortfolioStage(members, options_.seed, options_.show_pii);
  for (size_t i = 0; i < simulated.size(); ++i) {
    Prepared& file = *simulated[i];
    SimulationStageResult& one = stage.campaigns[i];
    file.finaliser->Apply(one.diagnostics);
    Take(one, file.findings, file.rules_run, file.result.facts);
    file.result.sim = std::move(one.sim);
  }
  // No campaign of the brand simulated (each past the horizon, each with its error):
  // no brand section, whose totals and caps would read as a clean send.
  if (stage.summary.campaigns.empty()) return std::nullopt;
  return std::move(stage.summary);
}

FileResult Session::Finish(Prepared& file) {
  std::vector<std::string>& rules_run = file.rules_run;
  std::sort(rules_run.begin(), rules_run.end());
  rules_run.erase(std::unique(rules_run.begin(), rules_run.end()), rules_run.end());
  FileResult result = std::move(file.result);
  result.diagnostics = file.finaliser->Finish(std::move(file.findings), rules_run);
  result.rules_run = std::move(rules_run);
  const Campaign& campaign = file.loaded.campaign;
  result.source = options_.show_pii
                      ? std::move(file.loaded.campaign.source)
                      : MaskInlineRecipients(campaign.source, InlineRecipientRanges(campaign));
  if (!options_.show_pii) MaskRemainingNumbers(campaign, result);
  return result;
}

absl::StatusOr<FileResult> Session::AnalyzeFile(const std::string& path) {
  ASSIGN_OR_RETURN(LoadResult loaded, LoadCampaignFile(path));
  ASSIGN_OR_RETURN(std::unique_ptr<Prepared> file,
                   Prepare(path, std::move(loaded), /*alone=*/true));
  SimulateGroup({file.get()});
  return Finish(*file);
}

AnalysisRun Session::AnalyzeInputs(const std::vector<std::string>& inputs) {
  // Each file's place in the output, in input order: its result or its error.
  struct Slot {
    std::string path;
    std::optional<LoadResult> loaded;
    std::optional<FileResult> result;
    std::string error;
  };
  std::vector<Slot> slots;
  // The loader and the data rules ask libphonenumber (a campaign's country, its
  // senders, every recipient): its metadata is built meanwhile on another core, and
  // joined at the end: the first to ask for it waits for it (its singletons), while a
  // recipients file's header and first rows are read meanwhile (LoadRecipients).
  const bool lists = options_.stage == SessionOptions::Stage::kCheck;  // recipients read
  std::thread phone_metadata = StartThread(PreparePhoneNumberMetadata, lists);
  // And what the content checks build on first use, on a third thread: joined at the
  // end, as the first message's checks find it built or wait for it.
  std::thread checks_ready = StartThread(PrepareBuiltinChecks);
  for (const std::string& input : inputs) {
    absl::StatusOr<std::vector<std::string>> files = ExpandInputs({input});
    if (!files.ok()) {
      slots.push_back({input, std::nullopt, std::nullopt, std::string(files.status().message())});
      continue;
    }
    if (files->empty()) {
      slots.push_back({input, std::nullopt, std::nullopt,
                       input + ":1:1: error: no *.yaml or *.yml campaign files in directory"});
    }
    for (const std::string& file : *files) {
      absl::StatusOr<LoadResult> loaded = LoadCampaignFile(file);
      if (loaded.ok()) {
        slots.push_back({file, std::move(*loaded), std::nullopt, ""});
      } else {
        slots.push_back({file, std::nullopt, std::nullopt, std::string(loaded.status().message())});
      }
    }
  }
  // Groups of slots simulated together: one brand's campaigns under `check`, else
  // each file alone. In the order of each group's first file.
  const bool portfolio = options_.stage == SessionOptions::Stage::kCheck;
  std::vector<std::vector<size_t>> groups;
  absl::flat_hash_map<std::string, size_t> group_of_brand;
  for (size_t i = 0; i < slots.size(); ++i) {
    if (!slots[i].loaded) continue;
    const std::string key =
        portfolio ? BrandKey(slots[i].loaded->campaign.campaign.brand.value) : std::string();
    if (key.empty()) {
      groups.push_back({i});
      continue;
    }
    auto [it, added] = group_of_brand.emplace(key, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  AnalysisRun run;
  for (const std::vector<size_t>& group : groups) {
    std::vector<std::unique_ptr<Prepared>> prepared;
    std::vector<size_t> prepared_slots;
    for (size_t i : group) {
      absl::StatusOr<std::unique_ptr<Prepared>> file =
          Prepare(slots[i].path, std::move(*slots[i].loaded), /*alone=*/group.size() == 1);
      slots[i].loaded.reset();
      if (!file.ok()) {
        slots[i].error = std::string(file.status().message());
        continue;
      }
      prepared.push_back(std::move(*file));
      prepared_slots.push_back(i);
    }
    std::vector<Prepared*> members;
    for (const auto& file : prepared) members.push_back(file.get());
    std::optional<PortfolioSummary> summary = SimulateGroup(members);
    if (summary) run.portfolios.push_back(std::move(*summary));
    for (size_t k = 0; k < prepared.size(); ++k) {
      slots[prepared_slots[k]].result = Finish(*prepared[k]);
    }
  }
  phone_metadata.join();
  checks_ready.join();
  for (Slot& slot : slots) {
    if (slot.result) {
      run.results.push_back(std::move(*slot.result));
    } else if (!slot.error.empty()) {
      run.errors.push_back(std::move(slot.error));
    }
  }
  return run;
}

absl::StatusOr<std::vector<Diagnostic>> Session::CheckText(const MessageContext& context,
                                                           const std::string& input_name) {
  RETURN_IF_ERROR(AwaitRules());
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
