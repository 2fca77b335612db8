#include "sim/profile.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "campaign/campaign.h"
#include "campaign/time_zones.h"
#include "sim/rules/rule_ids.h"
#include "util/embedded_data.h"
#include "util/status.h"
#include "util/strings.h"
#include "util/time_text.h"
#include "util/yaml_reader.h"
#include "yaml-cpp/yaml.h"

namespace smslint {
namespace {

constexpr std::string_view kProfileDir = "rules/profiles/";
constexpr std::string_view kQuietHoursFile = "rules/profiles/quiet_hours.yml";
constexpr std::string_view kCanadianLongCodeProfile = "ca_long_code";

// The shared reader (util/yaml_reader.h) with the profiles' shorthands.
class Decoder : public YamlReader {
 public:
  explicit Decoder(std::string_view path) : YamlReader(path) {}

  absl::Status CheckKeys(const YAML::Node& map, const std::vector<std::string_view>& known) const {
    return YamlReader::CheckKeys(map, known, "");
  }
  absl::StatusOr<std::string> String(const YAML::Node& node) const {
    return YamlReader::String(node, "");
  }
  absl::StatusOr<double> Number(const YAML::Node& node, double min, double max) const {
    return YamlReader::Number(node, "", min, max);
  }
  absl::StatusOr<std::string> RequiredString(const YAML::Node& map, const char* key) const {
    ASSIGN_OR_RETURN(YAML::Node node, Required(map, key));
    return String(node);
  }
  absl::StatusOr<double> RequiredNumber(const YAML::Node& map, const char* key, double min,
                                        double max) const {
    ASSIGN_OR_RETURN(YAML::Node node, Required(map, key));
    return Number(node, min, max);
  }
};

// "08:00-21:00" -> minutes (util/time_text.h); "closed" -> an empty window.
std::optional<LocalWindow> ParseLocalWindow(std::string_view text) {
  if (text == "closed") return LocalWindow{0, 0};
  std::optional<MinuteWindow> window = ParseMinuteWindow(text);
  if (!window) return std::nullopt;
  return LocalWindow{window->begin_minute, window->end_minute};
}

std::optional<Window> ParseWindow(std::string_view text) {
  if (text == "1s") return Window::kSecond;
  if (text == "1min") return Window::kMinute;
  if (text == "1h") return Window::kHour;
  if (text == "1d") return Window::kDay;
  return std::nullopt;
}

// "1h", "30min", "2d", "45s" -> seconds (util/time_text.h).
std::optional<double> ParseDurationSeconds(std::string_view text) {
  std::optional<absl::Duration> d = ParseDuration(text);
  if (!d || *d <= absl::ZeroDuration()) return std::nullopt;
  return absl::ToDoubleSeconds(*d);
}

enum class QuietRuleKind { kFederal, kState, kCountry };

absl::StatusOr<QuietHoursWindow> DecodeQuietRule(const Decoder& d, const YAML::Node& node,
                                                 QuietRuleKind kind) {
  std::vector<std::string_view> keys = {"window",  "days",           "holidays", "source",
                                        "per_24h", "per_24h_source", "note"};
  if (kind == QuietRuleKind::kState) keys.push_back("state");
  if (kind == QuietRuleKind::kCountry) {
    keys.push_back("country");
    keys.push_back("covers");
  }
  RETURN_IF_ERROR(d.CheckKeys(node, keys));
  QuietHoursWindow rule;
  if (kind == QuietRuleKind::kState) {
    ASSIGN_OR_RETURN(YAML::Node state_node, d.Required(node, "state"));
    ASSIGN_OR_RETURN(rule.state, d.String(state_node));
    if (StateCodes()[StateIndex(rule.state)] != rule.state || rule.state.empty()) {
      return d.Error(state_node, absl::StrCat("'", rule.state, "' is not a state code"));
    }
  }
  if (kind == QuietRuleKind::kCountry) {
    ASSIGN_OR_RETURN(rule.state, d.RequiredString(node, "country"));
    ASSIGN_OR_RETURN(YAML::Node covers, d.Required(node, "covers"));
    if (!covers.IsSequence()) return d.Error(covers, "expected a list of province codes");
    for (const YAML::Node& code : covers) {
      ASSIGN_OR_RETURN(std::string text, d.String(code));
      if (StateIndex(text) == 0) {
        return d.Error(code, absl::StrCat("'", text, "' is not a province code"));
      }
      rule.covers.push_back(text);
    }
  }
  ASSIGN_OR_RETURN(YAML::Node window_node, d.Required(node, "window"));
  ASSIGN_OR_RETURN(std::string window_text, d.String(window_node));
  std::optional<LocalWindow> window = ParseLocalWindow(window_text);
  if (!window) return d.Error(window_node, "expected a window like \"08:00-21:00\"");
  rule.days.fill(*window);
  rule.text = window_text;
  static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (YAML::Node days = node["days"]) {
    RETURN_IF_ERROR(d.CheckKeys(days, {kDays, kDays + 7}));
    for (int i = 0; i < 7; ++i) {
      YAML::Node day = days[std::string(kDays[i])];
      if (!day) continue;
      ASSIGN_OR_RETURN(std::string text, d.String(day));
      std::optional<LocalWindow> w = ParseLocalWindow(text);
      if (!w) return d.Error(day, "expected a window like \"12:00-21:00\" or \"closed\"");
      rule.days[i] = *w;
      absl::StrAppend(&rule.text, " (", AsAbsl(kDays[i]), " ", text, ")");
    }
  }
  if (YAML::Node holidays = node["holidays"]) {
    ASSIGN_OR_RETURN(std::string text, d.String(holidays));
    if (text != "closed") return d.Error(holidays, "expected \"closed\"");
    rule.closed_on_holidays = true;
    absl::StrAppend(&rule.text, " (federal holidays closed)");
  }
  ASSIGN_OR_RETURN(rule.source, d.RequiredString(node, "source"));
  if (YAML::Node cap = node["per_24h"]) {
    ASSIGN_OR_RETURN(double value, d.Number(cap, 1, 1000));
    rule.per_24h = static_cast<int>(value);
    ASSIGN_OR_RETURN(rule.per_24h_source, d.RequiredString(node, "per_24h_source"));
  } else if (node["per_24h_source"]) {
    return d.Error(node["per_24h_source"], "per_24h_source without per_24h");
  }
  if (YAML::Node note = node["note"]) {
    ASSIGN_OR_RETURN(rule.note, d.String(note));
  }
  return rule;
}

// value, tiers (by trust score), brand_types and use_cases of a brand-dependent figure.
absl::Status DecodeFigure(const Decoder& d, const YAML::Node& node, double min,
                          TieredFigure& figure) {
  ASSIGN_OR_RETURN(figure.value, d.RequiredNumber(node, "value", min, 1e12));
  if (YAML::Node tiers = node["tiers"]) {
    if (!tiers.IsSequence()) return d.Error(tiers, "expected a list of {trust_score, value}");
    for (const YAML::Node& tier_node : tiers) {
      RETURN_IF_ERROR(d.CheckKeys(tier_node, {"trust_score", "value"}));
      TrustTier tier;
      ASSIGN_OR_RETURN(YAML::Node range_node, d.Required(tier_node, "trust_score"));
      ASSIGN_OR_RETURN(std::string range, d.String(range_node));
      std::vector<absl::string_view> ends = absl::StrSplit(range, '-');
      if (ends.size() != 2 || !absl::SimpleAtoi(ends[0], &tier.min_score) ||
          !absl::SimpleAtoi(ends[1], &tier.max_score) || tier.min_score < 0 ||
          tier.max_score > 100 || tier.min_score > tier.max_score) {
        return d.Error(range_node, "trust_score must be a range like 75-100");
      }
      ASSIGN_OR_RETURN(tier.value, d.RequiredNumber(tier_node, "value", min, 1e12));
      figure.tiers.push_back(tier);
    }
  }
  if (YAML::Node types = node["brand_types"]) {
    if (!types.IsMap()) return d.Error(types, "expected a mapping brand type -> value");
    for (const auto& entry : types) {
      std::optional<BrandType> type = ParseBrandType(entry.first.Scalar());
      if (!type) {
        return d.Error(entry.first,
                       absl::StrCat("unknown brand type '", entry.first.Scalar(), "' (one of: ",
                                    absl::StrJoin(BrandTypeNames(), ", ",
                                                  [](std::string* out, std::string_view n) {
                                                    out->append(n);
                                                  }),
                                    ")"));
      }
      ASSIGN_OR_RETURN(double v, d.Number(entry.second, min, 1e12));
      figure.brand_types.emplace_back(*type, v);
    }
  }
  if (YAML::Node cases = node["use_cases"]) {
    if (!cases.IsMap()) return d.Error(cases, "expected a mapping use case -> value");
    for (const auto& entry : cases) {
      std::optional<UseCase> use_case = ParseUseCase(entry.first.Scalar());
      if (!use_case) {
        return d.Error(entry.first, absl::StrCat("unknown use case '", entry.first.Scalar(), "'"));
      }
      ASSIGN_OR_RETURN(double v, d.Number(entry.second, min, 1e12));
      figure.use_cases.emplace_back(*use_case, v);
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Scope> DecodeScope(const Decoder& d, const YAML::Node& node) {
  ASSIGN_OR_RETURN(YAML::Node scope_node, d.Required(node, "scope"));
  ASSIGN_OR_RETURN(std::string scope, d.String(scope_node));
  if (scope == "sender") return Scope::kSender;
  if (scope == "campaign") return Scope::kCampaign;
  return d.Error(scope_node, "scope must be sender or campaign");
}

absl::StatusOr<QueueModel> DecodeQueue(const Decoder& d, const YAML::Node& node) {
  RETURN_IF_ERROR(d.CheckKeys(node, {"validity_period", "late_after", "release", "source"}));
  QueueModel queue;
  for (auto [key, out] : {std::pair{"validity_period", &queue.validity_seconds},
                          std::pair{"late_after", &queue.late_after_seconds}}) {
    ASSIGN_OR_RETURN(YAML::Node value, d.Required(node, key));
    ASSIGN_OR_RETURN(std::string text, d.String(value));
    std::optional<double> seconds = ParseDurationSeconds(text);
    if (!seconds) return d.Error(value, absl::StrCat(key, " must be a duration like 10h or 1min"));
    *out = *seconds;
  }
  ASSIGN_OR_RETURN(YAML::Node release, d.Required(node, "release"));
  if (!release.IsSequence()) return d.Error(release, "expected a list of release rates");
  for (const YAML::Node& item : release) {
    RETURN_IF_ERROR(d.CheckKeys(item, {"id", "scope", "carrier", "value", "tiers", "brand_types",
                                       "use_cases", "unit", "source"}));
    ReleaseRate rate;
    ASSIGN_OR_RETURN(rate.id, d.RequiredString(item, "id"));
    ASSIGN_OR_RETURN(rate.scope, DecodeScope(d, item));
    if (YAML::Node carrier = item["carrier"]) {
      ASSIGN_OR_RETURN(rate.carrier, d.String(carrier));
    }
    RETURN_IF_ERROR(DecodeFigure(d, item, 0, rate));  // 0: no such limit
    ASSIGN_OR_RETURN(rate.unit, d.RequiredString(item, "unit"));
    ASSIGN_OR_RETURN(rate.source, d.RequiredString(item, "source"));
    queue.release.push_back(std::move(rate));
  }
  ASSIGN_OR_RETURN(queue.source, d.RequiredString(node, "source"));
  return queue;
}

absl::StatusOr<DailyCap> DecodeDailyCap(const Decoder& d, const YAML::Node& node) {
  RETURN_IF_ERROR(d.CheckKeys(node, {"id", "rule", "carrier", "reset_zone", "value", "tiers",
                                     "brand_types", "use_cases", "unit", "source"}));
  DailyCap cap;
  ASSIGN_OR_RETURN(cap.id, d.RequiredString(node, "id"));
  ASSIGN_OR_RETURN(YAML::Node rule_node, d.Required(node, "rule"));
  ASSIGN_OR_RETURN(cap.rule, d.String(rule_node));
  if (cap.rule != rule_ids::kCarrierCap) {
    return d.Error(rule_node, absl::StrCat("a cap feeds ", rule_ids::kCarrierCap));
  }
  ASSIGN_OR_RETURN(cap.carrier, d.RequiredString(node, "carrier"));
  ASSIGN_OR_RETURN(YAML::Node zone_node, d.Required(node, "reset_zone"));
  ASSIGN_OR_RETURN(cap.reset_zone, d.String(zone_node));
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(cap.reset_zone, &zone)) {
    return d.Error(zone_node, "reset_zone must be an IANA time zone name");
  }
  RETURN_IF_ERROR(DecodeFigure(d, node, 1, cap));
  ASSIGN_OR_RETURN(cap.unit, d.RequiredString(node, "unit"));
  ASSIGN_OR_RETURN(cap.source, d.RequiredString(node, "source"));
  return cap;
}

absl::StatusOr<SnowshoeModel> DecodeSnowshoeing(const Decoder& d, const YAML::Node& node) {
  RETURN_IF_ERROR(d.CheckKeys(node, {"level", "filter_weight", "number_rate", "source"}));
  SnowshoeModel model;
  ASSIGN_OR_RETURN(YAML::Node level_node, d.Required(node, "level"));
  ASSIGN_OR_RETURN(std::string level_text, d.String(level_node));
  std::optional<Level> level = ParseLevel(level_text);
  if (!level) return d.Error(level_node, "level must be error, warning or info");
  model.level = *level;
  if (YAML::Node weight = node["filter_weight"]) {
    ASSIGN_OR_RETURN(model.filter_weight, d.Number(weight, 0, 1e6));
  }
  if (YAML::Node rate = node["number_rate"]) {
    ASSIGN_OR_RETURN(model.number_rate, d.Number(rate, 0, 1e6));
  }
  ASSIGN_OR_RETURN(model.source, d.RequiredString(node, "source"));
  return model;
}

absl::StatusOr<std::vector<UseCase>> DecodeUseCases(const Decoder& d, const YAML::Node& list) {
  if (!list.IsSequence()) return d.Error(list, "expected a list of use cases");
  std::vector<UseCase> out;
  for (const YAML::Node& node : list) {
    ASSIGN_OR_RETURN(std::string name, d.String(node));
    std::optional<UseCase> use_case = ParseUseCase(name);
    if (!use_case) return d.Error(node, absl::StrCat("unknown use case '", name, "'"));
    out.push_back(*use_case);
  }
  return out;
}

absl::StatusOr<Limit> DecodeLimit(const Decoder& d, const YAML::Node& node) {
  RETURN_IF_ERROR(d.CheckKeys(
      node, {"id", "rule", "level", "counts", "scope", "window", "value", "tiers", "brand_types",
             "use_cases", "carrier", "unit", "source", "filter_weight"}));
  Limit limit;
  ASSIGN_OR_RETURN(limit.id, d.RequiredString(node, "id"));
  ASSIGN_OR_RETURN(YAML::Node rule_node, d.Required(node, "rule"));
  ASSIGN_OR_RETURN(limit.rule, d.String(rule_node));
  if (!rule_ids::IsLimitRule(limit.rule)) {
    const std::vector<std::string_view> known(std::begin(rule_ids::kLimitRules),
                                              std::end(rule_ids::kLimitRules));
    std::string guess = DidYouMean(limit.rule, known);
    return d.Error(rule_node,
                   absl::StrCat("'", limit.rule, "' is not a traffic rule a limit can feed",
                                guess.empty() ? "" : "; did you mean '" + guess + "'?"));
  }
  ASSIGN_OR_RETURN(YAML::Node level_node, d.Required(node, "level"));
  ASSIGN_OR_RETURN(std::string level_text, d.String(level_node));
  std::optional<Level> level = ParseLevel(level_text);
  if (!level) return d.Error(level_node, "level must be error, warning or info");
  limit.level = *level;
  ASSIGN_OR_RETURN(YAML::Node counts_node, d.Required(node, "counts"));
  ASSIGN_OR_RETURN(std::string counts, d.String(counts_node));
  if (counts == "sends") {
    limit.counter = Counter::kSends;
  } else if (counts == "recipients") {
    limit.counter = Counter::kRecipients;
  } else if (counts == "identical") {
    limit.counter = Counter::kIdentical;
  } else {
    return d.Error(counts_node, "counts must be sends, recipients or identical");
  }
  ASSIGN_OR_RETURN(limit.scope, DecodeScope(d, node));
  if (limit.scope == Scope::kCampaign && limit.counter == Counter::kIdentical) {
    return d.Error(node["scope"], "identical bodies are counted per sender");
  }
  ASSIGN_OR_RETURN(YAML::Node window_node, d.Required(node, "window"));
  ASSIGN_OR_RETURN(std::string window_text, d.String(window_node));
  std::optional<Window> window = ParseWindow(window_text);
  if (!window) return d.Error(window_node, "window must be 1s, 1min, 1h or 1d");
  limit.window = *window;
  RETURN_IF_ERROR(DecodeFigure(d, node, 1, limit));
  if (YAML::Node carrier = node["carrier"]) {
    ASSIGN_OR_RETURN(limit.carrier, d.String(carrier));
  }
  ASSIGN_OR_RETURN(limit.unit, d.RequiredString(node, "unit"));
  ASSIGN_OR_RETURN(limit.source, d.RequiredString(node, "source"));
  if (YAML::Node weight = node["filter_weight"]) {
    ASSIGN_OR_RETURN(limit.filter_weight, d.Number(weight, 0, 1e6));
  }
  return limit;
}

absl::StatusOr<FilterModel> DecodeFilter(const Decoder& d, const YAML::Node& node) {
  RETURN_IF_ERROR(d.CheckKeys(node, {"half_life", "block_threshold", "release_threshold",
                                     "copies_weight", "similarity", "content_weights", "source"}));
  FilterModel filter;
  ASSIGN_OR_RETURN(YAML::Node half_life, d.Required(node, "half_life"));
  ASSIGN_OR_RETURN(std::string half_life_text, d.String(half_life));
  std::optional<double> seconds = ParseDurationSeconds(half_life_text);
  if (!seconds) return d.Error(half_life, "half_life must be a duration like 1h or 30min");
  filter.half_life_seconds = *seconds;
  ASSIGN_OR_RETURN(filter.block_threshold, d.RequiredNumber(node, "block_threshold", 0, 1e12));
  ASSIGN_OR_RETURN(filter.release_threshold,
                   d.RequiredNumber(node, "release_threshold", 0, filter.block_threshold));
  ASSIGN_OR_RETURN(filter.copies_weight, d.RequiredNumber(node, "copies_weight", 0, 1e6));
  if (YAML::Node similarity = node["similarity"]) {
    ASSIGN_OR_RETURN(filter.similarity, d.Number(similarity, 0.05, 1));
  }
  if (YAML::Node weights = node["content_weights"]) {
    if (!weights.IsMap()) return d.Error(weights, "expected a mapping rule id -> weight");
    for (const auto& entry : weights) {
      // Content rule ids live in the rule pack and the C++ checks, above this module:
      // the full check is a test (tests/sim/profile_rule_ids_test.cc).
      if (!absl::StartsWith(entry.first.Scalar(), "content/")) {
        return d.Error(entry.first, "content_weights name content/* rules");
      }
      ASSIGN_OR_RETURN(double w, d.Number(entry.second, 0, 1e6));
      filter.content_weights.emplace_back(entry.first.Scalar(), w);
    }
  }
  ASSIGN_OR_RETURN(filter.source, d.RequiredString(node, "source"));
  return filter;
}

absl::StatusOr<Profile> DecodeProfile(const Decoder& d, const YAML::Node& root) {
  RETURN_IF_ERROR(
      d.CheckKeys(root, {"name", "summary", "alternative", "queue", "caps", "limits", "snowshoeing",
                         "opt_out", "balance", "carriers", "filter", "notes"}));
  Profile profile;
  ASSIGN_OR_RETURN(profile.name, d.RequiredString(root, "name"));
  ASSIGN_OR_RETURN(profile.summary, d.RequiredString(root, "summary"));
  if (YAML::Node alternative = root["alternative"]) {
    ASSIGN_OR_RETURN(double order, d.Number(alternative, 1, 100));
    profile.alternative = static_cast<int>(order);
  }
  YAML::Node queue = root["queue"];
  if (queue) {
    ASSIGN_OR_RETURN(profile.queue, DecodeQueue(d, queue));
  }
  if (YAML::Node caps = root["caps"]) {
    if (!caps.IsSequence()) return d.Error(caps, "expected a list of daily caps");
    for (const YAML::Node& node : caps) {
      ASSIGN_OR_RETURN(DailyCap cap, DecodeDailyCap(d, node));
      profile.caps.push_back(std::move(cap));
    }
  }
  if (YAML::Node snowshoeing = root["snowshoeing"]) {
    ASSIGN_OR_RETURN(profile.snowshoeing, DecodeSnowshoeing(d, snowshoeing));
  }
  if (YAML::Node opt_out = root["opt_out"]) {
    RETURN_IF_ERROR(d.CheckKeys(opt_out, {"flag_rate", "min_messages", "filter_weight", "source"}));
    OptOutModel model;
    ASSIGN_OR_RETURN(model.flag_rate, d.RequiredNumber(opt_out, "flag_rate", 0.0001, 1));
    ASSIGN_OR_RETURN(double min_messages, d.RequiredNumber(opt_out, "min_messages", 0, 1e9));
    model.min_messages = static_cast<int>(min_messages);
    if (YAML::Node weight = opt_out["filter_weight"]) {
      ASSIGN_OR_RETURN(model.filter_weight, d.Number(weight, 0, 1e6));
    }
    ASSIGN_OR_RETURN(model.source, d.RequiredString(opt_out, "source"));
    profile.opt_out = model;
  }
  ASSIGN_OR_RETURN(YAML::Node limits, d.Required(root, "limits"));
  if (!limits.IsSequence()) return d.Error(limits, "expected a list of limits");
  for (const YAML::Node& node : limits) {
    ASSIGN_OR_RETURN(Limit limit, DecodeLimit(d, node));
    for (const Limit& other : profile.limits) {
      if (other.id == limit.id)
        return d.Error(node, absl::StrCat("duplicate limit id '", limit.id, "'"));
    }
    profile.limits.push_back(std::move(limit));
  }
  if (YAML::Node balance = root["balance"]) {
    RETURN_IF_ERROR(d.CheckKeys(balance, {"tolerance", "min_messages", "source"}));
    BalanceModel model;
    ASSIGN_OR_RETURN(model.tolerance, d.RequiredNumber(balance, "tolerance", 1, 1e6));
    ASSIGN_OR_RETURN(double min_messages, d.RequiredNumber(balance, "min_messages", 0, 1e9));
    model.min_messages = static_cast<int>(min_messages);
    ASSIGN_OR_RETURN(model.source, d.RequiredString(balance, "source"));
    profile.balance = model;
  }
  if (YAML::Node carriers = root["carriers"]) {
    if (!carriers.IsSequence()) return d.Error(carriers, "expected a list of carriers");
    double total = 0;
    for (const YAML::Node& node : carriers) {
      RETURN_IF_ERROR(d.CheckKeys(node, {"name", "share", "source"}));
      CarrierShare share;
      ASSIGN_OR_RETURN(share.name, d.RequiredString(node, "name"));
      ASSIGN_OR_RETURN(share.share, d.RequiredNumber(node, "share", 0, 1));
      ASSIGN_OR_RETURN(share.source, d.RequiredString(node, "source"));
      total += share.share;
      profile.carriers.push_back(std::move(share));
    }
    if (total > 1.0001) return d.Error(carriers, "carrier shares add up to more than 1");
  }
  auto known_carrier = [&](const std::string& name) {
    return name.empty() || std::any_of(profile.carriers.begin(), profile.carriers.end(),
                                       [&](const CarrierShare& c) { return c.name == name; });
  };
  for (const Limit& limit : profile.limits) {
    if (!known_carrier(limit.carrier)) {
      return d.Error(limits, absl::StrCat("limit '", limit.id, "' names carrier '", limit.carrier,
                                          "', which is not under carriers:"));
    }
  }
  for (const ReleaseRate& rate : profile.queue.release) {
    if (!known_carrier(rate.carrier)) {
      return d.Error(queue, absl::StrCat("release rate '", rate.id, "' names carrier '",
                                         rate.carrier, "', which is not under carriers:"));
    }
  }
  for (const DailyCap& cap : profile.caps) {
    if (!known_carrier(cap.carrier)) {
      return d.Error(root["caps"], absl::StrCat("cap '", cap.id, "' names carrier '", cap.carrier,
                                                "', which is not under carriers:"));
    }
  }
  ASSIGN_OR_RETURN(YAML::Node filter, d.Required(root, "filter"));
  ASSIGN_OR_RETURN(profile.filter, DecodeFilter(d, filter));
  if (YAML::Node notes = root["notes"]) {
    if (!notes.IsSequence()) return d.Error(notes, "expected a list of {text, source}");
    for (const YAML::Node& node : notes) {
      RETURN_IF_ERROR(d.CheckKeys(node, {"text", "source"}));
      ProfileNote note;
      ASSIGN_OR_RETURN(note.text, d.RequiredString(node, "text"));
      ASSIGN_OR_RETURN(note.source, d.RequiredString(node, "source"));
      profile.notes.push_back(std::move(note));
    }
  }
  return profile;
}

absl::StatusOr<YAML::Node> ParseYaml(std::string_view path, std::string_view text) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) {
      return absl::InvalidArgumentError(
          absl::StrCat(AsAbsl(path), ":1:1: error: expected a mapping"));
    }
    return root;
  } catch (const YAML::Exception& e) {
    return YamlError(path, e);
  }
}

}  // namespace

