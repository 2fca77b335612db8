// A campaign file is untrusted input (smslint runs on pull requests in CI): the
// paths in it must not make smslint read files outside the campaign's directory
// tree (/proc/self/environ holds the runner's secrets), block on a FIFO or device,
// or let an output replace an input. Each case runs the real binary under a time
// limit. README section "Hardening", rows on paths and outputs.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
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

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string Source(const std::string& relative) {
  return ReadText(std::string(SMSLINT_SOURCE_DIR) + "/" + relative);
}

// campaigns/holiday-promo.yaml written to `dir`/campaign.yaml with recipients.file
// (line 27, column 9), suppression.file (line 29, column 9) and schedule.timezone
// (line 32, column 13) replaced; recipients.csv and optouts.csv copied next to it.
std::string Campaign(const TempDir& dir, const std::string& recipients,
                     const std::string& suppression = "optouts.csv",
                     const std::string& timezone = "America/New_York") {
  std::string yaml = Source("campaigns/holiday-promo.yaml");
  auto replace = [&](const std::string& from, const std::string& to) {
    size_t at = yaml.find(from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, from.size(), to);
  };
  replace("file: holiday-promo/recipients.csv", "file: " + recipients);
  replace("file: holiday-promo/optouts.csv", "file: " + suppression);
  replace("timezone: America/New_York", "timezone: " + timezone);
  dir.Write("recipients.csv", Source("campaigns/holiday-promo/recipients.csv"));
  dir.Write("optouts.csv", Source("campaigns/holiday-promo/optouts.csv"));
  return dir.Write("campaign.yaml", yaml);
}

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// The binary run by the shell from the source directory, killed after 20 s (a hang
// shows as exit 137); `shell_tail` is appended (redirections, umask).
CliResult RunShell(const std::vector<std::string>& args, const std::string& shell_prefix = "",
                   const std::string& shell_tail = "") {
  TempDir out;
  std::string command = "cd " + Quote(SMSLINT_SOURCE_DIR) + " && " + shell_prefix +
                        " NO_COLOR=1 timeout -s KILL 20 " + Quote(SMSLINT_BINARY);
  for (const std::string& a : args) command += " " + Quote(a);
  command += " </dev/null 2>" + Quote(out.path + "/err");
  command += shell_tail.empty() ? " >" + Quote(out.path + "/out") : " " + shell_tail;
  int status = std::system(command.c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.stdout_text = ReadText(out.path + "/out");
  result.stderr_text = ReadText(out.path + "/err");
  result.output = result.stdout_text + result.stderr_text;
  return result;
}

// Exit 2 with one error at campaign.yaml:line:col, nothing on stdout.
void CheckRefused(const CliResult& result, const std::string& campaign, const std::string& at,
                  const std::string& what) {
  CAPTURE(result.stderr_text);
  CHECK(result.exit_code == 2);
  CHECK(result.stdout_text.empty());
  CHECK(Contains(result.stderr_text, campaign + ":" + at + ": error: "));
  CHECK(Contains(result.stderr_text, what));
}

// ---- 1. recipients.file and suppression.file stay inside the campaign's tree ----

TEST_CASE("paths: an absolute recipients.file outside the campaign's directory is refused") {
  TempDir dir;
  std::string campaign = Campaign(dir, "/etc/passwd");
  CliResult result = RunShell({"check", campaign});
  CheckRefused(result, campaign, "27:9", "--allow-outside");
  CHECK_FALSE(Contains(result.output, "root:"));
  // lint reads the header too.
  CheckRefused(RunShell({"lint", campaign}), campaign, "27:9", "outside");
}

TEST_CASE("paths: ../ and a symlink out of the tree are refused, --allow-outside widens it") {
  TempDir dir;
  std::string shared =
      dir.Write("shared/list.csv", Source("campaigns/holiday-promo/recipients.csv"));
  std::string campaign_dir = dir.path + "/team";
  fs::create_directories(campaign_dir);
  TempDir unused;
  std::string yaml = ReadText(Campaign(unused, "../shared/list.csv"));
  fs::copy_file(unused.path + "/optouts.csv", campaign_dir + "/optouts.csv");
  std::string campaign = campaign_dir + "/campaign.yaml";
  {
    std::ofstream out(campaign, std::ios::binary);
    out << yaml;
  }
  CheckRefused(RunShell({"check", campaign}), campaign, "27:9", "outside");
  CliResult allowed = RunShell({"check", campaign, "--allow-outside", dir.path + "/shared"});
  CAPTURE(allowed.stderr_text);
  CHECK((allowed.exit_code == 0 || allowed.exit_code == 1));
  CHECK(Contains(allowed.stdout_text, "recipients"));
  // The flag is repeatable, and a directory that does not hold the file does not help.
  CheckRefused(RunShell({"check", campaign, "--allow-outside", "/nonexistent", "--allow-outside",
                         campaign_dir}),
               campaign, "27:9", "outside");

  // A symlink inside the tree pointing out of it is judged by its target.
  fs::create_symlink(shared, campaign_dir + "/link.csv");
  std::string linked = yaml;
  linked.replace(linked.find("../shared/list.csv"), 18, "link.csv");
  {
    std::ofstream out(campaign, std::ios::binary);
    out << linked;
  }
  CheckRefused(RunShell({"check", campaign}), campaign, "27:9", "outside");
  CliResult linked_allowed = RunShell({"check", campaign, "--allow-outside", dir.path});
  CHECK((linked_allowed.exit_code == 0 || linked_allowed.exit_code == 1));
}

TEST_CASE("paths: the suppression file is confined the same way") {
  TempDir dir;
  std::string campaign = Campaign(dir, "recipients.csv", "/etc/passwd");
  CheckRefused(RunShell({"check", campaign}), campaign, "29:9", "suppression file");
  CheckRefused(RunShell({"lint", campaign}), campaign, "29:9", "suppression file");
}

TEST_CASE("paths: lint opens the suppression file as check does, without reading it") {
  // lint passed a campaign whose opt-out list `check` could not open ("no findings",
  // exit 0): a typo in the path got through a lint gate.
  TempDir dir;
  std::string missing = Campaign(dir, "recipients.csv", "optuots.csv");
  CheckRefused(RunShell({"lint", missing}), missing, "29:9",
               "suppression file 'optuots.csv' cannot be read: No such file or directory");
  TempDir fifo;
  std::string piped = Campaign(fifo, "recipients.csv", "pipe.csv");
  REQUIRE(mkfifo((fifo.path + "/pipe.csv").c_str(), 0600) == 0);
  CheckRefused(RunShell({"lint", piped}), piped, "29:9", "not a regular file");
  // Where check would not open it (no phone column: no rows read), neither does lint.
  TempDir nophone;
  std::string unused = Campaign(nophone, "names.csv", "optuots.csv");
  nophone.Write("names.csv", "name\nAnn\n");
  for (const char* command : {"lint", "check"}) {
    CAPTURE(command);
    CliResult r = RunShell({command, unused});
    CHECK(r.exit_code == 1);
    CHECK(Contains(r.stdout_text, "phone"));
    CHECK_FALSE(Contains(r.output, "optuots.csv"));
  }
  // A file there, whatever it holds, is for check to read: lint does not.
  TempDir junk;
  std::string campaign = Campaign(junk, "recipients.csv");
  junk.Write("optouts.csv", std::string("\xff\xfe\x00junk", 7));
  CliResult ok = RunShell({"lint", campaign});
  CHECK(ok.exit_code == 0);
  CHECK(Contains(ok.stdout_text, "no findings"));
  // And the output may not replace it.
  CliResult over = RunShell({"lint", campaign, "-o", junk.path + "/optouts.csv"});
  CHECK(over.exit_code == 2);
  CHECK(ReadText(junk.path + "/optouts.csv") == std::string("\xff\xfe\x00junk", 7));
}

TEST_CASE("paths: /proc and /sys are never read, not even with --allow-outside /") {
  TempDir dir;
  std::string environ_campaign = Campaign(dir, "/proc/self/environ");
  CliResult result = RunShell({"check", environ_campaign, "--allow-outside", "/"});
  CheckRefused(result, environ_campaign, "27:9", "/proc");
  CHECK_FALSE(Contains(result.output, "PATH="));
  TempDir other;
  std::string suppression = Campaign(other, "recipients.csv", "/proc/self/environ");
  CheckRefused(RunShell({"check", suppression, "--allow-outside", "/"}), suppression, "29:9",
               "/proc");
  // A symlink in the tree to /proc is resolved first.
  TempDir linked;
  std::string campaign = Campaign(linked, "env.csv");
  fs::create_symlink("/proc/self/environ", linked.path + "/env.csv");
  CheckRefused(RunShell({"check", campaign}), campaign, "27:9", "/proc");
}

TEST_CASE("paths: only regular files are read: a FIFO or a device is refused, never waited on") {
  TempDir dir;
  std::string campaign = Campaign(dir, "pipe.csv");
  REQUIRE(mkfifo((dir.path + "/pipe.csv").c_str(), 0600) == 0);
  CheckRefused(RunShell({"check", campaign}), campaign, "27:9", "not a regular file");
  CheckRefused(RunShell({"lint", campaign}), campaign, "27:9", "not a regular file");
  TempDir device;
  std::string zero = Campaign(device, "/dev/zero");
  CheckRefused(RunShell({"check", zero, "--allow-outside", "/dev"}), zero, "27:9",
               "not a regular file");
}

TEST_CASE("paths: campaign files on the command line work as before, stdin too") {
  TempDir dir;
  std::string campaign = Campaign(dir, "recipients.csv");
  CliResult direct = RunShell({"check", campaign});
  CHECK((direct.exit_code == 0 || direct.exit_code == 1));
  CliResult repo = RunShell({"check", "campaigns/holiday-promo.yaml"});
  CHECK(repo.exit_code == 0);
  // From stdin, paths are relative to the working directory.
  CliResult piped = RunShell({"check", "-"}, "", "<campaigns/holiday-promo.yaml >/dev/null");
  CAPTURE(piped.stderr_text);
  CHECK(piped.exit_code == 2);  // holiday-promo/recipients.csv is not in the repository root
  CliResult piped_from_dir =
      RunShell({"check", "-"}, "cd campaigns &&", "<holiday-promo.yaml >/dev/null");
  CAPTURE(piped_from_dir.stderr_text);
  CHECK(piped_from_dir.exit_code == 0);
}

// ---- 2. directory scans stay inside the directory --------------------------------

TEST_CASE("paths: a directory scan skips links out of the tree") {
  TempDir outside;
  std::string secret = outside.Write("secret.yaml", "version: 1\nsecret: hunter2\n");
  outside.Write("sub/other.yaml", "version: 1\nother: hunter3\n");
  TempDir dir;
  Campaign(dir, "recipients.csv");
  fs::create_symlink(secret, dir.path + "/link.yaml");
  fs::create_symlink(outside.path + "/sub", dir.path + "/linked-dir");
  fs::create_symlink(dir.path + "/campaign.yaml", dir.path + "/inside.yaml");
  CliResult result = RunShell({"lint", dir.path, "--format", "json"});
  CAPTURE(result.output);
  CHECK((result.exit_code == 0 || result.exit_code == 1));
  CHECK_FALSE(Contains(result.output, "hunter"));
  CHECK_FALSE(Contains(result.output, "link.yaml"));
  CHECK_FALSE(Contains(result.output, "other.yaml"));
  CHECK(Contains(result.output, "campaign.yaml"));
  CHECK(Contains(result.output, "inside.yaml"));  // a link within the tree is kept
}

// ---- 4. outputs never replace an input -------------------------------------------

TEST_CASE("paths: --output or --report onto an input is refused before anything is written") {
  TempDir dir;
  std::string campaign = Campaign(dir, "recipients.csv");
  const std::string before = ReadText(campaign);
  const std::string csv_before = ReadText(dir.path + "/recipients.csv");

  CliResult self = RunShell({"check", "-o", campaign, campaign});
  CAPTURE(self.stderr_text);
  CHECK(self.exit_code == 2);
  CHECK(Contains(self.stderr_text, "error: the output would replace"));
  CHECK(ReadText(campaign) == before);

  // --report onto the recipients file: neither it nor --output is written.
  std::string out = dir.path + "/report.json";
  CliResult report = RunShell(
      {"check", campaign, "--format", "json", "-o", out, "--report", dir.path + "/recipients.csv"});
  CHECK(report.exit_code == 2);
  CHECK(ReadText(dir.path + "/recipients.csv") == csv_before);
  CHECK_FALSE(fs::exists(out));

  // The suppression list, through another name (a hard link), under simulate and lint.
  fs::create_hard_link(dir.path + "/optouts.csv", dir.path + "/optouts-link.csv");
  CliResult sim = RunShell({"simulate", campaign, "-o", dir.path + "/optouts-link.csv"});
  CHECK(sim.exit_code == 2);
  CHECK(Contains(sim.stderr_text, "optouts-link.csv:1:1: error: "));
  CliResult sim_self = RunShell({"simulate", campaign, "--report", campaign});
  CHECK(sim_self.exit_code == 2);
  CHECK(ReadText(campaign) == before);
  CliResult lint = RunShell({"lint", dir.path, "-o", campaign});
  CHECK(lint.exit_code == 2);
  CHECK(ReadText(campaign) == before);

  // Another file is fine.
  CHECK(RunShell({"check", campaign, "-o", out}).exit_code != 2);
  CHECK(fs::exists(out));
}

TEST_CASE("paths: a failed write to stdout is exit 2") {
  CliResult full = RunShell({"check", "campaigns/holiday-promo.yaml"}, "", ">/dev/full");
  CHECK(full.exit_code == 2);
  CHECK(Contains(full.stderr_text, "smslint: error: cannot write output: "));
  // So is help or the version that does not reach stdout (they exited 0).
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"},
                                               {"--version"},
                                               {"help", "check"},
                                               {"check", "--help"}}) {
    CAPTURE(args[0]);
    full = RunShell(args, "", ">/dev/full");
    CHECK(full.exit_code == 2);
    CHECK(
        Contains(full.stderr_text, "smslint: error: cannot write output: No space left on device"));
  }
  CHECK(RunShell({"--version"}, "", ">/dev/null").exit_code == 0);
}

