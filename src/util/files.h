// File helpers: bounded reads and atomic writes, as Status.
#ifndef SMSLINT_UTIL_FILES_H_
#define SMSLINT_UTIL_FILES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace smslint {

// Largest campaign file accepted (recipient CSVs have their own reader).
inline constexpr size_t kMaxCampaignBytes = 64u << 20;

// Reads a whole file ("-" reads stdin) up to `max_bytes`; a larger file, a
// directory, or an unreadable one is an error whose message starts with the path.
absl::StatusOr<std::string> ReadFileBounded(const std::string& path, size_t max_bytes);

// Writes via a temporary file in the same directory and rename(2): readers see the
// old file or the whole new one, never half.
absl::Status WriteFileAtomically(const std::string& path, const std::string& bytes);

// Expands files and directories (every *.yaml / *.yml below, sorted) in order.
absl::StatusOr<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs);

}  // namespace smslint

#endif  // SMSLINT_UTIL_FILES_H_
