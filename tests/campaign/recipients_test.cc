#include "campaign/recipients.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "absl/time/civil_time.h"
#include "campaign/phone_numbers.h"
#include "campaign/recipients_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithFile;
using testing::LoadOk;
using testing::ScratchDir;

TEST_CASE("IsIsoDateOrDateTime") {
  for (const char* ok :
       {"2024-03-01", "2024-02-29", "2024-03-01T09:30", "2024-03-01 09:30:15",
        "2024-03-01T09:30:15.250Z", "2024-03-01T09:30:15+01:00", "2024-03-01T09:30:15-0500"})
    CHECK_MESSAGE(IsIsoDateOrDateTime(ok), ok);
  for (const char* bad : {"", "yesterday", "2023-02-29", "2024-13-01", "03/01/2024",
                          "2024-03-01T25:00", "2024-03-01T09:30Q", "2024-3-1"})
    CHECK_MESSAGE(!IsIsoDateOrDateTime(bad), bad);
}

// The calendar check is done by hand (it runs once per row): it agrees with
// Abseil's civil calendar on every day number of every month from 1899 to 2401.
TEST_CASE("IsIsoDateOrDateTime: days per month as the civil calendar has them") {
  for (int year = 1899; year <= 2401; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= 31; ++day) {
        char text[40];
        std::snprintf(text, sizeof(text), "%04d-%02d-%02d", year, month, day);
        const absl::CivilDay civil(year, month, day);
        const bool real = year >= 1900 && civil.day() == day && civil.month() == month;
        if (IsIsoDateOrDateTime(text) != real)
          CHECK_MESSAGE(IsIsoDateOrDateTime(text) == real, text);
      }
    }
  }
}

// "2024-02-16T00:57:00Z" is read at fixed offsets: the same answers as the general
// reading, which the same text with a space for its 'T' takes.
TEST_CASE("IsIsoDateOrDateTime: the common date-time shape as the general reading has it") {
  auto same = [](std::string text) {
    std::string spaced = text;
    spaced[10] = ' ';
    if (IsIsoDateOrDateTime(text) != IsIsoDateOrDateTime(spaced))
      CHECK_MESSAGE(IsIsoDateOrDateTime(text) == IsIsoDateOrDateTime(spaced), text);
  };
  char text[40];
  for (int year : {1899, 1900, 2000, 2023, 2024, 2100, 9999}) {
    for (int month = 0; month <= 13; ++month) {
      for (int day = 0; day <= 32; ++day) {
        std::snprintf(text, sizeof(text), "%04d-%02d-%02dT12:34:56Z", year, month, day);
        same(text);
      }
    }
  }
  for (int hour = 0; hour <= 25; ++hour) {
    for (int minute = 0; minute <= 61; minute += 1) {
      for (int second : {0, 59, 60, 61, 99}) {
        std::snprintf(text, sizeof(text), "2024-02-29T%02d:%02d:%02dz", hour, minute, second);
        same(text);
      }
    }
  }
  CHECK(IsIsoDateOrDateTime("2024-02-16T00:57:00Z"));
  CHECK(!IsIsoDateOrDateTime("2023-02-29T00:57:00Z"));
  // A byte just outside the digits, or another separator, in each position.
  const std::string base = "2024-02-16T00:57:00Z";
  for (size_t i = 0; i < base.size(); ++i) {
    for (char c : {'/', ':', '0', '9', 'T', 'Z', '-', ' ', '\0'}) {
      if (i == 10) continue;  // the position the comparison spaces
      std::string changed = base;
      changed[i] = c;
      same(changed);
    }
  }
}

// The reader reports facts, never findings: its result has no diagnostics at all.
template <typename T>
concept HasDiagnostics = requires(T t) {
  t.diagnostics;
};
static_assert(!HasDiagnostics<RecipientLoadResult>);

