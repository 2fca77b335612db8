#include "lint/rule_pack.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "util/embedded_data.h"
#include "util/files.h"
#include "util/status.h"
#include "util/strings.h"
#include "util/threads.h"

namespace smslint {
namespace {

constexpr size_t kMaxRuleFileBytes = 1u << 20;
constexpr size_t kMaxRuleFiles = 10000;

bool IsRuleFileName(std::string_view path) {
  return absl::EndsWith(AsAbsl(path), ".yml") || absl::EndsWith(AsAbsl(path), ".yaml");
}

// Two files with one id would make `explain` and config settings ambiguous.
absl::Status CheckUniqueIds(const std::vector<YamlRule>& rules) {
  absl::flat_hash_map<std::string, const YamlRule*> seen;
  for (const YamlRule& r : rules) {
    auto [it, inserted] = seen.emplace(r.info.id, &r);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat(r.info.origin, ":1:1: error: rule id '",
                                                     r.info.id, "' is already defined in ",
                                                     it->second->info.origin));
    }
  }
  return absl::OkStatus();
}

void SortById(std::vector<YamlRule>& rules) {
  std::sort(rules.begin(), rules.end(),
            [](const YamlRule& a, const YamlRule& b) { return a.info.id < b.info.id; });
}

}  // namespace

std::vector<EmbeddedFile> EmbeddedRuleFiles() {
  std::vector<EmbeddedFile> files;
  for (const EmbeddedFile& file : EmbeddedFilesUnder("rules/")) {
    if (absl::StartsWith(AsAbsl(file.path), "rules/profiles/") ||
        absl::StartsWith(AsAbsl(file.path), "rules/data/")) {
      continue;
    }
    if (IsRuleFileName(file.path)) files.push_back(file);
  }
  return files;
}

namespace {

absl::StatusOr<std::vector<YamlRule>> ParseEmbeddedRulePack() {
  const std::vector<EmbeddedFile> embedded = EmbeddedRuleFiles();
  std::vector<const EmbeddedFile*> files;
  for (const EmbeddedFile& file : embedded) files.push_back(&file);
  // Compiling the patterns is most of a small `lint` run: the files are parsed on
  // every core, each result kept in its file's slot so the order never changes.
  std::vector<absl::StatusOr<YamlRule>> parsed(files.size(), absl::UnknownError(""));
  const size_t threads =
      std::max<size_t>(1, std::min<size_t>(files.size(), std::thread::hardware_concurrency()));
  auto work = [&](size_t t) {
    for (size_t i = t; i < files.size(); i += threads)
      parsed[i] = ParseYamlRule(files[i]->path, files[i]->content, RuleFileOrigin::kEmbedded);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.push_back(StartThread(work, t));
  work(0);
  for (std::thread& thread : pool) thread.join();
  std::vector<YamlRule> rules;
  for (absl::StatusOr<YamlRule>& rule : parsed) {
    if (!rule.ok()) return rule.status();
    rules.push_back(std::move(*rule));
  }
  RETURN_IF_ERROR(CheckUniqueIds(rules));
  SortById(rules);
  return rules;
}

}  // namespace

absl::StatusOr<std::vector<YamlRule>> LoadEmbeddedRulePack() {
  // Parsed once per process: the pack is compiled in, and its compiled patterns are
  // shared (immutable RE2s) by every copy.
  static const auto* pack = new absl::StatusOr<std::vector<YamlRule>>(ParseEmbeddedRulePack());
  return *pack;
}

absl::StatusOr<std::vector<YamlRule>> LoadRuleDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return absl::InvalidArgumentError(
        absl::StrCat(dir, ": error: --rules needs a directory of rule files (*.yml)"));
  }
  std::vector<std::string> paths;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && IsRuleFileName(it->path().filename().string())) {
      paths.push_back(it->path().string());
      if (paths.size() > kMaxRuleFiles) {
        return absl::InvalidArgumentError(absl::StrCat(dir, ": error: more than 10000 rule files"));
      }
    }
  }
  if (ec) return absl::InvalidArgumentError(absl::StrCat(dir, ": error: ", ec.message()));
  std::sort(paths.begin(), paths.end());
  std::vector<YamlRule> rules;
  for (const std::string& path : paths) {
    ASSIGN_OR_RETURN(std::string text, ReadFileBounded(path, kMaxRuleFileBytes));
    ASSIGN_OR_RETURN(YamlRule rule, ParseYamlRule(path, text));
    rules.push_back(std::move(rule));
  }
  RETURN_IF_ERROR(CheckUniqueIds(rules));
  SortById(rules);
  return rules;
}

}  // namespace smslint
