#include "lint/yaml_rule.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "text/keywords.h"
#include "text/links.h"
#include "text/normalize.h"
#include "text/words.h"
#include "util/status.h"
#include "util/strings.h"
#include "util/yaml_reader.h"
#include "yaml-cpp/yaml.h"

namespace smslint {
namespace {

// Rule files are small; a larger one is a mistake, not a rule pack.
constexpr size_t kMaxRuleFileBytes = 1u << 20;
constexpr size_t kMaxListItems = 5000;

RE2::Options PatternOptions(bool ignore_case) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!ignore_case);
  return options;
}

std::string JoinAlternatives(const std::vector<std::string>& alternatives) {
  std::vector<std::string> wrapped;
  for (const std::string& a : alternatives) wrapped.push_back(absl::StrCat("(?:", a, ")"));
  return absl::StrJoin(wrapped, "|");
}

std::shared_ptr<const RE2> CompileAlternatives(const std::vector<std::string>& alternatives,
                                               bool ignore_case) {
  if (alternatives.empty()) return nullptr;
  auto re =
      std::make_shared<const RE2>(JoinAlternatives(alternatives), PatternOptions(ignore_case));
  return re->ok() ? re : nullptr;
}

// RE2 compiles a pattern within two thirds of max_mem; 2 leaves room for no
// instruction (0, or 1 and below, mean no limit), so compiling stops at once with
// ErrorPatternTooLarge once the pattern has parsed.
constexpr int64_t kParseOnlyMaxMem = 2;

// The shared reader, with the rule files' list bound and pattern check.
//
// Each pattern is checked alone (so an error points at it), then compiled joined
// with the others. Compiling is most of the cost of a rule file, so the first
// decode of a file (`full_checks` false) only parses each pattern alone (RE2 stops
// compiling at once under kParseOnlyMaxMem). A pattern whose joined form compiles
// compiles alone (its program is part of the joined one), so when every joined form
// compiled, the first decode is what the full checks give. Otherwise (any error, a
// pattern too large) ParseYamlRule decodes the file again with the full checks, and
// so with their messages.
class Decoder : public YamlReader {
 public:
  // `trusted`: an embedded file, whose first decode neither parses each pattern
  // alone nor compiles its groups before they are searched.
  Decoder(std::string_view path, bool full_checks, bool trusted = false)
      : YamlReader(path), full_checks_(full_checks), trusting_(!full_checks && trusted) {}

  using YamlReader::Number;
  using YamlReader::Strings;
  absl::StatusOr<std::vector<std::string>> Strings(const YAML::Node& node,
                                                   const std::string& key) const {
    return YamlReader::Strings(node, key, kMaxListItems);
  }
  absl::StatusOr<double> Number(const YAML::Node& node, const std::string& key) const {
    return YamlReader::Number(node, key, -HUGE_VAL, HUGE_VAL);
  }

  // Validates each pattern alone (so the error points at it), then joins them.
  absl::Status CheckPattern(const YAML::Node& node, const std::string& pattern,
                            bool ignore_case) const {
    if (trusting_) return absl::OkStatus();
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!ignore_case);
    if (!full_checks_) options.set_max_mem(kParseOnlyMaxMem);
    RE2 re(pattern, options);
    if (!full_checks_ && re.error_code() == RE2::ErrorPatternTooLarge) return absl::OkStatus();
    if (!re.ok()) return Error(node, absl::StrCat("bad pattern '", pattern, "': ", re.error()));
    return absl::OkStatus();
  }

  // CompileAlternatives, noting a failure (see the class comment).
  std::shared_ptr<const RE2> Compile(const std::vector<std::string>& alternatives,
                                     bool ignore_case) const {
    std::shared_ptr<const RE2> re = CompileAlternatives(alternatives, ignore_case);
    if (re == nullptr && !alternatives.empty()) compile_failed_ = true;
    return re;
  }

  // A group's pattern: compiled now, like Compile, or (the embedded pack) when first
  // searched.
  std::shared_ptr<const GroupPattern> CompileGroup(const std::vector<std::string>& alternatives,
                                                   bool ignore_case) const {
    if (alternatives.empty()) return nullptr;
    if (trusting_) {
      return std::make_shared<const GroupPattern>(JoinAlternatives(alternatives),
                                                  PatternOptions(ignore_case));
    }
    auto re =
        std::make_unique<const RE2>(JoinAlternatives(alternatives), PatternOptions(ignore_case));
    if (!re->ok()) {
      compile_failed_ = true;
      return nullptr;
    }
    return std::make_shared<const GroupPattern>(std::move(re));
  }

  // The decode must be repeated with the full checks.
  bool NeedsFullChecks() const { return !full_checks_ && compile_failed_; }

 private:
  const bool full_checks_;
  const bool trusting_;
  mutable bool compile_failed_ = false;
};

// "{keywords}" in a pattern stands for every opt-out, help and opt-in keyword of
// rules/data/opt-out-keywords.yml, so packs never copy the list.
constexpr std::string_view kKeywordsReference = "{keywords}";

std::string ExpandKeywords(std::string pattern) {
  const std::string alternation = absl::StrCat("(?:", KeywordAlternation(AllKeywords()), ")");
  for (size_t at = pattern.find(kKeywordsReference); at != std::string::npos;
       at = pattern.find(kKeywordsReference, at + alternation.size())) {
    pattern.replace(at, kKeywordsReference.size(), alternation);
  }
  return pattern;
}

struct MatchSpan {
  size_t begin;
  size_t end;
};

const RE2* Compiled(const std::shared_ptr<const GroupPattern>& pattern) {
  return pattern == nullptr ? nullptr : pattern->get();
}

