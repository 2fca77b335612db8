#include "text/line_index.h"

#include <algorithm>

#include "util/strings.h"

namespace smslint {

LineIndex::LineIndex(std::string_view text) {
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    starts_.push_back(i + 1);
  }
}

size_t LineIndex::LineStart(int line) const {
  if (line < 1 || line > line_count()) return std::string_view::npos;
  return starts_[line - 1];
}

std::string_view LineIndex::Line(std::string_view text, int line) const {
  size_t start = LineStart(line);
  if (start == std::string_view::npos || start > text.size()) return {};
  size_t end = line < line_count() ? starts_[line] - 1 : text.size();
  std::string_view out = text.substr(start, std::min(end, text.size()) - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

Position LineIndex::At(std::string_view text, size_t offset) const {
  offset = std::min(offset, text.size());
  // The last line start at or before `offset`.
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const size_t line = static_cast<size_t>(it - starts_.begin());
  const size_t start = starts_[line - 1];
  return {static_cast<int>(line), CodePointColumn(text.substr(start), offset - start) + 1};
}

}  // namespace smslint
