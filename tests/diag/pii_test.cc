#include "diag/pii.h"

#include <phonenumbers/phonenumberutil.h>

#include <set>
#include <string>

#include "doctest/doctest.h"

namespace smslint {
namespace {

TEST_CASE("MaskNumber: country code, up to three more digits, the last four") {
  CHECK(MaskNumber("+12125550142") ==
        "+1212\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"
        "0142");
  CHECK(MaskNumber(uint64_t{12125550142}) == "+1212•••0142");
  CHECK(MaskNumber(uint64_t{447911123456}) == "+44791•••3456");
  CHECK(MaskNumber(uint64_t{0}) == "•••");
  CHECK(MaskNumber("") == "•••");
  // Short numbers keep at least three digits hidden.
  CHECK(MaskNumber("+3521234567") == "+352•••4567");
}

TEST_CASE("MaskNumber knows libphonenumber's country calling codes") {
  std::set<int> codes;
  i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedCallingCodes(&codes);
  REQUIRE(codes.size() > 200);
  for (int code : codes) {
    CAPTURE(code);
    // A code of n digits keeps its n digits plus three national ones visible.
    std::string digits = std::to_string(code) + "9876543210";
    std::string masked = MaskNumber(digits);
    CHECK(masked.rfind("+" + std::to_string(code) + "987", 0) == 0);
  }
}

TEST_CASE("ShowRecipientNumber masks unless show_pii") {
  CHECK(ShowRecipientNumber("(212) 555-0142", 12125550142, false) == "+1212•••0142");
  CHECK(ShowRecipientNumber("(212) 555-0142", 12125550142, true) == "(212) 555-0142");
  CHECK(ShowRecipientNumber("212-555-014", 0, false) == "212-•••-•14");
  CHECK(ShowRecipientNumber("415-555-01", 0, false) == "415-•••-01");
  CHECK(ShowRecipientNumber("555-0142", 0, false) == "555-••42");
  CHECK(ShowRecipientNumber("555014", 0, false) == "••••••");
  CHECK(ShowRecipientNumber("n/a", 0, false) == "n/a");
  // Not a valid number, even in E.164 form: first three and last two digits.
  CHECK(ShowRecipientNumber("+1212555014", 0, false) == "+121•••••14");
  CHECK(ShowRecipientNumber("a\tb", 0, true) == "a?b");
  CHECK(ShowRecipientNumber(std::string(50, 'x'), 0, false) == std::string(40, 'x') + "...");
}

TEST_CASE("MaskNumberInPlace hides the digits a finding hides, one bullet each") {
  CHECK(MaskNumberInPlace("+12125550142", 12125550142) == MaskNumber("+12125550142"));
  CHECK(MaskNumberInPlace("+447911123456", 447911123456) == MaskNumber("+447911123456"));
  // National forms hide the same digits, counted from the end.
  CHECK(MaskNumberInPlace("\"(212) 555-0142\"", 12125550142) == "\"(212) •••-0142\"");
  CHECK(MaskNumberInPlace("07911 123456", 447911123456) == "0791• ••3456");
  CHECK(MaskNumberInPlace("+1 212 555 0142", 12125550142) == "+1 212 ••• 0142");
  // Not a valid number: as ShowRecipientNumber shows it.
  CHECK(MaskNumberInPlace("+1212555014", 0) == ShowRecipientNumber("+1212555014", 0, false));
  CHECK(MaskNumberInPlace("555-0142", 0) == "555-••42");
  CHECK(MaskNumberInPlace("call me", 0) == "call me");
}

TEST_CASE("MaskInlineRecipients masks only the given ranges") {
  std::string source = "senders: [\"+13125550100\"]\nlist: [\"+12125550142\", \"+447911123456\"]\n";
  size_t first = source.find("\"+1212");
  size_t second = source.find("\"+44");
  std::string masked = MaskInlineRecipients(source, {{second, second + 15, 447911123456},
                                                     {first, first + 14, 12125550142},
                                                     {first, first + 14, 12125550142}});
  CHECK(masked == "senders: [\"+13125550100\"]\nlist: [\"+1212•••0142\", \"+44791•••3456\"]\n");
  CHECK(MaskInlineRecipients(source, {}) == source);
  CHECK(MaskInlineRecipients("abc", {{1, 10}}) == "abc");
}

TEST_CASE("MaskNumbersInText: numbers in any digit script, never dates, counts or codes") {
  PublishedNumbers none;
  // Recipient numbers in the forms a campaign or CSV writes them.
  CHECK(MaskNumbersInText("call +12125550142 now", none) == "call +1212•••0142 now");
  CHECK(MaskNumbersInText("(212) 555-0142", none) == "(212) •••-0142");
  CHECK(MaskNumbersInText("212.555.0142", none) == "212.•••.0142");
  CHECK(MaskNumbersInText("+44 7911 123456", none) == "+44 791• ••3456");
  // Fullwidth and Arabic-Indic digits are digits too.
  CHECK(MaskNumbersInText("＋１２１２５５５０１４２", none) == "＋１２１２•••０１４２");
  CHECK(MaskNumbersInText("+١٢١٢٥٥٥٠١٤٢", none) == "+١٢١٢•••٠١٤٢");
  // A long run of digits is masked as other text.
  CHECK(MaskNumbersInText(std::string(20, '7'), none) == "777" + [] {
    std::string bullets;
    for (int i = 0; i < 15; ++i) bullets += "•";
    return bullets;
  }() + "77");
  // National numbers written with single spaces (found by the check_pipeline fuzzer:
  // an opted_in_at cell "212 555 0142" was echoed whole).
  CHECK(MaskNumbersInText("opted_in_at '212 555 0142'", none) == "opted_in_at '212 ••• 0142'");
  CHECK(MaskNumbersInText("'646) 555 0119'", none) == "'646) ••• 0119'");
  // And in other scripts with ASCII spaces between the groups (they were shown whole).
  CHECK(MaskNumbersInText("'６４６ ５５５ ０１１９'", none) == "'６４６ ••• ０１１９'");
  CHECK(MaskNumbersInText("'١٦٤٦ ٥٥٥ ٠١١٩ ext'", none) == "'١٦٤٦ ••• ٠١١٩ ext'");
  CHECK(MaskNumbersInText("'٢٠٢٦-١٢-٠١ ٠٩:٠٠'", none) == "'٢٠٢٦-١٢-٠١ ٠٩:٠٠'");  // a time
  // Left alone: dates, times, counts, error codes, words, a number and its count.
  for (const char* text :
       {"2026-12-01T10:00", "2026-12-01 09:00:00", "2026-12-01 09:00", "10,000,000 recipients",
        "Twilio 30001/30036", "id abc1234567890", "1234567890abc", "0.0166666666667", "line 12:5",
        "12          1          1        0", "12 34 56"}) {
    CAPTURE(text);
    CHECK(MaskNumbersInText(text, none) == text);
  }
  // The business's own numbers stay readable, in any form.
  PublishedNumbers published;
  published.AddFrom("+14155550100");
  CHECK(MaskNumbersInText("sender (415) 555-0100 and +14155550101 900", published) ==
        "sender (415) 555-0100 and +1415•••0101 900");
}

}  // namespace
}  // namespace smslint
