#include "report/junit_emitter.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "util/strings.h"

namespace smslint {
namespace {

// The families every check run reports on; any other family found in the findings
// gets its own testcase after these.
constexpr std::string_view kFamilies[] = {"schema", "content", "data", "traffic", "lint"};

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at `text[i]`, or 0 when it is not one.
size_t Utf8SequenceLength(std::string_view text, size_t i, uint32_t& code_point) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t length;
  uint32_t min;
  if (c < 0x80) {
    code_point = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    length = 2, min = 0x80, code_point = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3, min = 0x800, code_point = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, code_point = c & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    unsigned char next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < min || code_point > 0x10FFFF) return 0;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
  return length;
}

bool AllowedInXml(uint32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  return cp != 0xFFFE && cp != 0xFFFF;
}

bool IsFailure(const Diagnostic& d, const ReportOptions& options) {
  return !options.fail_never && d.level >= options.fail_on;
}

// "campaigns/a.yaml:12:5: error: message [rule]" plus suggestion and notes.
std::string FindingLine(const FileResult& r, const Diagnostic& d) {
  std::string file = d.span.file.empty() ? r.path : d.span.file;
  // Values are escaped (EscapeControls): a newline in one cannot forge a finding line.
  std::string line = EscapeControls(file);
  if (d.span.line > 0) absl::StrAppend(&line, ":", d.span.line);
  if (d.span.column > 0) absl::StrAppend(&line, ":", d.span.column);
  absl::StrAppend(&line, ": ", std::string(LevelName(d.level)), ": ", EscapeControls(d.message),
                  " [", d.rule, "]");
  if (!d.template_id.empty())
    absl::StrAppend(&line, " (template ", EscapeControls(d.template_id), ")");
  if (!d.suggestion.empty()) absl::StrAppend(&line, "\n    ", EscapeControls(d.suggestion));
  for (const std::string& note : d.notes) absl::StrAppend(&line, "\n    ", EscapeControls(note));
  return line + "\n";
}

}  // namespace

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t length = Utf8SequenceLength(text, i, cp);
    if (length == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (!AllowedInXml(cp)) {
      out += kReplacement;
    } else if (cp == '&') {
      out += "&amp;";
    } else if (cp == '<') {
      out += "&lt;";
    } else if (cp == '>') {
      out += "&gt;";
    } else if (cp == '"') {
      out += "&quot;";
    } else if (cp == '\'') {
      out += "&apos;";
    } else if (cp == '\n' || cp == '\r' || cp == '\t') {
      // As references, so attribute values keep them (parsers normalise raw ones).
      out += absl::StrCat("&#", cp, ";");
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string EmitJunit(const std::vector<FileResult>& results, const ReportOptions& options) {
  struct Case {
    std::string family;
    bool ran = false;
    std::vector<const Diagnostic*> failures;
    std::vector<const Diagnostic*> others;
  };
  std::string suites;
  int total_tests = 0, total_failures = 0, total_skipped = 0;
  for (const FileResult& r : results) {
    std::vector<Case> cases;
    for (std::string_view family : kFamilies)
      cases.push_back(Case{std::string(family), false, {}, {}});
    auto find_case = [&cases](std::string_view family) -> Case& {
      for (Case& c : cases) {
        if (c.family == family) return c;
      }
      cases.push_back(Case{std::string(family), false, {}, {}});
      return cases.back();
    };
    for (const std::string& rule : r.rules_run) find_case(RuleFamily(rule)).ran = true;
    for (const Diagnostic& d : r.diagnostics) {
      Case& c = find_case(RuleFamily(d.rule));
      c.ran = true;
      (IsFailure(d, options) ? c.failures : c.others).push_back(&d);
    }
    int failures = 0, skipped = 0;
    std::string body;
    std::string suite_name = r.path.empty() ? "-" : r.path;
    for (const Case& c : cases) {
      absl::StrAppend(&body, "    <testcase classname=\"", EscapeXml(suite_name), "\" name=\"",
                      EscapeXml(c.family), "\" file=\"", EscapeXml(suite_name), "\" time=\"0\"");
      if (!c.ran) {
        ++skipped;
        absl::StrAppend(&body, ">\n      <skipped message=\"no ", EscapeXml(c.family),
                        " rules ran\"/>\n    </testcase>\n");
        continue;
      }
      if (c.failures.empty() && c.others.empty()) {
        body += "/>\n";
        continue;
      }
      body += ">\n";
      if (!c.failures.empty()) {
        ++failures;
        std::string text;
        for (const Diagnostic* d : c.failures) text += FindingLine(r, *d);
        const Diagnostic& first = *c.failures.front();
        std::string message =
            c.failures.size() == 1
                ? absl::StrCat(first.message, " [", first.rule, "]")
                : absl::StrCat(c.failures.size(), " findings; first: ", first.message, " [",
                               first.rule, "]");
        Level worst = first.level;
        for (const Diagnostic* d : c.failures) worst = std::max(worst, d->level);
        absl::StrAppend(&body, "      <failure type=\"", std::string(LevelName(worst)),
                        "\" message=\"", EscapeXml(message), "\">", EscapeXml(text),
                        "</failure>\n");
      }
      if (!c.others.empty()) {
        std::string text;
        for (const Diagnostic* d : c.others) text += FindingLine(r, *d);
        absl::StrAppend(&body, "      <system-out>", EscapeXml(text), "</system-out>\n");
      }
      body += "    </testcase>\n";
    }
    int tests = static_cast<int>(cases.size());
    total_tests += tests;
    total_failures += failures;
    total_skipped += skipped;
    absl::StrAppend(&suites, "  <testsuite name=\"", EscapeXml(suite_name), "\" tests=\"", tests,
                    "\" failures=\"", failures, "\" errors=\"0\" skipped=\"", skipped,
                    "\" time=\"0\">\n", body, "  </testsuite>\n");
  }
  return absl::StrCat("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                      "<testsuites name=\"smslint\" tests=\"", total_tests, "\" failures=\"",
                      total_failures, "\" errors=\"0\" skipped=\"", total_skipped, "\">\n", suites,
                      "</testsuites>\n");
}

}  // namespace smslint
