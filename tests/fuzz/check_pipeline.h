// The check_pipeline fuzz target's code (tests/fuzz/check_pipeline_fuzzer.cc),
// shared with tests/regressions/fuzz_regressions_test.cc so a stored input replays
// through exactly the path that found it: what `smslint check` does (Session::
// AnalyzeInputs, then every emitter) on a campaign + recipients CSV + suppression
// CSV triple written into a private directory.
//
// Input: three parts separated by the line "%%" (kPartSeparator): the campaign,
// recipients.csv, suppression.csv (missing parts are empty files). The campaign part
// is either
//   - a whole campaign file (any YAML; the seeds reference recipients.csv and
//     suppression.csv, which always exist), or
//   - "%skeleton" and then one value per line (kSkeletonFields order), placed as
//     quoted strings into a fixed, valid campaign that reads recipients.csv and
//     suppression.csv; a missing line keeps the holiday-promo default. This mode
//     reaches the recipient, rendering and simulation stages with every input.
//
// Invariants (a broken one is returned as text; the fuzzer traps on it):
//   - no crash, hang, abort or sanitizer report (the fuzzer's own checks);
//   - a file that cannot be processed is an error of the form
//     "path:line:col: error: ..." (or "smslint: error: ..."); a run with no result
//     has at least one error (exit 2 never comes without a message);
//   - findings have a rule id and positions that are not negative; JSON and SARIF
//     outputs parse; no output holds a raw ESC byte (colour is off); the text
//     output has no more "path:line:col: level:" lines than there are findings (a
//     value cannot forge one);
//   - PII: without show_pii, no output (text, json, sarif, github, junit, the HTML
//     report, the error lines) shows a recipient number whole. See RecipientNeedles
//     for exactly which numbers count.
#ifndef SMSLINT_TESTS_FUZZ_CHECK_PIPELINE_H_
#define SMSLINT_TESTS_FUZZ_CHECK_PIPELINE_H_

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <stdlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "campaign/loader.h"
#include "nlohmann/json.hpp"
#include "pipeline/session.h"
#include "report/emit.h"
#include "report/html_report.h"
#include "tests/fuzz/pii_scan.h"
#include "util/clock.h"

