// Opt-out instructions as people write them: "Reply STOP to opt out", "Text STOP to
// end", "STOP2END", "txt STOP", "stop=end", "Responde BAJA para cancelar", "Répondez
// ARRÊT pour vous désabonner", with the keywords, verbs and actions of every language
// in rules/data/opt-out-keywords.yml. Shared by content/missing-opt-out and
// content/incomplete-opt-in-confirmation.
#ifndef SMSLINT_CHECKS_OPT_OUT_LANGUAGE_H_
#define SMSLINT_CHECKS_OPT_OUT_LANGUAGE_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace smslint {

// [begin, end) of the first opt-out instruction in `body`, or nullopt.
std::optional<std::pair<size_t, size_t>> FindOptOutInstruction(std::string_view body);

}  // namespace smslint

#endif  // SMSLINT_CHECKS_OPT_OUT_LANGUAGE_H_
