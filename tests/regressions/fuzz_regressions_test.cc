// Replays every stored fuzzer input (tests/fuzz/regressions/<target>/, inputs that
// once crashed, hung or broke an invariant) and the seed corpora
// (tests/fuzz/corpus/<target>/) through the fuzz targets' own entry points, so a
// fixed bug stays fixed in the ordinary (and the sanitizer) test run.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/check_pipeline.h"
#include "tests/fuzz/entry_points.h"
#include "tests/regressions/run_bounded.h"
#include "tests/regressions/scratch_dir.h"

namespace smslint {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> FilesUnder(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Returns how many inputs were replayed.
size_t Replay(const std::string& target, const std::function<std::string(std::string_view)>& run) {
  size_t replayed = 0;
  for (const char* kind : {"regressions", "corpus"}) {
    for (const fs::path& file :
         FilesUnder(fs::path(SMSLINT_SOURCE_DIR) / "tests/fuzz" / kind / target)) {
      CAPTURE(file.string());
      // In a child with a time limit: a hang that comes back fails instead of hanging.
      std::string bytes = Slurp(file);
      int outcome = RunBounded(
          [&] {
            std::string broken = run(bytes);
            if (!broken.empty()) std::fprintf(stderr, "%s: %s\n", file.c_str(), broken.c_str());
            return broken.empty() ? 0 : 1;
          },
          30);
      CHECK(outcome == 0);
      ++replayed;
    }
  }
  return replayed;
}

TEST_CASE("fuzz regressions: campaign loader") {
  CHECK(Replay("campaign_loader", fuzz::RunCampaignLoader) > 0);
}

TEST_CASE("fuzz regressions: recipients csv") {
  CHECK(Replay("recipients_csv", fuzz::RunRecipientsCsv) > 0);
}

TEST_CASE("fuzz regressions: template renderer") {
  CHECK(Replay("template_renderer", fuzz::RunTemplateRenderer) > 0);
}

TEST_CASE("fuzz regressions: encoder") { CHECK(Replay("encoder", fuzz::RunEncoder) > 0); }

TEST_CASE("fuzz regressions: config parser") {
  CHECK(Replay("config_parser", fuzz::RunConfigParser) > 0);
}

TEST_CASE("fuzz regressions: rule pack") { CHECK(Replay("rule_pack", fuzz::RunRulePack) > 0); }

TEST_CASE("fuzz regressions: suppression") {
  CHECK(Replay("suppression", fuzz::RunSuppression) > 0);
}

// Each input in a child with a fresh session, its files in one scratch directory.
TEST_CASE("fuzz regressions: check pipeline") {
  testing::TempDir dir;
  CHECK(Replay("check_pipeline", [&](std::string_view bytes) {
          std::unique_ptr<Session> session = fuzz::MakePipelineSession();
          if (session == nullptr) return std::string("no session");
          return fuzz::RunCheckPipelineIn(bytes, dir.path, *session);
        }) > 0);
}

// The PII invariant can fail: with --show-pii the outputs hold the recipients'
// numbers, and the scan that the fuzzer runs without it finds them.
TEST_CASE("fuzz regressions: the check pipeline's PII scan sees unmasked numbers") {
  testing::TempDir dir;
  const std::string input =
      "%skeleton\nAcme Coffee: {{first_name|there}}, 20% off at https://acme.com/x Reply STOP "
      "to opt out\n\n%%\nphone,first_name\n+12125550142,Ava\n(646) 555-0119,Liam\n"
      "2125550142,Ava\n%%\nphone\n+13125550099\n";
  fuzz::PipelineParts parts = fuzz::SplitPipelineInput(input);
  CHECK(parts.recipients.find("+12125550142") != std::string::npos);
  CHECK(parts.suppression == "phone\n+13125550099\n");
  std::vector<std::string> needles =
      fuzz::RecipientNeedles(fuzz::CampaignText(parts), parts, {}, "US");
  CHECK(std::count(needles.begin(), needles.end(), "12125550142") == 1);
  CHECK(std::count(needles.begin(), needles.end(), "6465550119") == 1);
  CHECK(std::count(needles.begin(), needles.end(), "13125550099") == 1);
  // The sender (+14155550100, in the campaign) is the business's own.
  CHECK(std::count(needles.begin(), needles.end(), "14155550100") == 0);
  std::unique_ptr<Session> masked = fuzz::MakePipelineSession(false);
  REQUIRE(masked != nullptr);
  CHECK(fuzz::RunCheckPipelineIn(input, dir.path, *masked) == "");
  // The same run with --show-pii, scanned as if it were masked: a leak is reported.
  std::unique_ptr<Session> shown = fuzz::MakePipelineSession(true);
  REQUIRE(shown != nullptr);
  CHECK(fuzz::RunCheckPipelineIn(input, dir.path, *shown, true) == "");
  AnalysisRun run = shown->AnalyzeInputs({dir.path + "/campaign.yaml"});
  REQUIRE(run.results.size() == 1);
  ReportOptions report;
  report.show_pii = true;
  report.catalog = &shown->catalog();
  std::string text = fuzz::NormalisedDigits(EmitReport("text", run.results, report, false));
  CHECK(!fuzz::ShownNeedle(text, needles).empty());
  // A number counts as shown as a run of its own (after a country code or a line
  // number at most), not as digits inside a longer run.
  CHECK(fuzz::ShownNeedle(fuzz::NormalisedDigits("at +1 (212) 555-0142."), {"2125550142"}) ==
        "2125550142");
  // Nor is a date and time ("2027-11-30 13:00" against +12027113013).
  CHECK(fuzz::ShownNeedle(fuzz::NormalisedDigits("from 2027-11-30 13:00 EST"), {"2027113013"}) ==
        "");
  // Digits inside a word (a SARIF fingerprint's hex) are not a number shown.
  CHECK(fuzz::ShownNeedle(fuzz::NormalisedDigits(fuzz::WithoutWordDigits("\"4b2125550142f:1\"")),
                          {"2125550142"}) == "");
  CHECK(fuzz::ShownNeedle(fuzz::NormalisedDigits("'2026-10-0721255501424T11'"), {"2125550142"}) ==
        "");
}

// Ordinary inputs pass every invariant (the replays above would pass vacuously otherwise).
TEST_CASE("fuzz regressions: entry points accept ordinary inputs") {
  CHECK(fuzz::RunCampaignLoader("version: 1\n") == "");
  CHECK(fuzz::RunTemplateRenderer("Hi {{name|there}}") == "");
  CHECK(fuzz::RunEncoder("") == "");
}

}  // namespace
}  // namespace smslint
