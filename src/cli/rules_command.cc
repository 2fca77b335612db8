// `smslint rules`: every rule (schema, content, data, traffic) with its level and summary.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/command.h"
#include "nlohmann/json.hpp"
#include "pipeline/session.h"
#include "report/json_emitter.h"
#include "util/strings.h"

namespace smslint {
namespace {

struct RulesOptions {
  std::string format = "text";
  std::string output;
  std::vector<std::string> rule_dirs;
};

int RunRules(const RulesOptions& options) {
  SessionOptions session_options;
  session_options.rule_dirs = options.rule_dirs;
  absl::StatusOr<std::unique_ptr<Session>> session = Session::Create(session_options);
  if (!session.ok()) return ReportInputError(std::string(session.status().message()));
  const RuleCatalog* catalog = &(*session)->catalog();
  std::string out;
  if (options.format == "json") {
    nlohmann::ordered_json doc;
    doc["version"] = 1;
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const RuleInfo& r : catalog->rules()) rules.push_back(RuleInfoToJson(r));
    doc["rules"] = std::move(rules);
    out = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else {
    size_t id_width = 2;
    for (const RuleInfo& r : catalog->rules()) id_width = std::max(id_width, r.id.size());
    auto row = [&](std::string_view id, std::string_view level, std::string_view summary) {
      absl::StrAppend(&out, AsAbsl(id), std::string(id_width - id.size() + 2, ' '), AsAbsl(level),
                      std::string(9 - std::min<size_t>(level.size(), 8), ' '), AsAbsl(summary),
                      "\n");
    };
    row("id", "level", "summary");
    for (const RuleInfo& r : catalog->rules()) row(r.id, LevelName(r.level), r.summary);
    absl::StrAppend(&out, "\n", catalog->rules().size(),
                    " rules; `smslint explain RULE` for details\n");
  }
  return WriteOutput(options.output, out) ? kExitClean : kExitInputError;
}

}  // namespace

CommandSpec RulesCommand() {
  auto options = std::make_shared<RulesOptions>();
  CommandSpec spec{"rules", "List every rule: id, level, summary"};
  spec.args.push_back({"--format",
                       "Output format: text or json",
                       &options->format,
                       {"text", "json"},
                       false,
                       "text"});
  spec.args.push_back({"--output,-o", "Write to FILE (atomically)", &options->output});
  spec.args.push_back({"--rules", "Extra rule pack directory (repeatable)", &options->rule_dirs});
  spec.run = [options] { return RunRules(*options); };
  return spec;
}

}  // namespace smslint