TEST_CASE("paths: the report and the output cannot be the same file") {
  // `-o out.txt --report out.txt` wrote the text report, then the HTML over it.
  TempDir dir;
  const std::string out = dir.path + "/out.txt";
  for (const std::string& report :
       {out, dir.path + "/../" + fs::path(dir.path).filename().string() + "/out.txt"}) {
    CliResult both =
        RunShell({"check", "campaigns/holiday-promo.yaml", "-o", out, "--report", report});
    CHECK(both.exit_code == 2);
    CHECK(Contains(both.stderr_text, "error: two outputs of this run would be the same file"));
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("paths: output files respect the umask, with --show-pii they are 0600") {
  TempDir dir;
  auto mode_of = [](const std::string& path) {
    struct stat st;
    REQUIRE(stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
  };
  std::string plain = dir.path + "/plain.txt";
  REQUIRE(
      RunShell({"check", "campaigns/holiday-promo.yaml", "-o", plain}, "umask 022 &&").exit_code ==
      0);
  CHECK(mode_of(plain) == 0644);
  std::string strict = dir.path + "/strict.txt";
  REQUIRE(
      RunShell({"check", "campaigns/holiday-promo.yaml", "-o", strict}, "umask 077 &&").exit_code ==
      0);
  CHECK(mode_of(strict) == 0600);
  std::string pii = dir.path + "/pii.txt";
  std::string html = dir.path + "/pii.html";
  REQUIRE(
      RunShell({"check", "campaigns/holiday-promo.yaml", "--show-pii", "-o", pii, "--report", html},
               "umask 022 &&")
          .exit_code == 0);
  CHECK(mode_of(pii) == 0600);
  CHECK(mode_of(html) == 0600);
}

// ---- 5. zone names are names, not paths ------------------------------------------

TEST_CASE("paths: schedule.timezone and the timezone column are never opened as files") {
  TempDir dir;
  std::string fifo = dir.path + "/zone";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // A FIFO without a writer: opening it would block for ever.
  std::string campaign = Campaign(dir, "recipients.csv", "optouts.csv", fifo);
  CliResult result = RunShell({"check", campaign});
  CAPTURE(result.output);
  CHECK(result.exit_code == 1);
  CHECK(Contains(result.output, "unknown time zone"));

  TempDir dots;
  std::string relative = Campaign(dots, "recipients.csv", "optouts.csv", "../../etc/localtime");
  CliResult dotted = RunShell({"check", relative});
  CHECK(dotted.exit_code == 1);
  CHECK(Contains(dotted.output, "unknown time zone '../../etc/localtime'"));

  TempDir column;
  std::string zones = Campaign(column, "zones.csv");
  column.Write("zones.csv",
               "phone,timezone\n+12125550141," + fifo +
                   "\n+12125550142,../../etc/localtime\n+12125550143,America/Chicago\n");
  CliResult rows = RunShell({"check", zones, "--format", "json"});
  CAPTURE(rows.output);
  CHECK(rows.exit_code == 1);
  CHECK(Contains(rows.output, "2 timezone values are not an IANA time zone"));
}

}  // namespace
}  // namespace smslint