TEST_CASE("recipients reader: a clean file") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,first_name,opted_in_at\n"
            "+12125550142,Ann,2024-03-01\n"
            "(415) 555-0100,Bo,2024-03-02T10:00:00Z\n");
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
  REQUIRE(r.table.size() == 2);
  CHECK(r.table.e164[1] == 14155550100ull);
  CHECK(r.stats.sendable == 2);
  CHECK(r.facts.rows_read);
  CHECK(r.facts.origin == RecipientFacts::Origin::kFile);
  CHECK(r.facts.consent_column == 2);
  CHECK(r.table.flags[0] == 0);
  CHECK(r.table.flags[1] == 0);
  CHECK(r.table.states[r.table.state[0]] == "NY");
  CHECK(r.table.states[r.table.state[1]] == "CA");
  CHECK(r.table.zone_sets[0].empty());
  CHECK(r.table.zone_sets[r.table.zone_set[0]] == std::vector<std::string>{"America/New_York"});
  CHECK(r.table.zone_sets[r.table.zone_set[1]] == std::vector<std::string>{"America/Los_Angeles"});
}

TEST_CASE(
    "recipients table: interned columns dropped after rendering, carrier and kept rows stay") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,first_name,carrier,opted_in_at\n"
            "+12125550142,Ann,T-Mobile,2024-03-01\n"
            "+14155550100,Bo,Verizon,not a date\n"
            "+14155550101,Cy,AT&T,2024-03-02\n");
  Campaign c = CampaignWithFile(dir, "r.csv");
  Template t;
  t.body.value.text = "Hi {{first_name}}";
  t.body.present = true;
  c.templates.push_back(t);
  RecipientLoadResult r = LoadOk(c);
  REQUIRE(r.table.size() == 3);
  REQUIRE(r.table.fields[1].interned);
  CHECK(r.table.Field(0, 1) == "Ann");
  r.table.DropInternedExcept(kCarrierColumn);
  CHECK_FALSE(r.table.fields[1].interned);
  CHECK(r.table.Field(0, 1).empty());
  CHECK(r.table.Field(1, 1) == "Bo");  // no consent: the row's text is kept for its finding
  const std::vector<std::string_view> carriers = {"T-Mobile", "Verizon", "AT&T"};
  for (size_t row = 0; row < 3; ++row) CHECK(r.table.Field(row, 2) == carriers[row]);
}

TEST_CASE("recipients reader: every kind of problem is a fact, not a finding") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,opted_in_at,timezone,state\n"
            "(212) 555-0142,2024-03-01,,\n"           // 2
            "+1 212 555 0142,2024-03-01,,\n"          // 3: duplicate of 2
            "555-0142,2024-03-01,,\n"                 // 4: invalid
            "+1 800 555 0199,2024-03-01,,\n"          // 5: toll free
            "+12125550143,,,\n"                       // 6: no consent
            "+12125550144,2024-03-01,Mars/Base,ZZ\n"  // 7: bad timezone and state
            "+12125550145,2024-03-01,a,b,c\n"         // 8: malformed
            "+12125550146,2024-03-01,,\n");           // 9
  dir.Write("optouts.txt", "+12125550146\n");
  Campaign c = CampaignWithFile(dir, "r.csv");
  c.suppression_file = {"optouts.txt", {12, 9}, true};
  RecipientLoadResult r = LoadOk(c);
  REQUIRE(r.table.size() == 7);
  CHECK(r.table.flags[0] == 0);
  CHECK(r.table.flags[1] == kRecipientDuplicate);
  CHECK(r.table.flags[2] == kRecipientInvalid);
  CHECK(r.table.flags[3] == kRecipientZoneGuessed);  // toll free: every NANP zone
  CHECK(r.facts.number_type[3] == static_cast<uint8_t>(PhoneNumberType::TOLL_FREE));
  CHECK(r.table.flags[4] == kRecipientNoConsent);
  CHECK(r.table.flags[5] == (kRecipientBadTimezone | kRecipientBadState));
  CHECK(r.table.flags[6] == kRecipientSuppressed);
  REQUIRE(r.facts.malformed_rows.size() == 1);
  CHECK(r.facts.malformed_rows[0].line == 8);
  CHECK(r.facts.suppression_display.find("optouts.txt") != std::string::npos);
  CHECK(r.stats.rows == 7);
  CHECK(r.stats.malformed_rows == 1);
  CHECK(r.stats.invalid == 1);
  CHECK(r.stats.duplicate == 1);
  CHECK(r.stats.suppressed == 1);
  CHECK(r.stats.no_consent == 1);
  CHECK(r.stats.non_mobile == 1);
  CHECK(r.stats.sendable == 4);
}