namespace smslint::fuzz {

inline constexpr std::string_view kPartSeparator = "\n%%\n";
inline constexpr std::string_view kSkeletonMarker = "%skeleton\n";

struct PipelineParts {
  std::string campaign;
  std::string recipients;
  std::string suppression;
};

inline PipelineParts SplitPipelineInput(std::string_view bytes) {
  PipelineParts parts;
  std::string* out[] = {&parts.campaign, &parts.recipients, &parts.suppression};
  for (size_t i = 0; i < 3; ++i) {
    size_t cut = i < 2 ? bytes.find(kPartSeparator) : std::string_view::npos;
    *out[i] = std::string(bytes.substr(0, cut));
    if (cut == std::string_view::npos) break;
    bytes.remove_prefix(cut + kPartSeparator.size());
  }
  return parts;
}

// The fields of the skeleton campaign, in the order of the lines after
// "%skeleton", each with its default (holiday-promo's values).
struct SkeletonField {
  const char* name;
  const char* fallback;
};
inline constexpr std::array<SkeletonField, 20> kSkeletonFields = {{
    {"body",
     "Acme Coffee: Hi {{first_name|there}}, lattes are 20% off at https://acme.com/x "
     "Reply STOP to opt out"},
    {"body2", ""},  // a second template when not empty
    {"rate", "20/min"},
    {"start", "2027-11-30T10:00"},
    {"window", "10:00-19:00"},
    {"timezone", "America/New_York"},
    {"days", "mon, tue, wed, thu, fri"},  // written into [ ] as is
    {"route", "10dlc"},
    {"use_case", "marketing"},
    {"country", "US"},
    {"sender", "+14155550100"},
    {"trust_score", "62"},
    {"brand", "Acme Coffee"},
    {"weight", "1"},
    {"expires", "2d"},
    {"validity_period", "10h"},
    {"reply_rate", "0.03"},
    {"opt_out_rate", "0.01"},
    {"sender_strategy", "round_robin"},
    {"confirmation", "Acme Coffee Alerts: you're in! Reply HELP for help, STOP to cancel."},
}};

// A YAML double-quoted scalar holding `value` byte for byte.
inline std::string YamlQuoted(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20 || u == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02x", u);
      out += escape;
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

// The skeleton campaign with the values of `lines` (one per field, in order).
inline std::string SkeletonCampaign(std::string_view lines) {
  std::vector<std::string> v;
  for (const SkeletonField& f : kSkeletonFields) v.emplace_back(f.fallback);
  for (size_t i = 0; i < kSkeletonFields.size() && !lines.empty(); ++i) {
    size_t end = lines.find('\n');
    v[i] = std::string(lines.substr(0, end));
    lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
  }
  auto q = [&](size_t i) { return YamlQuoted(v[i]); };
  // The days go into a flow list unquoted: keep them on their line and in the list.
  std::string days;
  for (char c : v[6])
    if (c != '\n' && c != '\r' && c != '[' && c != ']' && c != '{' && c != '}' && c != '#')
      days.push_back(c);
  std::string yaml =
      "version: 1\ncampaign:\n  name: Fuzz campaign\n  brand: " + q(12) + "\n  use_case: " + q(8) +
      "\n  country: " + q(9) + "\n  route: " + q(7) + "\n  trust_score: " + q(11) +
      "\n  domain: acme.com\n  opt_in:\n    method: web_form\n    confirmation: " + q(19) +
      "\nsenders:\n  - " + q(10) + "\ntemplates:\n  - id: a\n    body: " + q(0) +
      "\n    weight: " + q(13) + "\n    expires: " + q(14) + "\n";
  if (!v[1].empty()) yaml += "  - id: b\n    body: " + q(1) + "\n";
  yaml +=
      "recipients:\n  file: recipients.csv\nsuppression:\n  file: suppression.csv\n"
      "schedule:\n  start: " +
      q(3) + "\n  timezone: " + q(5) + "\n  rate: " + q(2) + "\n  window: " + q(4) + "\n  days: [" +
      days + "]\ntraffic:\n  reply_rate: " + q(16) + "\n  opt_out_rate: " + q(17) +
      "\n  validity_period: " + q(15) + "\n  sender_strategy: " + q(18) + "\n";
  return yaml;
}

inline std::string CampaignText(const PipelineParts& parts) {
  std::string_view campaign = parts.campaign;
  if (campaign.substr(0, kSkeletonMarker.size()) == kSkeletonMarker)
    return SkeletonCampaign(campaign.substr(kSkeletonMarker.size()));
  return parts.campaign;
}

// A value written as a phone number: digits (in any script DigitAt reads), '+'
// and the separators " -.()" only, with at least 7 digits, at most 48 bytes.
inline bool WrittenAsNumber(std::string_view value) {
  if (value.size() > 48) return false;
  int digits = 0;
  for (size_t at = 0; at < value.size();) {
    size_t length = 1;
    if (DigitAt(value, at, length) >= 0) {
      ++digits;
    } else if (std::string_view("+-.() ").find(value[at]) == std::string_view::npos) {
      return false;
    }
    at += length;
  }
  return digits >= 7;
}

// Cells of a CSV-ish file: lines split on ',', ';' and tab, each cell trimmed of
// spaces, '\r', a UTF-8 BOM and double quotes.
inline std::vector<std::string> CsvCells(std::string_view text) {
  std::vector<std::string> cells;
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && std::string_view(",;\t\n").find(text[i]) == std::string_view::npos)
      continue;
    std::string_view cell = text.substr(begin, i - begin);
    if (cell.substr(0, 3) == "\xEF\xBB\xBF") cell.remove_prefix(3);
    while (!cell.empty() && std::string_view(" \r\"").find(cell.front()) != std::string_view::npos)
      cell.remove_prefix(1);
    while (!cell.empty() && std::string_view(" \r\"").find(cell.back()) != std::string_view::npos)
      cell.remove_suffix(1);
    if (!cell.empty()) cells.emplace_back(cell);
    begin = i + 1;
  }
  return cells;
}

