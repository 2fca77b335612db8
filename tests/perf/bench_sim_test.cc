// Simulator benchmark: 1,000,000 recipients, 5 templates, 10dlc, several zones.
// Skipped in normal runs; run with: smslint_tests -tc='bench: simulate*' --no-skip
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>

#include "sim/sim_test_util.h"
#include "sim/sim_text.h"
#include "sim/simulator.h"

namespace smslint {
namespace {

TEST_CASE("bench: simulate 1,000,000 recipients on 10dlc" * doctest::skip()) {
  using testing::At;
  Campaign c = testing::MakeCampaign(Route::k10DLC, 1.0, 4);
  c.campaign.trust_score = At(80, 6);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  Template t = c.templates[0];
  for (int i = 1; i < 5; ++i) {
    t.id = At("t" + std::to_string(i));
    t.body.value.text =
        "Acme: offer " + std::to_string(i) + " {{first_name}} Reply STOP to opt out";
    c.templates.push_back(t);
  }
  RecipientTable r =
      testing::MakeRecipients(1'000'000,
                              {"America/New_York", "America/Chicago", "America/Denver",
                               "America/Los_Angeles", "America/Phoenix", "Pacific/Honolulu"},
                              {"", "FL", "NY", "TX", "CA"});
  for (size_t i = 0; i < r.size(); ++i) {
    r.zone_set[i] = static_cast<uint16_t>(i % 6);
    r.state[i] = static_cast<uint8_t>(i % 5);
  }
  Profile p = testing::MustLoad("10dlc");
  const auto begin = std::chrono::steady_clock::now();
  SimulationOutput out = testing::Run(c, r, p);
  const auto end = std::chrono::steady_clock::now();
  const double ms = std::chrono::duration<double, std::milli>(end - begin).count();
  std::printf("simulate 1,000,000 recipients (10dlc, 4 senders, 6 zones): %.0f ms, %zu findings\n",
              ms, out.diagnostics.size());
  CHECK(out.result.messages == 1'000'000);
}

}  // namespace
}  // namespace smslint
