// Near-duplicate bodies: carriers match messages that differ by a word or a number,
// not only byte-equal ones. Bodies are compared as sets of word bigrams (Jaccard
// similarity); bodies at or above a threshold join one class (transitively).
#ifndef SMSLINT_TEXT_SIMILARITY_H_
#define SMSLINT_TEXT_SIMILARITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

// The hashed word bigrams of `text` (lower-cased ASCII letters and digits, every other
// byte a separator; bytes >= 0x80 kept as word characters), sorted and unique. A text
// of one word is that word alone.
std::vector<uint64_t> WordShingles(std::string_view text);

// |a ∩ b| / |a ∪ b| of two sorted, unique shingle sets; 1 when both are empty.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// For each text, the index of its class: texts whose similarity reaches `threshold`
// (0-1) share a class, numbered from 0 in order of first appearance. Pairwise up to
// kMaxPairwiseTexts texts; above that, only identical shingle sets share a class.
inline constexpr size_t kMaxPairwiseTexts = 4000;
std::vector<int> SimilarityClasses(const std::vector<std::string>& texts, double threshold);

}  // namespace smslint

#endif  // SMSLINT_TEXT_SIMILARITY_H_
