// Differential test: the fast path must give exactly libphonenumber's answers.
#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "campaign/phone_numbers.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

std::string Digits(std::mt19937_64& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += static_cast<char>('0' + rng() % 10);
  return out;
}

// A NANP national number: mostly plausible (area code and exchange 2-9), some not.
std::string NanpNational(std::mt19937_64& rng) {
  std::string n = Digits(rng, 10);
  if (rng() % 8 != 0) {
    n[0] = static_cast<char>('2' + rng() % 8);
    n[3] = static_cast<char>('2' + rng() % 8);
  }
  return n;
}

// The same national number written the ways people write it.
std::string Written(std::mt19937_64& rng, const std::string& n) {
  std::string a = n.substr(0, 3), b = n.substr(3, 3), c = n.substr(6);
  switch (rng() % 14) {
    case 0:
      return "+1" + n;
    case 1:
      return "(" + a + ") " + b + "-" + c;
    case 2:
      return a + "." + b + "." + c;
    case 3:
      return "+1 " + a + " " + b + " " + c;
    case 4:
      return "1-" + a + "-" + b + "-" + c;
    case 5:
      return n;
    case 6:
      return "1" + n;
    case 7:
      return " +1 (" + a + ") " + b + "-" + c + " ";
    case 8:
      return a + "/" + b + "-" + c;
    case 9:
      return "+1-" + a + "-" + b + "-" + c;
    case 10:
      return "+1" + n.substr(0, 9);  // too short
    case 11:
      return "+1" + n + Digits(rng, 1);  // too long
    case 12:
      return "011 1 " + n;  // international prefix
    default:
      return "+1 " + a + " " + b + " " + c + " ext. 12";
  }
}

std::string Junk(std::mt19937_64& rng) {
  static const char* kJunk[] = {"",
                                "n/a",
                                "+",
                                "++12125550142",
                                "12",
                                "phone",
                                "+1 (212) 555-O142",
                                "212 555 0142 x7",
                                "+999 123",
                                "tel:+1-212-555-0142",
                                "+44 7911 123456",
                                "07911 123456",
                                "+4420 7946 0958",
                                "0044 7911 123456",
                                "+1 800 555 0199",
                                "(800) 555-0199",
                                "+1 900 555 0142",
                                "1 (1212) 555 0142",
                                "+1 212 555 0142 ",
                                "\t2125550142",
                                "212-555-0142-",
                                "+12125550142\n",
                                "(((212)))5550142",
                                "+1 0212 555 0142"};
  std::string s = kJunk[rng() % (sizeof(kJunk) / sizeof(kJunk[0]))];
  if (rng() % 4 == 0 && !s.empty()) s[rng() % s.size()] = static_cast<char>(rng() % 128);
  return s;
}

void ExpectSame(const PhoneNumberClassifier& classifier, const std::string& raw) {
  NumberInfo fast = classifier.Classify(raw);
  NumberInfo library = classifier.ClassifyWithLibrary(raw);
  INFO("input: \"", raw, "\" region ", classifier.default_region());
  CHECK(fast.parsed == library.parsed);
  CHECK(fast.valid == library.valid);
  CHECK(fast.e164 == library.e164);
  CHECK(static_cast<int>(fast.type) == static_cast<int>(library.type));
  CHECK(std::string(fast.region.data()) == std::string(library.region.data()));
}

TEST_CASE("phone fast path: equals libphonenumber on generated NANP numbers") {
  std::mt19937_64 rng(20261201);
  for (const char* region : {"US", "CA", "GB"}) {
    PhoneNumberClassifier classifier(region);
    int fast_hits = 0;
    for (int i = 0; i < 6000; ++i) {
      std::string raw = rng() % 10 == 0 ? Junk(rng) : Written(rng, NanpNational(rng));
      NumberInfo info;
      if (classifier.ClassifyFast(raw, info)) ++fast_hits;
      ExpectSame(classifier, raw);
    }
    if (std::string(region) != "GB") CHECK(fast_hits > 3000);
  }
}

