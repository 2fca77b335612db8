// Helpers for recipient tests: a scratch directory with a campaign around a CSV.
#ifndef SMSLINT_TESTS_CAMPAIGN_RECIPIENTS_TEST_UTIL_H_
#define SMSLINT_TESTS_CAMPAIGN_RECIPIENTS_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "checks/data_rules.h"

namespace smslint::testing {

// A fresh directory under the system temp dir, removed with the object.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("smslint-rcp-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string full = (path_ / name).string();
    std::ofstream(full, std::ios::binary) << bytes;
    return full;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// A campaign in `dir` whose recipients.file is `csv` (line 10, column 9).
inline Campaign CampaignWithFile(const ScratchDir& dir, const std::string& csv,
                                 const std::string& country = "US") {
  Campaign c;
  c.path = dir.path() + "/campaign.yaml";
  c.dir = dir.path();
  c.campaign.country = {country, {4, 12}, true};
  c.recipients.file = {csv, {10, 9}, true};
  c.recipients.pos = {10, 3};
  return c;
}

inline const Diagnostic* FindRule(const std::vector<Diagnostic>& diagnostics,
                                  const std::string& rule) {
  for (const Diagnostic& d : diagnostics)
    if (d.rule == rule) return &d;
  return nullptr;
}

inline RecipientLoadResult LoadOk(const Campaign& c) {
  absl::StatusOr<RecipientLoadResult> r = LoadRecipients(c, RecipientLoadMode::kFull);
  if (!r.ok()) return RecipientLoadResult{};
  return std::move(*r);
}

// The reader's result and every data rule's findings on it.
struct CheckedRecipients : RecipientLoadResult {
  std::vector<Diagnostic> diagnostics;
};

inline CheckedRecipients LoadAndCheck(const Campaign& c, bool show_pii = false,
                                      RecipientLoadMode mode = RecipientLoadMode::kFull) {
  CheckedRecipients out;
  absl::StatusOr<RecipientLoadResult> r = LoadRecipients(c, mode);
  if (!r.ok()) return out;
  static_cast<RecipientLoadResult&>(out) = std::move(*r);
  out.diagnostics = RunDataRules(c, out.table, out.facts, show_pii);
  return out;
}

// Every text of a finding, for searching for leaked numbers.
inline std::string AllText(const std::vector<Diagnostic>& diagnostics) {
  std::string all;
  for (const Diagnostic& d : diagnostics) {
    all += d.message + "\n" + d.suggestion + "\n";
    for (const std::string& n : d.notes) all += n + "\n";
  }
  return all;
}

}  // namespace smslint::testing

#endif  // SMSLINT_TESTS_CAMPAIGN_RECIPIENTS_TEST_UTIL_H_