std::vector<MatchSpan> AllMatches(const RE2* re, std::string_view text) {
  std::vector<MatchSpan> spans;
  if (re == nullptr) return spans;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  size_t pos = 0;
  while (pos <= text.size() && re->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    size_t begin = static_cast<size_t>(m.data() - text.data());
    size_t end = begin + m.size();
    if (end > begin) spans.push_back({begin, end});
    pos = end > begin ? end : begin + 1;
  }
  return spans;
}

bool Overlaps(const MatchSpan& s, const std::vector<MatchSpan>& others) {
  for (const MatchSpan& o : others) {
    if (s.begin < o.end && o.begin < s.end) return true;
  }
  return false;
}

std::string FormatNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e12) return absl::StrCat(static_cast<long long>(v));
  return absl::StrCat(v);
}

struct OptionSpec {
  std::string_view name;
  double default_value;
  std::string_view description;
};

std::vector<OptionSpec> OptionsFor(YamlRuleType type) {
  switch (type) {
    case YamlRuleType::kCapitalization:
      return {{"max_caps_ratio", 0.6, "highest share of capital letters among letters"},
              {"min_letters", 12, "messages with fewer letters are not judged by ratio"},
              {"max_caps_words", 2, "most all-caps words allowed"},
              {"min_word_length", 3, "shorter all-caps words (OK, PM) are not counted"}};
    case YamlRuleType::kOccurrence:
      return {{"min", 0, "fewest matches required"},
              {"max", -1, "most matches allowed (-1: no limit)"}};
    case YamlRuleType::kRepetition:
      return {{"max_repeats", 1, "times a word may appear in a row"}};
    default:
      return {};
  }
}

absl::StatusOr<std::optional<Level>> LevelOrOff(const Decoder& d, const YAML::Node& node) {
  ASSIGN_OR_RETURN(std::string text, d.String(node, "level"));
  if (text == "off") return std::optional<Level>();
  std::optional<Level> level = ParseLevel(text);
  if (!level)
    return d.Error(node,
                   absl::StrCat("unknown level '", text, "'; use error, warning, info or off"));
  return level;
}

absl::Status DecodeLevels(const Decoder& d, const YAML::Node& node, bool ignore_case,
                          LevelOverrides& levels);

absl::Status DecodeGroup(const Decoder& d, const YAML::Node& node, bool ignore_case,
                         std::string name, MatchGroup& group) {
  std::vector<std::string> alternatives;
  if (node["tokens"]) {
    ASSIGN_OR_RETURN(std::vector<std::string> tokens, d.Strings(node["tokens"], "tokens"));
    for (const std::string& t : tokens) {
      if (absl::StripAsciiWhitespace(t).empty()) return d.Error(node["tokens"], "empty token");
      alternatives.push_back(absl::StrCat("\\b", InflectedWordPattern(t), "\\b"));
    }
  }
  if (node["patterns"]) {
    const YAML::Node& patterns = node["patterns"];
    ASSIGN_OR_RETURN(std::vector<std::string> list, d.Strings(patterns, "patterns"));
    for (std::string& p : list) p = ExpandKeywords(std::move(p));
    for (size_t i = 0; i < list.size(); ++i) {
      RETURN_IF_ERROR(
          d.CheckPattern(patterns.IsSequence() ? patterns[i] : patterns, list[i], ignore_case));
      alternatives.push_back(list[i]);
    }
  }
  // near: [{first: [...], then: [...], within: N, either_order: bool}]: a word of
  // `first` followed, at most N words later, by a word of `then` ("settle ... debt").
  if (node["near"]) {
    const YAML::Node& near = node["near"];
    if (!near.IsSequence()) return d.Error(near, "'near' must be a list");
    for (const YAML::Node& item : near) {
      RETURN_IF_ERROR(
          d.CheckKeys(item, {"first", "then", "within", "either_order"}, "a 'near' item"));
      if (!item["first"] || !item["then"])
        return d.Error(item, "a 'near' item needs 'first' and 'then' words");
      auto words = [&](const char* key) -> absl::StatusOr<std::string> {
        ASSIGN_OR_RETURN(std::vector<std::string> list, d.Strings(item[key], key));
        std::vector<std::string> patterns;
        for (const std::string& w : list) {
          if (absl::StripAsciiWhitespace(w).empty()) return d.Error(item[key], "empty word");
          patterns.push_back(InflectedWordPattern(w));
        }
        return absl::StrCat("\\b(?:", absl::StrJoin(patterns, "|"), ")\\b");
      };
      ASSIGN_OR_RETURN(std::string first, words("first"));
      ASSIGN_OR_RETURN(std::string then, words("then"));
      double within = 3;
      if (item["within"]) {
        ASSIGN_OR_RETURN(within, d.Number(item["within"], "within"));
        if (within < 0 || within > 12 || within != std::floor(within))
          return d.Error(item["within"], "'within' must be a whole number of words from 0 to 12");
      }
      std::string gap = absl::StrCat("(?:[^\\w.!?\\n]+[\\w'\\x{2019}$%-]+){0,",
                                     static_cast<int>(within), "}[^\\w.!?\\n]+");
      alternatives.push_back(absl::StrCat(first, gap, then));
      if (item["either_order"]) {
        ASSIGN_OR_RETURN(std::string either, d.String(item["either_order"], "either_order"));
        if (either != "true" && either != "false")
          return d.Error(item["either_order"], "'either_order' must be true or false");
        if (either == "true") alternatives.push_back(absl::StrCat(then, gap, first));
      }
    }
  }
  if (node["levels"]) RETURN_IF_ERROR(DecodeLevels(d, node["levels"], ignore_case, group.levels));
  if (node["exceptions"]) {
    const YAML::Node& exceptions = node["exceptions"];
    ASSIGN_OR_RETURN(std::vector<std::string> list, d.Strings(exceptions, "exceptions"));
    for (std::string& p : list) p = ExpandKeywords(std::move(p));
    for (size_t i = 0; i < list.size(); ++i) {
      RETURN_IF_ERROR(d.CheckPattern(exceptions.IsSequence() ? exceptions[i] : exceptions, list[i],
                                     ignore_case));
    }
    group.exceptions = d.CompileGroup(list, ignore_case);
  }
  group.name = std::move(name);
  group.regex = d.CompileGroup(alternatives, ignore_case);
  if (!alternatives.empty() && group.regex == nullptr) {
    return d.Error(node, "the patterns together exceed RE2's limits; split the rule");
  }
  return absl::OkStatus();
}