// The recipients reader reads each number's digits ahead (ReadFast) and classifies
// it from them later: the same answers as Classify from the text, and the memo key
// is the number's area code and exchange exactly when it has ten national digits.
TEST_CASE("phone fast path: digits read ahead classify as the text does") {
  std::mt19937_64 rng(20261208);
  for (const char* region : {"US", "GB"}) {
    PhoneNumberClassifier classifier(region);
    PhoneNumberClassifier::ExchangeMemo memo, ahead_memo;
    int keyed = 0;
    for (int i = 0; i < 20000; ++i) {
      std::string raw = rng() % 10 == 0 ? Junk(rng) : Written(rng, NanpNational(rng));
      // Fields longer than any number: many digits, or many bytes around a number.
      if (i % 500 == 0) raw = std::string(30, '9');
      if (i % 500 == 1) raw = std::string(70, ' ') + "2125550142";
      const PhoneNumberClassifier::FastDigits digits = classifier.ReadFast(raw);
      INFO("input: \"", raw, "\" region ", region);
      const NumberInfo from_digits = classifier.Classify(raw, digits, &ahead_memo);
      CHECK(from_digits == classifier.Classify(raw, &memo));
      CHECK(from_digits == classifier.Classify(raw));
      uint32_t key = 0;
      if (digits.ExchangeKey(key)) {
        ++keyed;
        CHECK(digits.length == 10);
        CHECK(key == (from_digits.e164 - 10'000'000'000ull) / 10'000);
      } else {
        CHECK(digits.length != 10);
      }
      if (i % 500 < 2) CHECK(digits.length == PhoneNumberClassifier::FastDigits::kTooLong);
    }
    if (std::string(region) == "US") CHECK(keyed > 10000);
  }
}

// A classifier for few numbers (a campaign's senders) never takes the fast path,
// so it builds no North American table, and answers as the one for many numbers.
TEST_CASE("phone classifier: Volume::kFew asks the library and answers as kMany") {
  std::mt19937_64 rng(20261207);
  PhoneNumberClassifier few("US", PhoneNumberClassifier::Volume::kFew);
  PhoneNumberClassifier many("US");
  CHECK(!few.exchange_memo_usable());
  CHECK(many.exchange_memo_usable());
  for (int i = 0; i < 500; ++i) {
    const std::string raw = rng() % 10 == 0 ? Junk(rng) : Written(rng, NanpNational(rng));
    NumberInfo info;
    CHECK(!few.ClassifyFast(raw, info));
    const NumberInfo a = few.Classify(raw);
    const NumberInfo b = many.Classify(raw);
    INFO("input: \"", raw, "\"");
    CHECK(a.valid == b.valid);
    CHECK(a.e164 == b.e164);
    CHECK(static_cast<int>(a.type) == static_cast<int>(b.type));
    CHECK(std::string(a.region.data()) == std::string(b.region.data()));
  }
}

// Numbers cut short (tests/perf/gen_recipients.py writes 0.5% of its rows so), in
// the ways the generator and people write them: the fast path reads the digits as
// the library does and finds them invalid, or leaves them to the library.
TEST_CASE("phone fast path: equals libphonenumber on numbers cut short") {
  std::mt19937_64 rng(31);
  for (const char* region : {"US", "CA", "JM", "GB"}) {
    PhoneNumberClassifier classifier(region);
    int fast_hits = 0;
    for (int i = 0; i < 8000; ++i) {
      std::string full = NanpNational(rng);
      const size_t keep = 1 + rng() % 10;  // 1 to 10 digits
      std::string n = full.substr(0, keep);
      std::string a = n.substr(0, std::min<size_t>(3, n.size()));
      std::string b = n.size() > 3 ? n.substr(3, 3) : "";
      std::string c = n.size() > 6 ? n.substr(6) : "";
      std::string raw;
      switch (rng() % 9) {
        case 0:
          raw = "+1" + n;
          break;
        case 1:
          raw = "(" + a + ") " + b + "-" + c;
          break;
        case 2:
          raw = a + "-" + b + "-" + c;
          break;
        case 3:
          raw = "1-" + a + "-" + b + "-" + c;
          break;
        case 4:
          raw = "+1 " + a + " " + b + " " + c;
          break;
        case 5:
          raw = n;
          break;
        case 6:
          raw = " " + a + "." + b + "." + c + " ";
          break;
        case 7:
          raw = "+" + n;
          break;
        default:
          raw = a + "/" + b + c;
      }
      NumberInfo info;
      if (classifier.ClassifyFast(raw, info)) ++fast_hits;
      ExpectSame(classifier, raw);
    }
    if (std::string(region) != "GB") CHECK(fast_hits > 3000);
  }
}

TEST_CASE("phone fast path: every area code, several exchanges each") {
  // Sweeps all 10,000 first-four-digit prefixes with random tails, so every area
  // code's region (US, CA, Caribbean), type (toll free, premium) and validity
  // pattern is exercised.
  std::mt19937_64 rng(7);
  PhoneNumberClassifier classifier("US");
  for (int prefix = 0; prefix < 10000; ++prefix) {
    std::string n = std::to_string(prefix);
    n.insert(0, 4 - n.size(), '0');
    n += Digits(rng, 6);
    ExpectSame(classifier, "+1" + n);
    // Cut short, with and without the country code.
    const std::string cut = n.substr(0, 3 + rng() % 7);
    ExpectSame(classifier, "+1" + cut);
    ExpectSame(classifier, cut);
    ExpectSame(classifier, "(" + cut.substr(0, 3) + ") " + cut.substr(3));
  }
}

// The recipients reader remembers answers per exchange: the metadata must have the
// shape that makes this exact, and remembered answers equal fresh ones.
TEST_CASE("phone fast path: answers remembered per exchange equal fresh ones") {
  std::mt19937_64 rng(99);
  PhoneNumberClassifier classifier("US");
  CHECK(classifier.exchange_memo_usable());
  PhoneNumberClassifier::ExchangeMemo memo;
  for (int i = 0; i < 200000; ++i) {
    // Few exchanges, many numbers each: most lookups hit the memo.
    std::string n =
        std::to_string(200 + rng() % 800) + std::to_string(200 + rng() % 40) + Digits(rng, 4);
    const std::string raw = rng() % 2 ? "+1" + n : "(" + n.substr(0, 3) + ") " + n.substr(3);
    const NumberInfo remembered = classifier.Classify(raw, &memo);
    const NumberInfo fresh = classifier.Classify(raw);
    if (!(remembered == fresh)) {
      INFO("input: ", raw);
      CHECK(remembered == fresh);
    }
    if (i % 50 == 0) ExpectSame(classifier, raw);
  }
}

// One list is classified on every core with one table of answers: a thread may read
// what another stored, and both may answer the same exchange at once.
TEST_CASE("phone fast path: memos sharing one table on two threads answer as fresh") {
  PhoneNumberClassifier classifier("US");
  auto shared = std::make_shared<PhoneNumberClassifier::ExchangeMemo::Table>();
  std::vector<std::string> numbers;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 60000; ++i) {
    numbers.push_back("+1" + std::to_string(200 + rng() % 800) + std::to_string(200 + rng() % 20) +
                      Digits(rng, 4));
  }
  std::vector<NumberInfo> answers[2];
  auto work = [&](int t) {
    PhoneNumberClassifier::ExchangeMemo memo(shared);
    for (const std::string& n : numbers) answers[t].push_back(classifier.Classify(n, &memo));
  };
  std::thread other(work, 1);
  work(0);
  other.join();
  size_t differ = 0;
  for (size_t i = 0; i < numbers.size(); ++i) {
    const NumberInfo fresh = classifier.Classify(numbers[i]);
    differ += !(answers[0][i] == fresh) + !(answers[1][i] == fresh);
  }
  CHECK(differ == 0);
}

TEST_CASE("phone fast path: known answers") {
  PhoneNumberClassifier us("US");
  NumberInfo a = us.Classify("(212) 555-0142");
  NumberInfo b = us.Classify("+12125550142");
  CHECK(a.parsed);
  CHECK(a.e164 == 12125550142ull);
  CHECK(a == b);
  NumberInfo toll_free = us.Classify("+1 800 555 0199");
  CHECK(toll_free.type == PhoneNumberType::TOLL_FREE);
  CHECK(IsNonMobileType(toll_free.type));
  CHECK_FALSE(us.Classify("555-0142").valid);
  CHECK_FALSE(us.Classify("not a number").parsed);
  PhoneNumberClassifier gb("GB");
  NumberInfo mobile = gb.Classify("07911 123456");
  CHECK(mobile.valid);
  CHECK(mobile.e164 == 447911123456ull);
  CHECK(mobile.type == PhoneNumberType::MOBILE);
  CHECK(gb.Classify("+44 7911 123456") == mobile);
  CHECK(gb.Classify("+44 20 7946 0958").type == PhoneNumberType::FIXED_LINE);
}

}  // namespace
}  // namespace smslint
