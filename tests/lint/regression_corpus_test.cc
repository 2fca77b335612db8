// The content rules over the regression corpora (DESIGN.md invariant 2):
//  - tests/fixtures/corpora/business_messages.tsv: compliant business messages of
//    every use case, each linted with its use case and brand as a template of a US
//    10DLC campaign; at most 0.5% may get an error-level finding;
//  - tests/fixtures/corpora/abusive_messages.tsv: smishing, prize lures, adult chat,
//    alcohol, cannabis, debt and gambling offers, linted as `smslint text`; at least
//    95% must get an error-level finding;
//  - the UCI SMS Spam Collection as `smslint text` calls: ham with an error at most
//    0.5%; spam with an error at least 60%, with any finding at least 95%.
// SMSLINT_CORPUS_VERBOSE=1 prints every miss and the per-rule counts.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "doctest/doctest.h"
#include "lint/engine.h"
#include "lint/test_engine.h"

namespace smslint {
namespace {

std::string ReadFile(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }
  return "";
}

std::vector<std::vector<std::string>> ReadTsv(const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(
      ReadFile({std::string(SMSLINT_SOURCE_DIR) + "/tests/fixtures/corpora/" + name}));
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(absl::StrSplit(line, '\t'));
  }
  return rows;
}

// Messages with a finding, per rule (a message counts once per rule).
struct Rates {
  int messages = 0;
  int with_error = 0;
  int with_finding = 0;
  std::map<std::string, int> error_by_rule;
  std::map<std::string, int> finding_by_rule;

  void Add(const std::vector<Finding>& findings, bool verbose, const char* tag,
           const std::string& body, bool print_when_error) {
    ++messages;
    std::set<std::string> errors, any;
    for (const Finding& f : findings) {
      any.insert(f.rule);
      if (f.level == Level::kError) errors.insert(f.rule);
    }
    if (!errors.empty()) ++with_error;
    if (!any.empty()) ++with_finding;
    for (const std::string& r : errors) ++error_by_rule[r];
    for (const std::string& r : any) ++finding_by_rule[r];
    if (verbose && (print_when_error == !errors.empty())) {
      std::string rules;
      for (const Finding& f : findings) {
        if (!print_when_error || f.level == Level::kError)
          rules += f.rule + " (" + f.message + ") ";
      }
      std::printf("%s %s| %s\n", tag, rules.c_str(), body.c_str());
    }
  }
  double ErrorRate() const { return messages == 0 ? 0 : 100.0 * with_error / messages; }
  double FindingRate() const { return messages == 0 ? 0 : 100.0 * with_finding / messages; }
  std::string PerRule() const {
    std::string out;
    for (const auto& [rule, n] : finding_by_rule) {
      auto e = error_by_rule.find(rule);
      out += "  " + rule + ": " + std::to_string(n) + " with a finding, " +
             std::to_string(e == error_by_rule.end() ? 0 : e->second) + " with an error\n";
    }
    return out;
  }
};

bool Verbose() { return std::getenv("SMSLINT_CORPUS_VERBOSE") != nullptr; }

TEST_CASE("regression corpus: compliant business messages get no error (<= 0.5%)") {
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, nullptr);
  REQUIRE(engine.ok());
  std::vector<std::vector<std::string>> rows = ReadTsv("business_messages.tsv");
  REQUIRE(rows.size() >= 1000);
  Rates rates;
  std::set<std::string> use_cases;
  for (const std::vector<std::string>& row : rows) {
    REQUIRE(row.size() == 4);
    std::optional<UseCase> use_case = ParseUseCase(row[0]);
    REQUIRE(use_case.has_value());
    use_cases.insert(row[0]);
    MessageContext context;
    context.body = row[3];
    context.kind = BodyKind::kTemplate;
    context.template_id = "corpus";
    context.brand = row[1];
    if (!row[2].empty()) context.brand_aliases = absl::StrSplit(row[2], ';');
    context.use_case = use_case;
    context.country = "US";
    context.route = Route::k10DLC;
    rates.Add(engine->CheckMessage(context), Verbose(), "BUSINESS-ERROR", row[3], true);
  }
  CHECK(use_cases.size() >= 15);
  MESSAGE("business messages with an error: " << rates.with_error << "/" << rates.messages << " ("
                                              << rates.ErrorRate() << "%)\n"
                                              << rates.PerRule());
  CHECK(rates.ErrorRate() <= 0.5);
}

TEST_CASE("regression corpus: abusive messages get an error (>= 95%)") {
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, nullptr);
  REQUIRE(engine.ok());
  std::vector<std::vector<std::string>> rows = ReadTsv("abusive_messages.tsv");
  REQUIRE(rows.size() >= 300);
  Rates rates;
  for (const std::vector<std::string>& row : rows) {
    REQUIRE(row.size() == 2);
    MessageContext context;
    context.body = row[1];
    context.kind = BodyKind::kText;
    rates.Add(engine->CheckMessage(context), Verbose(), "ABUSIVE-MISS", row[1], false);
  }
  MESSAGE("abusive messages with an error: " << rates.with_error << "/" << rates.messages << " ("
                                             << rates.ErrorRate() << "%)\n"
                                             << rates.PerRule());
  CHECK(rates.ErrorRate() >= 95.0);
}

TEST_CASE("regression corpus: UCI ham errors <= 0.5%, spam errors >= 60%, findings >= 95%") {
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, nullptr);
  REQUIRE(engine.ok());
  std::istringstream lines(ReadFile(
      {std::string(SMSLINT_SOURCE_DIR) + "/tests/fixtures/corpora/SMSSpamCollection",
       std::string(SMSLINT_SHARED_DIR) + "/data/corpora/sms-spam-collection/SMSSpamCollection"}));
  Rates ham, spam;
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string body = line.substr(tab + 1);
    MessageContext context;
    context.kind = BodyKind::kText;
    context.body = body;
    std::vector<Finding> findings = engine->CheckMessage(context);
    if (line.compare(0, tab, "ham") == 0) {
      ham.Add(findings, Verbose(), "HAM-ERROR", body, true);
    } else {
      spam.Add(findings, Verbose(), "SPAM-MISS", body, false);
    }
  }
  REQUIRE(ham.messages == 4827);
  REQUIRE(spam.messages == 747);
  MESSAGE("UCI ham with an error: "
          << ham.with_error << "/" << ham.messages << " (" << ham.ErrorRate() << "%)\n"
          << ham.PerRule() << "UCI spam with an error: " << spam.with_error << "/" << spam.messages
          << " (" << spam.ErrorRate() << "%), with a finding: " << spam.with_finding << " ("
          << spam.FindingRate() << "%)\n"
          << spam.PerRule());
  CHECK(ham.ErrorRate() <= 0.5);
  CHECK(spam.ErrorRate() >= 60.0);
  CHECK(spam.FindingRate() >= 95.0);
}

}  // namespace
}  // namespace smslint
