// The code each fuzz target drives, shared with tests/regressions/
// fuzz_regressions_test.cc so a stored crashing input replays through exactly the
// path that found it. Each entry point returns "" when every invariant held, else
// what broke (the fuzzer traps on it, the regression test fails with it).
#ifndef SMSLINT_TESTS_FUZZ_ENTRY_POINTS_H_
#define SMSLINT_TESTS_FUZZ_ENTRY_POINTS_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "campaign/loader.h"
#include "campaign/recipients.h"
#include "campaign/recipients_csv.h"
#include "campaign/suppression.h"
#include "lint/config.h"
#include "lint/yaml_rule.h"
#include "text/encoding.h"
#include "text/template.h"
#include "text/words.h"

namespace smslint::fuzz {

// Loads bytes as a campaign file. Errors are expected; a crash, a hang or a
// malformed error message is not.
inline std::string RunCampaignLoader(std::string_view bytes) {
  absl::StatusOr<LoadResult> result = LoadCampaign("fuzz.yaml", std::string(bytes));
  if (!result.ok()) {
    std::string_view message(result.status().message().data(), result.status().message().size());
    if (message.substr(0, 10) != "fuzz.yaml:")
      return "error message without the path: " + std::string(message);
    return "";
  }
  for (const Template& t : result->campaign.templates) {
    // Every template the loader accepts must parse and render.
    ParsedTemplate parsed = ParseTemplate(t.body.value.text);
    (void)RenderWithFallbacks(parsed);
  }
  return "";
}

// Reads bytes as a recipients CSV: header, then every row, once whole and once in
// blocks (of a size taken from the input) as the recipients reader does: the rows
// and issues must be the same.
inline std::string RunRecipientsCsv(std::string_view bytes) {
  // A small row limit as well, so the over-long-row path is reached by short inputs
  // (a header row cut short once threw).
  size_t max_row = bytes.empty() || (bytes[0] & 1) ? kMaxCsvRowBytes : 64;
  CsvHeader header = ParseCsvHeader(bytes, ',', max_row);
  if (!header.found) return "";
  if (!header.complete) return header.columns.empty() ? "" : "columns of a header cut short";
  if (header.data_offset > bytes.size()) return "header data_offset past the end";
  CsvRows table;
  std::vector<CsvRowIssue> issues;
  ParseCsvRows(bytes, header, table, issues, max_row);
  size_t rows = table.size();
  size_t columns = table.columns;
  if (table.offsets.size() != rows * columns + 1) return "offsets do not match rows x columns";
  for (size_t i = 1; i < table.offsets.size(); ++i) {
    if (table.offsets[i] < table.offsets[i - 1]) return "offsets go backwards";
  }
  if (table.offsets.back() != table.text.size()) return "offsets do not end at the text's end";
  for (size_t r = 0; r < rows; ++r) {
    if (r > 0 && table.lines[r] <= table.lines[r - 1]) return "row lines not increasing";
    for (size_t c = 0; c < columns; ++c) {
      if (table.Field(r, c).size() > kMaxCsvRowBytes) return "field longer than the row limit";
    }
  }

  const size_t block = bytes.empty() ? 1 : 1 + static_cast<unsigned char>(bytes.back()) % 61;
  CsvRowReader reader(header, max_row);
  CsvRows chunk;
  chunk.columns = columns;
  std::vector<CsvRowIssue> block_issues;
  size_t begin = header.data_offset, end = begin, row = 0;
  while (true) {
    const bool final = end >= bytes.size();
    begin += reader.Read(bytes.substr(begin, end - begin), final, chunk, block_issues, 3);
    const bool full = chunk.size() >= 3;
    for (size_t r = 0; r < chunk.size(); ++r, ++row) {
      if (row >= rows || chunk.lines[r] != table.lines[row]) return "blocks: other rows";
      for (size_t c = 0; c < columns; ++c)
        if (chunk.Field(r, c) != table.Field(row, c)) return "blocks: other field text";
    }
    chunk.Clear();
    if (full) continue;
    if (final) break;
    end = std::min(bytes.size(), end + block);
  }
  if (row != rows) return "blocks: fewer rows";
  if (block_issues.size() != issues.size()) return "blocks: other issues";
  for (size_t i = 0; i < issues.size(); ++i) {
    if (block_issues[i].line != issues[i].line || block_issues[i].problem != issues[i].problem ||
        block_issues[i].fields != issues[i].fields)
      return "blocks: other issue";
  }
  return "";
}

// Parses bytes as a template and renders it with values cut from the same bytes.
inline std::string RunTemplateRenderer(std::string_view bytes) {
  ParsedTemplate parsed = ParseTemplate(bytes);
  if (parsed.literals.size() != parsed.placeholders.size() + 1)
    return "literals != placeholders + 1";
  size_t previous_end = 0;
  for (const Placeholder& p : parsed.placeholders) {
    if (p.begin < previous_end || p.end <= p.begin || p.end > bytes.size())
      return "placeholder span out of order";
    if (bytes.substr(p.begin, 2) != "{{" || bytes.substr(p.end - 2, 2) != "}}")
      return "placeholder span not on braces";
    previous_end = p.end;
  }
  for (size_t u : parsed.unclosed) {
    if (u + 2 > bytes.size() || bytes.substr(u, 2) != "{{") return "unclosed offset not on {{";
  }
  std::vector<std::string_view> values;
  for (size_t i = 0; i < parsed.placeholders.size(); ++i) {
    // Alternate empty values (fallback path) and slices of the input.
    values.push_back(i % 2 ? std::string_view() : bytes.substr(0, i % 7));
  }
  std::string out;
  RenderTemplate(parsed, values, out);
  std::string with_fallbacks = RenderWithFallbacks(parsed);
  // With every value empty and no fallbacks beyond the literals, the output holds the literals.
  size_t literal_bytes = 0;
  for (const std::string& l : parsed.literals) literal_bytes += l.size();
  if (out.size() < literal_bytes) return "rendered text shorter than its literals";
  if (with_fallbacks.size() < literal_bytes) return "fallback rendering shorter than its literals";
  return "";
}

// Encodes bytes: the fast count, the full analysis and the GSM-7 replacements must agree.
inline std::string RunEncoder(std::string_view bytes) {
  SegmentCount fast = CountSegments(bytes);
  SegmentAnalysis full = AnalyzeSegments(bytes);
  if (fast.encoding != full.count.encoding || fast.segments != full.count.segments ||
      fast.units != full.count.units || fast.characters != full.count.characters) {
    return "CountSegments and AnalyzeSegments disagree";
  }
  if (fast.segments < 0 || fast.units < 0 || fast.characters < 0) return "negative count";
  if (bytes.empty() != (fast.segments == 0)) return "segments 0 iff empty violated";
  if ((full.count.encoding == Encoding::kGsm7) != full.ucs2_characters.empty()) {
    return "GSM-7 result with UCS-2 characters listed (or the reverse)";
  }
  for (const Ucs2Character& c : full.ucs2_characters) {
    if (c.byte_offset + c.byte_length > bytes.size() || c.byte_length == 0)
      return "UCS-2 character span out of range";
    (void)FormatCodePoint(c.code_point);
    (void)UnicodeName(c.code_point);
  }
  std::string replaced = ApplyGsm7Replacements(bytes);
  SegmentAnalysis after = AnalyzeSegments(replaced);
  // Replacing stand-ins never makes a message need more UCS-2 characters.
  if (after.ucs2_characters.size() > full.ucs2_characters.size())
    return "replacements added UCS-2 characters";
  return "";
}

// An error from a parser of untrusted YAML: it names the file first.
inline std::string CheckErrorMessage(const absl::Status& status, std::string_view path) {
  std::string_view message(status.message().data(), status.message().size());
  if (message.substr(0, path.size() + 1) != std::string(path) + ":")
    return "error message without the path: " + std::string(message.substr(0, 200));
  return "";
}

// Reads bytes as a .smslint.yaml: errors name the file; settings read back.
inline std::string RunConfigParser(std::string_view bytes) {
  absl::StatusOr<Config> config = ParseConfig("fuzz.yaml", bytes);
  if (!config.ok()) return CheckErrorMessage(config.status(), "fuzz.yaml");
  for (const RuleSetting& setting : config->rules) {
    if (setting.pattern.empty() && !RuleGlobMatch(setting.pattern, "")) return "empty glob";
    (void)RuleGlobMatch(setting.pattern, "content/public-url-shortener");
  }
  return "";
}

// Reads bytes as a rule file. One it accepts takes its options' defaults back and
// refuses a negative value, and gives the same findings read as an embedded file (groups compiled
// on first use) and without its group set, on its own examples, on a few messages and on the file's
// own text (which holds the words its patterns look for).
inline std::string RunRulePack(std::string_view bytes) {
  absl::StatusOr<YamlRule> rule = ParseYamlRule("fuzz.yml", bytes);
  if (!rule.ok()) return CheckErrorMessage(rule.status(), "fuzz.yml");
  for (const auto& [name, option] : rule->options) {
    YamlRule copy = *rule;
    if (SetRuleOption(copy, name, "-1", "fuzz.yml:1:1").ok()) return "negative option accepted";
    if (!SetRuleOption(copy, name, "0", "fuzz.yml:1:1").ok()) return "option 0 refused";
  }
  absl::StatusOr<YamlRule> lazy = ParseYamlRule("fuzz.yml", bytes, RuleFileOrigin::kEmbedded);
  if (!lazy.ok()) return "loads as a user's file, not as an embedded one";
  YamlRule no_set = *rule;
  no_set.group_set = nullptr;
  std::vector<std::string> texts = rule->info.fire_examples;
  texts.insert(texts.end(), rule->info.pass_examples.begin(), rule->info.pass_examples.end());
  texts.push_back(
      "Acme: 20% off today at https://acme.com/a. Reply STOP to opt out, HELP for help");
  texts.push_back("FREE entry! Txt W1N to 80082 for a pr1ze. 18+ only, £1.50/msg");
  texts.emplace_back(bytes.substr(0, 2048));
  for (const std::string& text : texts) {
    MessageContext context;
    context.body = text;
    context.brand = "Acme";
    context.use_case = UseCase::kMarketing;
    context.country = "US";
    context.route = Route::k10DLC;
    auto run = [&](const YamlRule& r) {
      std::vector<Finding> findings;
      RunYamlRule(r, context, MaskPlaceholders(text), findings);
      std::vector<std::tuple<size_t, size_t, std::string>> out;
      for (const Finding& f : findings) out.emplace_back(f.begin, f.end, f.message);
      return out;
    };
    const auto expected = run(no_set);
    if (run(*rule) != expected) return "the group set changed the findings";
    if (run(*lazy) != expected) return "groups compiled on first use changed the findings";
  }
  return "";
}

// Reads bytes as a suppression file: counts agree, issues in file order.
inline std::string RunSuppression(std::string_view bytes) {
  static const PhoneNumberClassifier* classifier = new PhoneNumberClassifier("US");
  SuppressionList list = ParseSuppressionList(bytes, *classifier);
  const SuppressionReport& report = list.report;
  if (report.numbers > report.entries) return "more numbers than entries";
  if (list.numbers.size() > report.numbers) return "more distinct numbers than numbers read";
  if (report.issues.size() > report.entries) return "more issues than entries";
  for (size_t i = 1; i < report.issues.size(); ++i) {
    if (report.issues[i].line < report.issues[i - 1].line) return "issues out of file order";
  }
  for (uint64_t number : list.numbers) {
    if (number == 0) return "number 0 in the list";
  }
  return "";
}

}  // namespace smslint::fuzz

#endif  // SMSLINT_TESTS_FUZZ_ENTRY_POINTS_H_
