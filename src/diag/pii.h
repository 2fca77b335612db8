// The one masking policy for phone numbers: every output (text, JSON, SARIF,
// GitHub, JUnit, HTML) shows recipient numbers through these functions unless
// --show-pii. Sender numbers belong to the business and are shown as written.
//
// Which digits stay visible:
//   - a valid number: its country code, up to three more digits and the last four;
//     at least three digits are hidden (MaskNumber);
//   - any other text: its first three and last two digits when it has more than
//     six, else none.
// A finding shows a valid number normalised ("+1212•••0142"); text that must keep
// its width (a quoted source line) hides the same digits, one bullet per digit.
#ifndef SMSLINT_DIAG_PII_H_
#define SMSLINT_DIAG_PII_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

// "+1212•••0142" from the E.164 digits 12125550142; "•••" for 0 (no number).
std::string MaskNumber(uint64_t e164_digits);
// The same from E.164 text ("+12125550142"); non-digits are ignored.
std::string MaskNumber(std::string_view e164_text);

// A recipient number as written, for a finding: the normalised number masked when
// it is valid (`e164` != 0), else the text with its digits masked one for one (cut
// to 40 bytes, control characters shown as '?'); as written when `show_pii`.
std::string ShowRecipientNumber(std::string_view written, uint64_t e164, bool show_pii);

// `written` with the digits the policy hides replaced one for one by '•', so
// columns still line up: for a valid number (`e164` != 0) the digits MaskNumber
// hides, counted from the end (national and E.164 forms agree); else all but the
// first three and last two (every digit when there are six or fewer).
std::string MaskNumberInPlace(std::string_view written, uint64_t e164);

// [begin, end) byte offsets of an inline recipient number in the campaign source,
// and the number's E.164 digits when it is valid (else 0).
struct SourceRange {
  size_t begin = 0;
  size_t end = 0;
  uint64_t e164 = 0;
};

// The campaign source as reports may quote it: each range (an inline recipients
// list item) masked in place with MaskNumberInPlace. Overlapping or out-of-range
// ranges are skipped.
std::string MaskInlineRecipients(std::string_view source, std::vector<SourceRange> ranges);

// Numbers a report may show as written: the campaign's senders and the numbers its
// template bodies print (both the business's own), as digit strings.
class PublishedNumbers {
 public:
  // Every number MaskNumbersInText would recognise in `text`.
  void AddFrom(std::string_view text);
  bool Contains(std::string_view digits) const;

 private:
  std::vector<std::string> digits_;
};

// The last line of defence, run over every string a report carries (messages,
// notes, suggestions, quoted source lines, facts): each phone-number-like run of
// digits, in any Unicode digit script (ASCII, fullwidth, Arabic-Indic, Devanagari,
// ...), is masked in place like MaskNumberInPlace, unless `published` holds it.
// A run is a number when it is not part of a word and holds, with '-', '.', '('
// and ')' between groups (and spaces after a '+' or '('; else single spaces
// between groups of two to four digits, "212 555 0142"), 10 to 15 digits, or
// 7 or more after a '+'; longer runs of digits are masked as other text. Dates,
// times, counts written with commas and line numbers are left alone.
std::string MaskNumbersInText(std::string_view text, const PublishedNumbers& published);

}  // namespace smslint

#endif  // SMSLINT_DIAG_PII_H_
