#include "lint/check.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/strings.h"

namespace smslint {

absl::Status UnknownOptionError(std::string_view where, std::string_view rule_id,
                                std::string_view name, const std::vector<std::string_view>& known) {
  std::string guess = DidYouMean(name, known);
  std::string hint;
  if (!guess.empty()) {
    hint = absl::StrCat("; did you mean '", guess, "'?");
  } else if (!known.empty()) {
    std::vector<std::string> names(known.begin(), known.end());
    hint = absl::StrCat(" (options: ", absl::StrJoin(names, ", "), ")");
  }
  return absl::InvalidArgumentError(absl::StrCat(AsAbsl(where), ": error: rule ", AsAbsl(rule_id),
                                                 " has no option '", AsAbsl(name), "'", hint));
}

absl::Status ContentCheck::Configure(const CheckOptions& options) {
  if (options.values.empty()) return absl::OkStatus();
  return UnknownOptionError(options.where, Info().id, options.values.front().first, {});
}

}  // namespace smslint