TEST_CASE("recipients reader: duplicates across formats, national numbers") {
  ScratchDir dir;
  dir.Write("r.csv", "phone\n07911 123456\n+44 7911 123456\n");
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv", "GB"));
  REQUIRE(r.table.size() == 2);
  CHECK(r.table.e164[0] == 447911123456ull);
  CHECK((r.table.flags[1] & kRecipientDuplicate) != 0);
  CHECK(r.facts.country == "GB");
  // +44 7 maps to London, Guernsey, Jersey and Man: every candidate is kept, and
  // the simulator picks one (sim/recipient_zones.h).
  const std::vector<std::string>& zones = r.table.zone_sets[r.table.zone_set[0]];
  CHECK(zones.size() > 1);
  for (const std::string& z : zones) CHECK(z.rfind("Europe/", 0) == 0);
  CHECK((r.table.flags[0] & kRecipientZoneGuessed) != 0);
  CHECK(r.stats.zone_guessed == 2);  // per row, as the report's facts count them
}

// Lists this long are classified on every core: the first row of each number
// stays, every later copy (in any format, in any part of the file) is the
// duplicate, as when one thread reads them in order.
TEST_CASE("recipients reader: duplicates in a long list are the later copies") {
  ScratchDir dir;
  std::string csv = "phone\n";
  constexpr int kRows = 60000;
  for (int i = 0; i < kRows; ++i) {
    // Every seventh row repeats a number from far earlier or later in the file.
    const int number = i % 7 == 3 ? (i * 7919) % kRows : i;
    const uint64_t national = 2122010000ull + static_cast<uint64_t>(number) % 10000 +
                              static_cast<uint64_t>(number / 10000) * 10000000ull;
    const std::string digits = std::to_string(national);
    csv += i % 2 ? "+1" + digits + "\n"
                 : "(" + digits.substr(0, 3) + ") " + digits.substr(3, 3) + "-" + digits.substr(6) +
                       "\n";
  }
  dir.Write("r.csv", csv);
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
  REQUIRE(r.table.size() == static_cast<size_t>(kRows));
  std::set<uint64_t> seen;
  size_t valid = 0, duplicates = 0, mismatched = 0;
  for (int i = 0; i < kRows; ++i) {
    const uint64_t e164 = r.table.e164[i];
    const bool expected = e164 != 0 && !seen.insert(e164).second;
    valid += e164 != 0;
    duplicates += expected;
    mismatched += ((r.table.flags[i] & kRecipientDuplicate) != 0) != expected;
  }
  CHECK(valid > kRows * 9 / 10);
  CHECK(duplicates > 5000);
  CHECK(mismatched == 0);
  CHECK(r.stats.duplicate == duplicates);
}

TEST_CASE("recipients reader: over several chunks, each row keeps its own zone and text") {
  // More rows than four of the reader's chunks (65,536 rows each), so that a chunk is
  // placed (zones, kept text) while the next is classified and a third is read: every
  // row's `timezone` value differs from its neighbours', and every 1,000th row has an
  // invalid number, whose text the table keeps.
  ScratchDir dir;
  const std::vector<std::string> zones = {"America/New_York", "America/Chicago", "America/Denver",
                                          "America/Los_Angeles", "Pacific/Honolulu"};
  constexpr int kRows = 4 * 65536 + 4321;
  std::string csv = "phone,timezone,name\n";
  for (int i = 0; i < kRows; ++i) {
    const std::string phone =
        i % 1000 == 7 ? "12" : "+1212" + std::to_string(2000000 + i % 8000000);
    csv += phone + "," + zones[(i + i / 65536) % zones.size()] + ",n" + std::to_string(i) + "\n";
  }
  dir.Write("r.csv", csv);
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
  REQUIRE(r.table.size() == static_cast<size_t>(kRows));
  size_t wrong_zone = 0, wrong_text = 0, kept = 0;
  for (int i = 0; i < kRows; ++i) {
    const std::vector<std::string>& set = r.table.zone_sets[r.table.zone_set[i]];
    wrong_zone += set != std::vector<std::string>{zones[(i + i / 65536) % zones.size()]};
    if (i % 1000 == 7) {
      ++kept;
      wrong_text += r.table.Field(i, 2) != "n" + std::to_string(i);
    }
  }
  CHECK(kept > 250);
  CHECK(wrong_zone == 0);
  CHECK(wrong_text == 0);
}