absl::Status DecodeWhen(const Decoder& d, const YAML::Node& node, RuleCondition& when) {
  RETURN_IF_ERROR(d.CheckKeys(node, {"use_case", "country", "route", "kind"}, "'when'"));
  if (node["use_case"]) {
    ASSIGN_OR_RETURN(when.use_cases, d.Strings(node["use_case"], "use_case"));
    for (const std::string& u : when.use_cases) {
      if (!ParseUseCase(u))
        return d.Error(node["use_case"], absl::StrCat("unknown use case '", u, "'"));
    }
  }
  if (node["country"]) {
    ASSIGN_OR_RETURN(when.countries, d.Strings(node["country"], "country"));
  }
  if (node["route"]) {
    ASSIGN_OR_RETURN(when.routes, d.Strings(node["route"], "route"));
    for (const std::string& r : when.routes) {
      if (!ParseRoute(r)) return d.Error(node["route"], absl::StrCat("unknown route '", r, "'"));
    }
  }
  if (node["kind"]) {
    ASSIGN_OR_RETURN(when.kinds, d.Strings(node["kind"], "kind"));
    for (const std::string& k : when.kinds) {
      if (k != "template" && k != "confirmation" && k != "text") {
        return d.Error(node["kind"],
                       absl::StrCat("unknown kind '", k, "'; use template, confirmation or text"));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status DecodeLevels(const Decoder& d, const YAML::Node& node, bool ignore_case,
                          LevelOverrides& levels) {
  if (!node.IsMap()) return d.Error(node, "'levels' must be a mapping");
  RETURN_IF_ERROR(d.CheckKeys(node, {"country", "use_case", "body", "route"}, "'levels'"));
  auto decode_map = [&](const char* key,
                        std::map<std::string, std::optional<Level>>& out) -> absl::Status {
    if (!node[key]) return absl::OkStatus();
    const YAML::Node& map = node[key];
    if (!map.IsMap()) return d.Error(map, absl::StrCat("'levels.", key, "' must be a mapping"));
    for (auto it = map.begin(); it != map.end(); ++it) {
      ASSIGN_OR_RETURN(std::string name, d.String(it->first, key));
      if (std::string_view(key) == "use_case" && !ParseUseCase(name)) {
        return d.Error(it->first, absl::StrCat("unknown use case '", name, "'"));
      }
      if (std::string_view(key) == "route" && !ParseRoute(name)) {
        return d.Error(it->first, absl::StrCat("unknown route '", name, "'"));
      }
      ASSIGN_OR_RETURN(out[name], LevelOrOff(d, it->second));
    }
    return absl::OkStatus();
  };
  RETURN_IF_ERROR(decode_map("country", levels.country));
  RETURN_IF_ERROR(decode_map("use_case", levels.use_case));
  RETURN_IF_ERROR(decode_map("route", levels.route));
  // body: [{pattern, use_case: [...], level}]: the level when the body matches, e.g. a
  // two-factor message that carries its one-time code.
  if (node["body"]) {
    const YAML::Node& list = node["body"];
    if (!list.IsSequence()) return d.Error(list, "'levels.body' must be a list");
    for (const YAML::Node& item : list) {
      RETURN_IF_ERROR(d.CheckKeys(item, {"pattern", "use_case", "level"}, "a 'levels.body' item"));
      if (!item["pattern"] || !item["level"])
        return d.Error(item, "a 'levels.body' item needs 'pattern' and 'level'");
      BodyLevel body;
      ASSIGN_OR_RETURN(std::string pattern, d.String(item["pattern"], "pattern"));
      RETURN_IF_ERROR(d.CheckPattern(item["pattern"], pattern, ignore_case));
      body.pattern = d.Compile({pattern}, ignore_case);
      if (item["use_case"]) {
        ASSIGN_OR_RETURN(body.use_cases, d.Strings(item["use_case"], "use_case"));
        for (const std::string& u : body.use_cases) {
          if (!ParseUseCase(u))
            return d.Error(item["use_case"], absl::StrCat("unknown use case '", u, "'"));
        }
      }
      ASSIGN_OR_RETURN(body.level, LevelOrOff(d, item["level"]));
      levels.body.push_back(std::move(body));
    }
  }
  return absl::OkStatus();
}

absl::Status DecodeOptions(const Decoder& d, const YAML::Node* node, YamlRule& rule) {
  std::vector<OptionSpec> specs = OptionsFor(rule.type);
  for (const OptionSpec& s : specs) {
    rule.options[std::string(s.name)] = {s.default_value, s.default_value,
                                         std::string(s.description)};
  }
  if (node != nullptr) {
    if (!node->IsMap()) return d.Error(*node, "'options' must be a mapping");
    std::vector<std::string_view> names;
    for (const OptionSpec& s : specs) names.push_back(s.name);
    for (auto it = node->begin(); it != node->end(); ++it) {
      ASSIGN_OR_RETURN(std::string name, d.String(it->first, "option name"));
      if (!rule.options.contains(name)) {
        std::string guess = DidYouMean(name, names);
        return d.Error(
            it->first,
            absl::StrCat("unknown option '", name, "' for a ",
                         std::string(YamlRuleTypeName(rule.type)), " rule",
                         guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?")));
      }
      NumericOption& option = rule.options[name];
      if (it->second.IsMap()) {
        RETURN_IF_ERROR(d.CheckKeys(it->second, {"default", "description"}, "an option"));
        if (it->second["default"]) {
          ASSIGN_OR_RETURN(option.default_value, d.Number(it->second["default"], "default"));
        }
        if (it->second["description"]) {
          ASSIGN_OR_RETURN(option.description, d.String(it->second["description"], "description"));
        }
      } else {
        ASSIGN_OR_RETURN(option.default_value, d.Number(it->second, name));
      }
      option.value = option.default_value;
    }
  }
  for (const auto& [name, option] : rule.options) {
    rule.info.options.push_back({name, FormatNumber(option.default_value), option.description});
  }
  return absl::OkStatus();
}

absl::Status DecodeExamples(const Decoder& d, const YAML::Node& node, YamlRule& rule) {
  RETURN_IF_ERROR(d.CheckKeys(node, {"fire", "pass", "context"}, "'examples'"));
  if (node["fire"]) {
    ASSIGN_OR_RETURN(rule.info.fire_examples, d.Strings(node["fire"], "fire"));
  }
  if (node["pass"]) {
    ASSIGN_OR_RETURN(rule.info.pass_examples, d.Strings(node["pass"], "pass"));
  }
  if (node["context"]) {
    const YAML::Node& context = node["context"];
    RETURN_IF_ERROR(d.CheckKeys(context,
                                {"brand", "use_case", "country", "route", "domain", "kind"},
                                "'examples.context'"));
    for (auto it = context.begin(); it != context.end(); ++it) {
      ASSIGN_OR_RETURN(rule.example_context[it->first.Scalar()],
                       d.String(it->second, it->first.Scalar()));
    }
  }
  return absl::OkStatus();
}

// The groups' patterns as one RE2::Set, set index = group index: for a rule of two
// or more groups, each with a pattern. Each keeps its case rule.
std::shared_ptr<const re2::RE2::Set> CompileGroupSet(const std::vector<MatchGroup>& groups) {
  if (groups.size() < 2) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  // RE2's default per pattern for each group, at most 64 MiB: a set larger than that
  // (a user's rule of many groups) is not built, and every group is searched.
  options.set_max_mem(std::min<int64_t>(options.max_mem() * static_cast<int64_t>(groups.size()),
                                        int64_t{64} << 20));
  auto set = std::make_shared<re2::RE2::Set>(options, RE2::UNANCHORED);
  for (const MatchGroup& group : groups) {
    if (group.regex == nullptr) return nullptr;
    const std::string& pattern = group.regex->pattern();
    const bool fold = !group.regex->options().case_sensitive();
    if (set->Add(fold ? absl::StrCat("(?i:", pattern, ")") : pattern, nullptr) < 0) return nullptr;
  }
  if (!set->Compile()) return nullptr;
  return set;
}

absl::StatusOr<YamlRule> DecodeRule(const Decoder& d, const YAML::Node& root,
                                    std::string_view path) {
  if (!root.IsMap())
    return d.Error(root, "a rule file must be a mapping with 'id', 'extends', 'level', ...");
  YamlRule rule;
  rule.info.origin = std::string(path);
  if (!root["extends"])
    return d.Error(root,
                   "missing 'extends' (existence, substitution, occurrence, capitalization, "
                   "repetition or conditional)");
  ASSIGN_OR_RETURN(std::string extends, d.String(root["extends"], "extends"));
  static const std::vector<std::pair<std::string_view, YamlRuleType>> kTypes = {
      {"existence", YamlRuleType::kExistence},   {"substitution", YamlRuleType::kSubstitution},
      {"occurrence", YamlRuleType::kOccurrence}, {"capitalization", YamlRuleType::kCapitalization},
      {"repetition", YamlRuleType::kRepetition}, {"conditional", YamlRuleType::kConditional}};
  std::vector<std::string_view> type_names;
  bool found = false;
  for (const auto& [name, type] : kTypes) {
    type_names.push_back(name);
    if (name == extends) {
      rule.type = type;
      found = true;
    }
  }
  if (!found) {
    std::string guess = DidYouMean(extends, type_names);
    return d.Error(
        root["extends"],
        absl::StrCat("unknown rule type '", extends, "'",
                     guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?")));
  }

  std::vector<std::string_view> allowed = {"id",      "extends", "level",  "message",   "summary",
                                           "why",     "fix",     "source", "link",      "examples",
                                           "options", "when",    "levels", "ignorecase"};
  switch (rule.type) {
    case YamlRuleType::kExistence:
      allowed.insert(allowed.end(), {"tokens", "patterns", "near", "exceptions", "groups"});
      break;
    case YamlRuleType::kSubstitution:
      allowed.insert(allowed.end(), {"swap"});
      break;
    case YamlRuleType::kOccurrence:
      allowed.insert(allowed.end(), {"tokens", "patterns", "exceptions"});
      break;
    case YamlRuleType::kCapitalization:
      allowed.insert(allowed.end(), {"allow"});
      break;
    case YamlRuleType::kRepetition:
      allowed.insert(allowed.end(), {"tokens"});
      break;
    case YamlRuleType::kConditional:
      allowed.insert(allowed.end(), {"if", "unless", "exceptions"});
      break;
  }
  RETURN_IF_ERROR(d.CheckKeys(root, allowed, absl::StrCat("a ", extends, " rule")));

  for (const char* key : {"id", "level", "message", "summary", "why", "fix", "source"}) {
    if (!root[key]) return d.Error(root, absl::StrCat("missing '", key, "'"));
  }
  ASSIGN_OR_RETURN(rule.info.id, d.String(root["id"], "id"));
  static const RE2 kIdShape("[a-z0-9-]+/[a-z0-9-]+");
  if (!RE2::FullMatch(rule.info.id, kIdShape)) {
    return d.Error(root["id"],
                   absl::StrCat("rule id '", rule.info.id, "' must look like category/name"));
  }
  ASSIGN_OR_RETURN(std::string level_text, d.String(root["level"], "level"));
  std::optional<Level> level = ParseLevel(level_text);
  if (!level)
    return d.Error(root["level"],
                   absl::StrCat("unknown level '", level_text, "'; use error, warning or info"));
  rule.info.level = *level;
  ASSIGN_OR_RETURN(rule.message, d.String(root["message"], "message"));
  ASSIGN_OR_RETURN(rule.info.summary, d.String(root["summary"], "summary"));
  ASSIGN_OR_RETURN(rule.info.why, d.String(root["why"], "why"));
  ASSIGN_OR_RETURN(rule.info.fix, d.String(root["fix"], "fix"));
  ASSIGN_OR_RETURN(rule.info.source, d.String(root["source"], "source"));
  bool ignore_case = true;
  if (root["ignorecase"]) {
    ASSIGN_OR_RETURN(std::string text, d.String(root["ignorecase"], "ignorecase"));
    if (text != "true" && text != "false")
      return d.Error(root["ignorecase"], "'ignorecase' must be true or false");
    ignore_case = text == "true";
  }
  if (root["examples"]) RETURN_IF_ERROR(DecodeExamples(d, root["examples"], rule));
  if (root["when"]) RETURN_IF_ERROR(DecodeWhen(d, root["when"], rule.when));
  if (root["levels"]) RETURN_IF_ERROR(DecodeLevels(d, root["levels"], ignore_case, rule.levels));
  YAML::Node options = root["options"];
  RETURN_IF_ERROR(DecodeOptions(d, options ? &options : nullptr, rule));

  switch (rule.type) {
    case YamlRuleType::kExistence:
    case YamlRuleType::kOccurrence: {
      if (root["groups"]) {
        const YAML::Node& groups = root["groups"];
        if (!groups.IsSequence()) return d.Error(groups, "'groups' must be a list");
        for (const YAML::Node& g : groups) {
          RETURN_IF_ERROR(d.CheckKeys(
              g, {"name", "tokens", "patterns", "near", "exceptions", "levels"}, "a group"));
          if (!g["name"]) return d.Error(g, "a group needs a 'name'");
          ASSIGN_OR_RETURN(std::string name, d.String(g["name"], "name"));
          MatchGroup group;
          RETURN_IF_ERROR(DecodeGroup(d, g, ignore_case, name, group));
          if (group.regex == nullptr)
            return d.Error(g, "a group needs 'tokens', 'patterns' or 'near'");
          rule.groups.push_back(std::move(group));
        }
      }
      if (root["tokens"] || root["patterns"] || root["near"]) {
        MatchGroup group;
        RETURN_IF_ERROR(DecodeGroup(d, root, ignore_case, "", group));
        rule.groups.push_back(std::move(group));
      }
      if (rule.groups.empty())
        return d.Error(root, "the rule needs 'tokens', 'patterns' or 'groups'");
      break;
    }
    case YamlRuleType::kSubstitution: {
      if (!root["swap"] || !root["swap"].IsMap()) {
        return d.Error(root["swap"] ? root["swap"] : root,
                       "a substitution rule needs 'swap: {pattern: replacement}'");
      }
      for (auto it = root["swap"].begin(); it != root["swap"].end(); ++it) {
        ASSIGN_OR_RETURN(std::string pattern, d.String(it->first, "swap pattern"));
        ASSIGN_OR_RETURN(std::string replacement, d.String(it->second, "swap replacement"));
        std::string wrapped = absl::StrCat("\\b(?:", pattern, ")\\b");
        RETURN_IF_ERROR(d.CheckPattern(it->first, pattern, ignore_case));
        rule.swaps.push_back({d.Compile({wrapped}, ignore_case), replacement});
      }
      break;
    }
    case YamlRuleType::kCapitalization: {
      if (root["allow"]) {
        ASSIGN_OR_RETURN(std::vector<std::string> allow, d.Strings(root["allow"], "allow"));
        for (const std::string& w : allow) {
          if (w != kKeywordsReference) {
            rule.allowed_words.push_back(absl::AsciiStrToUpper(w));
            continue;
          }
          // Every one-word keyword (the words of "OPT OUT" are ordinary words).
          for (const std::string& k : AllKeywords()) {
            if (k.find_first_of(" -") == std::string::npos)
              rule.allowed_words.push_back(absl::AsciiStrToUpper(k));
          }
        }
      }
      rule.allowed_set.insert(rule.allowed_words.begin(), rule.allowed_words.end());
      break;
    }
    case YamlRuleType::kRepetition: {
      if (root["tokens"]) {
        ASSIGN_OR_RETURN(std::vector<std::string> tokens, d.Strings(root["tokens"], "tokens"));
        for (std::string& t : tokens) rule.allowed_words.push_back(AsciiLower(t));
      }
      break;
    }
    case YamlRuleType::kConditional: {
      if (!root["if"]) return d.Error(root, "a conditional rule needs 'if' patterns");
      YAML::Node if_node;
      if_node["patterns"] = root["if"];
      if (root["exceptions"]) if_node["exceptions"] = root["exceptions"];
      MatchGroup group;
      RETURN_IF_ERROR(DecodeGroup(d, if_node, ignore_case, "", group));
      rule.groups.push_back(std::move(group));
      if (root["unless"]) {
        ASSIGN_OR_RETURN(std::vector<std::string> unless, d.Strings(root["unless"], "unless"));
        const YAML::Node& u = root["unless"];
        for (size_t i = 0; i < unless.size(); ++i) {
          RETURN_IF_ERROR(d.CheckPattern(u.IsSequence() ? u[i] : u, unless[i], ignore_case));
        }
        rule.unless = d.Compile(unless, ignore_case);
      }
      break;
    }
  }
  if (rule.type == YamlRuleType::kExistence || rule.type == YamlRuleType::kConditional) {
    rule.group_set = CompileGroupSet(rule.groups);
  }
  return rule;
}

std::string FormatMessage(const std::string& format,
                          const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::vector<std::pair<std::string, std::string>> replacements;
  for (const auto& [key, value] : values)
    replacements.push_back({absl::StrCat("{", std::string(key), "}"), value});
  return absl::StrReplaceAll(format, replacements);
}

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void Emit(const YamlRule& rule, Level level, std::string message, size_t begin, size_t end,
          std::string suggestion, std::vector<Finding>& findings) {
  Finding f;
  f.rule = rule.info.id;
  f.level = level;
  f.message = std::move(message);
  f.begin = begin;
  f.end = end;
  f.suggestion = std::move(suggestion);
  findings.push_back(std::move(f));
}

}  // namespace

void ApplyLevelOverrides(const LevelOverrides& levels, const MessageContext& context,
                         std::optional<Level>& level) {
  std::string use_case = context.use_case ? std::string(UseCaseName(*context.use_case)) : "";
  std::string route = context.route ? std::string(RouteName(*context.route)) : "";
  auto apply = [&](const std::map<std::string, std::optional<Level>>& overrides,
                   const std::string& key) {
    auto it = overrides.find(key);
    if (!key.empty() && it != overrides.end()) level = it->second;
  };
  apply(levels.country, context.country);
  apply(levels.use_case, use_case);
  for (const BodyLevel& b : levels.body) {
    if (!b.use_cases.empty() && !Contains(b.use_cases, use_case)) continue;
    if (RE2::PartialMatch(re2::StringPiece(context.body.data(), context.body.size()), *b.pattern))
      level = b.level;
  }
  apply(levels.route, route);
}

namespace {

// The normalised forms of the body being checked: every group of every rule reads
// the same body, so it is normalised once per body, not once per group.
const NormalizedText& NormalizedBody(std::string_view body, bool one_as_l) {
  struct Cache {
    std::string body;
    bool valid[2] = {false, false};
    NormalizedText text[2];
  };
  thread_local Cache cache;
  if (cache.body != body) {
    cache.body.assign(body.data(), body.size());
    cache.valid[0] = cache.valid[1] = false;
  }
  if (!cache.valid[one_as_l]) {
    cache.text[one_as_l] = NormalizeForMatching(body, one_as_l);
    cache.valid[one_as_l] = true;
  }
  return cache.text[one_as_l];
}

// Matches of `group` in `body` and in its normalised forms (look-alike digits,
// dotted acronyms, styled letters), as spans of `body`, exceptions removed.
// Exceptions are searched only where the group matched.
std::vector<MatchSpan> GroupMatches(const MatchGroup& group, std::string_view body) {
  std::vector<MatchSpan> found = AllMatches(Compiled(group.regex), body);
  if (!found.empty()) {
    const std::vector<MatchSpan> exceptions = AllMatches(Compiled(group.exceptions), body);
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const MatchSpan& s) { return Overlaps(s, exceptions); }),
                found.end());
  }
  for (bool one_as_l : {false, true}) {
    const NormalizedText& n = NormalizedBody(body, one_as_l);
    if (!n.changed || n.text == body) continue;
    const std::vector<MatchSpan> matches = AllMatches(Compiled(group.regex), n.text);
    const std::vector<MatchSpan> normalized_exceptions =
        matches.empty() ? std::vector<MatchSpan>() : AllMatches(Compiled(group.exceptions), n.text);
    for (const MatchSpan& s : matches) {
      if (Overlaps(s, normalized_exceptions)) continue;
      auto [b, e] = n.Original(s.begin, s.end);
      MatchSpan original{b, e};
      if (!Overlaps(original, found)) found.push_back(original);
    }
    if (n.text.find_first_of("il") == std::string::npos) break;
  }
  std::sort(found.begin(), found.end(),
            [](const MatchSpan& a, const MatchSpan& b) { return a.begin < b.begin; });
  return found;
}

// Which of `rule`'s groups may match `body` or one of its normalised forms (the
// texts GroupMatches searches), by one RE2::Set scan of each: a group the set does
// not match in any of them has no match there, so GroupMatches would find nothing.
// Every group may match when the rule has no set or a scan runs out of memory.
std::vector<bool> GroupsThatMayMatch(const YamlRule& rule, std::string_view body) {
  std::vector<bool> may(rule.groups.size(), rule.group_set == nullptr);
  if (rule.group_set == nullptr) return may;
  std::vector<int> hits;
  auto scan = [&](std::string_view text) {
    re2::RE2::Set::ErrorInfo error;
    hits.clear();
    if (!rule.group_set->Match(re2::StringPiece(text.data(), text.size()), &hits, &error) &&
        error.kind != re2::RE2::Set::kNoError) {
      may.assign(may.size(), true);
      return;
    }
    for (int i : hits) may[static_cast<size_t>(i)] = true;
  };
  scan(body);
  for (bool one_as_l : {false, true}) {
    const NormalizedText& n = NormalizedBody(body, one_as_l);
    if (n.changed && n.text != body) scan(n.text);
  }
  return may;
}

void RunMatches(const YamlRule& rule, const MessageContext& context, Level level,
                std::string_view body, std::vector<Finding>& findings) {
  const std::vector<bool> may = GroupsThatMayMatch(rule, body);
  for (size_t g = 0; g < rule.groups.size(); ++g) {
    const MatchGroup& group = rule.groups[g];
    if (!may[g]) continue;
    std::optional<Level> group_level = level;
    ApplyLevelOverrides(group.levels, context, group_level);
    if (!group_level) continue;
    for (const MatchSpan& s : GroupMatches(group, body)) {
      std::string match(body.substr(s.begin, s.end - s.begin));
      Emit(rule, *group_level,
           FormatMessage(rule.message, {{"match", match}, {"group", group.name}}), s.begin, s.end,
           "", findings);
    }
  }
}

void RunOccurrence(const YamlRule& rule, Level level, std::string_view body,
                   std::vector<Finding>& findings) {
  std::vector<MatchSpan> matches;
  for (const MatchGroup& group : rule.groups) {
    std::vector<MatchSpan> exceptions = AllMatches(Compiled(group.exceptions), body);
    for (const MatchSpan& s : AllMatches(Compiled(group.regex), body)) {
      if (!Overlaps(s, exceptions)) matches.push_back(s);
    }
  }
  std::sort(matches.begin(), matches.end(),
            [](const MatchSpan& a, const MatchSpan& b) { return a.begin < b.begin; });
  double min = rule.options.at("min").value;
  double max = rule.options.at("max").value;
  std::vector<std::pair<std::string_view, std::string>> values = {
      {"count", absl::StrCat(matches.size())},
      {"min", FormatNumber(min)},
      {"max", FormatNumber(max)}};
  if (static_cast<double>(matches.size()) < min) {
    Emit(rule, level, FormatMessage(rule.message, values), 0, body.size(), "", findings);
  } else if (max >= 0 && static_cast<double>(matches.size()) > max) {
    const MatchSpan& s = matches[static_cast<size_t>(max)];
    values.push_back({"match", std::string(body.substr(s.begin, s.end - s.begin))});
    Emit(rule, level, FormatMessage(rule.message, values), s.begin, s.end, "", findings);
  }
}

void RunCapitalization(const YamlRule& rule, const MessageContext& context, Level level,
                       std::string_view body, std::vector<Finding>& findings) {
  // The rule's allowed words (a set built once) and the brand's words.
  std::vector<std::string> brand_words;
  for (absl::string_view w :
       absl::StrSplit(context.brand, absl::ByAnyChar(" .,&'-!:"), absl::SkipEmpty())) {
    brand_words.push_back(absl::AsciiStrToUpper(w));
  }
  auto allowed = [&](const std::string& upper_word) {
    return rule.allowed_set.contains(upper_word) || Contains(brand_words, upper_word);
  };
  std::vector<MatchSpan> links;
  for (const Link& l : FindLinks(body)) links.push_back({l.begin, l.end});
  const size_t min_word = static_cast<size_t>(rule.options.at("min_word_length").value);
  size_t letters = 0, upper = 0, caps_words = 0;
  size_t first = std::string_view::npos, last = 0;
  size_t i = 0;
  while (i < body.size()) {
    if (!std::isalnum(static_cast<unsigned char>(body[i]))) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < body.size() &&
           (std::isalnum(static_cast<unsigned char>(body[i])) || body[i] == '\''))
      ++i;
    MatchSpan word{start, i};
    if (Overlaps(word, links)) continue;
    std::string_view text = body.substr(start, i - start);
    if (allowed(absl::AsciiStrToUpper(AsAbsl(text)))) continue;
    size_t word_letters = 0, word_upper = 0;
    for (char c : text) {
      if (std::isalpha(static_cast<unsigned char>(c))) {
        ++word_letters;
        if (std::isupper(static_cast<unsigned char>(c))) ++word_upper;
      }
    }
    letters += word_letters;
    upper += word_upper;
    if (word_letters >= min_word && word_upper == word_letters) {
      ++caps_words;
      if (first == std::string_view::npos) first = start;
      last = i;
    }
  }
  double ratio = letters == 0 ? 0 : static_cast<double>(upper) / static_cast<double>(letters);
  bool too_many_words = static_cast<double>(caps_words) > rule.options.at("max_caps_words").value;
  bool too_high_ratio = static_cast<double>(letters) >= rule.options.at("min_letters").value &&
                        ratio > rule.options.at("max_caps_ratio").value;
  if (!too_many_words && !too_high_ratio) return;
  if (first == std::string_view::npos) {
    first = 0;
    last = body.size();
  }
  Emit(rule, level,
       FormatMessage(rule.message,
                     {{"count", absl::StrCat(caps_words)},
                      {"ratio", absl::StrCat(static_cast<int>(ratio * 100 + 0.5), "%")}}),
       first, last, "", findings);
}

void RunRepetition(const YamlRule& rule, Level level, std::string_view body,
                   std::vector<Finding>& findings) {
  const double max_repeats = rule.options.at("max_repeats").value;
  std::string previous;
  size_t run = 0, run_begin = 0, prev_end = 0;
  auto flush = [&](size_t end) {
    if (run > 0 && static_cast<double>(run) > max_repeats &&
        (rule.allowed_words.empty() || Contains(rule.allowed_words, previous))) {
      Emit(rule, level,
           FormatMessage(rule.message, {{"match", previous}, {"count", absl::StrCat(run)}}),
           run_begin, end, "", findings);
    }
  };
  size_t i = 0;
  while (i < body.size()) {
    if (!IsWordByte(body[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < body.size() && IsWordByte(body[i])) ++i;
    std::string word = AsciiLower(body.substr(start, i - start));
    bool only_space = true;
    for (size_t k = prev_end; k < start; ++k) {
      only_space = only_space && std::isspace(static_cast<unsigned char>(body[k]));
    }
    if (run > 0 && word == previous && only_space) {
      ++run;
    } else {
      flush(prev_end);
      previous = word;
      run = 1;
      run_begin = start;
    }
    prev_end = i;
  }
  flush(prev_end);
}

}  // namespace

std::string_view YamlRuleTypeName(YamlRuleType type) {
  switch (type) {
    case YamlRuleType::kExistence:
      return "existence";
    case YamlRuleType::kSubstitution:
      return "substitution";
    case YamlRuleType::kOccurrence:
      return "occurrence";
    case YamlRuleType::kCapitalization:
      return "capitalization";
    case YamlRuleType::kRepetition:
      return "repetition";
    case YamlRuleType::kConditional:
      return "conditional";
  }
  return "existence";
}

absl::StatusOr<YamlRule> ParseYamlRule(std::string_view path, std::string_view contents,
                                       RuleFileOrigin origin) {
  if (contents.size() > kMaxRuleFileBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(path), ":1:1: error: rule file larger than 1 MiB"));
  }
  std::string source(contents);
  const bool user = origin == RuleFileOrigin::kUser;
  if (absl::Status budget = user
                                ? CheckYamlBudget(path, source, YamlBudgetFor(source.size()), false)
                                : absl::OkStatus();
      !budget.ok()) {
    return budget;
  }
  try {
    Decoder fast(path, /*full_checks=*/false, /*trusted=*/!user);
    absl::StatusOr<YamlRule> rule = DecodeRule(fast, YAML::Load(source), path);
    if (rule.ok() && !fast.NeedsFullChecks()) return rule;
  } catch (const std::exception&) {
    // Decoded again below: the full checks say what is wrong, in their order.
  }
  // A fresh tree: reading a node through a non-const [] may have changed the first.
  Decoder d(path, /*full_checks=*/true);
  ASSIGN_OR_RETURN(const YAML::Node root, LoadYaml(path, source));
  try {
    return DecodeRule(d, root, path);
  } catch (const YAML::Exception& e) {
    return YamlError(path, e);
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat(std::string(path), ":1:1: error: ", e.what()));
  }
}

absl::Status SetRuleOption(YamlRule& rule, std::string_view name, std::string_view value,
                           std::string_view where) {
  auto it = rule.options.find(std::string(name));
  if (it == rule.options.end()) {
    std::vector<std::string_view> names;
    for (const auto& [n, o] : rule.options) names.push_back(n);
    return UnknownOptionError(where, rule.info.id, name, names);
  }
  double number = 0;
  if (!ParseDecimal(value, &number) || !std::isfinite(number)) {
    return absl::InvalidArgumentError(absl::StrCat(std::string(where), ": error: option '",
                                                   std::string(name), "' of ", rule.info.id,
                                                   " must be a number"));
  }
  // Every option of a YAML rule is a count, a length or a share: a negative value
  // would silently turn the rule off or make it fire on everything.
  if (number < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(where), ": error: option '", std::string(name), "' of ",
                     rule.info.id, " must be zero or more, not ", std::string(value)));
  }
  it->second.value = number;
  return absl::OkStatus();
}

