// `smslint text [MESSAGE]`: the content rules on one message body (argument or stdin),
// with the campaign context from flags. Findings point at columns inside the message.
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cli/command.h"
#include "nlohmann/json.hpp"
#include "text/line_index.h"
#include "util/files.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr char kInputName[] = "<text>";
constexpr size_t kMaxMessageBytes = 1u << 20;

struct TextOptions {
  CommonOptions common;
  std::string format = "text";
  std::string message;
  std::string brand;
  std::string use_case;
  std::string country;
  std::string route;
  std::string domain;
  std::vector<std::string> senders;
  std::vector<std::string> brand_aliases;
};

std::string Colored(std::string_view text, Level level, bool color) {
  if (!color) return std::string(text);
  const char* code = level == Level::kError     ? "\x1b[1;31m"
                     : level == Level::kWarning ? "\x1b[1;33m"
                                                : "\x1b[1;36m";
  return absl::StrCat(code, AsAbsl(text), "\x1b[0m");
}

// Columns of a message line quoted above a caret: a window around the span, so a
// 145 KB message with thousands of findings prints a few lines per finding, not the
// whole message each time.
constexpr int kQuoteColumns = 100;

std::string RenderText(std::string_view message, const std::vector<Diagnostic>& diagnostics,
                       bool color, bool quiet) {
  std::string out;
  int counts[3] = {0, 0, 0};
  const LineIndex lines(message);
  // The line last quoted, indexed once for all of its findings.
  int quoted_line = 0;
  std::unique_ptr<LineQuoter> quoter;
  for (const Diagnostic& d : diagnostics) {
    ++counts[static_cast<int>(d.level)];
    absl::StrAppend(&out, kInputName, ":", d.span.line, ":", d.span.column, ": ",
                    Colored(LevelName(d.level), d.level, color), ": ", EscapeControls(d.message),
                    " [", d.rule, "]\n");
    if (d.span.line != quoted_line || !quoter) {
      quoted_line = d.span.line;
      quoter = std::make_unique<LineQuoter>(lines.Line(message, d.span.line));
    }
    int end = d.span.end_line == d.span.line ? d.span.end_column : d.span.column + 1;
    QuotedWindow window = quoter->Window(d.span.column, end, kQuoteColumns);
    absl::StrAppend(&out, "  ", window.text, "\n");
    int width = std::max(1, window.end_column - window.begin_column);
    absl::StrAppend(&out, "  ",
                    std::string(static_cast<size_t>(std::max(0, window.begin_column - 1)), ' '),
                    Colored(absl::StrCat("^", std::string(static_cast<size_t>(width - 1), '~')),
                            d.level, color),
                    "\n");
    if (!d.suggestion.empty())
      absl::StrAppend(&out, "  help: ", EscapeControls(d.suggestion), "\n");
  }
  if (!quiet) {
    if (diagnostics.empty()) {
      absl::StrAppend(&out, "no findings\n");
    } else {
      absl::StrAppend(&out, counts[2], counts[2] == 1 ? " error, " : " errors, ", counts[1],
                      counts[1] == 1 ? " warning, " : " warnings, ", counts[0], " info\n");
    }
  }
  return out;
}