TEST_CASE("recipients reader: zones from the number's prefix in every chunk as for a row alone") {
  // From the second chunk on, a row whose number's prefix the reading thread has
  // already placed takes its zone set on the classifying thread: the same set, the
  // same "guessed" flag and the same counts as the row read alone. Prefixes of one
  // zone, of several (guessed), of none (toll free, another country) and invalid
  // numbers, some rows with a `timezone` value that decides.
  const std::vector<std::string> phones = {
      "+12125550142", "+12085550142", "+19075550142",  "+18085550142", "+18005550199",
      "+13065550142", "+16055550142", "+18505550142",  "+19155550142", "+15415550142",
      "+12705550142", "12",           "+442079460958", "+80012345678", "+97912345678"};
  auto timezone_of = [](int i) { return i % 7 == 3 ? "America/Chicago" : ""; };
  auto row = [&](int i) {
    return phones[static_cast<size_t>(i) % phones.size()] + "," + timezone_of(i) + "\n";
  };
  constexpr int kRows = 3 * 65536 + 99;
  ScratchDir dir;
  std::string csv = "phone,timezone\n";
  for (int i = 0; i < kRows; ++i) csv += row(i);
  dir.Write("r.csv", csv);
  const RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
  REQUIRE(r.table.size() == static_cast<size_t>(kRows));
  // Each (number, timezone value) read alone.
  struct Alone {
    std::vector<std::string> zones;
    bool guessed = false;
    size_t guessed_count = 0, unknown_count = 0;
  };
  std::map<std::string, Alone> alone;
  size_t guessed = 0, unknown = 0;
  for (int i = 0; i < kRows; ++i) {
    auto [it, fresh] = alone.try_emplace(row(i));
    if (fresh) {
      dir.Write("one.csv", "phone,timezone\n" + row(i));
      const RecipientLoadResult one = LoadOk(CampaignWithFile(dir, "one.csv"));
      REQUIRE(one.table.size() == 1);
      it->second.zones = one.table.zone_sets[one.table.zone_set[0]];
      it->second.guessed = (one.table.flags[0] & kRecipientZoneGuessed) != 0;
      it->second.guessed_count = one.stats.zone_guessed;
      it->second.unknown_count = one.stats.zone_unknown;
    }
    const Alone& want = it->second;
    guessed += want.guessed_count;
    unknown += want.unknown_count;
    const bool same = r.table.zone_sets[r.table.zone_set[i]] == want.zones &&
                      ((r.table.flags[i] & kRecipientZoneGuessed) != 0) == want.guessed;
    if (!same) {
      CAPTURE(i);
      CHECK(same);
    }
  }
  CHECK(guessed > 0);
  CHECK(unknown > 0);
  CHECK(r.stats.zone_guessed == guessed);
  CHECK(r.stats.zone_unknown == unknown);
}

