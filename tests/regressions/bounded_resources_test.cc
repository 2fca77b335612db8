// Issue 15 point 5 and the smaller items of point 3, each run through the real
// binary with its wall time and peak memory measured (wait4): phone fields longer
// than any number, the YAML node and alias budget, `text` quoting a window,
// `segments --lines` streaming and its line cap, control characters in values,
// merge keys, and a campaign that would run for millennia. Rows of the README's
// bad-input table.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/cli/run_cli.h"
#include "tests/regressions/scratch_dir.h"

namespace smslint {
namespace {

using testing::ReadText;
using testing::TempDir;

namespace fs = std::filesystem;

// Generous for a sanitizer build on a busy 2-core machine.
constexpr double kMaxSeconds = 20.0;

// AddressSanitizer reserves terabytes of address space and doubles resident memory:
// under it the address-space cap would kill every run, and peak memory says nothing
// about the tool. Time and outputs are still checked there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

struct Measured {
  int exit_code = -1;
  double seconds = 0;
  long peak_kb = 0;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs the binary with stdin from `stdin_file` ("" for /dev/null), stdout and
// stderr to files in `dir`; the child's address space is capped at 2 GiB so a
// regression fails instead of exhausting the machine.
Measured Run(const TempDir& dir, const std::vector<std::string>& args,
             const std::string& stdin_file = "") {
  const std::string out_path = dir.path + "/stdout", err_path = dir.path + "/stderr";
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (!kSanitized) {
      rlimit limit{2048ul << 20, 2048ul << 20};
      setrlimit(RLIMIT_AS, &limit);
    }
    int in = open(stdin_file.empty() ? "/dev/null" : stdin_file.c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    setenv("NO_COLOR", "1", 1);
    std::vector<std::string> storage = {SMSLINT_BINARY};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Measured m;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.peak_kb = usage.ru_maxrss;
  m.out = ReadText(out_path);
  m.err = ReadText(err_path);
  CAPTURE(m.err.substr(0, 2000));
  CHECK(m.seconds < kMaxSeconds);
  return m;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The clean example campaign, reading `recipients` next to it.
std::string CampaignReading(const TempDir& dir, const std::string& recipients) {
  std::string yaml = ReadText(std::string(SMSLINT_SOURCE_DIR) + "/campaigns/holiday-promo.yaml");
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  };
  replace("holiday-promo/recipients.csv", recipients);
  replace("holiday-promo/optouts.csv", "optouts.csv");
  dir.Write("optouts.csv",
            ReadText(std::string(SMSLINT_SOURCE_DIR) + "/campaigns/holiday-promo/optouts.csv"));
  return dir.Write("campaign.yaml", yaml);
}

// The example campaign reading `csv` (written as recipients.csv) at `rate`.
std::string CampaignAtRate(const TempDir& dir, const std::string& csv, const std::string& rate) {
  dir.Write("recipients.csv", csv);
  std::string yaml = ReadText(CampaignReading(dir, "recipients.csv"));
  yaml.replace(yaml.find("rate: 20/min"), 12, "rate: " + rate);
  return dir.Write("campaign.yaml", yaml);
}

// The clean example campaign's text, with its recipients and opt-outs copied next
// to where it will be written.
std::string CleanCampaign(const TempDir& dir) {
  dir.Write("recipients.csv",
            ReadText(std::string(SMSLINT_SOURCE_DIR) + "/campaigns/holiday-promo/recipients.csv"));
  return ReadText(CampaignReading(dir, "recipients.csv"));
}

TEST_CASE("bounded: a phone field of 40,000 digits or 1 MB is rejected before libphonenumber") {
  // Before: 14 s for the 40k-digit field, hours for the 1 MB one (ICU's regexes are
  // quadratic); now the length alone decides.
  TempDir dir;
  dir.Write("recipients.csv", "phone,first_name\n+14155550101,Ann\n" + std::string(40000, '7') +
                                  ",Bob\n" + std::string(1000000, '8') + ",Cy\n");
  Measured m = Run(dir, {"check", CampaignReading(dir, "recipients.csv")});
  CHECK(m.exit_code == 1);
  CHECK(Contains(m.out, "recipients.csv:3: '777"));
  CHECK(Contains(m.out, "(40000 bytes: longer than any phone number)"));
  CHECK(Contains(m.out, "(1000000 bytes: longer than any phone number)"));
  CHECK_FALSE(Contains(m.out, std::string(50, '7')));  // never echoed whole
  CHECK(m.seconds < 5.0);
}

TEST_CASE("bounded: 900 KB field values in 300 placeholders are checked and quoted in part") {
  // Before: each distinct tuple rendered whole (270 MB a row here; 2,000 placeholders
  // were bad_alloc), the value checked once per placeholder, and each finding quoting
  // the whole value: 4.8 s and 37 MB of output for 20 placeholders and 3 rows.
  TempDir dir;
  std::string csv = "phone,first_name,opted_in_at\n";
  for (int r = 0; r < 3; ++r) {
    csv += "+1415555010" + std::to_string(r + 1) + "," + std::string(900000, 'A') +
           std::to_string(r) + ",2026-10-01T08:15:00Z\n";
  }
  dir.Write("amp.csv", csv);
  std::string yaml = ReadText(CampaignReading(dir, "amp.csv"));
  std::string body = "Acme Coffee:";
  for (int i = 0; i < 300; ++i) body += " {{first_name}}";
  const std::string from = "Hi {{first_name|there}}, holiday lattes";
  yaml.replace(yaml.find(from), from.size(), body + " lattes");
  Measured m = Run(dir, {"check", dir.Write("amp.yaml", yaml)});
  CHECK(m.exit_code == 0);  // warnings only
  CHECK(Contains(m.out, "the message is longer than 3 segments (at least "));
  CHECK(Contains(m.out, "makes it fire: \"AAAA"));
  CHECK_FALSE(Contains(m.out, std::string(3000, 'A')));  // quoted in part
  CHECK(m.out.size() < 100000);
  CHECK(m.seconds < 5.0);
  if (!kSanitized) CHECK(m.peak_kb < 400 * 1024);
}

TEST_CASE("bounded: an anchored 512 KB body aliased by 2,000 templates is exit 2 at the alias") {
  // Before: every template copied the body (over 1 GB of values, 580 MB to 2 GB peak).
  TempDir dir;
  std::string yaml = "version: 1\nbody: &b \"" + std::string(512 * 1024, 'x') + "\"\ntemplates:\n";
  for (int i = 0; i < 2000; ++i) yaml += "  - id: t" + std::to_string(i) + "\n    body: *b\n";
  std::string file = dir.Write("alias.yaml", yaml);
  Measured m = Run(dir, {"check", file});
  CHECK(m.exit_code == 2);
  CHECK(m.out.empty());
  // The first alias that passes the budget (4 x the file + 1 MiB of values).
  CHECK(Contains(m.err, file + ":15:11: error: the YAML's values come to more than"));
  CHECK(std::count(m.err.begin(), m.err.end(), '\n') == 1);
  CHECK((kSanitized || m.peak_kb < 200 * 1024));
}

TEST_CASE("bounded: a few aliased values within the budget still load") {
  TempDir dir;
  std::string yaml = CleanCampaign(dir);
  const std::string from = "  reply_rate: 0.03";
  yaml.replace(yaml.find(from), from.size(), "  reply_rate: &r 0.03\n  opt_out_rate: *r");
  std::string file = dir.Write("campaign.yaml", yaml);
  Measured m = Run(dir, {"lint", file});
  CHECK(m.exit_code != 2);
}

TEST_CASE("bounded: more than 1,000,000 YAML nodes is exit 2 before any node is built") {
  TempDir dir;
  std::string yaml = "version: 1\nx: [a";
  for (int i = 0; i < 1'100'000; ++i) yaml += ",a";
  yaml += "]\n";
  std::string file = dir.Write("nodes.yaml", yaml);
  Measured m = Run(dir, {"check", file});
  CHECK(m.exit_code == 2);
  CHECK(Contains(m.err, file + ":2:"));
  CHECK(Contains(m.err, "more than 1000000 nodes"));
  CHECK((kSanitized || m.peak_kb < 200 * 1024));
}

TEST_CASE("bounded: smslint text quotes a window of a 145 KB message, not all of it per finding") {
  // Before: 2.6 GB of output and 2.8 GB peak (the message once per finding).
  TempDir dir;
  std::string message;
  while (message.size() < 145000) message += "Acme: h\xC3\xA9llo \xE2\x80\x9Cwin\xE2\x80\x9D now ";
  std::string input = dir.Write("message.txt", message);
  Measured m = Run(dir, {"text"}, input);
  CHECK(m.exit_code <= 1);
  CHECK(Contains(m.out, "[content/ucs2-character]"));
  CHECK(m.out.size() < 20u << 20);
  CHECK((kSanitized || m.peak_kb < 300 * 1024));
  // Every quoted line is a window: at most 100 characters and the ellipses.
  size_t longest = 0;
  for (size_t at = 0; at < m.out.size();) {
    size_t end = m.out.find('\n', at);
    if (end == std::string::npos) end = m.out.size();
    if (m.out.compare(at, 2, "  ") == 0) longest = std::max(longest, end - at);
    at = end + 1;
  }
  CHECK(longest < 500);
}

TEST_CASE("bounded: segments --lines streams to -o and caps the line length") {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 100000; ++i)
    lines +=
        "Hello \xE2\x80\x9C"
        "friend\xE2\x80\x9D number " +
        std::to_string(i) + ", your order is ready at the store\xE2\x80\x99s front desk\n";
  std::string input = dir.Write("lines.txt", lines);
  const std::string output = dir.path + "/out.jsonl";
  Measured m = Run(dir, {"segments", "--lines", "--format", "json", "-o", output}, input);
  CHECK(m.exit_code == 0);
  std::string written = ReadText(output);
  CHECK(std::count(written.begin(), written.end(), '\n') == 100000);
  CHECK(written.size() > 40u << 20);
  // Before: the whole output (58 MB here) was held until the end.
  CHECK((kSanitized || m.peak_kb < 40 * 1024 + 20 * 1024));

  // A line over 1 MiB is reported (output and stderr), the next one still counted.
  std::string long_input = dir.Write("long.txt", std::string(3u << 20, 'a') + "\nshort\n");
  Measured l = Run(dir, {"segments", "--lines"}, long_input);
  CHECK(l.exit_code == 2);
  CHECK(Contains(l.out, "1: error: line longer than 1 MiB, not counted\n"));
  CHECK(Contains(l.out, "2: GSM-7, 1 segment, 5 septets"));
  CHECK(Contains(l.err, "-:1:1: error: line longer than 1 MiB"));
}

TEST_CASE(
    "bounded: a newline or ESC in a value cannot forge a finding line or reach the terminal") {
  TempDir dir;
  std::string yaml = CleanCampaign(dir);
  const std::string from = "  timezone: America/New_York";
  yaml.replace(yaml.find(from), from.size(),
               "  timezone: \"X\\n/etc/passwd:1:1: error: forged \\e[31mred\"");
  std::string file = dir.Write("campaign.yaml", yaml);
  for (const std::string format : {"text", "github", "junit"}) {
    Measured m = Run(dir, {"lint", "--format", format, file});
    CAPTURE(format);
    CHECK(m.exit_code == 1);
    CHECK(Contains(m.out, "forged"));
    CHECK_FALSE(Contains(m.out, "\n/etc/passwd:1:1"));
    CHECK_FALSE(Contains(m.out, "\x1b"));
  }
  Measured t = Run(dir, {"lint", file});
  CHECK(Contains(t.out, "X\\n/etc/passwd:1:1: error: forged \\x1b[31mred"));
  // `text` quotes a message's control characters as visible symbols.
  Measured x = Run(dir, {"text", "Acme: hi\x1b[2J there. Reply STOP to opt out"});
  CHECK_FALSE(Contains(x.out, "\x1b"));
}

TEST_CASE("bounded: a merge key is an error, not an unknown key whose values are applied") {
  TempDir dir;
  std::string yaml = CleanCampaign(dir);
  const std::string from = "  rate: 20/min";
  yaml.replace(yaml.find(from), from.size(), "  <<: {rate: 20/min}");
  std::string file = dir.Write("campaign.yaml", yaml);
  Measured m = Run(dir, {"lint", file});
  CHECK(m.exit_code == 1);
  CHECK(Contains(m.out, "error: merge keys ('<<') are not supported in schedule"));
  CHECK_FALSE(Contains(m.out, "unknown key '<<'"));
}

TEST_CASE("bounded: a campaign that runs for millennia is a warning, not an info") {
  TempDir dir;
  std::string csv = "phone\n";
  for (int i = 0; i < 200; ++i) csv += "+1212555" + std::to_string(1000 + i) + "\n";
  std::string file = CampaignAtRate(dir, csv, "1/day");
  Measured m = Run(dir, {"check", file});
  CHECK(Contains(m.out, "days), more than 30 days: recipients get the messages months late"));
  CHECK(Contains(m.out, "warning: 199 messages do not fit"));
}

TEST_CASE(
    "bounded: a send that does not end before the simulator's horizon is an error, not simulated") {
  // 400,000 numbers at the slowest rate allowed (about a message a month) would run
  // some 33,000 years from 2027. Before: the messages past the year 33658 were piled
  // onto its last instant, "0.034/day is faster than the provider releases" was
  // reported, exit 0 (warnings only), and the JSON report was 220 MB of chart values.
  TempDir dir;
  std::string csv = "phone\n";
  csv.reserve(400'000 * 13);
  for (int i = 0; i < 400'000; ++i) csv += "+1646" + std::to_string(2'000'000 + i) + "\n";
  std::string file = CampaignAtRate(dir, csv, "0.034/day");
  Measured m = Run(dir, {"check", file});
  CHECK(m.exit_code == 1);
  CHECK(Contains(m.out,
                 "error: the send does not end before 33658-09-26 21:46:40 EDT, the latest time "
                 "smslint simulates: at schedule.rate 0.034/day from 1 sender number, "));
  CHECK(Contains(m.out, "simulation skipped: the send does not end before"));
  CHECK_FALSE(Contains(m.out, "faster than the provider releases"));
  CHECK_FALSE(Contains(m.out, "Recommendation"));
  Measured json = Run(dir, {"check", file, "--format", "json"});
  CHECK(json.exit_code == 1);
  CHECK(json.out.size() < 100'000);
  CHECK_FALSE(Contains(json.out, "\"simulation\""));
  CHECK(json.seconds < kMaxSeconds);
  // Two such campaigns of one brand: no brand section, whose totals ("delivered 0")
  // and caps ("no recipient over its state's cap") would read as a clean send.
  dir.Write("second.yaml", ReadText(file));
  Measured both = Run(dir, {"check", dir.path});
  CHECK(both.exit_code == 1);
  CHECK_FALSE(Contains(both.out, "brand Acme Coffee"));
  CHECK_FALSE(Contains(both.out, "together:"));
  CHECK(Contains(both.out, "second.yaml:33:9: error: the send does not end before"));
  CHECK(Contains(both.out, "campaign.yaml:33:9: error: the send does not end before"));
}

TEST_CASE("bounded: a negative rule option in .smslint.yaml is exit 2 at the setting") {
  TempDir dir;
  std::string file = dir.Write("campaign.yaml", CleanCampaign(dir));
  dir.Write(".smslint.yaml", "rules:\n  content/excessive-caps:\n    max_caps_words: -1\n");
  Measured m = Run(dir, {"lint", file});
  CHECK(m.exit_code == 2);
  CHECK(Contains(m.err,
                 ".smslint.yaml:2:3: error: option 'max_caps_words' of "
                 "content/excessive-caps must be zero or more, not -1"));
  dir.Write(".smslint.yaml", "rules:\n  content/excessive-caps:\n    max_caps_words: 0\n");
  CHECK(Run(dir, {"lint", file}).exit_code != 2);
}

}  // namespace
}  // namespace smslint
