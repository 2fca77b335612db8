// Data files under rules/ compiled into the binary (see CMakeLists.txt).
#ifndef SMSLINT_UTIL_EMBEDDED_DATA_H_
#define SMSLINT_UTIL_EMBEDDED_DATA_H_

#include <optional>
#include <string_view>
#include <vector>

namespace smslint {

struct EmbeddedFile {
  std::string_view path;  // relative to the project root: "rules/ctia/shaft.yml"
  std::string_view content;
};

// Every embedded file, sorted by path.
const std::vector<EmbeddedFile>& EmbeddedFiles();

// The content of `path`, or nullopt.
std::optional<std::string_view> FindEmbeddedFile(std::string_view path);

// Embedded files whose path starts with `prefix` ("rules/profiles/").
std::vector<EmbeddedFile> EmbeddedFilesUnder(std::string_view prefix);

}  // namespace smslint

#endif  // SMSLINT_UTIL_EMBEDDED_DATA_H_
