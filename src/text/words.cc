#include "text/words.h"

#include <cctype>
#include <memory>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "re2/re2.h"
#include "util/strings.h"

namespace smslint {

std::string MaskPlaceholders(std::string_view body) {
  std::string out(body);
  size_t i = 0;
  while (true) {
    size_t open = out.find("{{", i);
    if (open == std::string::npos) break;
    size_t close = out.find("}}", open + 2);
    if (close == std::string::npos) break;
    size_t next_open = out.find("{{", open + 2);
    if (next_open != std::string::npos && next_open < close) {
      i = open + 2;
      continue;
    }
    for (size_t k = open; k < close + 2; ++k) out[k] = ' ';
    i = close + 2;
  }
  return out;
}

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

size_t FindWholeWord(std::string_view text, std::string_view phrase, size_t* match_end) {
  // The same phrase (a campaign's brand) is looked up in every template: keep the
  // last compiled pattern per thread rather than compiling it for each message.
  thread_local std::string cached_phrase;
  thread_local std::unique_ptr<RE2> cached;
  if (!cached || cached_phrase != phrase) {
    std::vector<std::string> words = absl::StrSplit(AsAbsl(phrase), ' ', absl::SkipEmpty());
    if (words.empty()) return std::string_view::npos;
    std::vector<std::string> quoted;
    for (const std::string& w : words) quoted.push_back(RE2::QuoteMeta(w));
    cached = std::make_unique<RE2>("(?i)\\b" + absl::StrJoin(quoted, "\\s+") + "\\b");
    cached_phrase = std::string(phrase);
  }
  const RE2& re = *cached;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  if (!re.ok() || !re.Match(input, 0, input.size(), RE2::UNANCHORED, &match, 1)) {
    return std::string_view::npos;
  }
  size_t begin = static_cast<size_t>(match.data() - text.data());
  if (match_end != nullptr) *match_end = begin + match.size();
  return begin;
}

namespace {

bool IsVowel(char c) {
  return std::string_view("aeiou").find(std::tolower(c)) != std::string_view::npos;
}

std::string InflectOneWord(const std::string& word) {
  std::string q = RE2::QuoteMeta(word);
  size_t n = word.size();
  bool alpha = n >= 2;
  for (char c : word) alpha = alpha && std::isalpha(static_cast<unsigned char>(c));
  if (!alpha) return q;
  std::vector<std::string> forms = {q + "(?:s|es|ed|d)?"};
  char last = static_cast<char>(std::tolower(static_cast<unsigned char>(word[n - 1])));
  char before = static_cast<char>(std::tolower(static_cast<unsigned char>(word[n - 2])));
  if (last == 'e') {
    forms.push_back(RE2::QuoteMeta(word.substr(0, n - 1)) + "ing");
  } else {
    forms.push_back(q + "ing");
  }
  if (last == 'y' && !IsVowel(before)) {
    forms.push_back(RE2::QuoteMeta(word.substr(0, n - 1)) + "(?:ies|ied)");
  }
  if (n <= 4 && n >= 3 && !IsVowel(last) && IsVowel(before) && !IsVowel(word[n - 3]) &&
      last != 'w' && last != 'x' && last != 'y') {
    forms.push_back(q + RE2::QuoteMeta(std::string(1, word[n - 1])) + "(?:ed|ing)");
  }
  return "(?:" + absl::StrJoin(forms, "|") + ")";
}

}  // namespace

std::string InflectedWordPattern(std::string_view word) {
  std::vector<std::string> words = absl::StrSplit(AsAbsl(word), ' ', absl::SkipEmpty());
  if (words.empty()) return "";
  std::vector<std::string> parts;
  for (size_t i = 0; i + 1 < words.size(); ++i) parts.push_back(RE2::QuoteMeta(words[i]));
  parts.push_back(InflectOneWord(words.back()));
  return absl::StrJoin(parts, "\\s+");
}

}  // namespace smslint
