// `smslint explain RULE`: one rule's why, fix, examples, options and source.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/command.h"
#include "nlohmann/json.hpp"
#include "pipeline/session.h"
#include "report/json_emitter.h"

namespace smslint {
namespace {

struct ExplainOptions {
  std::string rule;
  std::string format = "text";
  std::vector<std::string> rule_dirs;
};

std::string RenderText(const RuleInfo& r) {
  std::string out =
      absl::StrCat(r.id, " (", std::string(LevelName(r.level)), ")\n", r.summary, "\n\n");
  absl::StrAppend(&out, "Why: ", r.why, "\n\nFix: ", r.fix, "\n");
  if (!r.fire_examples.empty()) {
    absl::StrAppend(&out, "\nFires on:\n");
    for (const std::string& e : r.fire_examples) absl::StrAppend(&out, "  ", e, "\n");
  }
  if (!r.pass_examples.empty()) {
    absl::StrAppend(&out, "\nDoes not fire on:\n");
    for (const std::string& e : r.pass_examples) absl::StrAppend(&out, "  ", e, "\n");
  }
  if (!r.options.empty()) {
    absl::StrAppend(&out, "\nOptions (set in .smslint.yaml under rules: ", r.id, "):\n");
    for (const RuleOption& o : r.options) {
      absl::StrAppend(&out, "  ", o.name, " = ", o.default_value, "  ", o.description, "\n");
    }
  }
  absl::StrAppend(&out, "\nSource: ", r.source, "\nDefined in: ", r.origin, "\n");
  return out;
}

std::string RenderJson(const RuleInfo& r) {
  nlohmann::ordered_json j;
  j["version"] = 1;
  j.update(RuleInfoToJson(r));
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

int RunExplain(const ExplainOptions& options) {
  SessionOptions session_options;
  session_options.rule_dirs = options.rule_dirs;
  absl::StatusOr<std::unique_ptr<Session>> session = Session::Create(session_options);
  if (!session.ok()) return ReportInputError(std::string(session.status().message()));
  const RuleCatalog* catalog = &(*session)->catalog();
  const RuleInfo* rule = catalog->Find(options.rule);
  if (rule == nullptr) {
    std::string guess = SuggestRule(*catalog, options.rule);
    return ReportInputError(
        absl::StrCat("smslint: error: unknown rule '", options.rule, "'",
                     guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?"),
                     " (`smslint rules` lists them)"));
  }
  return WriteOutput("", options.format == "json" ? RenderJson(*rule) : RenderText(*rule))
             ? kExitClean
             : kExitInputError;
}

}  // namespace

CommandSpec ExplainCommand() {
  auto options = std::make_shared<ExplainOptions>();
  CommandSpec spec{"explain", "Explain one rule: why, fix, examples, options, source"};
  spec.args.push_back({"rule", "Rule id, e.g. content/shaft", &options->rule, {}, true});
  spec.args.push_back({"--format",
                       "Output format: text or json",
                       &options->format,
                       {"text", "json"},
                       false,
                       "text"});
  spec.args.push_back({"--rules", "Extra rule pack directory (repeatable)", &options->rule_dirs});
  spec.run = [options] { return RunExplain(*options); };
  return spec;
}

}  // namespace smslint
