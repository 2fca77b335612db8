#include "report/github_emitter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/strings.h"

namespace smslint {
namespace {

std::string_view CommandName(Level level) {
  switch (level) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kInfo:
      return "notice";
  }
  return "warning";
}

}  // namespace

std::string EscapeGithubData(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        // Other control characters (ESC, ...) never reach the log raw; a newline
        // stays inside this one command as %0A.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += EscapeControls(std::string_view(&c, 1));
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string EscapeGithubProperty(std::string_view text) {
  std::string out;
  for (char c : EscapeGithubData(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string EmitGithub(const std::vector<FileResult>& results, const ReportOptions&) {
  std::string out;
  for (const FileResult& r : results) {
    for (const Diagnostic& d : r.diagnostics) {
      std::string file = d.span.file.empty() ? r.path : d.span.file;
      std::vector<std::string> properties;
      if (!file.empty() && file != "-") {
        properties.push_back(absl::StrCat("file=", EscapeGithubProperty(file)));
      }
      if (d.span.line > 0) {
        properties.push_back(absl::StrCat("line=", d.span.line));
        if (d.span.column > 0) properties.push_back(absl::StrCat("col=", d.span.column));
        int end_line = d.span.end_line >= d.span.line ? d.span.end_line : d.span.line;
        properties.push_back(absl::StrCat("endLine=", end_line));
        if (d.span.column > 0 && d.span.end_column > 0 &&
            (end_line > d.span.line || d.span.end_column > d.span.column)) {
          properties.push_back(absl::StrCat("endColumn=", d.span.end_column));
        }
      }
      properties.push_back(
          absl::StrCat("title=", EscapeGithubProperty(absl::StrCat("smslint (", d.rule, ")"))));
      std::string message = d.message;
      if (!d.suggestion.empty()) absl::StrAppend(&message, "\n", d.suggestion);
      for (const std::string& note : d.notes) absl::StrAppend(&message, "\n", note);
      absl::StrAppend(&out, "::", std::string(CommandName(d.level)), " ",
                      absl::StrJoin(properties, ","), "::", EscapeGithubData(message), "\n");
    }
  }
  return out;
}

}  // namespace smslint
