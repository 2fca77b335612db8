#include "campaign/recipients.h"

#include "campaign/recipients_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::AllText;
using testing::CampaignWithFile;
using testing::FindRule;
using testing::LoadOk;
using testing::ScratchDir;

TEST_CASE("IsIsoDateOrDateTime") {
  for (const char* ok : {"2024-03-01", "2024-02-29", "2024-03-01T09:30", "2024-03-01 09:30:15",
                         "2024-03-01T09:30:15.250Z", "2024-03-01T09:30:15+01:00",
                         "2024-03-01T09:30:15-0500"})
    CHECK_MESSAGE(IsIsoDateOrDateTime(ok), ok);
  for (const char* bad : {"", "yesterday", "2023-02-29", "2024-13-01", "03/01/2024",
                          "2024-03-01T25:00", "2024-03-01T09:30Q", "2024-3-1"})
    CHECK_MESSAGE(!IsIsoDateOrDateTime(bad), bad);
}

TEST_CASE("recipients: clean file has no data findings but consent") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,first_name,opted_in_at\n"
            "+12125550142,Ann,2024-03-01\n"
            "(415) 555-0100,Bo,2024-03-02T10:00:00Z\n");
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
  REQUIRE(r.table.size() == 2);
  CHECK(r.diagnostics.empty());
  CHECK(r.table.e164[1] == 14155550100ull);
  CHECK(r.stats.sendable == 2);
  CHECK(r.table.states[r.table.state[0]] == "NY");
  CHECK(r.table.states[r.table.state[1]] == "CA");
  CHECK(r.table.zones[r.table.zone[0]] == "America/New_York");
  CHECK(r.table.zones[r.table.zone[1]] == "America/Los_Angeles");
}

TEST_CASE("recipients: invalid numbers, duplicates across formats, non-mobile") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,opted_in_at\n"
            "(212) 555-0142,2024-03-01\n"      // 2
            "+1 212 555 0142,2024-03-01\n"     // 3: duplicate of 2
            "212.555.0142,2024-03-01\n"        // 4: duplicate of 2
            "555-0142,2024-03-01\n"            // 5: invalid
            "not a phone,2024-03-01\n"         // 6: invalid
            "+1 800 555 0199,2024-03-01\n"     // 7: toll free
            "+44 20 7946 0958,2024-03-01\n");  // 8: UK fixed line
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
  REQUIRE(r.table.size() == 7);
  const Diagnostic* invalid = FindRule(r.diagnostics, "data/invalid-number");
  REQUIRE(invalid != nullptr);
  CHECK(invalid->message.find("2 recipients") != std::string::npos);
  CHECK(invalid->span.line == 10);
  CHECK(invalid->notes.size() == 2);
  CHECK(invalid->notes[0].find("r.csv:5") != std::string::npos);
  const Diagnostic* duplicate = FindRule(r.diagnostics, "data/duplicate-recipient");
  REQUIRE(duplicate != nullptr);
  CHECK(duplicate->message.find("2 rows") != std::string::npos);
  CHECK(duplicate->notes[0].find("repeats line 2") != std::string::npos);
  CHECK((r.table.flags[1] & kRecipientDuplicate) != 0);
  CHECK((r.table.flags[0] & kRecipientDuplicate) == 0);
  const Diagnostic* non_mobile = FindRule(r.diagnostics, "data/non-mobile-number");
  REQUIRE(non_mobile != nullptr);
  CHECK(non_mobile->message.find("1 toll free") != std::string::npos);
  CHECK(non_mobile->message.find("1 fixed line") != std::string::npos);
  CHECK(FindRule(r.diagnostics, "data/missing-consent") == nullptr);
  CHECK(r.stats.sendable == 3);
  // No full number in any finding.
  std::string all = AllText(r.diagnostics);
  CHECK(all.find("2125550142") == std::string::npos);
  CHECK(all.find("555-0142") == std::string::npos);
  CHECK(all.find("8005550199") == std::string::npos);
  // With --show-pii the number as written is shown.
  RecipientLoadResult pii = LoadOk(CampaignWithFile(dir, "r.csv"), true);
  CHECK(AllText(pii.diagnostics).find("555-0142") != std::string::npos);
}