inline size_t CountOccurrences(std::string_view haystack, std::string_view needle) {
  size_t count = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1))
    ++count;
  return count;
}

// The digit strings whose presence in a normalised output (NormalisedDigits) means
// a recipient number is shown whole. A number counts when
//   - it is a cell of the recipients or the suppression file (any row, the first
//     included, any column: CsvCells) or an item of the campaign's inline
//     `recipients.list` (as the loader read it),
//   - it is written as a number (WrittenAsNumber: digits and "+-.() " only), and
//   - libphonenumber reads it as a valid number (national numbers in the
//     campaign's country, US when the campaign has none or cannot be loaded) of at
//     least 8 E.164 digits.
// Its needles are its E.164 digits (country code and national number) and, when
// the national number has 10 digits or more, the national number alone (how a
// NANP number is shown in national form); an output shows it when a run of digits
// ends with a needle (ShownNeedle). A number whose needle (either form) the
// campaign file holds anywhere but in its inline list (a sender, a number a
// template prints, a comment, any other value) has none: the campaign may show its own text, and
// those classes are covered by tests/regressions/pii_all_formats_test.cc. Nor is
// one that smslint's own texts hold (`tool_text`: the rule catalogue, whose help
// shows +14155550100 as an example of E.164).
inline std::vector<std::string> RecipientNeedles(const std::string& campaign_text,
                                                 const PipelineParts& parts,
                                                 const std::vector<std::string>& inline_items,
                                                 const std::string& region,
                                                 std::string_view tool_text = {}) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::vector<std::string> values = CsvCells(parts.recipients);
  std::vector<std::string> suppressed = CsvCells(parts.suppression);
  values.insert(values.end(), suppressed.begin(), suppressed.end());
  values.insert(values.end(), inline_items.begin(), inline_items.end());
  const std::string campaign_digits = NormalisedDigits(campaign_text);
  const std::string tool_digits = NormalisedDigits(tool_text);
  std::string items_digits;
  for (const std::string& item : inline_items) items_digits += NormalisedDigits(item) + "|";
  std::set<std::string> needles;
  for (const std::string& value : values) {
    if (!WrittenAsNumber(value)) continue;
    PhoneNumber number;
    if (util.Parse(value, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) continue;
    if (!util.IsValidNumber(number)) continue;
    std::string national;
    util.GetNationalSignificantNumber(number, &national);
    std::string e164 = std::to_string(number.country_code()) + national;
    std::vector<std::string> candidates;
    if (e164.size() >= 8) candidates.push_back(e164);
    if (e164.size() >= 8 && national.size() >= 10) candidates.push_back(national);
    // Held by the campaign in either form (a sender written "(646) 555-0119" is
    // shown as its E.164 "did you mean"): the campaign's own number, in both.
    bool campaign_holds = false;
    for (const std::string& needle : candidates) {
      campaign_holds = campaign_holds || CountOccurrences(campaign_digits, needle) >
                                             CountOccurrences(items_digits, needle);
    }
    if (campaign_holds) continue;
    for (const std::string& needle : candidates) {
      if (tool_digits.find(needle) != std::string::npos) continue;
      needles.insert(needle);
    }
  }
  return {needles.begin(), needles.end()};
}

// The first needle that `digits` (NormalisedDigits of an output) shows: a run of
// digits that is a needle, or ends with one after at most three more digits (a
// country code, a trunk prefix or a line number before it). A needle inside a
// longer run (a garbage date "2026-10-071355501094T11" holding 7135550109) or
// before a ':' (a date and time) is a coincidence of digits, not a number shown.
inline std::string ShownNeedle(std::string_view digits, const std::vector<std::string>& needles) {
  size_t at = 0;
  while (at < digits.size()) {
    if (digits[at] < '0' || digits[at] > '9') {
      ++at;
      continue;
    }
    size_t end = at;
    while (end < digits.size() && digits[end] >= '0' && digits[end] <= '9') ++end;
    std::string_view run = digits.substr(at, end - at);
    // Followed by ':': a time ("2027-11-30 13:00" reads 2027113013:00), as the
    // masking policy has it.
    if (end < digits.size() && digits[end] == ':') {
      at = end;
      continue;
    }
    for (const std::string& needle : needles) {
      if (run.size() >= needle.size() && run.size() <= needle.size() + 3 &&
          run.substr(run.size() - needle.size()) == needle)
        return needle;
    }
    at = end;
  }
  return "";
}

