// Hostile and broken inputs, each run through the real binary: every case ends in
// seconds with exit 2 and one `path:line:col: error:` line, or with findings (exit
// 1), never a crash, a hang or a half-written output. One TEST_CASE per row of the
// README's bad-input table (section "hardening").
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/run_cli.h"
#include "tests/regressions/scratch_dir.h"

namespace smslint {
namespace {

using testing::ReadText;
using testing::TempDir;

namespace fs = std::filesystem;
using namespace std::string_literals;

// Generous for a sanitizer build on a busy 2-core machine; a hang takes forever.
constexpr double kMaxSeconds = 20.0;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The clean example campaign, reading its recipients from `recipients` (relative to
// the campaign file) and its suppression list from a copy next to it.
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

// Runs the binary and checks the outcome every bad input must have: it ends in
// time, by an exit code (not a signal), 1 or 2.
CliResult RunTimed(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  auto start = std::chrono::steady_clock::now();
  CliResult result = RunCli(args, stdin_text);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CAPTURE(result.stderr_text.substr(0, 2000));
  CHECK(seconds < kMaxSeconds);
  CHECK(result.exit_code >= 1);
  CHECK(result.exit_code <= 2);
  CHECK_FALSE(Contains(result.stderr_text, "Sanitizer"));
  CHECK_FALSE(Contains(result.stderr_text, "terminate called"));
  return result;
}

// Exit 2 with exactly one `path:line:col: error:` line naming `path`, nothing on stdout.
void CheckUnusable(const CliResult& result, const std::string& path, const std::string& what) {
  CAPTURE(result.stderr_text.substr(0, 2000));
  CHECK(result.exit_code == 2);
  CHECK(result.stdout_text.empty());
  CHECK(Contains(result.stderr_text, path + ":"));
  CHECK(Contains(result.stderr_text, ": error: "));
  CHECK(Contains(result.stderr_text, what));
  CHECK(std::count(result.stderr_text.begin(), result.stderr_text.end(), '\n') == 1);
}

TEST_CASE("bad input: YAML alias bomb (billion laughs)") {
  TempDir dir;
  std::string yaml = "version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) yaml += (j ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  yaml += "templates: *a9\n";  // 10^10 nodes once expanded
  std::string file = dir.Write("bomb.yaml", yaml);
  CliResult result = RunTimed({"check", file});
  // Unknown keys and a wrong type for templates are findings; the walk is bounded.
  CHECK(result.exit_code >= 1);
  CHECK(Contains(result.output, "bomb.yaml:"));
}

TEST_CASE("bad input: deep nesting") {
  TempDir dir;
  std::string file =
      dir.Write("deep.yaml", "version: 1\ncampaign: " + std::string(100000, '[') + "\n");
  CheckUnusable(RunTimed({"check", file}), file, "error:");
  std::string file2 =
      dir.Write("deep-maps.yaml", "version: 1\ncampaign: " + std::string(20000, '{') + "\n");
  CheckUnusable(RunTimed({"check", file2}), file2, "error:");
}

TEST_CASE("bad input: invalid UTF-8 in the campaign and in the recipients CSV") {
  TempDir dir;
  std::string file = dir.Write("latin1.yaml", "version: 1\ncampaign:\n  name: Caf\xe9 promo\n");
  CheckUnusable(RunTimed({"check", file}), file, "UTF-8");
  dir.Write("recipients.csv", "phone,first_name\n+14155550101,Ren\xe9\n+14155550102,Ann\n");
  CliResult csv = RunTimed({"check", CampaignReading(dir, "recipients.csv")});
  CHECK(csv.exit_code == 1);
  CHECK(Contains(csv.output, "recipients.csv:2"));
  CHECK(Contains(csv.output, "UTF-8"));
}

TEST_CASE("bad input: NUL bytes in the campaign and in the recipients CSV") {
  TempDir dir;
  std::string file = dir.Write("nul.yaml", "version: 1\ncampaign:\n  name: A\0B\n"s);
  CheckUnusable(RunTimed({"check", file}), file, "NUL");
  dir.Write("recipients.csv", "phone,first_name\n+14155550101,A\0n\n+14155550102,Bo\n"s);
  CliResult csv = RunTimed({"check", CampaignReading(dir, "recipients.csv")});
  CHECK(csv.exit_code == 1);
  CHECK(Contains(csv.output, "recipients.csv:2"));
  CHECK(Contains(csv.output, "NUL"));
}

TEST_CASE("bad input: a 100 MB line in the campaign") {
  TempDir dir;
  std::string file = dir.Write(
      "huge.yaml", "version: 1\ncampaign:\n  name: \"" + std::string(100u << 20, 'a') + "\"\n");
  CheckUnusable(RunTimed({"check", file}), file, "limit");
}

TEST_CASE("bad input: a 100 MB line in the recipients CSV") {
  TempDir dir;
  dir.Write("recipients.csv", "phone,first_name\n+14155550101,Ann\n+14155550102," +
                                  std::string(100u << 20, 'x') + "\n+14155550103,Cy\n");
  CliResult result = RunTimed({"check", CampaignReading(dir, "recipients.csv")});
  CHECK(result.exit_code == 1);
  CHECK(Contains(result.output, "recipients.csv:3"));
  CHECK(result.output.size() < 100000);  // the row is reported, not echoed
}

TEST_CASE("bad input: the recipients file is a directory") {
  TempDir dir;
  fs::create_directory(dir.path + "/recipients.csv");
  std::string campaign = CampaignReading(dir, "recipients.csv");
  CheckUnusable(RunTimed({"check", campaign}), campaign, "directory");
}

TEST_CASE("bad input: the recipients file vanished (a dangling symlink)") {
  TempDir dir;
  std::string target = dir.Write("gone.csv", "phone\n+14155550101\n");
  fs::create_symlink(target, dir.path + "/recipients.csv");
  fs::remove(target);  // deleted after the campaign was written, before the run
  std::string campaign = CampaignReading(dir, "recipients.csv");
  CheckUnusable(RunTimed({"check", campaign}), campaign, "No such file");
}

// The writer end of a FIFO: opens it once smslint opens the read end, writes
// `bytes` and hangs up, so the reader sees the file end mid-row. Gives up after
// kMaxSeconds so a reader that never opens cannot hang the test.
std::thread FeedFifo(const std::string& fifo, std::string bytes) {
  return std::thread([fifo, bytes] {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kMaxSeconds);
    while (std::chrono::steady_clock::now() < deadline) {
      int fd = open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd >= 0) {
        fcntl(fd, F_SETFL, 0);
        ssize_t written = write(fd, bytes.data(), bytes.size());
        (void)written;
        close(fd);
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  });
}

TEST_CASE("bad input: the recipients file is a FIFO") {
  TempDir dir;
  std::string fifo = dir.path + "/recipients.csv";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // Refused without waiting for a writer: only regular files are read.
  std::string campaign = CampaignReading(dir, "recipients.csv");
  CheckUnusable(RunTimed({"check", campaign}), campaign, "not a regular file");
}

TEST_CASE("bad input: the campaign file is a FIFO whose writer hangs up at once") {
  TempDir dir;
  std::string fifo = dir.path + "/campaign.yaml";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer = FeedFifo(fifo, "");
  CliResult result = RunTimed({"check", fifo});
  writer.join();
  CheckUnusable(result, fifo, "empty");
}

TEST_CASE("bad input: unreadable files") {
  TempDir dir;
  if (geteuid() != 0) {
    std::string file = dir.Write("secret.yaml", "version: 1\n");
    REQUIRE(chmod(file.c_str(), 0) == 0);
    CheckUnusable(RunTimed({"check", file}), file, "Permission denied");
  } else {
    MESSAGE(
        "running as root: chmod 000 does not stop reads; using /proc/self/mem "
        "(opens, every read fails with EIO) instead");
  }
  // Readable to open, failing to read, whoever runs the test.
  CheckUnusable(RunTimed({"check", "/proc/self/mem"}), "/proc/self/mem", "cannot read");
  fs::create_symlink("/proc/self/mem", dir.path + "/recipients.csv");
  std::string campaign = CampaignReading(dir, "recipients.csv");
  CheckUnusable(RunTimed({"check", campaign}), campaign, "recipients.csv");
}

TEST_CASE("bad input: disk full on --output") {
  TempDir dir;
  CliResult full = RunTimed({"check", "campaigns/holiday-promo.yaml", "--output", "/dev/full"});
  CheckUnusable(full, "/dev/full", "No space left on device");
  struct stat st;
  REQUIRE(stat("/dev/full", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));  // still the device, not a file renamed over it
  // An output whose directory does not exist: exit 2, nothing written anywhere.
  std::string missing = dir.path + "/no-such-dir/report.json";
  CliResult nodir =
      RunTimed({"check", "campaigns/holiday-promo.yaml", "--format", "json", "--output", missing});
  CheckUnusable(nodir, missing, "error:");
  CHECK_FALSE(fs::exists(dir.path + "/no-such-dir"));
  size_t entries = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(dir.path)) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 0);
}

// ---- Readers and arithmetic that cannot crash or go silent ----------------------

// `n` recipients with distinct valid numbers, in CSV.
std::string RecipientsCsv(int n) {
  std::string csv = "phone,first_name\n";
  for (int i = 0; i < n; ++i) csv += "+1415555" + std::to_string(1000 + i) + ",Ann\n";
  return csv;
}

// The campaign file `campaign` with `from` replaced by `to`.
void Edit(const std::string& campaign, const std::string& from, const std::string& to) {
  std::string yaml = ReadText(campaign);
  size_t at = yaml.find(from);
  REQUIRE(at != std::string::npos);
  yaml.replace(at, from.size(), to);
  std::ofstream(campaign, std::ios::binary) << yaml;
}

TEST_CASE("bad input: a suppression file that cannot be read is a finding, never silence") {
  TempDir dir;
  dir.Write("recipients.csv", RecipientsCsv(3));
  std::string campaign = CampaignReading(dir, "recipients.csv");
  struct Case {
    std::string optouts;
    std::string level;
  };
  for (const Case& c : std::vector<Case>{
           {"", "error"},
           {"\xFF\xFE"s, "error"},
           {"name,email\nJohn Smith,john@example.com\n", "error"},
           {"phone,name\n\"+14155551000,Ann\n", "error"},
           {"phone\n+14155551000\nJohn Smith\n", "warning"},
       }) {
    CAPTURE(c.optouts);
    dir.Write("optouts.csv", c.optouts);
    CliResult result = RunTimed({"check", campaign});
    CHECK(result.exit_code == 1);
    CHECK(Contains(result.output, ": " + c.level + ": "));
    CHECK(Contains(result.output, "[data/unreadable-suppression]"));
    CHECK_FALSE(Contains(result.output, "John"));
  }
  // Excel's "Unicode text" (UTF-16 LE, tab-separated, "Phone Number"): read, and the
  // listed recipient is suppressed.
  std::string utf16 = "\xFF\xFE"s;
  for (char ch : "Name\tPhone Number\r\nAnn\t(415) 555-1001\r\n"s) {
    utf16.push_back(ch);
    utf16.push_back('\0');
  }
  dir.Write("optouts.csv", utf16);
  CliResult excel = RunTimed({"check", campaign});
  CHECK(excel.exit_code == 1);
  CHECK(Contains(excel.output, "[data/suppressed-recipient]"));
  CHECK_FALSE(Contains(excel.output, "data/unreadable-suppression"));
}

TEST_CASE("bad input: absurd schedule rates (1e-12/s used to overflow and abort)") {
  TempDir dir;
  dir.Write("recipients.csv", RecipientsCsv(100));
  std::string campaign = CampaignReading(dir, "recipients.csv");
  for (const char* rate : {"1e-12/s", "1e-300/s", "99999/s"}) {
    CAPTURE(rate);
    Edit(campaign, "rate: ", std::string("rate: ") + rate + "  # was ");
    CliResult result = RunTimed({"check", campaign});
    CHECK(result.exit_code == 1);
    CHECK(Contains(result.output, "[schema/invalid-value]"));
    CHECK(Contains(result.output, "10000/s"));
    // `simulate` reports traffic only: it runs at the profile's rate, and ends.
    CliResult simulated = RunCli({"simulate", campaign});
    CHECK(simulated.exit_code >= 0);
    CHECK(simulated.exit_code <= 1);
  }
}

TEST_CASE("bad input: a 250,000-column header and 3 MiB of blank lines (bad_alloc)") {
  TempDir dir;
  std::string header = "phone";
  for (int i = 1; i < 250000; ++i) header += ",c";
  dir.Write("recipients.csv", header + "\n" + std::string(3u << 20, '\n'));
  std::string campaign = CampaignReading(dir, "recipients.csv");
  CheckUnusable(RunTimed({"check", campaign}), campaign, "columns");
  // Under the column limit the same shape reads, bounded by the input.
  header = "phone";
  for (int i = 1; i < 1000; ++i) header += ",c";
  dir.Write("recipients.csv", header + "\n" + std::string(3u << 20, '\n'));
  CliResult wide = RunCli({"check", campaign});
  CHECK(wide.exit_code >= 0);
  CHECK(wide.exit_code <= 2);
}

TEST_CASE("bad input: a recipients file cut short while it is read (SIGBUS)") {
  TempDir dir;
  std::string big = RecipientsCsv(1);
  while (big.size() < (24u << 20)) big += "+14155551000,Ann\n";
  big += "555,Bo\n";  // an invalid number: exit 1 whether or not the cut came first
  std::string file = dir.Write("recipients.csv", big);
  std::string campaign = CampaignReading(dir, "recipients.csv");
  // Cut at several moments: before, during and after the read. A mapped file
  // raised SIGBUS (exit 135) whenever the cut came while it was parsed.
  for (int delay_ms : {0, 20, 80, 200, 400}) {
    CAPTURE(delay_ms);
    dir.Write("recipients.csv", big);
    int cut = 0;
    std::thread cutter([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      cut = truncate(file.c_str(), 4100);  // mid-row: "+14"
    });
    CliResult result = RunTimed({"check", campaign});
    cutter.join();
    CHECK(cut == 0);
    CHECK(result.exit_code != 135);
  }
}

}  // namespace
}  // namespace smslint