std::optional<Level> EffectiveLevel(const YamlRule& rule, const MessageContext& context) {
  const RuleCondition& when = rule.when;
  std::string use_case = context.use_case ? std::string(UseCaseName(*context.use_case)) : "";
  std::string route = context.route ? std::string(RouteName(*context.route)) : "";
  if (!when.use_cases.empty() && !Contains(when.use_cases, use_case)) return std::nullopt;
  if (!when.countries.empty() && !Contains(when.countries, context.country)) return std::nullopt;
  if (!when.routes.empty() && !Contains(when.routes, route)) return std::nullopt;
  if (!when.kinds.empty()) {
    bool ok = false;
    switch (context.kind) {
      case BodyKind::kTemplate:
        ok = Contains(when.kinds, "template");
        break;
      case BodyKind::kOptInConfirmation:
        ok = Contains(when.kinds, "confirmation");
        break;
      case BodyKind::kText:
        ok = Contains(when.kinds, "text") || Contains(when.kinds, "template");
        break;
    }
    if (!ok) return std::nullopt;
  }
  std::optional<Level> level = rule.info.level;
  ApplyLevelOverrides(rule.levels, context, level);
  return level;
}

void RunYamlRule(const YamlRule& rule, const MessageContext& context, std::string_view masked_body,
                 std::vector<Finding>& findings) {
  std::optional<Level> level = EffectiveLevel(rule, context);
  if (!level) return;
  switch (rule.type) {
    case YamlRuleType::kExistence:
      RunMatches(rule, context, *level, masked_body, findings);
      break;
    case YamlRuleType::kSubstitution:
      for (const Swap& swap : rule.swaps) {
        for (const MatchSpan& s : AllMatches(swap.regex.get(), masked_body)) {
          std::string match(masked_body.substr(s.begin, s.end - s.begin));
          Emit(rule, *level,
               FormatMessage(rule.message, {{"match", match}, {"replacement", swap.replacement}}),
               s.begin, s.end, absl::StrCat("use '", swap.replacement, "'"), findings);
        }
      }
      break;
    case YamlRuleType::kOccurrence:
      RunOccurrence(rule, *level, masked_body, findings);
      break;
    case YamlRuleType::kCapitalization:
      RunCapitalization(rule, context, *level, masked_body, findings);
      break;
    case YamlRuleType::kRepetition:
      RunRepetition(rule, *level, masked_body, findings);
      break;
    case YamlRuleType::kConditional: {
      re2::StringPiece input(masked_body.data(), masked_body.size());
      if (rule.unless != nullptr && RE2::PartialMatch(input, *rule.unless)) break;
      std::vector<Finding> matches;
      RunMatches(rule, context, *level, masked_body, matches);
      if (!matches.empty()) findings.push_back(std::move(matches.front()));
      break;
    }
  }
}

}  // namespace smslint