TEST_CASE("recipients reader: lists that end at, just past and well past a chunk") {
  // The first two chunks (65,536 rows each) are read before the classifier is built:
  // lists of exactly one and two chunks of rows, one row more, and two and a bit,
  // with and without malformed rows in every chunk, keep every row, its line and its
  // zone, and list the malformed rows in file order.
  for (const int good_rows : {65536, 65537, 2 * 65536, 2 * 65536 + 77}) {
    for (const bool with_bad : {false, true}) {
      CAPTURE(good_rows);
      CAPTURE(with_bad);
      ScratchDir dir;
      std::string csv = "phone,timezone\n";
      std::vector<uint32_t> bad_lines;
      std::vector<uint32_t> good_lines;
      uint32_t line = 2;
      for (int i = 0; i < good_rows; ++i) {
        if (with_bad && i % 20000 == 11) {
          csv += "+12125550100,America/Chicago,extra\n";  // a field too many
          bad_lines.push_back(line++);
        }
        csv += "+1212" + std::to_string(2000000 + i) + "," +
               (i % 2 == 0 ? "America/New_York" : "America/Denver") + "\n";
        good_lines.push_back(line++);
      }
      dir.Write("r.csv", csv);
      RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
      REQUIRE(r.table.size() == static_cast<size_t>(good_rows));
      std::vector<uint32_t> seen;
      for (const CsvRowIssue& issue : r.facts.malformed_rows) seen.push_back(issue.line);
      CHECK(seen == bad_lines);
      size_t wrong = 0;
      for (int i = 0; i < good_rows; ++i) {
        const std::vector<std::string>& set = r.table.zone_sets[r.table.zone_set[i]];
        wrong +=
            set != std::vector<std::string>{i % 2 == 0 ? "America/New_York" : "America/Denver"};
        wrong += r.table.source_line[i] != good_lines[i];
        wrong += r.table.e164[i] != 12120000000ull + 2000000 + static_cast<uint64_t>(i);
      }
      CHECK(wrong == 0);
    }
  }
}

TEST_CASE("recipients reader: suppression list, plain and CSV") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,opted_in_at\n(212) 555-0142,2024-03-01\n+12125550143,2024-03-01\n"
            "+12125550144,2024-03-01\n");
  for (const char* list : {"# opted out\n+1 212 555 0142\n\n212-555-0144\n",
                           "phone,when\n+12125550142,2024-05-01\n2125550144,2024-05-02\n"}) {
    dir.Write("optouts.txt", list);
    Campaign c = CampaignWithFile(dir, "r.csv");
    c.suppression_file = {"optouts.txt", {12, 9}, true};
    RecipientLoadResult r = LoadOk(c);
    CHECK(r.stats.suppressed == 2);
    CHECK(r.stats.sendable == 1);
    CHECK((r.table.flags[0] & kRecipientSuppressed) != 0);
    CHECK((r.table.flags[1] & kRecipientSuppressed) == 0);
  }
  Campaign c = CampaignWithFile(dir, "r.csv");
  c.suppression_file = {"missing.txt", {12, 9}, true};
  absl::StatusOr<RecipientLoadResult> missing = LoadRecipients(c, RecipientLoadMode::kFull);
  REQUIRE_FALSE(missing.ok());
  CHECK(
      std::string(missing.status().message()).find("campaign.yaml:12:9: error: suppression file") !=
      std::string::npos);
}

// A suppression file is read whole: one past 256 MiB (a sparse file here, no disk
// used) is refused before it is read, where a recipients file of that size streams.
TEST_CASE("recipients reader: a suppression file over 256 MiB is an error") {
  ScratchDir dir;
  dir.Write("r.csv", "phone\n+12125550142\n");
  dir.Write("optouts.txt", "phone\n+12125550142\n");
  std::filesystem::resize_file(dir.path() + "/optouts.txt", (uint64_t{256} << 20) + 1);
  Campaign c = CampaignWithFile(dir, "r.csv");
  c.suppression_file = {"optouts.txt", {12, 9}, true};
  absl::StatusOr<RecipientLoadResult> big = LoadRecipients(c, RecipientLoadMode::kFull);
  REQUIRE_FALSE(big.ok());
  CHECK(std::string(big.status().message())
            .find("campaign.yaml:12:9: error: suppression file 'optouts.txt' cannot be read: it "
                  "is larger than 256 MiB") != std::string::npos);
  dir.Write("optouts.txt", "phone\n+12125550142\n");
  CHECK(LoadRecipients(c, RecipientLoadMode::kFull).ok());
}