TEST_CASE("recipients: national numbers read in the campaign's country") {
  ScratchDir dir;
  dir.Write("r.csv", "phone\n07911 123456\n+44 7911 123456\n");
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv", "GB"));
  REQUIRE(r.table.size() == 2);
  CHECK(r.table.e164[0] == 447911123456ull);
  CHECK(FindRule(r.diagnostics, "data/duplicate-recipient") != nullptr);
  CHECK(FindRule(r.diagnostics, "data/invalid-number") == nullptr);
  // +44 7 maps to London, Guernsey, Jersey and Man: one offset, first by name.
  CHECK(r.table.zones[r.table.zone[0]].rfind("Europe/", 0) == 0);
}

TEST_CASE("recipients: consent column present, absent") {
  ScratchDir dir;
  dir.Write("with.csv",
            "phone,opted_in_at\n+12125550142,2024-03-01\n+12125550143,\n+12125550144,soon\n");
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "with.csv"));
  const Diagnostic* consent = FindRule(r.diagnostics, "data/missing-consent");
  REQUIRE(consent != nullptr);
  CHECK(consent->level == Level::kError);
  CHECK(consent->message.find("2 recipients") != std::string::npos);
  CHECK(r.stats.no_consent == 2);
  CHECK((r.table.flags[1] & kRecipientNoConsent) != 0);
  CHECK((r.table.flags[0] & kRecipientNoConsent) == 0);

  dir.Write("without.csv", "phone\n+12125550142\n");
  RecipientLoadResult w = LoadOk(CampaignWithFile(dir, "without.csv"));
  const Diagnostic* campaign_level = FindRule(w.diagnostics, "data/missing-consent");
  REQUIRE(campaign_level != nullptr);
  CHECK(campaign_level->level == Level::kWarning);
  CHECK(w.stats.no_consent == 0);
}

TEST_CASE("recipients: suppression list, plain and CSV") {
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
    const Diagnostic* suppressed = FindRule(r.diagnostics, "data/suppressed-recipient");
    REQUIRE(suppressed != nullptr);
    CHECK(suppressed->message.find("2 recipients") != std::string::npos);
    CHECK(suppressed->notes.size() == 2);
    CHECK(suppressed->notes[0].find("+1212•••0142") != std::string::npos);
    CHECK(r.stats.suppressed == 2);
    CHECK(r.stats.sendable == 1);
  }
  dir.Write("optouts.txt", "+19175550000\n");
  Campaign c = CampaignWithFile(dir, "r.csv");
  c.suppression_file = {"optouts.txt", {12, 9}, true};
  CHECK(FindRule(LoadOk(c).diagnostics, "data/suppressed-recipient") == nullptr);
  c.suppression_file = {"missing.txt", {12, 9}, true};
  absl::StatusOr<RecipientLoadResult> missing = LoadRecipients(c, RecipientLoadMode::kFull, false);
  REQUIRE_FALSE(missing.ok());
  CHECK(std::string(missing.status().message()).find("campaign.yaml:12:9: error: suppression file") !=
        std::string::npos);
}

TEST_CASE("recipients: unreadable files are errors at the file: value") {
  ScratchDir dir;
  Campaign c = CampaignWithFile(dir, "nope.csv");
  absl::StatusOr<RecipientLoadResult> missing = LoadRecipients(c, RecipientLoadMode::kFull, false);
  REQUIRE_FALSE(missing.ok());
  CHECK(std::string(missing.status().message()).find(":10:9: error: recipients file 'nope.csv'") !=
        std::string::npos);
  std::filesystem::create_directories(dir.path() + "/adir");
  Campaign d = CampaignWithFile(dir, "adir");
  absl::StatusOr<RecipientLoadResult> directory = LoadRecipients(d, RecipientLoadMode::kFull, false);
  REQUIRE_FALSE(directory.ok());
  CHECK(std::string(directory.status().message()).find("directory") != std::string::npos);
  CHECK_FALSE(LoadRecipients(d, RecipientLoadMode::kHeaderOnly, false).ok());
}

