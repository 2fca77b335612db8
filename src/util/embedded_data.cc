#include "util/embedded_data.h"

#include <algorithm>

namespace smslint {

std::optional<std::string_view> FindEmbeddedFile(std::string_view path) {
  const auto& files = EmbeddedFiles();
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const EmbeddedFile& f, std::string_view p) { return f.path < p; });
  if (it == files.end() || it->path != path) return std::nullopt;
  return it->content;
}

std::vector<EmbeddedFile> EmbeddedFilesUnder(std::string_view prefix) {
  std::vector<EmbeddedFile> out;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path.substr(0, prefix.size()) == prefix) out.push_back(f);
  }
  return out;
}

}  // namespace smslint