std::string_view WindowName(Window window) {
  static constexpr std::string_view kNames[] = {"1s", "1min", "1h", "1d"};
  return kNames[static_cast<int>(window)];
}

double TieredFigure::ValueFor(int trust_score, bool trust_score_known) const {
  if (trust_score_known) {
    for (const TrustTier& tier : tiers) {
      if (trust_score >= tier.min_score && trust_score <= tier.max_score) return tier.value;
    }
  }
  return value;
}

double TieredFigure::For(const Campaign& campaign) const {
  const CampaignInfo& info = campaign.campaign;
  if (info.use_case.present) {
    for (const auto& [use_case, v] : use_cases) {
      if (use_case == info.use_case.value) return v;
    }
  }
  if (info.brand_type.present) {
    for (const auto& [type, v] : brand_types) {
      if (type == info.brand_type.value) return v;
    }
  }
  return ValueFor(info.trust_score.value, info.trust_score.present && info.trust_score.value > 0);
}

std::string TieredFigure::Basis(const Campaign& campaign) const {
  const CampaignInfo& info = campaign.campaign;
  if (info.use_case.present) {
    for (const auto& entry : use_cases) {
      if (entry.first == info.use_case.value) {
        return absl::StrCat("use case ", AsAbsl(UseCaseName(info.use_case.value)));
      }
    }
  }
  if (info.brand_type.present) {
    for (const auto& entry : brand_types) {
      if (entry.first == info.brand_type.value) {
        return absl::StrCat("brand type ", AsAbsl(BrandTypeName(info.brand_type.value)));
      }
    }
  }
  if (tiers.empty()) return "";
  if (!info.trust_score.present || info.trust_score.value == 0) {
    return "no campaign.trust_score: the lowest tier";
  }
  return absl::StrCat("trust score ", info.trust_score.value);
}

