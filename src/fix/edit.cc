#include "fix/edit.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "util/strings.h"

namespace smslint {
namespace {

// Lines with their newline (the last may have none).
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(start, end - start));
    start = end;
  }
  return lines;
}

enum class Op { kKeep, kRemove, kAdd };
struct DiffLine {
  Op op;
  std::string_view text;
};

// The line-level edit script between a and b: common prefix and suffix, and a
// longest-common-subsequence table over what differs (a few lines for a plan; past
// kMaxCells the middle is shown as removed then added, still a correct diff).
std::vector<DiffLine> DiffLines(const std::vector<std::string_view>& a,
                                const std::vector<std::string_view>& b) {
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::vector<DiffLine> out;
  for (size_t i = 0; i < prefix; ++i) out.push_back({Op::kKeep, a[i]});
  const size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  constexpr size_t kMaxCells = 4'000'000;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= kMaxCells) {
    std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        out.push_back({Op::kKeep, a[prefix + i]});
        ++i, ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        out.push_back({Op::kRemove, a[prefix + i++]});
      } else {
        out.push_back({Op::kAdd, b[prefix + j++]});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) out.push_back({Op::kRemove, a[prefix + i]});
    for (size_t j = 0; j < m; ++j) out.push_back({Op::kAdd, b[prefix + j]});
  }
  for (size_t i = a.size() - suffix; i < a.size(); ++i) out.push_back({Op::kKeep, a[i]});
  return out;
}

void AppendLine(std::string& out, char mark, std::string_view line) {
  out.push_back(mark);
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

absl::StatusOr<std::string> ApplyEdits(std::string_view text, std::vector<TextEdit> edits) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::string out;
  size_t at = 0;
  for (const TextEdit& e : edits) {
    if (e.begin < at || e.end < e.begin || e.end > text.size()) {
      return absl::InvalidArgumentError("overlapping or out-of-range edits");
    }
    out.append(text.substr(at, e.begin - at));
    out.append(e.replacement);
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  const std::vector<std::string_view> a = SplitLines(before), b = SplitLines(after);
  const std::vector<DiffLine> lines = DiffLines(a, b);
  constexpr size_t kContext = 3;
  std::string out = absl::StrCat("--- a/", AsAbsl(path), "\n+++ b/", AsAbsl(path), "\n");
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].op == Op::kKeep) {
      ++i;
      continue;
    }
    // A hunk: from kContext kept lines before this change to kContext after the last
    // change that is at most 2 x kContext kept lines from the next.
    size_t begin = i >= kContext ? i - kContext : 0;
    size_t end = i;
    size_t kept_run = 0;
    for (size_t k = i; k < lines.size(); ++k) {
      if (lines[k].op == Op::kKeep) {
        if (++kept_run > 2 * kContext) break;
      } else {
        kept_run = 0;
        end = k + 1;
      }
    }
    end = std::min(lines.size(), end + kContext);
    size_t old_start = 1, new_start = 1;
    for (size_t k = 0; k < begin; ++k) {
      if (lines[k].op != Op::kAdd) ++old_start;
      if (lines[k].op != Op::kRemove) ++new_start;
    }
    size_t old_count = 0, new_count = 0;
    for (size_t k = begin; k < end; ++k) {
      if (lines[k].op != Op::kAdd) ++old_count;
      if (lines[k].op != Op::kRemove) ++new_count;
    }
    absl::StrAppend(&out, "@@ -", old_count == 0 ? old_start - 1 : old_start, ",", old_count, " +",
                    new_count == 0 ? new_start - 1 : new_start, ",", new_count, " @@\n");
    for (size_t k = begin; k < end; ++k) {
      AppendLine(out,
                 lines[k].op == Op::kKeep  ? ' '
                 : lines[k].op == Op::kAdd ? '+'
                                           : '-',
                 lines[k].text);
    }
    i = end;
  }
  return out;
}

}  // namespace smslint
