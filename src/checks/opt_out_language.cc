#include "checks/opt_out_language.h"

#include "re2/re2.h"

namespace smslint {

std::optional<std::pair<size_t, size_t>> FindOptOutInstruction(std::string_view body) {
  // "Reply STOP", "txt stop", "Text the word END", "send UNSUBSCRIBE": a verb of
  // sending followed by a keyword, in any case.
  static const RE2* kVerbThenKeyword = new RE2(
      "(?i)\\b(?:reply|replying|respond|text|txt|texting|send|sms|msg|message)\\b"
      "(?:\\s+(?:with|back))?(?:\\s+the\\s+word)?\\s*[:\"'\\x{201C}\\x{2018}]?\\s*"
      "(?:stop\\s?all|stop|end|cancel|unsubscribe|unsub|quit|revoke|opt[\\s-]?out)\\b");
  // "STOP to end", "STOP2END", "stop=end", "STOP to opt out": a keyword followed by
  // what it does. The keyword is upper case (or "stop") so "end to end" is not one.
  static const RE2* kKeywordThenAction = new RE2(
      "\\b(?:STOP\\s?ALL|STOP|[Ss]top|END|CANCEL|UNSUBSCRIBE|QUIT|REVOKE|OPT[\\s-]?OUT)"
      "\\s*(?:2|to|TO|=|:|-|>|=>)\\s*"
      "(?i:end|stop|cancel|quit|opt[\\s-]?out|unsub(?:scribe)?|be\\s+removed|remove|leave)\\b");
  re2::StringPiece input(body.data(), body.size());
  std::optional<std::pair<size_t, size_t>> best;
  for (const RE2* re : {kVerbThenKeyword, kKeywordThenAction}) {
    re2::StringPiece m;
    if (re->Match(input, 0, body.size(), RE2::UNANCHORED, &m, 1)) {
      size_t begin = static_cast<size_t>(m.data() - body.data());
      if (!best || begin < best->first) best = std::make_pair(begin, begin + m.size());
    }
  }
  return best;
}

}  // namespace smslint