// `text` with every ASCII word that mixes letters and digits ("4b452a8457970790",
// a SARIF fingerprint; "id2125550142") replaced by '|': the masking policy leaves
// digits inside words alone, so they are not a number shown.
inline std::string WithoutWordDigits(std::string_view text) {
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at < text.size()) {
    if (!word(text[at])) {
      out.push_back(text[at++]);
      continue;
    }
    size_t end = at;
    bool digit = false, letter = false;
    for (; end < text.size() && word(text[end]); ++end) {
      if (text[end] >= '0' && text[end] <= '9')
        digit = true;
      else
        letter = true;
    }
    if (digit && letter)
      out.push_back('|');
    else
      out.append(text.substr(at, end - at));
    at = end;
  }
  return out;
}

// "path:line:col: error: ..." or "smslint: error: ...".
inline bool IsPositionedError(std::string_view error) {
  if (error.substr(0, 16) == "smslint: error: ") return true;
  size_t at = error.find(": error: ");
  if (at == std::string_view::npos) return false;
  std::string_view head = error.substr(0, at);
  for (int field = 0; field < 2; ++field) {
    size_t colon = head.rfind(':');
    if (colon == std::string_view::npos || colon + 1 == head.size()) return false;
    for (char c : head.substr(colon + 1))
      if (c < '0' || c > '9') return false;
    head = head.substr(0, colon);
  }
  return !head.empty();
}

// Lines of `text` that read as a finding's first line ("X:L:C: level: ..." from
// the first column), the facts ("PATH: fact", `facts_prefix`) aside.
inline size_t FindingLines(std::string_view text, std::string_view facts_prefix) {
  size_t count = 0;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (line.empty() || line[0] == ' ' || line.substr(0, facts_prefix.size()) == facts_prefix)
      continue;
    for (std::string_view level : {": error: ", ": warning: ", ": info: "}) {
      size_t at = line.find(level);
      if (at != std::string_view::npos &&
          IsPositionedError(std::string(line.substr(0, at)) + ": error: ")) {
        ++count;
        break;
      }
    }
  }
  return count;
}

// The session every fuzz input runs in: the embedded rule packs, no config file,
// a fixed clock (so data/start-in-past does not depend on the day it runs).
inline std::unique_ptr<Session> MakePipelineSession(bool show_pii = false) {
  SessionOptions options;
  options.stage = SessionOptions::Stage::kCheck;
  options.show_pii = show_pii;
  options.now = *ParseClockOverride("2026-11-01T09:00:00Z");
  absl::StatusOr<std::unique_ptr<Session>> session = Session::Create(options);
  if (!session.ok()) {
    std::fprintf(stderr, "session: %s\n", std::string(session.status().message()).c_str());
    return nullptr;
  }
  return std::move(*session);
}

