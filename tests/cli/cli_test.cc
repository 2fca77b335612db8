// End-to-end behaviour of the smslint binary: help, typos, exit codes, outputs.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/profile.h"
#include "tests/cli/run_cli.h"

namespace smslint {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("version and help") {
  CliResult version = RunCli({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(Contains(version.stdout_text, "smslint "));
  CliResult help = RunCli({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(Contains(help.stdout_text, "check"));
  CHECK(Contains(help.stdout_text, "lint"));
  CliResult help_lint = RunCli({"help", "lint"});
  CHECK(help_lint.exit_code == 0);
  CHECK(Contains(help_lint.stdout_text, "--fail-on"));
  CliResult lint_help = RunCli({"lint", "--help"});
  CHECK(lint_help.exit_code == 0);
  CHECK(Contains(lint_help.stdout_text, "--format"));
}

TEST_CASE("typos in commands and options get a did-you-mean and exit 2") {
  CliResult command = RunCli({"chek", "campaigns/holiday-promo.yaml"});
  CHECK(command.exit_code == 2);
  CHECK(Contains(command.stderr_text, "did you mean 'check'?"));
  CliResult option = RunCli({"lint", "--fromat", "json", "campaigns/holiday-promo.yaml"});
  CHECK(option.exit_code == 2);
  CHECK(Contains(option.stderr_text, "did you mean '--format'?"));
  CliResult help = RunCli({"help", "lnt"});
  CHECK(help.exit_code == 2);
  CHECK(Contains(help.stderr_text, "did you mean 'lint'?"));
  CliResult bad_value = RunCli({"lint", "--fail-on", "sometimes", "campaigns/holiday-promo.yaml"});
  CHECK(bad_value.exit_code == 2);
}

TEST_CASE("unusable input is one path:line:col error line and exit 2") {
  CliResult missing = RunCli({"lint", "campaigns/no-such-file.yaml"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.stdout_text.empty());
  CHECK(missing.stderr_text ==
        "campaigns/no-such-file.yaml:1:1: error: cannot open file: No such file or directory\n");
  CliResult syntax = RunCli({"lint", "campaigns/mistakes/syntax-error.yaml"});
  CHECK(syntax.exit_code == 2);
  CHECK(Contains(syntax.stderr_text,
                 "campaigns/mistakes/syntax-error.yaml:14:11: error: YAML syntax"));
  CliResult directory = RunCli({"lint", "-"}, "");
  CHECK(directory.exit_code == 2);
  CHECK(Contains(directory.stderr_text, "-:1:1: error: the file is empty"));
}

TEST_CASE("stdin is read with -") {
  std::ifstream in(std::string(SMSLINT_SOURCE_DIR) + "/campaigns/mistakes/unknown-keys.yaml");
  std::stringstream ss;
  ss << in.rdbuf();
  CliResult r = RunCli({"lint", "--format", "json", "-"}, ss.str());
  CHECK(Contains(r.stdout_text, "\"file\": \"-\""));
  CHECK(Contains(r.stdout_text, "schema/unknown-key"));
}

TEST_CASE("--fail-on sets which level fails the run") {
  // unknown-keys.yaml has warnings only (in schema terms).
  const std::string file = "campaigns/mistakes/invalid-values.yaml";
  CHECK(RunCli({"lint", file}).exit_code == 1);
  CHECK(RunCli({"lint", "--fail-on", "never", file}).exit_code == 0);
  CHECK(RunCli({"lint", "--exit-zero", file}).exit_code == 0);
  CliResult warnings = RunCli({"lint", "--select", "schema/unknown-key", "--fail-on", "warning",
                               "campaigns/mistakes/unknown-keys.yaml"});
  CHECK(warnings.exit_code == 1);
  CliResult errors_only = RunCli({"lint", "--select", "schema/unknown-key", "--fail-on", "error",
                                  "campaigns/mistakes/unknown-keys.yaml"});
  CHECK(errors_only.exit_code == 0);
}

TEST_CASE("--output writes the whole report atomically and prints nothing") {
  std::filesystem::path out = std::filesystem::temp_directory_path() / "smslint-cli-out.json";
  std::filesystem::remove(out);
  CliResult r = RunCli({"lint", "--format", "json", "--output", out.string(),
                        "campaigns/mistakes/invalid-values.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.stdout_text.empty());
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(Contains(ss.str(), "\"version\": 2"));
  CHECK(ss.str().back() == '\n');
  std::filesystem::remove(out);

  CliResult unwritable =
      RunCli({"lint", "--output", "/nonexistent-dir/report.txt", "campaigns/holiday-promo.yaml"});
  CHECK(unwritable.exit_code == 2);
  CHECK(Contains(unwritable.stderr_text, "/nonexistent-dir/report.txt:1:1: error:"));
}

TEST_CASE("a directory is expanded, one unreadable file does not hide the others") {
  CliResult r = RunCli({"lint", "--format", "json", "campaigns/"});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.stderr_text, "syntax-error.yaml:14:11: error:"));
  CHECK(Contains(r.stdout_text, "campaigns/mistakes/invalid-values.yaml"));
  CHECK(Contains(r.stdout_text, "campaigns/holiday-promo.yaml"));
}

TEST_CASE("text output: location, level, rule, source line and caret") {
  CliResult r = RunCli({"lint", "campaigns/mistakes/unknown-keys.yaml"});
  CHECK(Contains(r.stdout_text,
                 "campaigns/mistakes/unknown-keys.yaml:12:3: warning: unknown key 'domian' in "
                 "campaign; did you mean 'domain'? [schema/unknown-key]\n"
                 "  12 |   domian: acme.com\n"
                 "     |   ^~~~~~\n"));
  CHECK(Contains(r.stdout_text, " in 1 file\n"));
  CHECK(!Contains(r.stdout_text, "\x1b["));
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("inline recipient numbers are masked in quoted source lines unless --show-pii") {
  const std::string file = "campaigns/mistakes/ucs2-characters.yaml";
  for (const char* format : {"text", "json", "sarif", "github", "junit"}) {
    CAPTURE(format);
    CliResult r = RunCli({"check", "--format", format, file});
    CHECK(r.output.find("3125550142") == std::string::npos);
    CHECK(r.output.find("3125550143") == std::string::npos);
  }
  CliResult masked = RunCli({"check", file});
  CHECK(Contains(masked.stdout_text,
                 "list: [\"+1312\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"
                 "0142\""));
  CliResult shown = RunCli({"check", "--show-pii", file});
  CHECK(Contains(shown.stdout_text, "list: [\"+13125550142\""));
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE(
    "max_segments in .smslint.yaml reaches lint and check, a bad value is exit 2 at its line") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "smslint-max-segments";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file("campaigns/mistakes/long-message.yaml", dir / "long.yaml");
  auto segment_findings = [&](const char* command) {
    CliResult r = RunCli({command, "--format", "json", (dir / "long.yaml").string()});
    size_t n = 0;
    for (size_t at = r.stdout_text.find("\"content/segment-count\""); at != std::string::npos;
         at = r.stdout_text.find("\"content/segment-count\"", at + 1)) {
      ++n;
    }
    return n;
  };
  CHECK(segment_findings("lint") >= 1);
  CHECK(segment_findings("check") >= 1);
  std::ofstream(dir / ".smslint.yaml") << "rules:\n  content/segment-count: {max_segments: 5}\n";
  CHECK(segment_findings("lint") == 0);
  CHECK(segment_findings("check") == 0);
  std::ofstream(dir / ".smslint.yaml")
      << "rules:\n  content/segment-count: {max_segments: banana}\n";
  CliResult bad = RunCli({"check", (dir / "long.yaml").string()});
  CHECK(bad.exit_code == 2);
  CHECK(Contains(bad.stderr_text, ".smslint.yaml:2:"));
  CHECK(Contains(bad.stderr_text, "max_segments"));
  std::ofstream(dir / ".smslint.yaml") << "rules:\n  content/shaftt: off\n  content/*: warning\n";
  CliResult typo = RunCli({"lint", (dir / "long.yaml").string()});
  CHECK(typo.exit_code == 2);
  CHECK(Contains(typo.stderr_text,
                 ".smslint.yaml:2:3: error: unknown rule 'content/shaftt'; did you mean "
                 "'content/shaft'?"));
  // Under `select` a misspelt id turned every rule off ("no findings", exit 0); under
  // `ignore`, none. A glob may match nothing.
  std::ofstream(dir / ".smslint.yaml") << "select:\n  - content/*\n  - content/shaftt\n";
  typo = RunCli({"lint", (dir / "long.yaml").string()});
  CHECK(typo.exit_code == 2);
  CHECK(Contains(typo.stderr_text, ".smslint.yaml:3:5: error: unknown rule 'content/shaftt'"));
  std::ofstream(dir / ".smslint.yaml") << "ignore: content/segment-cont\n";
  typo = RunCli({"lint", (dir / "long.yaml").string()});
  CHECK(typo.exit_code == 2);
  CHECK(
      Contains(typo.stderr_text, ".smslint.yaml:1:9: error: unknown rule 'content/segment-cont'"));
  fs::remove(dir / ".smslint.yaml");
  for (const char* option : {"--select", "--ignore"}) {
    typo = RunCli({"lint", option, "content/shaftt", (dir / "long.yaml").string()});
    CHECK(typo.exit_code == 2);
    CHECK(Contains(typo.stderr_text,
                   std::string("smslint: error: unknown rule 'content/shaftt' in ") + option +
                       "; did you mean 'content/shaft'?"));
  }
  CHECK(
      RunCli({"lint", "--select", "content/*", "--select", "data/*", (dir / "long.yaml").string()})
          .exit_code == 0);
  fs::remove_all(dir);
}

// One masking policy (diag/pii.h) for every output: the same number reads the same
// in a data finding, in the quoted source line and in the JSON.
TEST_CASE("a recipient number is masked identically in findings, source lines and JSON") {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("smslint-mask-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string file = (dir / "campaign.yaml").string();
  std::ofstream(file) << "version: 1\n"
                         "campaign:\n"
                         "  name: Masking\n"
                         "  brand: Acme Coffee\n"
                         "  use_case: marketing\n"
                         "  country: US\n"
                         "  route: 10dlc\n"
                         "senders:\n"
                         "  - \"+13125550100\"\n"
                         "templates:\n"
                         "  - id: promo\n"
                         "    body: \"Acme Coffee: lattes 20% off today. Reply STOP to opt out\"\n"
                         "recipients:\n"
                         "  list: [\"+447911123456\", \"+447911123456\", \"+1212555014\"]\n";
  const std::string uk =
      "+44791\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"
      "3456";
  const std::string invalid =
      "+121\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"
      "14";
  CliResult text = RunCli({"check", file});
  CHECK(Contains(text.stdout_text, "line 14 repeats line 14: " + uk));
  CHECK(Contains(text.stdout_text, "line 14: '" + invalid + "'"));
  CHECK(Contains(text.stdout_text, "list: [\"" + uk + "\", \"" + uk + "\", \"" + invalid + "\"]"));
  CliResult json = RunCli({"check", "--format", "json", file});
  CHECK(Contains(json.stdout_text, "repeats line 14: " + uk));
  CHECK(Contains(json.stdout_text, "line 14: '" + invalid + "'"));
  for (const char* format : {"text", "json", "sarif", "github", "junit"}) {
    CAPTURE(format);
    CliResult r = RunCli({"check", "--format", format, file});
    CHECK(r.output.find("7911123456") == std::string::npos);
    CHECK(r.output.find("212555014") == std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("profiles lists the quiet-hours exemption and the suggested window from the data file") {
  const QuietHours hours = *LoadQuietHours();
  REQUIRE(!hours.exempt_use_cases.empty());
  REQUIRE(!hours.recommended_window.empty());
  CliResult text = RunCli({"profiles"});
  CHECK(text.exit_code == 0);
  CHECK(Contains(text.stdout_text, "not held to quiet hours: "));
  for (UseCase u : hours.exempt_use_cases)
    CHECK(Contains(text.stdout_text, std::string(UseCaseName(u))));
  CHECK(Contains(text.stdout_text, "suggested schedule.window: " + hours.recommended_window));
  CliResult json = RunCli({"profiles", "--format", "json"});
  CHECK(Contains(json.stdout_text, "\"recommended\""));
  CHECK(Contains(json.stdout_text, "\"window\": \"" + hours.recommended_window + "\""));
  CHECK(Contains(json.stdout_text, "\"exempt\""));
}

TEST_CASE("profiles prints every state's and country's quiet-hours law with its sources") {
  const QuietHours hours = *LoadQuietHours();
  REQUIRE(!hours.states.empty());
  REQUIRE(!hours.countries.empty());
  CliResult text = RunCli({"profiles"});
  REQUIRE(text.exit_code == 0);
  for (const QuietHoursWindow& r : hours.states) {
    CAPTURE(r.state);
    CHECK(!r.source.empty());
    CHECK(Contains(text.stdout_text, "  " + r.state + " " + r.text + "\n"));
    CHECK(Contains(text.stdout_text, r.source));
    if (r.per_24h > 0) CHECK(Contains(text.stdout_text, r.per_24h_source));
    if (!r.note.empty()) CHECK(Contains(text.stdout_text, r.note));
  }
  for (const QuietHoursWindow& r : hours.countries) {
    CHECK(Contains(text.stdout_text, r.source));
  }
  CHECK(Contains(text.stdout_text, "an error for: marketing, mixed, sweepstake"));
  CliResult json = RunCli({"profiles", "--format", "json"});
  CHECK(Contains(json.stdout_text, "\"per_24h\": 3"));
  CHECK(Contains(json.stdout_text, "\"country\": \"CA\""));
  CHECK(Contains(json.stdout_text, "\"other_use_cases\""));
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("one JSON summary shape: text and lint both say errors, warnings, infos") {
  CliResult text = RunCli({"text", "--format", "json", "Winner! Claim your prize at bit.ly/x"});
  CHECK(text.stdout_text.find("\"errors\":") != std::string::npos);
  CHECK(text.stdout_text.find("\"warnings\":") != std::string::npos);
  CHECK(text.stdout_text.find("\"infos\":") != std::string::npos);
  CHECK(text.stdout_text.find("\"error\":") == std::string::npos);
  CliResult lint = RunCli({"lint", "--format", "json", "campaigns/holiday-promo.yaml"});
  CHECK(lint.stdout_text.find("\"infos\":") != std::string::npos);
}

TEST_CASE("text: --brand-alias names the brand another way") {
  CliResult r =
      RunCli({"text", "--brand", "Northfield Credit Union", "--brand-alias", "Northfield CU",
              "--use-case", "account_notification", "Northfield CU: your statement is ready."});
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("content/missing-brand") == std::string::npos);
}

}  // namespace
}  // namespace smslint
