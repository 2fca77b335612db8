// Benchmark: loading and checking a large recipients CSV. Skipped unless
// SMSLINT_BENCH_CSV names a CSV (tests/perf/bench_recipients.sh sets it).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "campaign/recipients.h"
#include "checks/data_rules.h"
#include "checks/rendered_messages.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

TEST_CASE("bench: recipients load and rendered checks" *
          doctest::skip(std::getenv("SMSLINT_BENCH_CSV") == nullptr)) {
  std::filesystem::path csv(std::getenv("SMSLINT_BENCH_CSV"));
  Campaign campaign;
  campaign.path = (csv.parent_path() / "campaign.yaml").string();
  campaign.dir = csv.parent_path().string();
  campaign.campaign.country = {"US", {1, 1}, true};
  campaign.recipients.file = {csv.filename().string(), {1, 1}, true};
  std::filesystem::path optouts = csv.parent_path() / "optouts.txt";
  if (std::filesystem::exists(optouts)) campaign.suppression_file = {"optouts.txt", {1, 1}, true};
  campaign.schedule.timezone = {"America/New_York", {1, 1}, true};
  for (const char* body :
       {"Acme Coffee: {{first_name|there}}, lattes are 20% off today at https://acme.com/x Reply "
        "STOP to opt out",
        "Acme Coffee: hi {{first_name}}, your {{city}} store has a new menu https://acme.com/m "
        "Reply STOP to opt out",
        "Acme Coffee: {{first_name|Friend}}, double points this weekend https://acme.com/p Reply "
        "STOP to opt out",
        "Acme Coffee: {{city}} tasting night Friday 6pm https://acme.com/t Reply STOP to opt out",
        "Acme Coffee: thanks {{first_name|for visiting}}! Show this text https://acme.com/c Reply "
        "STOP to opt out"}) {
    Template t;
    t.id = {"t" + std::to_string(campaign.templates.size() + 1), {1, 1}, true};
    t.body = {TextValue{body}, {1, 1}, true};
    campaign.templates.push_back(t);
  }

  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<RecipientLoadResult> result = LoadRecipients(campaign, RecipientLoadMode::kFull);
  REQUIRE(result.ok());
  std::vector<Diagnostic> data = RunDataRules(campaign, result->table, result->facts, false);
  double load_seconds = Seconds(start);
  auto render_start = std::chrono::steady_clock::now();
  std::vector<Diagnostic> rendered = CheckRenderedMessages(campaign, result->table, false, 3);
  double render_seconds = Seconds(render_start);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  const RecipientStats& s = result->stats;
  std::printf(
      "recipients bench: %zu rows (%zu sendable, %zu invalid, %zu duplicate, %zu suppressed, "
      "%zu non-mobile, %zu no consent, %zu zone guessed)\n"
      "  load+normalise+data rules: %.3f s (%.0f rows/s), %zu findings\n"
      "  render %zu templates: %.3f s (%.0f recipient-templates/s), %zu findings\n"
      "  peak RSS: %.1f MB\n",
      s.rows, s.sendable, s.invalid, s.duplicate, s.suppressed, s.non_mobile, s.no_consent,
      s.zone_guessed, load_seconds, s.rows / load_seconds, data.size(), campaign.templates.size(),
      render_seconds, s.rows * campaign.templates.size() / render_seconds, rendered.size(),
      usage.ru_maxrss / 1024.0);
  CHECK(s.rows > 0);
}

}  // namespace
}  // namespace smslint
