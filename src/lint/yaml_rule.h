// YamlRule: a content rule written as data (rules/<pack>/<name>.yml), decoded into
// a typed struct. Rule types follow Vale's: existence, substitution, occurrence,
// capitalization, repetition, conditional. Patterns are RE2 (linear time).
#ifndef SMSLINT_LINT_YAML_RULE_H_
#define SMSLINT_LINT_YAML_RULE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "diag/rule_info.h"
#include "lint/check.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace smslint {

enum class YamlRuleType {
  kExistence,       // any token or pattern present fires
  kSubstitution,    // a pattern present fires with its suggested replacement
  kOccurrence,      // fewer than `min` or more than `max` matches fires
  kCapitalization,  // share of capital letters or count of all-caps words too high
  kRepetition,      // the same word several times in a row
  kConditional,     // an `if` pattern present without any `unless` pattern
};

std::string_view YamlRuleTypeName(YamlRuleType type);

// A set of words and patterns compiled into one RE2. `name` names the group in
// messages ({group}), e.g. the SHAFT category.
// Level by context; nullopt turns the rule off in that context. Route overrides
// win over body overrides, which win over use-case overrides, which win over
// country overrides (most specific last).
struct BodyLevel {
  std::shared_ptr<const RE2> pattern;  // the body contains a match
  std::vector<std::string> use_cases;  // and the use case is one of these (empty: any)
  std::optional<Level> level;
};
struct LevelOverrides {
  std::map<std::string, std::optional<Level>> country;
  std::map<std::string, std::optional<Level>> use_case;
  std::vector<BodyLevel> body;
  std::map<std::string, std::optional<Level>> route;
  bool empty() const {
    return country.empty() && use_case.empty() && body.empty() && route.empty();
  }
};

// A group's pattern, compiled at once (a user's rule file: a pattern RE2 cannot
// compile is an error at load) or when first searched (the embedded pack's, whose
// every pattern compiles, tests/lint/engine_test.cc: most groups never match a
// campaign's text, and compiling them all was a tenth of a small `lint`).
class GroupPattern {
 public:
  GroupPattern(std::string pattern, const RE2::Options& options)
      : pattern_(std::move(pattern)), options_(options) {}
  explicit GroupPattern(std::unique_ptr<const RE2> compiled)
      : pattern_(compiled->pattern()), options_(compiled->options()), re_(std::move(compiled)) {
    std::call_once(once_, [] {});
  }
  // The compiled pattern; null if it does not compile.
  const RE2* get() const {
    std::call_once(once_, [this] {
      auto re = std::make_unique<const RE2>(pattern_, options_);
      if (re->ok()) re_ = std::move(re);
    });
    return re_.get();
  }
  const std::string& pattern() const { return pattern_; }
  const RE2::Options& options() const { return options_; }

 private:
  std::string pattern_;
  RE2::Options options_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<const RE2> re_;
};

struct MatchGroup {
  std::string name;
  std::shared_ptr<const GroupPattern> regex;       // null when the group is empty
  std::shared_ptr<const GroupPattern> exceptions;  // a match inside one of these is skipped
  LevelOverrides levels;                           // the group's level by context, over the rule's
};

struct Swap {
  std::shared_ptr<const RE2> regex;
  std::string replacement;
};

// Where a rule applies; an empty list means any value. A context value that is
// unknown (e.g. no --use-case) does not satisfy a non-empty list.
struct RuleCondition {
  std::vector<std::string> use_cases;  // UseCaseName values
  std::vector<std::string> countries;  // "US", "CA", ...
  std::vector<std::string> routes;     // RouteName values
  std::vector<std::string> kinds;      // template | confirmation | text
};

struct NumericOption {
  double value = 0;
  double default_value = 0;
  std::string description;
};

struct YamlRule {
  RuleInfo info;  // id, level, summary, why, fix, source, examples, options, origin
  YamlRuleType type = YamlRuleType::kExistence;
  std::string message;
  std::vector<MatchGroup> groups;  // existence, occurrence, conditional (`if`)
  // Every group's pattern in one RE2::Set (rules of two or more groups): one scan of
  // a body says which groups can match it, so the others are not searched. Null when
  // the set would not compile.
  std::shared_ptr<const re2::RE2::Set> group_set;
  std::vector<Swap> swaps;                 // substitution
  std::shared_ptr<const RE2> unless;       // conditional
  std::vector<std::string> allowed_words;  // capitalization: words never counted
  // Capitalization: allowed_words as a set, built once (not once per message).
  absl::flat_hash_set<std::string> allowed_set;
  std::map<std::string, NumericOption> options;
  RuleCondition when;
  LevelOverrides levels;
  // Context for running this rule's examples (keys: brand, use_case, country,
  // route, domain, kind); the generic example test reads it.
  std::map<std::string, std::string> example_context;
};

// Where a rule file comes from. A user's file (`--rules`) is untrusted: its YAML
// budget is checked and each pattern is parsed alone, so an error points at it. The
// files compiled in (rules/) are known to pass both (tests/lint/engine_test.cc
// parses each as a user's file), and their first decode skips them: a tenth of
// loading the pack.
enum class RuleFileOrigin { kUser, kEmbedded };

// Decodes one rule file. `path` is used in messages: "path:line:col: error: ...".
absl::StatusOr<YamlRule> ParseYamlRule(std::string_view path, std::string_view contents,
                                       RuleFileOrigin origin = RuleFileOrigin::kUser);

// Sets a numeric option from text (config files); an unknown option or a
// non-number is an error naming `where` ("path:line:col").
absl::Status SetRuleOption(YamlRule& rule, std::string_view name, std::string_view value,
                           std::string_view where);

// The level the rule has in `context`, or nullopt when it does not apply there.
std::optional<Level> EffectiveLevel(const YamlRule& rule, const MessageContext& context);

// Applies `levels` (country, then use case, then body, then route) to `level`.
void ApplyLevelOverrides(const LevelOverrides& levels, const MessageContext& context,
                         std::optional<Level>& level);

// Runs the rule on `masked_body` (the body with placeholders blanked, same length).
void RunYamlRule(const YamlRule& rule, const MessageContext& context, std::string_view masked_body,
                 std::vector<Finding>& findings);

}  // namespace smslint

#endif  // SMSLINT_LINT_YAML_RULE_H_
