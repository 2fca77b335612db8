// Word-level helpers for content rules: placeholder masking, whole-word search,
// and the RE2 pattern that matches a word with its common inflections.
#ifndef SMSLINT_TEXT_WORDS_H_
#define SMSLINT_TEXT_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace smslint {

// `body` with every `{{...}}` placeholder replaced by spaces of the same length, so
// byte offsets stay valid and placeholder names never read as message words.
std::string MaskPlaceholders(std::string_view body);

// ASCII letter, digit or underscore: the characters RE2's \b treats as a word.
bool IsWordByte(char c);

// Byte offset of the first case-insensitive, whole-word occurrence of `phrase` in
// `text` (whitespace in `phrase` matches any run of whitespace), or npos.
// `match_end` receives the end offset when non-null.
size_t FindWholeWord(std::string_view text, std::string_view phrase, size_t* match_end = nullptr);

// An RE2 fragment (no anchors, no flags) matching `word` and its common English
// inflections: -s, -es, -ed, -ing, -er(s) are not included on purpose (a "loaner"
// is not a "loan"); a final e is dropped before -ing; y becomes -ies/-ied; a short
// consonant-vowel-consonant word doubles its last letter (bet -> betting).
// Multi-word phrases inflect their last word and accept any whitespace between words.
std::string InflectedWordPattern(std::string_view word);

// Lower-cases ASCII letters.
std::string AsciiLower(std::string_view text);

}  // namespace smslint

#endif  // SMSLINT_TEXT_WORDS_H_
