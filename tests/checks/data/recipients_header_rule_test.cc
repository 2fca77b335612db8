#include "checks/data/recipients_header_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("recipients header: empty file, no phone column, unterminated header") {
  ScratchDir dir;
  std::vector<Diagnostic> empty = RunRule<RecipientsHeaderRule>(CampaignWithCsv(dir, ""));
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].rule == "schema/missing-field");
  CHECK(empty[0].message ==
        "recipients file 'r.csv' is empty: it needs a header row with a phone column");
  CHECK(empty[0].span.line == 10);

  std::vector<Diagnostic> nophone =
      RunRule<RecipientsHeaderRule>(CampaignWithCsv(dir, "mobile,name\n+12125550142,Ann\n"));
  REQUIRE(nophone.size() == 1);
  CHECK(nophone[0].rule == "schema/missing-field");
  CHECK(nophone[0].message.find("(columns: mobile, name)") != std::string::npos);
  CHECK(nophone[0].suggestion == "rename the column 'mobile' to 'phone'");

  // In `lint` too: the header is read in both modes.
  std::vector<Diagnostic> open = RunRule<RecipientsHeaderRule>(
      CampaignWithCsv(dir, "phone,\"name\n"), false, RecipientLoadMode::kHeaderOnly);
  REQUIRE(open.size() == 1);
  CHECK(open[0].rule == "schema/invalid-value");
  CHECK(open[0].message.find("does not end") != std::string::npos);
}

TEST_CASE("recipients header: bytes of a file that is not a CSV are never quoted") {
  ScratchDir dir;
  // /etc/passwd-like content: one long "column" with ':' and '/'.
  std::vector<Diagnostic> passwd = RunRule<RecipientsHeaderRule>(
      CampaignWithCsv(dir, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin\n"));
  REQUIRE(passwd.size() == 1);
  CHECK(passwd[0].message.find("root") == std::string::npos);
  CHECK(passwd[0].message.find("bash") == std::string::npos);
  CHECK(passwd[0].message.find("1 column, none named 'phone'") != std::string::npos);

  // An environment-like line: KEY=value pairs, one over 40 characters.
  std::vector<Diagnostic> env = RunRule<RecipientsHeaderRule>(
      CampaignWithCsv(dir, "name,GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyz\n"));
  REQUIRE(env.size() == 1);
  CHECK(env[0].message.find("ghp_") == std::string::npos);
  CHECK(env[0].message.find("columns:") == std::string::npos);
  CHECK(env[0].message.find("2 columns") != std::string::npos);

  // Plausible column names are still listed.
  std::vector<Diagnostic> names = RunRule<RecipientsHeaderRule>(
      CampaignWithCsv(dir, "Mobile No.,first name,zip-code\n+12125550142,Ann,10001\n"));
  REQUIRE(names.size() == 1);
  CHECK(names[0].message.find("(columns: Mobile No., first name, zip-code)") != std::string::npos);
}

TEST_CASE("recipients header: a file without a header row does not show the first number") {
  ScratchDir dir;
  const std::string csv = "+12125550142,Ann\n+13125550177,Bo\n";
  std::vector<Diagnostic> masked = RunRule<RecipientsHeaderRule>(CampaignWithCsv(dir, csv));
  REQUIRE(masked.size() == 1);
  CHECK(masked[0].message.find("2125550142") == std::string::npos);
  CHECK(masked[0].message.find("5550142") == std::string::npos);
  CHECK(masked[0].message.find("looks like a recipient") != std::string::npos);
  CHECK(masked[0].message.find("Ann") == std::string::npos);
  CHECK(masked[0].suggestion.find("header") != std::string::npos);
  // --show-pii shows it as written.
  std::vector<Diagnostic> shown = RunRule<RecipientsHeaderRule>(CampaignWithCsv(dir, csv), true);
  REQUIRE(shown.size() == 1);
  CHECK(shown[0].message.find("+12125550142") != std::string::npos);
}

TEST_CASE("recipients header: a header with a phone column, or no file, is fine") {
  ScratchDir dir;
  CHECK(RunRule<RecipientsHeaderRule>(CampaignWithCsv(dir, "Phone,first_name\n")).empty());
  Campaign none;
  none.path = "campaign.yaml";
  CHECK(RunRule<RecipientsHeaderRule>(none).empty());
}

}  // namespace
}  // namespace smslint
