// Session: one run of smslint over its inputs. Built once per run: the rule packs,
// the rule catalogue, and caches of configs, rule engines and route profiles; then
// each campaign file goes through the stages (stages.h) and one finalise pass
// (finalise.h). The whole run of a file is Session::AnalyzeFile.
#ifndef SMSLINT_PIPELINE_SESSION_H_
#define SMSLINT_PIPELINE_SESSION_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "campaign/loader.h"
#include "diag/rule_catalog.h"
#include "lint/check.h"
#include "lint/config.h"
#include "lint/engine.h"
#include "lint/yaml_rule.h"
#include "report/file_result.h"
#include "sim/profile.h"

namespace smslint {

struct SessionOptions {
  // kLint: schema + content (recipients header only). kCheck: everything, with the
  // simulation.
  enum class Stage { kLint, kCheck } stage = Stage::kCheck;
  std::string profile_override;
  uint64_t seed = 1;
  bool show_pii = false;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string config;  // --config; "" looks for .smslint.yaml next to each file
  // --allow-outside: directories recipients and suppression files may be read from
  // besides the campaign file's own directory tree.
  std::vector<std::string> allow_outside;
  // The clock for data/start-in-past. The infinite past: Create reads CurrentTime()
  // (SMSLINT_NOW, else the system clock).
  absl::Time now = absl::InfinitePast();
};

struct AnalysisRun {
  std::vector<FileResult> results;  // the files that could be processed
  std::vector<std::string> errors;  // "path:line:col: error: ..." for the others
  // Under `check`, each brand with two or more simulated campaigns (DESIGN.md
  // "Portfolio"), in the order of its first file.
  std::vector<PortfolioSummary> portfolios;
};

class Session {
 public:
  // Loads the rule packs (embedded and --rules) and builds the catalogue; a broken
  // rule file is an error "path:line:col: error: ..." (exit 2).
  static absl::StatusOr<std::unique_ptr<Session>> Create(SessionOptions options);

  // Every stage on one campaign file. A Status error means the file could not be
  // processed (exit 2); its message is "path:line:col: error: ...".
  absl::StatusOr<FileResult> AnalyzeFile(const std::string& path);

  // Every stage on each input (files, directories, "-"), in order. A file that
  // cannot be processed is an error line; the others are still analysed. Under
  // `check`, the campaigns of one brand (campaign.brand, BrandKey) are simulated
  // together as a portfolio; a brand with one campaign is simulated as AnalyzeFile
  // does.
  AnalysisRun AnalyzeInputs(const std::vector<std::string>& inputs);

  // The content rules on one message body (`smslint text`), with the config of the
  // working directory (or --config) applied; spans name `input_name`, sorted.
  absl::StatusOr<std::vector<Diagnostic>> CheckText(const MessageContext& context,
                                                    const std::string& input_name);

  // Every rule smslint knows: schema, content (embedded and --rules), data, traffic.
  const RuleCatalog& catalog() const;

  ~Session();

 private:
  explicit Session(SessionOptions options) : options_(std::move(options)) {}

  // The rule packs and the catalogue. With the embedded pack alone (no --rules),
  // Create builds them on a thread of their own, so compiling the patterns overlaps
  // reading the campaign files; AwaitRules waits for it (its status: the pack's).
  absl::Status LoadRules();
  absl::Status AwaitRules() const;

  // One campaign file between its content stages and its simulation.
  struct Prepared;
  // The stages before the simulation, on a loaded campaign file. `alone`: the file
  // is simulated by itself (not in a brand's portfolio), so its send plan and queue
  // are built on another core meanwhile.
  absl::StatusOr<std::unique_ptr<Prepared>> Prepare(const std::string& path, LoadResult loaded,
                                                    bool alone);
  // The simulation of `group` (one campaign alone, or a brand's portfolio); the
  // portfolio's summary when there are two or more simulated campaigns.
  std::optional<PortfolioSummary> SimulateGroup(const std::vector<Prepared*>& group);
  // The traffic findings finalised, the unused suppressions, the sort.
  FileResult Finish(Prepared& file);

  absl::StatusOr<const Config*> ConfigFor(const std::string& campaign_path);
  // A rule id (not a glob) in the config that no rule has is an error at its line.
  absl::Status CheckRuleIds(const Config& config) const;
  absl::StatusOr<const RuleEngine*> EngineFor(const Config& config);
  absl::StatusOr<const Profile*> ProfileFor(const Campaign& campaign);

  SessionOptions options_;
  std::vector<YamlRule> rule_pack_;
  RuleCatalog catalog_;
  mutable std::thread rules_loader_;
  mutable std::once_flag rules_loaded_;
  absl::Status rules_status_;
  // Keyed by the campaign's folder (or --config), the config's path, the profile's name.
  absl::flat_hash_map<std::string, std::unique_ptr<Config>> configs_;
  absl::flat_hash_map<std::string, std::unique_ptr<RuleEngine>> engines_;
  absl::flat_hash_map<std::string, std::unique_ptr<Profile>> profiles_;
};

// The catalogue for `rule_pack` (see LoadRulePacks): schema, content, data, traffic.
RuleCatalog BuildRuleCatalog(const std::vector<YamlRule>& rule_pack);

}  // namespace smslint

#endif  // SMSLINT_PIPELINE_SESSION_H_
