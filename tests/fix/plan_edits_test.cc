// PlanEdits: the recommended plan written into a campaign file, every other line as
// it was.
#include "fix/plan_edits.h"

#include <doctest/doctest.h>

#include "campaign/loader.h"

namespace smslint {
namespace {

constexpr char kCampaign[] = R"(version: 1
campaign:
  name: Sale  # the winter one
  brand: Acme
  use_case: marketing
  route: p2p   # for now
senders:
  - "+14155550100"
  - "+14155550101"  # backup
  - "+14155550102"
templates:
  - id: t
    body: "Acme: hi. Reply STOP to opt out"
recipients:
  list: ["+14155550123"]
schedule:
  start: 2026-12-07T10:00
  timezone: America/New_York
  rate: 5/s   # fast
# trailing comment
)";

std::string Apply(const std::string& text, const std::vector<PlanSetting>& plan) {
  absl::StatusOr<LoadResult> loaded = LoadCampaign("c.yaml", text);
  REQUIRE(loaded.ok());
  absl::StatusOr<std::vector<TextEdit>> edits = PlanEdits(loaded->campaign, plan);
  REQUIRE(edits.ok());
  absl::StatusOr<std::string> out = ApplyEdits(text, *edits);
  REQUIRE(out.ok());
  return *out;
}

PlanSetting Set(std::string key, std::string value) {
  PlanSetting s;
  s.key = std::move(key);
  s.value = std::move(value);
  return s;
}

TEST_CASE("PlanEdits: values replaced in place, comments kept") {
  const std::string out =
      Apply(kCampaign, {Set("schedule.rate", "15/min"), Set("campaign.route", "10dlc")});
  CHECK(out.find("  rate: 15/min   # fast\n") != std::string::npos);
  CHECK(out.find("  route: 10dlc   # for now\n") != std::string::npos);
  CHECK(out.find("name: Sale  # the winter one") != std::string::npos);
  // Everything else byte for byte.
  std::string expected = kCampaign;
  expected.replace(expected.find("5/s"), 3, "15/min");
  expected.replace(expected.find("p2p"), 3, "10dlc");
  CHECK(out == expected);
}

TEST_CASE("PlanEdits: a missing key goes at the end of its section, a missing section at the end") {
  PlanSetting days = Set("schedule.days", "[mon, tue]");
  days.items = {"mon", "tue"};
  const std::string out = Apply(kCampaign, {Set("schedule.window", "09:00-20:00"), days,
                                            Set("traffic.sender_strategy", "sticky")});
  CHECK(
      out.find("  rate: 5/s   # fast\n  window: \"09:00-20:00\"\n  days: [mon, tue]\n# trailing") !=
      std::string::npos);
  const std::string tail = "# trailing comment\ntraffic:\n  sender_strategy: sticky\n";
  REQUIRE(out.size() > tail.size());
  CHECK(out.substr(out.size() - tail.size()) == tail);
  absl::StatusOr<LoadResult> again = LoadCampaign("c.yaml", out);
  REQUIRE(again.ok());
  CHECK(again->campaign.schedule.window.present);
  CHECK(again->campaign.schedule.days.value.size() == 2);
  CHECK(again->campaign.traffic.sender_strategy.value == SenderStrategy::kSticky);
  CHECK(again->diagnostics.empty());
}

TEST_CASE("PlanEdits: senders past the plan's count are removed") {
  PlanSetting senders = Set("senders", "1");
  senders.count = 1;
  const std::string out = Apply(kCampaign, {senders});
  CHECK(out.find("senders:\n  - \"+14155550100\"\ntemplates:") != std::string::npos);
  std::string flow = kCampaign;
  const size_t from = flow.find("senders:");
  flow.replace(from, flow.find("templates:") - from,
               "senders: [\"+14155550100\", \"+14155550101\", \"+14155550102\"]\n");
  senders.count = 2;
  CHECK(Apply(flow, {senders}).find("senders: [\"+14155550100\", \"+14155550101\"]\n") !=
        std::string::npos);
}

TEST_CASE("PlanEdits: a block list of days becomes one flow list") {
  std::string text = kCampaign;
  text.replace(text.find("# trailing"), 0, "  days:\n    - sat\n    - sun\n");
  PlanSetting days = Set("schedule.days", "[mon]");
  days.items = {"mon"};
  const std::string out = Apply(text, {days});
  CHECK(out.find("  rate: 5/s   # fast\n  days: [mon]\n# trailing") != std::string::npos);
}

TEST_CASE("PlanEdits: a key to add in a flow-style section is an error at its position") {
  std::string text = kCampaign;
  const size_t at = text.find("schedule:");
  text.replace(at, text.find("# trailing") - at,
               "schedule: {start: 2026-12-07T10:00, timezone: America/New_York}\n");
  absl::StatusOr<LoadResult> loaded = LoadCampaign("c.yaml", text);
  REQUIRE(loaded.ok());
  absl::StatusOr<std::vector<TextEdit>> edits =
      PlanEdits(loaded->campaign, {Set("schedule.rate", "1/s")});
  REQUIRE(!edits.ok());
  CAPTURE(edits.status().message());
  CHECK(std::string(edits.status().message()).find("c.yaml:16:11: error: cannot apply the plan") ==
        0);
}

}  // namespace
}  // namespace smslint
