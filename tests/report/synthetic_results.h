// Synthetic analysis results shared by the report emitter tests: every kind of finding
// an emitter must handle (template spans, CSV rows, unknown positions, characters that
// need escaping in every format) and a simulation with a threshold breach.
#ifndef SMSLINT_TESTS_REPORT_SYNTHETIC_RESULTS_H_
#define SMSLINT_TESTS_REPORT_SYNTHETIC_RESULTS_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "diag/rule_catalog.h"
#include "report/file_result.h"

namespace smslint::testing {

inline RuleInfo Rule(std::string id, Level level, std::string summary, std::string why,
                     std::string fix, std::string source = "") {
  RuleInfo info;
  info.id = std::move(id);
  info.level = level;
  info.summary = std::move(summary);
  info.why = std::move(why);
  info.fix = std::move(fix);
  info.source = std::move(source);
  return info;
}

inline Diagnostic Finding(std::string rule, Level level, std::string message, Span span,
                          std::string template_id = "", std::string suggestion = "",
                          std::vector<std::string> notes = {}) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.level = level;
  d.message = std::move(message);
  d.span = std::move(span);
  d.template_id = std::move(template_id);
  d.suggestion = std::move(suggestion);
  d.notes = std::move(notes);
  return d;
}

inline RuleCatalog SyntheticCatalog() {
  RuleCatalog catalog;
  catalog.Add(Rule("content/missing-opt-out", Level::kError,
                   "No opt-out instruction in a marketing message",
                   "Carriers filter marketing without a way to stop it.",
                   "End the message with \"Reply STOP to opt out\".", "CTIA 5.1.3"));
  catalog.Add(Rule("content/spam-phrase", Level::kWarning, "Hyperbole & pressure <phrases>",
                   "Filters score \"act now\" and friends.", "Say what the offer is, plainly."));
  catalog.Add(Rule("data/duplicate-recipient", Level::kWarning, "The same number twice",
                   "Duplicates are sent twice.", "Remove the later row."));
  catalog.Add(Rule("schema/unknown-key", Level::kWarning, "A key the format does not know",
                   "A typo silently drops a setting.", "Use the suggested key."));
  catalog.Add(Rule("traffic/throughput", Level::kError, "A sender exceeds the per-minute rate",
                   "Carriers throttle and filter bursts.", "Lower schedule.rate."));
  catalog.Add(Rule("traffic/quiet-hours", Level::kError,
                   "A message lands outside 8:00-21:00 recipient time", "TCPA quiet hours.",
                   "Narrow schedule.window."));
  catalog.Add(Rule("content/excessive-caps", Level::kInfo, "Shouting", "All caps reads as spam.",
                   "Use sentence case."));
  return catalog;
}

inline SimResult SyntheticSim() {
  SimResult sim;
  sim.profile = "10dlc";
  sim.time_zone = "America/New_York";
  sim.start = absl::FromUnixSeconds(1796133600);  // 2026-12-01 09:00 New York
  sim.end = sim.start + absl::Hours(14);
  SenderStats a;
  a.number = "+14155550100";
  a.sends.start = sim.start;
  a.sends.bucket = absl::Minutes(1);
  a.filtered_series = a.sends;
  a.quiet_series = a.sends;
  for (int minute = 0; minute < 840; ++minute) {
    int64_t sends = minute < 300 ? 90 : (minute < 700 ? 40 : 25);
    a.sends.values.push_back(sends);
    a.filtered_series.values.push_back(minute >= 120 && minute < 400 ? sends / 2 : 0);
    a.quiet_series.values.push_back(minute >= 720 ? sends : 0);
  }
  for (int64_t v : a.sends.values) a.sent += v;
  for (int64_t v : a.filtered_series.values) a.filtered += v;
  for (int64_t v : a.quiet_series.values) a.quiet_hours += v;
  a.delivered = a.sent - a.filtered;
  a.late = 1200;
  a.stale = 300;
  a.first_violation_rule = "traffic/throughput";
  a.first_violation = sim.start + absl::Minutes(1);
  a.limit_per_bucket = 60;
  a.limit_per_day = 40000;

  SenderStats b;
  b.number = "+14155550111";
  b.sends.start = sim.start;
  b.filtered_series.start = sim.start;
  b.quiet_series.start = sim.start;
  for (int minute = 0; minute < 600; ++minute) {
    b.sends.values.push_back(20);
    b.filtered_series.values.push_back(0);
    b.quiet_series.values.push_back(0);
  }
  b.sent = b.delivered = 12000;
  b.limit_per_bucket = 60;
  b.limit_per_day = 40000;

  sim.senders = {a, b};
  for (const SenderStats& s : sim.senders) {
    sim.messages += s.sent;
    sim.delivered += s.delivered;
    sim.filtered += s.filtered;
    sim.late += s.late;
    sim.stale += s.stale;
    sim.quiet_hours += s.quiet_hours;
  }
  sim.recommendation.kind = Recommendation::Kind::kPlan;
  sim.recommendation.text =
      "schedule.rate 5/s -> 55/min. Simulated, this plan has no traffic error or warning.";
  sim.recommendation.plan.push_back({"schedule.rate", "55/min", {}, 0, 0, "5/s"});
  sim.recommendation.predicted.sent = sim.messages;
  sim.recommendation.predicted.delivered = sim.messages;
  sim.recommendation.predicted.on_time = sim.messages;
  sim.recommendation.end = sim.end + absl::Hours(20);
  return sim;
}