TEST_CASE("recipients reader: unreadable files are errors at the file: value") {
  ScratchDir dir;
  Campaign c = CampaignWithFile(dir, "nope.csv");
  absl::StatusOr<RecipientLoadResult> missing = LoadRecipients(c, RecipientLoadMode::kFull);
  REQUIRE_FALSE(missing.ok());
  CHECK(std::string(missing.status().message()).find(":10:9: error: recipients file 'nope.csv'") !=
        std::string::npos);
  std::filesystem::create_directories(dir.path() + "/adir");
  Campaign d = CampaignWithFile(dir, "adir");
  absl::StatusOr<RecipientLoadResult> directory = LoadRecipients(d, RecipientLoadMode::kFull);
  REQUIRE_FALSE(directory.ok());
  CHECK(std::string(directory.status().message()).find("directory") != std::string::npos);
  CHECK_FALSE(LoadRecipients(d, RecipientLoadMode::kHeaderOnly).ok());
}

TEST_CASE("recipients reader: empty file, no phone column, header only") {
  ScratchDir dir;
  dir.Write("empty.csv", "");
  RecipientLoadResult empty = LoadOk(CampaignWithFile(dir, "empty.csv"));
  CHECK(empty.facts.header_problem == RecipientFacts::HeaderProblem::kEmpty);
  CHECK(!empty.facts.rows_read);
  CHECK(empty.table.size() == 0);

  dir.Write("nophone.csv", "mobile,name\n+12125550142,Ann\n");
  RecipientLoadResult nophone = LoadOk(CampaignWithFile(dir, "nophone.csv"));
  CHECK(nophone.facts.header_problem == RecipientFacts::HeaderProblem::kNoPhoneColumn);
  CHECK(nophone.facts.header_columns == std::vector<std::string>{"mobile", "name"});
  CHECK(nophone.table.columns.empty());

  dir.Write("r.csv", "Phone,first_name\n+12125550142,Ann\nbad row,\"x\n");
  absl::StatusOr<RecipientLoadResult> header =
      LoadRecipients(CampaignWithFile(dir, "r.csv"), RecipientLoadMode::kHeaderOnly);
  REQUIRE(header.ok());
  CHECK(header->table.columns == std::vector<std::string>{"Phone", "first_name"});
  CHECK(header->table.size() == 0);
  CHECK(!header->facts.rows_read);
  CHECK(header->facts.malformed_rows.empty());
}

TEST_CASE("recipients reader: inline list") {
  Campaign c;
  c.path = "campaign.yaml";
  c.dir = ".";
  c.recipients.pos = {20, 1};
  c.recipients.list = {
      {"+12125550142", {21, 5}, true}, {"(212) 555-0142", {22, 5}, true}, {"12", {23, 5}, true}};
  RecipientLoadResult r = LoadOk(c);
  REQUIRE(r.table.size() == 3);
  CHECK(r.facts.origin == RecipientFacts::Origin::kList);
  CHECK(r.table.source_line.ToVector() == std::vector<uint32_t>{21, 22, 23});
  CHECK(r.table.flags[1] == kRecipientDuplicate);
  CHECK(r.table.flags[2] == kRecipientInvalid);
  CHECK(r.facts.consent_column == -1);
}