std::string RenderJson(const std::vector<Diagnostic>& diagnostics) {
  nlohmann::ordered_json doc;
  doc["version"] = 1;
  doc["input"] = kInputName;
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  int counts[3] = {0, 0, 0};
  for (const Diagnostic& d : diagnostics) {
    ++counts[static_cast<int>(d.level)];
    nlohmann::ordered_json f;
    f["rule"] = d.rule;
    f["level"] = LevelName(d.level);
    f["message"] = d.message;
    f["line"] = d.span.line;
    f["column"] = d.span.column;
    f["end_line"] = d.span.end_line;
    f["end_column"] = d.span.end_column;
    if (!d.suggestion.empty()) f["suggestion"] = d.suggestion;
    findings.push_back(std::move(f));
  }
  doc["findings"] = std::move(findings);
  // The summary shape of every command (report/json_emitter.cc): errors, warnings, infos.
  doc["summary"] = {{"errors", counts[2]}, {"warnings", counts[1]}, {"infos", counts[0]}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

int RunText(TextOptions& options, bool message_given) {
  std::string message = options.message;
  if (!message_given || message == "-") {
    absl::StatusOr<std::string> input = ReadFileBounded("-", kMaxMessageBytes);
    if (!input.ok()) return ReportInputError(std::string(input.status().message()));
    message = std::move(*input);
    // One trailing newline comes from `echo` or the terminal, not from the message.
    if (!message.empty() && message.back() == '\n') message.pop_back();
    if (!message.empty() && message.back() == '\r') message.pop_back();
  }
  if (!IsValidUtf8(message)) {
    return ReportInputError(
        absl::StrCat(kInputName, ":1:1: error: the message is not valid UTF-8"));
  }
  MessageContext context;
  context.body = message;
  context.kind = BodyKind::kText;
  context.brand = options.brand;
  context.domain = options.domain;
  context.senders = options.senders;
  context.brand_aliases = options.brand_aliases;
  context.country = absl::AsciiStrToUpper(options.country);
  if (!options.use_case.empty()) {
    context.use_case = ParseUseCase(options.use_case);
    if (!context.use_case) {
      std::string guess = DidYouMean(options.use_case, UseCaseNames());
      return ReportInputError(
          absl::StrCat("smslint: error: unknown --use-case '", options.use_case, "'",
                       guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?")));
    }
  }
  if (!options.route.empty()) {
    context.route = ParseRoute(options.route);
    if (!context.route) {
      const std::vector<std::string_view> names = RouteNames();
      std::vector<std::string> routes(names.begin(), names.end());
      return ReportInputError(absl::StrCat("smslint: error: unknown --route '", options.route,
                                           "'; use one of ", absl::StrJoin(routes, ", ")));
    }
  }
  absl::StatusOr<std::unique_ptr<Session>> session =
      Session::Create(ToSessionOptions(options.common, SessionOptions::Stage::kLint));
  if (!session.ok()) return ReportInputError(std::string(session.status().message()));
  absl::StatusOr<std::vector<Diagnostic>> checked = (*session)->CheckText(context, kInputName);
  if (!checked.ok()) return ReportInputError(std::string(checked.status().message()));
  const std::vector<Diagnostic>& diagnostics = *checked;

  std::string bytes = options.format == "json" ? RenderJson(diagnostics)
                                               : RenderText(message, diagnostics,
                                                            options.common.output.empty() &&
                                                                UseColor(options.common.color),
                                                            options.common.quiet);
  if (!WriteOutput(options.common.output, bytes)) return kExitInputError;
  if (options.common.exit_zero) return kExitClean;
  return FailsOn(WorstLevel(diagnostics), options.common.fail_on) ? kExitFindings : kExitClean;
}

}  // namespace

CommandSpec TextCommand() {
  auto options = std::make_shared<TextOptions>();
  auto message_given = std::make_shared<bool>(false);
  CommandSpec spec{"text", "Content rules on one message body (argument or stdin)"};
  Arg message{"message", "The message (default: read stdin)", &options->message};
  message.given = message_given.get();
  spec.args.push_back(std::move(message));
  spec.args.push_back({"--format",
                       "Output format: text or json",
                       &options->format,
                       {"text", "json"},
                       false,
                       "text"});
  spec.args.push_back({"--brand", "Brand the message must name", &options->brand});
  spec.args.push_back({"--use-case", "Use case (marketing, two_factor, ...)", &options->use_case});
  spec.args.push_back({"--country", "Destination country (US, CA, ...)", &options->country});
  spec.args.push_back({"--route", "Route: p2p, 10dlc, toll_free, short_code", &options->route});
  spec.args.push_back({"--domain", "The campaign's link domain", &options->domain});
  spec.args.push_back({"--sender", "A sender number (repeatable)", &options->senders});
  spec.args.push_back({"--brand-alias", "Another name that counts as the brand (repeatable)",
                       &options->brand_aliases});
  AddCommonArgs(spec.args, options->common, /*with_formats=*/false);
  spec.run = [options, message_given] { return RunText(*options, *message_given); };
  return spec;
}

}  // namespace smslint
