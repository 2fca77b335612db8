// Issue 15 point 2: every output format (text, json, sarif, github, junit and the
// HTML report) of every example campaign and of the hostile fixtures in
// tests/fixtures/pii/ (numbers in comments, a misspelled list key, swapped columns,
// timezone/state/opted_in_at cells holding numbers, fullwidth and Arabic-Indic
// digits, a CSV without a header) is scanned for a recipient number shown whole.
// The recipient numbers are taken from the inputs themselves: every cell of the
// recipients and suppression files, and every line of the campaign file that is
// not a sender or a message body (the business's own numbers).
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/run_cli.h"
#include "tests/fuzz/pii_scan.h"

namespace smslint {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `text` with every digit in ASCII and a number's separators removed (the scan the
// check pipeline's fuzz target runs too).
std::string Normalised(const std::string& text) { return fuzz::NormalisedDigits(text); }

// Runs of 10 to 15 digits in the normalised `text`.
void CollectNumbers(const std::string& text, std::set<std::string>& numbers) {
  std::string n = Normalised(text);
  size_t at = 0;
  while (at < n.size()) {
    if (n[at] < '0' || n[at] > '9') {
      ++at;
      continue;
    }
    size_t end = at;
    while (end < n.size() && n[end] >= '0' && n[end] <= '9') ++end;
    if (end - at >= 10 && end - at <= 15) numbers.insert(n.substr(end - 10, 10));
    at = end;
  }
}

// The recipient numbers one campaign's inputs hold (their last ten digits).
std::set<std::string> RecipientNumbers(const fs::path& campaign) {
  std::set<std::string> numbers;
  std::string yaml = ReadText(campaign);
  std::set<std::string> business;
  bool in_senders = false;
  size_t at = 0;
  while (at < yaml.size()) {
    size_t end = yaml.find('\n', at);
    if (end == std::string::npos) end = yaml.size();
    std::string line = yaml.substr(at, end - at);
    at = end + 1;
    if (line.rfind("senders:", 0) == 0)
      in_senders = true;
    else if (!line.empty() && line[0] != ' ' && line[0] != '#')
      in_senders = false;
    bool own = in_senders || line.find("body:") != std::string::npos ||
               line.find("confirmation:") != std::string::npos;
    CollectNumbers(line, own ? business : numbers);
    // Files the campaign reads: every cell is a candidate.
    size_t file = line.find("file: ");
    if (file != std::string::npos) {
      std::string name = line.substr(file + 6);
      if (!name.empty() && name.front() == '"') name = name.substr(1, name.size() - 2);
      fs::path data = campaign.parent_path() / name;
      if (fs::is_regular_file(data)) CollectNumbers(ReadText(data), numbers);
    }
  }
  for (const std::string& own : business) numbers.erase(own);
  return numbers;
}

void CheckNoNumberLeaks(const fs::path& campaign, const std::string& format,
                        const std::string& output) {
  std::string normalised = Normalised(output);
  for (const std::string& number : RecipientNumbers(campaign)) {
    CAPTURE(campaign.string());
    CAPTURE(format);
    CAPTURE(number);
    CHECK(normalised.find(number) == std::string::npos);
  }
}

std::vector<fs::path> Campaigns() {
  std::vector<fs::path> out;
  const fs::path root(SMSLINT_SOURCE_DIR);
  for (const fs::path& dir :
       {root / "campaigns", root / "campaigns" / "mistakes", root / "tests/fixtures/pii"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".yaml") out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("pii: no output format shows a recipient number of any campaign or fixture") {
  const std::vector<fs::path> campaigns = Campaigns();
  REQUIRE(campaigns.size() >= 10);
  // The fixtures do hold recipient numbers the scan can see, in several scripts.
  const fs::path pii = fs::path(SMSLINT_SOURCE_DIR) / "tests/fixtures/pii";
  CHECK(RecipientNumbers(pii / "comments.yaml").count("2125550193") == 1);  // fullwidth
  CHECK(RecipientNumbers(pii / "comments.yaml").count("2125550194") == 1);  // Arabic-Indic
  CHECK(RecipientNumbers(pii / "swapped.yaml").count("2125550185") == 1);   // a timezone cell
  char dir_template[] = "/tmp/smslint-pii-XXXXXX";
  const std::string dir = mkdtemp(dir_template);
  for (const fs::path& campaign : campaigns) {
    for (const std::string format : {"text", "json", "sarif", "github", "junit"}) {
      CliResult result = RunCli({"check", "--format", format, campaign.string()});
      CheckNoNumberLeaks(campaign, format, result.output);
    }
    const std::string html = dir + "/report.html";
    CliResult result = RunCli({"check", "--report", html, campaign.string()});
    CheckNoNumberLeaks(campaign, "html", result.output + ReadText(html));
    fs::remove(html);
  }
  fs::remove_all(dir);
}

TEST_CASE("pii: the scan finds the numbers when --show-pii is given") {
  // The test above can fail: with --show-pii the same scan sees the numbers.
  const fs::path campaign = fs::path(SMSLINT_SOURCE_DIR) / "tests/fixtures/pii/swapped.yaml";
  CliResult result = RunCli({"check", "--show-pii", campaign.string()});
  std::string normalised = Normalised(result.output);
  CHECK(normalised.find("2125550182") != std::string::npos);
  CHECK(normalised.find("2125550185") != std::string::npos);
}

}  // namespace
}  // namespace smslint
