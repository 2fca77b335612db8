#include "cli/analysis.h"

#include <algorithm>
#include <set>

#include "campaign/loader.h"
#include "checks/registry.h"
#include "lint/check.h"
#include "util/files.h"

namespace smslint {
namespace {

MessageContext ContextFor(const Campaign& campaign, std::string_view body, BodyKind kind) {
  MessageContext context;
  context.body = body;
  context.kind = kind;
  context.brand = campaign.campaign.brand.value;
  if (campaign.campaign.use_case.present) context.use_case = campaign.campaign.use_case.value;
  context.country = campaign.campaign.country.value;
  if (campaign.campaign.route.present) context.route = campaign.campaign.route.value;
  context.domain = campaign.campaign.domain.value;
  for (const Sender& s : campaign.senders) context.senders.push_back(s.number.value);
  context.campaign = &campaign;
  return context;
}

Diagnostic ToDiagnostic(const Campaign& campaign, const Located<TextValue>& text,
                        const std::string& template_id, Finding finding) {
  Diagnostic d;
  d.rule = std::move(finding.rule);
  d.level = finding.level;
  d.message = std::move(finding.message);
  d.span = TextSpan(campaign, text, finding.begin, finding.end);
  d.template_id = template_id;
  d.suggestion = std::move(finding.suggestion);
  return d;
}

void RunContentChecks(const Campaign& campaign, const std::vector<std::string>& fields,
                      bool fields_known, std::vector<Diagnostic>& out,
                      std::set<std::string>& rules_run) {
  std::vector<std::unique_ptr<ContentCheck>> checks = BuiltinChecks();
  for (const auto& check : checks) rules_run.insert(check->Info().id);
  auto run = [&](const Located<TextValue>& text, BodyKind kind, const std::string& id) {
    MessageContext context = ContextFor(campaign, text.value.text, kind);
    context.template_id = id;
    context.recipient_fields = fields;
    context.fields_known = fields_known;
    std::vector<Finding> findings;
    for (const auto& check : checks) check->Run(context, findings);
    for (Finding& f : findings) out.push_back(ToDiagnostic(campaign, text, id, std::move(f)));
  };
  for (const Template& t : campaign.templates) {
    if (t.body.present) run(t.body, BodyKind::kTemplate, t.id.value);
  }
  if (campaign.campaign.opt_in.confirmation.present) {
    run(campaign.campaign.opt_in.confirmation, BodyKind::kOptInConfirmation, "");
  }
}

}  // namespace

absl::StatusOr<FileResult> AnalyzeFile(const std::string& path, const AnalysisOptions& options) {
  absl::StatusOr<LoadResult> loaded = LoadCampaignFile(path);
  if (!loaded.ok()) return loaded.status();
  const Campaign& campaign = loaded->campaign;

  FileResult result;
  result.path = path;
  std::set<std::string> rules_run = {"schema/unknown-key", "schema/missing-field",
                                     "schema/invalid-value"};
  result.diagnostics = std::move(loaded->diagnostics);

  std::vector<std::string> fields;
  bool fields_known = false;
  if (!campaign.recipients.file.present && !campaign.recipients.list.empty()) {
    fields = {"phone"};
    fields_known = true;
  }
  RunContentChecks(campaign, fields, fields_known, result.diagnostics, rules_run);
  (void)options;

  SortDiagnostics(result.diagnostics);
  result.rules_run.assign(rules_run.begin(), rules_run.end());
  result.source = std::move(loaded->campaign.source);
  return result;
}

AnalysisRun AnalyzeInputs(const std::vector<std::string>& inputs, const AnalysisOptions& options) {
  AnalysisRun run;
  for (const std::string& input : inputs) {
    absl::StatusOr<std::vector<std::string>> files = ExpandInputs({input});
    if (!files.ok()) {
      run.errors.emplace_back(files.status().message());
      continue;
    }
    if (files->empty()) {
      run.errors.push_back(input + ":1:1: error: no *.yaml or *.yml campaign files in directory");
    }
    for (const std::string& file : *files) {
      absl::StatusOr<FileResult> result = AnalyzeFile(file, options);
      if (result.ok()) {
        run.results.push_back(std::move(*result));
      } else {
        run.errors.emplace_back(result.status().message());
      }
    }
  }
  return run;
}

}  // namespace smslint