double FilterModel::ContentWeight(std::string_view rule) const {
  for (const auto& [id, weight] : content_weights) {
    if (id == rule) return weight;
  }
  return 0;
}

bool QuietHours::Exempts(UseCase use_case) const {
  return std::find(exempt_use_cases.begin(), exempt_use_cases.end(), use_case) !=
         exempt_use_cases.end();
}

std::optional<Level> QuietHours::LevelFor(const std::optional<UseCase>& use_case) const {
  if (!use_case) return Level::kError;
  if (Exempts(*use_case)) return std::nullopt;
  const bool solicitation = std::find(solicitation_use_cases.begin(), solicitation_use_cases.end(),
                                      *use_case) != solicitation_use_cases.end();
  return solicitation ? Level::kError : Level::kWarning;
}

const QuietHoursWindow& QuietHours::For(std::string_view state) const {
  if (!state.empty()) {
    for (const QuietHoursWindow& rule : states) {
      if (rule.state == state) return rule;
    }
    for (const QuietHoursWindow& rule : countries) {
      if (std::find(rule.covers.begin(), rule.covers.end(), state) != rule.covers.end()) {
        return rule;
      }
    }
  }
  return federal;
}

double Profile::CarrierShareOf(std::string_view carrier) const {
  for (const CarrierShare& c : carriers) {
    if (c.name == carrier) return c.share;
  }
  return 1.0;
}

