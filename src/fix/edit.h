// Edits as data: a byte span of a file and its replacement. Every fixer builds a
// list of them (the recommended plan today, content fixes later); one function
// applies them and one prints them as a unified diff, so `--apply-plan` and `--diff`
// show and write exactly the same change.
#ifndef SMSLINT_FIX_EDIT_H_
#define SMSLINT_FIX_EDIT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace smslint {

struct TextEdit {
  size_t begin = 0;  // byte offsets into the original text, [begin, end)
  size_t end = 0;
  std::string replacement;
};

// `text` with `edits` applied (in any order). Overlapping edits or spans past the
// end are an error: two fixes that touch the same bytes cannot both be right.
absl::StatusOr<std::string> ApplyEdits(std::string_view text, std::vector<TextEdit> edits);

// A unified diff (`diff -u` format, 3 lines of context) from `before` to `after`,
// labelled a/`path` and b/`path`; "" when they are equal.
std::string UnifiedDiff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace smslint

#endif  // SMSLINT_FIX_EDIT_H_