TEST_CASE("recipients: empty file, no phone column, header only") {
  ScratchDir dir;
  dir.Write("empty.csv", "");
  RecipientLoadResult empty = LoadOk(CampaignWithFile(dir, "empty.csv"));
  REQUIRE(FindRule(empty.diagnostics, "schema/missing-field") != nullptr);
  CHECK(empty.table.size() == 0);

  dir.Write("nophone.csv", "mobile,name\n+12125550142,Ann\n");
  RecipientLoadResult nophone = LoadOk(CampaignWithFile(dir, "nophone.csv"));
  const Diagnostic* missing = FindRule(nophone.diagnostics, "schema/missing-field");
  REQUIRE(missing != nullptr);
  CHECK(missing->suggestion.find("'mobile'") != std::string::npos);

  dir.Write("r.csv", "Phone,first_name\n+12125550142,Ann\nbad row,\"x\n");
  absl::StatusOr<RecipientLoadResult> header =
      LoadRecipients(CampaignWithFile(dir, "r.csv"), RecipientLoadMode::kHeaderOnly, false);
  REQUIRE(header.ok());
  CHECK(header->table.columns == std::vector<std::string>{"Phone", "first_name"});
  CHECK(header->table.size() == 0);
  CHECK(header->diagnostics.empty());
}

TEST_CASE("recipients: malformed rows are one finding with lines; the rest is read") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,name,opted_in_at\n+12125550142,Smith, John,2024-01-01\n"
            "+12125550143,Bo,2024-01-01\n");
  RecipientLoadResult r = LoadOk(CampaignWithFile(dir, "r.csv"));
  const Diagnostic* malformed = FindRule(r.diagnostics, "data/malformed-row");
  REQUIRE(malformed != nullptr);
  CHECK(malformed->span.file.find("r.csv") != std::string::npos);
  CHECK(malformed->span.line == 2);
  CHECK(r.table.size() == 1);
  CHECK(r.stats.malformed_rows == 1);
}

TEST_CASE("recipients: inline list") {
  Campaign c;
  c.path = "campaign.yaml";
  c.dir = ".";
  c.recipients.pos = {20, 1};
  c.recipients.list = {{"+12125550142", {21, 5}, true},
                       {"(212) 555-0142", {22, 5}, true},
                       {"12", {23, 5}, true}};
  RecipientLoadResult r = LoadOk(c);
  REQUIRE(r.table.size() == 3);
  const Diagnostic* duplicate = FindRule(r.diagnostics, "data/duplicate-recipient");
  REQUIRE(duplicate != nullptr);
  CHECK(duplicate->span.line == 22);
  const Diagnostic* invalid = FindRule(r.diagnostics, "data/invalid-number");
  REQUIRE(invalid != nullptr);
  CHECK(invalid->span.line == 23);
  CHECK(FindRule(r.diagnostics, "data/missing-consent") != nullptr);
}

TEST_CASE("CheckSenders") {
  Campaign c;
  c.path = "campaign.yaml";
  c.senders.push_back(Sender{{"+14155550100", {8, 5}, true}});
  c.senders.push_back(Sender{{"+10995550100", {9, 5}, true}});
  std::vector<Diagnostic> d = CheckSenders(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "data/invalid-number");
  CHECK(d[0].span.line == 9);
  CHECK(d[0].message.find("+10995550100") != std::string::npos);
}

}  // namespace
}  // namespace smslint