absl::StatusOr<Profile> ParseProfile(std::string_view path, std::string_view text) {
  Decoder d(path);
  ASSIGN_OR_RETURN(YAML::Node root, ParseYaml(path, text));
  try {
    ASSIGN_OR_RETURN(Profile profile, DecodeProfile(d, root));
    profile.path = std::string(path);
    return profile;
  } catch (const YAML::Exception& e) {
    return YamlError(path, e);
  }
}

absl::StatusOr<QuietHours> ParseQuietHours(std::string_view path, std::string_view text) {
  Decoder d(path);
  ASSIGN_OR_RETURN(YAML::Node root, ParseYaml(path, text));
  try {
    RETURN_IF_ERROR(d.CheckKeys(root, {"federal", "states", "countries", "solicitation", "exempt",
                                       "other_use_cases", "recommended"}));
    QuietHours hours;
    ASSIGN_OR_RETURN(YAML::Node federal, d.Required(root, "federal"));
    ASSIGN_OR_RETURN(hours.federal, DecodeQuietRule(d, federal, QuietRuleKind::kFederal));
    ASSIGN_OR_RETURN(YAML::Node solicitation, d.Required(root, "solicitation"));
    RETURN_IF_ERROR(d.CheckKeys(solicitation, {"use_cases", "source"}));
    ASSIGN_OR_RETURN(YAML::Node solicitation_list, d.Required(solicitation, "use_cases"));
    ASSIGN_OR_RETURN(hours.solicitation_use_cases, DecodeUseCases(d, solicitation_list));
    ASSIGN_OR_RETURN(hours.solicitation_source, d.RequiredString(solicitation, "source"));
    if (YAML::Node exempt = root["exempt"]) {
      RETURN_IF_ERROR(d.CheckKeys(exempt, {"use_cases", "source"}));
      ASSIGN_OR_RETURN(YAML::Node use_cases, d.Required(exempt, "use_cases"));
      ASSIGN_OR_RETURN(hours.exempt_use_cases, DecodeUseCases(d, use_cases));
      ASSIGN_OR_RETURN(hours.exempt_source, d.RequiredString(exempt, "source"));
      for (UseCase u : hours.exempt_use_cases) {
        if (std::find(hours.solicitation_use_cases.begin(), hours.solicitation_use_cases.end(),
                      u) != hours.solicitation_use_cases.end()) {
          return d.Error(use_cases, absl::StrCat("'", AsAbsl(UseCaseName(u)),
                                                 "' is both a solicitation and exempt"));
        }
      }
    }
    ASSIGN_OR_RETURN(YAML::Node other, d.Required(root, "other_use_cases"));
    RETURN_IF_ERROR(d.CheckKeys(other, {"level", "source"}));
    ASSIGN_OR_RETURN(YAML::Node other_level, d.Required(other, "level"));
    ASSIGN_OR_RETURN(std::string other_level_text, d.String(other_level));
    if (other_level_text != "warning") return d.Error(other_level, "expected \"warning\"");
    ASSIGN_OR_RETURN(hours.other_source, d.RequiredString(other, "source"));
    ASSIGN_OR_RETURN(YAML::Node recommended, d.Required(root, "recommended"));
    RETURN_IF_ERROR(d.CheckKeys(recommended, {"window", "source"}));
    ASSIGN_OR_RETURN(YAML::Node window, d.Required(recommended, "window"));
    ASSIGN_OR_RETURN(hours.recommended_window, d.String(window));
    std::optional<LocalWindow> parsed = ParseLocalWindow(hours.recommended_window);
    if (!parsed || parsed->begin == parsed->end) {
      return d.Error(window, "expected a window like \"09:00-20:00\"");
    }
    hours.recommended = *parsed;
    ASSIGN_OR_RETURN(hours.recommended_source, d.RequiredString(recommended, "source"));
    if (YAML::Node states = root["states"]) {
      if (!states.IsSequence()) return d.Error(states, "expected a list of state windows");
      for (const YAML::Node& node : states) {
        ASSIGN_OR_RETURN(QuietHoursWindow rule, DecodeQuietRule(d, node, QuietRuleKind::kState));
        hours.states.push_back(std::move(rule));
      }
    }
    if (YAML::Node countries = root["countries"]) {
      if (!countries.IsSequence()) return d.Error(countries, "expected a list of countries");
      for (const YAML::Node& node : countries) {
        ASSIGN_OR_RETURN(QuietHoursWindow rule, DecodeQuietRule(d, node, QuietRuleKind::kCountry));
        hours.countries.push_back(std::move(rule));
      }
    }
    return hours;
  } catch (const YAML::Exception& e) {
    return YamlError(path, e);
  }
}