inline FileResult SyntheticPromo() {
  FileResult r;
  r.path = "campaigns/promo, \"spring\".yaml";
  r.source =
      "version: 1\n"                                                                     // 1
      "campaign:\n"                                                                      // 2
      "  name: Spring promo\n"                                                           // 3
      "  brand: Acme & Co <Coffee>\n"                                                    // 4
      "  colour: blue\n"                                                                 // 5
      "templates:\n"                                                                     // 6
      "  - id: promo\n"                                                                  // 7
      "    body: \"Acme: WINNER! Act now for 50% off: café latte, https://acme.com\"\n"  // 8
      "schedule:\n"                                                                      // 9
      "  rate: 90/min\n";                                                                // 10
  r.rules_run = {"content/excessive-caps",   "content/missing-opt-out", "content/spam-phrase",
                 "data/duplicate-recipient", "schema/unknown-key",      "traffic/quiet-hours",
                 "traffic/throughput"};
  r.diagnostics = {
      Finding("schema/unknown-key", Level::kWarning, "unknown key 'colour' in campaign",
              {r.path, 5, 3, 5, 9}, "", "did you mean 'country'?"),
      Finding("content/missing-opt-out", Level::kError,
              "template 'promo' has no opt-out instruction (100% of recipients)",
              {r.path, 8, 11, 8, 77}, "promo", "append \"Reply STOP to opt out\""),
      Finding("content/excessive-caps", Level::kInfo, "all-caps word 'WINNER'",
              {r.path, 8, 18, 8, 24}, "promo"),
      Finding("content/spam-phrase", Level::kWarning,
              "pressure phrase 'Act now' <b>: 1,000 recipients\nsecond line\x01",
              {r.path, 8, 26, 8, 33}, "promo"),
      Finding("data/duplicate-recipient", Level::kWarning,
              "+1415•••0142 appears twice (rows 2 and 7)",
              {"campaigns/recipients.csv", 7, 1, 7, 13}),
      Finding("traffic/throughput", Level::kError,
              "sender +14155550100 sends 90 messages per minute; the 10dlc limit is 60",
              {r.path, 10, 9, 10, 15}, "", "", {"first at 2026-12-01 09:01 America/New_York"}),
      Finding("traffic/quiet-hours", Level::kError,
              "2,100 messages land after 21:00 recipient time", Span{}),
  };
  r.sim = SyntheticSim();
  return r;
}

inline FileResult SyntheticClean() {
  FileResult r;
  r.path = "campaigns/clean.yaml";
  r.source = "version: 1\n";
  r.rules_run = {"content/missing-opt-out", "schema/unknown-key"};
  return r;
}

// Compares `actual` with tests/report/golden/<name>; SMSLINT_UPDATE_GOLDEN=1 rewrites it.
inline bool MatchesGolden(const std::string& name, const std::string& actual) {
  std::string path = std::string(SMSLINT_SOURCE_DIR) + "/tests/report/golden/" + name;
  if (std::getenv("SMSLINT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream expected;
  expected << in.rdbuf();
  return expected.str() == actual;
}

// A fresh path under the temporary directory.
inline std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  std::string base = dir != nullptr && dir[0] != '\0' ? dir : "/tmp";
  return base + "/smslint-report-test-" + std::to_string(::getpid()) + "-" + name;
}

inline void WriteTextFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace smslint::testing

#endif  // SMSLINT_TESTS_REPORT_SYNTHETIC_RESULTS_H_