TEST_CASE("InlineRecipientRanges: each list item's token in the source") {
  Campaign c;
  c.SetSource("recipients:\n  list: [\"+12125550142\", 2125550143]\n");
  c.recipients.list = {{"+12125550142", {2, 10}, true}, {"2125550143", {2, 26}, true}};
  std::vector<SourceRange> ranges = InlineRecipientRanges(c);
  REQUIRE(ranges.size() == 2);
  CHECK(c.source.substr(ranges[0].begin, ranges[0].end - ranges[0].begin) == "\"+12125550142\"");
  CHECK(c.source.substr(ranges[1].begin, ranges[1].end - ranges[1].begin) == "2125550143");
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("recipients reader: memory reserved for rows is bounded by the input") {
  testing::ScratchDir dir;
  // A wide header over 3 MiB of blank lines: the row estimate (lines x columns)
  // once reserved terabytes.
  std::string header = "phone";
  for (int i = 1; i < 900; ++i) header += ",c" + std::to_string(i);
  const std::string csv = header + "\n" + std::string(3u << 20, '\n');
  dir.Write("wide.csv", csv);
  Campaign c = testing::CampaignWithFile(dir, "wide.csv");
  absl::StatusOr<RecipientLoadResult> r = LoadRecipients(c, RecipientLoadMode::kFull);
  REQUIRE(r.ok());
  CHECK(r->table.size() == 0);
  CHECK(r->table.e164.capacity() <= csv.size() / 900 + 2);

  // Over the column limit: unusable, at the file: value.
  header = "phone";
  for (size_t i = 1; i <= kMaxCsvColumns; ++i) header += ",c";
  dir.Write("wider.csv", header + "\n+12125550142" + std::string(kMaxCsvColumns, ',') + "\n");
  for (RecipientLoadMode mode : {RecipientLoadMode::kFull, RecipientLoadMode::kHeaderOnly}) {
    absl::StatusOr<RecipientLoadResult> wide =
        LoadRecipients(testing::CampaignWithFile(dir, "wider.csv"), mode);
    REQUIRE_FALSE(wide.ok());
    CHECK(std::string(wide.status().message())
              .find(":10:9: error: recipients file 'wider.csv' has 1,001 columns") !=
          std::string::npos);
  }
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("RowLines: every row's line as pushed, one run per change of offset") {
  RowLines lines;
  std::vector<uint32_t> expected;
  uint32_t line = 2;
  uint64_t state = 7;
  for (int r = 0; r < 5000; ++r) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    // Mostly the next line; now and then a jump (blank lines, quoted line breaks) or,
    // as in an inline list with unknown positions, a 0.
    const uint32_t roll = static_cast<uint32_t>(state >> 33) % 100;
    line = roll < 90 ? line + 1 : roll < 99 ? line + 2 + roll % 5 : 0;
    lines.push_back(line);
    expected.push_back(line);
    if (line == 0) line = static_cast<uint32_t>(r) + 2;
  }
  REQUIRE(lines.size() == expected.size());
  CHECK(lines.ToVector() == expected);
  for (size_t r = 0; r < expected.size(); r += 37) CHECK(lines[r] == expected[r]);
  CHECK(lines.runs() < expected.size() / 4);

  RowLines plain;
  for (uint32_t l = 2; l < 100002; ++l) plain.push_back(l);
  CHECK(plain.runs() == 1);
  CHECK(plain[99999] == 100001);

  // Append, in pieces cut anywhere (a piece may end or start inside a run): the same
  // lines and runs as pushing them one by one.
  for (size_t piece : {size_t{1}, size_t{2}, size_t{7}, size_t{100}, expected.size()}) {
    CAPTURE(piece);
    RowLines appended;
    for (size_t at = 0; at < expected.size(); at += piece)
      appended.Append(expected.data() + at, std::min(piece, expected.size() - at));
    CHECK(appended.size() == expected.size());
    CHECK(appended.runs() == lines.runs());
    CHECK(appended.ToVector() == expected);
  }
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("ValueIds: ids read back as pushed across every widening, 1 byte a row when small") {
  ValueIds ids;
  std::vector<uint32_t> expected;
  for (uint32_t i = 0; i < 300; ++i) {
    ids.push_back(i % 200);
    expected.push_back(i % 200);
  }
  CHECK(ids.width() == 1);
  for (uint32_t v : {255u, 256u, 7u, 65535u, 65536u, 3u, 0xFFFFFFFFu, 1u}) {
    ids.push_back(v);
    expected.push_back(v);
  }
  CHECK(ids.width() == 4);
  REQUIRE(ids.size() == expected.size());
  for (size_t r = 0; r < expected.size(); ++r) CHECK(ids[r] == expected[r]);
}

TEST_CASE("ValueIds: Append is push_back of each id, widening as they need") {
  // Batches that stay in a width, need the next, or skip one; and an empty one.
  const std::vector<std::vector<uint32_t>> batches = {
      {3, 200, 7}, {}, {255, 0}, {256, 1, 65535}, {9}, {70000, 2}, {1, 2, 3}, {0xFFFFFFFFu}};
  for (size_t start = 0; start < batches.size(); ++start) {
    CAPTURE(start);
    ValueIds appended, pushed;
    for (size_t b = start; b < batches.size(); ++b) {
      appended.Append(batches[b].data(), batches[b].size());
      for (uint32_t v : batches[b]) pushed.push_back(v);
      REQUIRE(appended.size() == pushed.size());
      CHECK(appended.width() == pushed.width());
    }
    for (size_t r = 0; r < pushed.size(); ++r) CHECK(appended[r] == pushed[r]);
  }
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("duplicates: on a large list, exactly the later copies of each number are marked") {
  // 60,000 rows (both threads, candidates from shared bits and from real repeats):
  // numbers drawn from a pool small enough that many repeat, some several times,
  // written in two forms.
  ScratchDir dir;
  std::string csv = "phone,first_name\n";
  std::vector<uint64_t> numbers;
  uint64_t state = 11;
  for (int r = 0; r < 60000; ++r) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const uint64_t pick = (state >> 33) % 45000;
    const uint64_t area = 201 + (pick / 9000) * 100;  // 201, 301, ... 601
    const uint64_t number = area * 10000000ULL + 5550000ULL + pick % 9000;
    numbers.push_back(10000000000ULL + number);
    const std::string digits = std::to_string(number);
    csv += (r % 2 == 0
                ? "+1" + digits
                : "(" + digits.substr(0, 3) + ") " + digits.substr(3, 3) + "-" + digits.substr(6)) +
           ",A\n";
  }
  dir.Write("r.csv", csv);
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
  REQUIRE(r.table.size() == numbers.size());
  std::set<uint64_t> seen;
  size_t repeats = 0;
  for (size_t i = 0; i < numbers.size(); ++i) {
    CHECK(r.table.e164[i] == numbers[i]);
    const bool later = !seen.insert(numbers[i]).second;
    repeats += later;
    CHECK(((r.table.flags[i] & kRecipientDuplicate) != 0) == later);
  }
  CHECK(repeats > 10000);
  CHECK(r.stats.duplicate == repeats);
}

TEST_CASE("suppression: on a large list, exactly the listed numbers are suppressed") {
  // 20,000 rows and an opt-out list of 4,000 numbers, half of them on the list: the
  // rows skip the set by a bit table of its numbers, which must never skip a listed one.
  ScratchDir dir;
  std::string csv = "phone\n", optouts = "phone\n";
  std::set<uint64_t> listed;
  uint64_t state = 7;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  std::vector<uint64_t> numbers;
  for (int r = 0; r < 20000; ++r) {
    const uint64_t number = 12125550000ULL + 10000000ULL * (next() % 7) + r;  // distinct
    numbers.push_back(number);
    csv += "+" + std::to_string(number) + "\n";
  }
  for (int k = 0; k < 4000; ++k) {
    const uint64_t number =
        k % 2 == 0 ? numbers[next() % numbers.size()] : 13125550000ULL + next() % 10000;
    listed.insert(number);
    optouts += "+" + std::to_string(number) + "\n";
  }
  dir.Write("r.csv", csv);
  dir.Write("optouts.csv", optouts);
  Campaign c = CampaignWithFile(dir, "r.csv");
  c.suppression_file = {"optouts.csv", {12, 9}, true};
  RecipientLoadResult r = LoadOk(c);
  REQUIRE(r.table.size() == numbers.size());
  size_t expected = 0;
  for (size_t i = 0; i < numbers.size(); ++i) {
    const bool on_list = listed.count(numbers[i]) > 0;
    expected += on_list;
    CHECK(((r.table.flags[i] & kRecipientSuppressed) != 0) == on_list);
  }
  CHECK(expected > 1000);
  CHECK(r.stats.suppressed == expected);
}

}  // namespace
}  // namespace smslint