std::vector<std::string> ProfileNames() {
  std::vector<std::string> names;
  for (const EmbeddedFile& file : EmbeddedFilesUnder(kProfileDir)) {
    if (file.path == kQuietHoursFile || !absl::EndsWith(AsAbsl(file.path), ".yml")) continue;
    std::string_view name = file.path.substr(kProfileDir.size());
    name.remove_suffix(4);
    names.emplace_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

absl::StatusOr<Profile> LoadProfile(std::string_view name) {
  std::string path = absl::StrCat(AsAbsl(kProfileDir), AsAbsl(name), ".yml");
  std::optional<std::string_view> text = FindEmbeddedFile(path);
  if (!text || path == kQuietHoursFile) {
    std::vector<std::string> names = ProfileNames();
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string guess = DidYouMean(name, views);
    return absl::NotFoundError(
        absl::StrCat("unknown profile '", AsAbsl(name), "'",
                     guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?"),
                     " (smslint profiles lists them)"));
  }
  ASSIGN_OR_RETURN(Profile profile, ParseProfile(path, *text));
  ASSIGN_OR_RETURN(profile.quiet_hours, LoadQuietHours());
  return profile;
}

absl::StatusOr<QuietHours> LoadQuietHours() {
  // Parsed once per process: the file is compiled in, and every profile and the
  // catalog's quiet-hours and frequency-cap rules read it (a YAML parse each, most of
  // building the rule catalog).
  static const auto* parsed = new absl::StatusOr<QuietHours>([] {
    std::optional<std::string_view> quiet = FindEmbeddedFile(kQuietHoursFile);
    if (!quiet) {
      return absl::StatusOr<QuietHours>(
          absl::InternalError(absl::StrCat(AsAbsl(kQuietHoursFile), " is not embedded")));
    }
    return ParseQuietHours(kQuietHoursFile, *quiet);
  }());
  return *parsed;
}

std::vector<std::string> AlternativeRoutes() {
  std::vector<std::pair<int, std::string>> ranked;
  for (const std::string& name : ProfileNames()) {
    std::string path = absl::StrCat(AsAbsl(kProfileDir), name, ".yml");
    std::optional<std::string_view> text = FindEmbeddedFile(path);
    if (!text) continue;
    absl::StatusOr<Profile> profile = ParseProfile(path, *text);
    if (profile.ok() && profile->alternative > 0) ranked.emplace_back(profile->alternative, name);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> names;
  for (auto& [order, name] : ranked) names.push_back(std::move(name));
  return names;
}

absl::StatusOr<std::string> ResolveProfileName(const Campaign& campaign,
                                               const std::string& override_name) {
  if (!override_name.empty()) {
    std::vector<std::string> names = ProfileNames();
    if (std::find(names.begin(), names.end(), override_name) != names.end()) return override_name;
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string guess = DidYouMean(override_name, views);
    return absl::InvalidArgumentError(
        absl::StrCat("--profile: unknown profile '", override_name, "'",
                     guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?"),
                     " (available: ", absl::StrJoin(names, ", "), ")"));
  }
  // Each route's profile has the route's name; Canada has no 10DLC registry, so
  // Canadian long codes of either kind share one profile.
  const Route route = campaign.campaign.route.present ? campaign.campaign.route.value : Route::kP2P;
  if ((route == Route::kP2P || route == Route::k10DLC) && campaign.campaign.country.value == "CA") {
    return std::string(kCanadianLongCodeProfile);
  }
  return std::string(RouteName(route));
}

}  // namespace smslint
