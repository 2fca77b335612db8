// Every rule's `fire` examples must fire it and its `pass` examples must not, for
// YAML rules and C++ checks alike; a rule without both kinds of example fails here.
#include <string>
#include <vector>

#include "checks/registry.h"
#include "doctest/doctest.h"
#include "lint/engine.h"
#include "lint/suppression.h"
#include "lint/test_context.h"
#include "lint/test_engine.h"
#include "text/words.h"

namespace smslint {
namespace {

MessageContext ContextFor(const YamlRule& rule, std::string_view body) {
  MessageContext c = ExampleContext(body);
  for (const auto& [key, value] : rule.example_context) {
    if (key == "brand") c.brand = value;
    if (key == "use_case") c.use_case = ParseUseCase(value);
    if (key == "country") c.country = value;
    if (key == "route") c.route = ParseRoute(value);
    if (key == "domain") c.domain = value;
    if (key == "kind") {
      c.kind = value == "confirmation" ? BodyKind::kOptInConfirmation
               : value == "text"       ? BodyKind::kText
                                       : BodyKind::kTemplate;
    }
  }
  return c;
}

bool YamlRuleFires(const YamlRule& rule, std::string_view body) {
  std::vector<Finding> findings;
  std::string masked = MaskPlaceholders(body);
  RunYamlRule(rule, ContextFor(rule, body), masked, findings);
  return !findings.empty();
}

bool CheckFires(const ContentCheck& check, std::string_view body) {
  // The confirmation rule judges campaign.opt_in.confirmation, not templates.
  BodyKind kind = check.Info().id == "content/incomplete-opt-in-confirmation"
                      ? BodyKind::kOptInConfirmation
                      : BodyKind::kTemplate;
  std::vector<Finding> findings;
  check.Run(ExampleContext(body, kind), findings);
  for (const Finding& f : findings) {
    if (f.rule == check.Info().id) return true;
  }
  return false;
}

TEST_CASE("every YAML rule fires on its fire examples and not on its pass examples") {
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, nullptr);
  REQUIRE_MESSAGE(engine.ok(), engine.status().message());
  REQUIRE(!engine->yaml_rules().empty());
  for (const YamlRule& rule : engine->yaml_rules()) {
    CAPTURE(rule.info.id);
    CHECK_MESSAGE(!rule.info.fire_examples.empty(), "no fire example");
    CHECK_MESSAGE(!rule.info.pass_examples.empty(), "no pass example");
    for (const std::string& e : rule.info.fire_examples) {
      CHECK_MESSAGE(YamlRuleFires(rule, e), "did not fire: " << e);
    }
    for (const std::string& e : rule.info.pass_examples) {
      CHECK_MESSAGE(!YamlRuleFires(rule, e), "fired: " << e);
    }
  }
}

TEST_CASE("every C++ check fires on its fire examples and not on its pass examples") {
  for (const auto& check : BuiltinChecks()) {
    const RuleInfo& info = check->Info();
    CAPTURE(info.id);
    CHECK_MESSAGE(!info.fire_examples.empty(), "no fire example");
    CHECK_MESSAGE(!info.pass_examples.empty(), "no pass example");
    for (const std::string& e : info.fire_examples) {
      CHECK_MESSAGE(CheckFires(*check, e), "did not fire: " << e);
    }
    for (const std::string& e : info.pass_examples) {
      CHECK_MESSAGE(!CheckFires(*check, e), "fired: " << e);
    }
  }
}

// lint/unused-suppression's examples are campaign lines: the body between the
// quotes is linted, its findings placed on line 1, and suppressions applied.
bool UnusedSuppressionFires(const RuleEngine& engine, const std::string& line) {
  size_t open = line.find('"');
  size_t close = line.find('"', open + 1);
  std::string body = line.substr(open + 1, close - open - 1);
  Campaign campaign;
  campaign.path = "c.yaml";
  campaign.source = line;
  std::vector<Diagnostic> diagnostics;
  for (const Finding& f : engine.CheckMessage(ExampleContext(body))) {
    Diagnostic d;
    d.rule = f.rule;
    d.span.file = "c.yaml";
    d.span.line = 1;
    diagnostics.push_back(d);
  }
  ApplySuppressions(campaign, diagnostics);
  for (const Diagnostic& d : diagnostics) {
    if (d.rule == "lint/unused-suppression") return true;
  }
  return false;
}

TEST_CASE("lint/unused-suppression examples") {
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, nullptr);
  REQUIRE(engine.ok());
  const RuleInfo& info = UnusedSuppressionRuleInfo();
  REQUIRE(!info.fire_examples.empty());
  REQUIRE(!info.pass_examples.empty());
  for (const std::string& e : info.fire_examples)
    CHECK_MESSAGE(UnusedSuppressionFires(*engine, e), e);
  for (const std::string& e : info.pass_examples)
    CHECK_MESSAGE(!UnusedSuppressionFires(*engine, e), e);
}

}  // namespace
}  // namespace smslint
