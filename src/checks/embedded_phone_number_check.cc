#include "checks/embedded_phone_number_check.h"

#include <cctype>
#include <string>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "text/words.h"

namespace smslint {
namespace {

std::string Digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) out.push_back(c);
  }
  return out;
}

// Two numbers are the same when their national parts agree: "+14155550100" and
// "(415) 555-0100" compare on the last 10 digits.
bool SameNumber(const std::string& a, const std::string& b) {
  size_t n = std::min<size_t>({a.size(), b.size(), 10});
  if (n < 7) return false;
  return a.compare(a.size() - n, n, b, b.size() - n, n) == 0;
}

// Words just before a number that make it an identifier, not a phone number.
bool PrecededByIdentifierWord(std::string_view body, size_t begin) {
  static const RE2* kIdentifier = new RE2(
      "(?i)(?:order|ref|reference|tracking|track|invoice|confirmation|conf|account|acct|"
      "case|ticket|member|id|no\\.?|code|pin|otp|zip|receipt|serial|model|policy|booking|"
      "reservation|transaction|txn|voucher|coupon|ssn|card|#)\\s*(?:number|no\\.?|num|is)?\\s*[:#]?"
      "\\s*$");
  size_t from = begin > 32 ? begin - 32 : 0;
  std::string_view before = body.substr(from, begin - from);
  return RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), *kIdentifier);
}

}  // namespace

const RuleInfo& EmbeddedPhoneNumberCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/embedded-phone-number",
      .level = Level::kWarning,
      .summary = "A phone number in the body that is not one of the campaign's senders",
      .why =
          "Carriers read a call-back number that differs from the sender as a sign of "
          "premium-rate or phishing traffic, and a number in the body is not covered by "
          "the campaign's registration.",
      .fix = "Let recipients reply to the sender, or use a number registered with the campaign.",
      .source = "CTIA Messaging Principles and Best Practices (2023), 5.3.3",
      .fire_examples = {"Acme Coffee: call 1-800-555-0199 for your reward. Reply STOP to opt out",
                        "URGENT! Call 09061701461 now to claim"},
      .pass_examples =
          {"Acme Coffee: questions? Call (415) 555-0100. Reply STOP to opt out",
           "Acme Coffee: order #4829301 ships 2026-12-01, total $1,299.99. Code 482913",
           "Acme Coffee: your order 1234567890 is ready for pickup at 94107-1234"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void EmbeddedPhoneNumberCheck::Run(const MessageContext& context,
                                   std::vector<Finding>& findings) const {
  // Shapes: +international, North American (415) 555-0100 / 1-800-555-0199, UK-style
  // 0800 169 6031 / 09061701461 / 0844 861 85 85, local 555-0100, and long runs of digits.
  static const RE2* kPhone = new RE2(
      "\\+\\d{1,3}[\\s.-]?\\(?\\d{1,4}\\)?(?:[\\s.-]?\\d{2,4}){2,4}"
      "|(?:\\b1[\\s.-]?)?(?:\\(\\d{3}\\)|\\b\\d{3})[\\s.-]?\\d{3}[\\s.-]?\\d{4}\\b"
      "|\\b0\\d{2,4}[\\s-]?\\d{3}[\\s-]?\\d{3,4}\\b"
      "|\\b0\\d{3}\\s\\d{3}\\s\\d{2}\\s\\d{2}\\b"
      "|\\b\\d{3}[-.]\\d{4}\\b"
      "|\\b\\d{10,13}\\b");
  std::string body = MaskPlaceholders(context.body);
  re2::StringPiece input(body.data(), body.size());
  re2::StringPiece m;
  size_t pos = 0;
  while (pos < body.size() && kPhone->Match(input, pos, body.size(), RE2::UNANCHORED, &m, 1)) {
    size_t begin = static_cast<size_t>(m.data() - body.data());
    size_t end = begin + m.size();
    pos = end > begin ? end : begin + 1;
    std::string digits = Digits(m);
    if (digits.size() < 7 || digits.size() > 15) continue;
    // Prices, percentages, parts of a longer token (links, codes with letters).
    if (begin > 0) {
      char prev = body[begin - 1];
      if (prev == '$' || prev == '/' || prev == '=' || prev == '.' ||
          std::isalpha(static_cast<unsigned char>(prev)))
        continue;
      if (begin >= 2 && (body.compare(begin - 2, 2, "\xC2\xA3") == 0)) continue;      // £
      if (begin >= 3 && (body.compare(begin - 3, 3, "\xE2\x82\xAC") == 0)) continue;  // €
    }
    if (end < body.size() &&
        (body[end] == '%' || std::isalpha(static_cast<unsigned char>(body[end])) ||
         body[end] == '/')) {
      continue;
    }
    if (PrecededByIdentifierWord(body, begin)) continue;
    bool is_sender = false;
    for (const std::string& sender : context.senders)
      is_sender = is_sender || SameNumber(Digits(sender), digits);
    if (is_sender) continue;
    Finding f;
    f.rule = Info().id;
    f.level = Info().level;
    f.message = absl::StrCat(
        "phone number ", absl::string_view(m.data(), m.size()),
        context.senders.empty() ? " in the body" : " is not one of the campaign's senders");
    f.begin = begin;
    f.end = end;
    f.suggestion = "let recipients reply to the sender number";
    findings.push_back(std::move(f));
  }
}

}  // namespace smslint
