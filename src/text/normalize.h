// Text normalisation for content matching: the disguises spam uses to slip past
// word lists, undone, with a map back to the original bytes so findings point at
// what the sender wrote.
//   - look-alike digits inside words: 0→o, 1→i (or l), 3→e, 4→a, 5→s ("acc0unt",
//     "v3rify", "fr33"), only in a word that starts with a letter and has two or more
//     letters, so "4pm", "150p", "2FA" and "1st" stay as written;
//   - dotted acronyms: "K.Y.C" and "K.Y.C." read "KYC";
//   - styled Unicode letters and digits (mathematical bold/italic/script/..., fullwidth,
//     circled) read as ASCII; zero-width characters and soft hyphens are dropped.
#ifndef SMSLINT_TEXT_NORMALIZE_H_
#define SMSLINT_TEXT_NORMALIZE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

struct NormalizedText {
  std::string text;
  // For each byte of `text`: the original byte range it came from.
  std::vector<size_t> begin;
  std::vector<size_t> end;
  bool changed = false;  // false when `text` equals the input

  // The original byte range of [b, e) in `text` (b < e <= text.size()).
  std::pair<size_t, size_t> Original(size_t b, size_t e) const { return {begin[b], end[e - 1]}; }
};

// `one_as_l`: read a look-alike 1 as "l" instead of "i" ("paypa1", "l0g1n" differ).
NormalizedText NormalizeForMatching(std::string_view input, bool one_as_l = false);

}  // namespace smslint

#endif  // SMSLINT_TEXT_NORMALIZE_H_