inline bool WriteWhole(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

// Runs `check` on the triple in `bytes`, with its files written into `dir` (an
// existing, private directory, reused between inputs), through `session` (made by
// MakePipelineSession with the same `show_pii`). "" when every invariant held.
inline std::string RunCheckPipelineIn(std::string_view bytes, const std::string& dir,
                                      Session& session, bool show_pii = false) {
  const PipelineParts parts = SplitPipelineInput(bytes);
  const std::string campaign_text = CampaignText(parts);
  const std::string campaign_path = dir + "/campaign.yaml";
  if (!WriteWhole(campaign_path, campaign_text) ||
      !WriteWhole(dir + "/recipients.csv", parts.recipients) ||
      !WriteWhole(dir + "/suppression.csv", parts.suppression))
    return "";  // the scratch directory is full or gone: not the input's fault

  AnalysisRun run = session.AnalyzeInputs({campaign_path});
  for (const std::string& error : run.errors) {
    if (!IsPositionedError(error)) return "error not of the form path:line:col: error: " + error;
  }
  if (run.results.empty() && run.errors.empty()) return "no result and no error";

  size_t findings = 0;
  for (const FileResult& result : run.results) {
    for (const Diagnostic& d : result.diagnostics) {
      ++findings;
      if (d.rule.empty()) return "finding without a rule id: " + d.message;
      if (d.span.line < 0 || d.span.column < 0 || d.span.end_line < 0 || d.span.end_column < 0)
        return "negative position in " + d.rule;
    }
  }

  ReportOptions report;
  report.show_pii = show_pii;
  report.catalog = &session.catalog();
  report.portfolios = &run.portfolios;
  std::vector<std::pair<std::string, std::string>> outputs;
  if (!run.results.empty()) {
    for (const char* format : {"text", "json", "sarif", "github", "junit"})
      outputs.emplace_back(format, EmitReport(format, run.results, report, false));
    outputs.emplace_back("html", EmitHtmlReport(run.results, report));
  }
  std::string errors;
  for (const std::string& error : run.errors) errors += error + "\n";
  outputs.emplace_back("errors", errors);

  // SMSLINT_FUZZ_DUMP=DIR keeps every output of the run there, to see what broke.
  if (const char* dump = std::getenv("SMSLINT_FUZZ_DUMP"); dump != nullptr && *dump != 0) {
    WriteWhole(std::string(dump) + "/campaign.yaml", campaign_text);
    for (const auto& [format, text] : outputs)
      WriteWhole(std::string(dump) + "/output." + format, text);
  }
  for (const auto& [format, text] : outputs) {
    if (format != "errors" && text.find('\x1b') != std::string::npos)
      return format + " output holds a raw ESC byte";
    if ((format == "json" || format == "sarif") && !nlohmann::json::accept(text))
      return format + " output is not JSON";
  }
  if (!run.results.empty() && FindingLines(outputs[0].second, campaign_path + ": ") > findings)
    return "text output has more finding lines than findings (a forged line)";

  if (show_pii) return "";
  // The loader's view of the campaign: its country and inline recipients.
  std::string region = "US";
  std::vector<std::string> inline_items;
  absl::StatusOr<LoadResult> loaded = LoadCampaign(campaign_path, campaign_text);
  if (loaded.ok()) {
    const std::string& country = loaded->campaign.campaign.country.value;
    if (country.size() == 2 && country[0] >= 'A' && country[0] <= 'Z' && country[1] >= 'A' &&
        country[1] <= 'Z')
      region = country;
    for (const Located<std::string>& item : loaded->campaign.recipients.list)
      inline_items.push_back(item.value);
  }
  std::string tool_text;
  for (const RuleInfo& rule : session.catalog().rules()) {
    for (const std::string* text : {&rule.summary, &rule.why, &rule.fix, &rule.source})
      tool_text += *text + "\n";
    for (const std::string& example : rule.fire_examples) tool_text += example + "\n";
    for (const std::string& example : rule.pass_examples) tool_text += example + "\n";
    for (const RuleOption& option : rule.options)
      tool_text += option.default_value + "\n" + option.description + "\n";
  }
  const std::vector<std::string> needles =
      RecipientNeedles(campaign_text, parts, inline_items, region, tool_text);
  if (needles.empty()) return "";
  for (const auto& [format, text] : outputs) {
    std::string needle = ShownNeedle(NormalisedDigits(WithoutWordDigits(text)), needles);
    if (!needle.empty()) return format + " output shows recipient number " + needle + " unmasked";
  }
  return "";
}

// The fuzzer's entry point: one session and one scratch directory per process.
inline std::string RunCheckPipeline(std::string_view bytes) {
  static const std::string dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/smslint-fuzz-XXXXXX";
    return std::string(mkdtemp(pattern.data()) ? pattern : "");
  }();
  static Session* session = MakePipelineSession().release();
  if (dir.empty() || session == nullptr) __builtin_trap();
  return RunCheckPipelineIn(bytes, dir, *session);
}

}  // namespace smslint::fuzz

#endif  // SMSLINT_TESTS_FUZZ_CHECK_PIPELINE_H_
