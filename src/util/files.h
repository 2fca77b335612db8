// File helpers: bounded reads and atomic writes, as Status.
#ifndef SMSLINT_UTIL_FILES_H_
#define SMSLINT_UTIL_FILES_H_

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace smslint {

// Largest campaign file accepted (recipient CSVs have their own reader).
inline constexpr size_t kMaxCampaignBytes = 64u << 20;

// Reads a whole file ("-" reads stdin) up to `max_bytes`; a larger file, a
// directory, or an unreadable one is an error whose message starts with the path.
absl::StatusOr<std::string> ReadFileBounded(const std::string& path, size_t max_bytes);

// Writes via a temporary file in the same directory and rename(2): readers see the
// old file or the whole new one, never half. A new file gets `mode` less the umask
// (0600 for one that holds recipient numbers).
absl::Status WriteFileAtomically(const std::string& path, const std::string& bytes,
                                 mode_t mode = 0666);

// The same, written as it is produced (an output too large to hold in memory): a
// temporary file beside `path`, renamed over it by Commit; a device is written in
// place. Destroyed without Commit, it removes the temporary file and `path` is
// untouched.
class AtomicOutputFile {
 public:
  static absl::StatusOr<std::unique_ptr<AtomicOutputFile>> Open(const std::string& path,
                                                                mode_t mode = 0666);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  absl::Status Write(std::string_view bytes);
  absl::Status Commit();

 private:
  AtomicOutputFile() = default;
  std::string path_;
  std::string temp_path_;  // empty for a device written in place, or once renamed
  int fd_ = -1;
  mode_t mode_ = 0666;
  bool in_place_ = false;
};

// Expands files and directories (every *.yaml / *.yml below, sorted) in order. In a
// directory, symbolic links to directories are not descended into, and a linked
// campaign file whose target lies outside the directory is skipped.
absl::StatusOr<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs);

// `path` made absolute with every symbolic link resolved (weakly_canonical: the part
// that does not exist is kept as written, normalised).
std::filesystem::path ResolvedPath(const std::filesystem::path& path);

// Whether `path` is `root` or lies below it, both as ResolvedPath returns them.
bool IsWithin(const std::filesystem::path& path, const std::filesystem::path& root);

}  // namespace smslint

#endif  // SMSLINT_UTIL_FILES_H_
