#include "campaign/loader.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "campaign/schema_rules.h"
#include "campaign/sender_numbers.h"
#include "campaign/time_zones.h"
#include "phonenumbers/phonenumberutil.h"
#include "util/files.h"
#include "util/strings.h"
#include "util/threads.h"
#include "util/yaml_reader.h"
#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/yaml.h"

namespace smslint {
namespace {

std::string JoinNames(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

Position PositionOf(const YAML::Node& node) {
  const YamlMark mark = MarkOf(node);
  return {mark.line, mark.column};
}

// Walks one campaign document. Each Read* reads a node of the expected shape and
// reports what is wrong with it; the walk never descends into a node it does not
// know, and CheckYamlBudget has already bounded what aliases can make it copy.
// Documents after the first need a `---` (or a `...` ending the one before) at
// the start of a line. Without one the file holds one document, which YAML::Load
// reads in one pass; the check above (a second pass) runs only when needed.
// The largest campaign file whose node tree is built alongside the budget pass.
constexpr size_t kOverlapMaxBytes = 1u << 20;

bool MayHoldSeveralDocuments(std::string_view source) {
  for (size_t at = 0; at < source.size(); at = source.find('\n', at) + 1) {
    std::string_view line = source.substr(at, 3);
    if ((line == "---" && at > 0) || line == "...") return true;
    if (source.find('\n', at) == std::string_view::npos) break;
  }
  return false;
}

class CampaignReader {
 public:
  CampaignReader(const std::string& path, Campaign& campaign, std::vector<Diagnostic>& diagnostics)
      : path_(path), campaign_(campaign), diagnostics_(diagnostics) {}

  void ReadDocument(const YAML::Node& root) {
    if (!root.IsMap()) {
      Report(kInvalidValue, Level::kError, PositionOf(root),
             "a campaign file is a mapping with version, campaign, senders, templates, "
             "recipients and schedule");
      return;
    }
    CheckKeys(root,
              {"version", "campaign", "senders", "templates", "recipients", "suppression",
               "schedule", "traffic"},
              "the top level");
    Position top{1, 1};
    ReadVersion(root, top);
    ReadCampaignInfo(Required(root, "campaign", top, "the top level"));
    ReadSenders(Required(root, "senders", top, "the top level"));
    ReadTemplates(Required(root, "templates", top, "the top level"));
    ReadRecipients(Required(root, "recipients", top, "the top level"));
    ReadSuppression(root["suppression"]);
    ReadSchedule(Required(root, "schedule", top, "the top level"));
    ReadTraffic(root["traffic"]);
  }

 private:
  void Report(const char* rule, Level level, Position pos, std::string message,
              std::string suggestion = "") {
    Diagnostic d;
    d.rule = rule;
    d.level = level;
    d.message = std::move(message);
    d.span = Span{path_, pos.line, pos.column, pos.line, pos.column + TokenColumns(pos)};
    d.suggestion = std::move(suggestion);
    diagnostics_.push_back(std::move(d));
  }

  int TokenColumns(Position pos) const {
    if (!pos.known()) return 0;
    return TokenWidth(campaign_.lines.Line(campaign_.source, pos.line), pos.column);
  }

  // Reports keys that are unknown (with a suggestion) or repeated.
  void CheckKeys(const YAML::Node& map, const std::vector<std::string_view>& known,
                 const std::string& where) {
    std::set<std::string> seen;
    for (const auto& entry : map) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar()) {
        Report(kInvalidValue, Level::kError, PositionOf(key),
               absl::StrCat("keys in ", where, " must be plain names"));
        continue;
      }
      const std::string& name = key.Scalar();
      if (!seen.insert(name).second) {
        Report(kInvalidValue, Level::kError, PositionOf(key),
               absl::StrCat("duplicate key '", name, "' in ", where, ": only the first is used"));
        continue;
      }
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      if (name == "<<") {
        // yaml-cpp applies a merge key's values on lookup: a warning for an unknown
        // key would be wrong, since its keys are read. Not supported: an error.
        Report(
            kInvalidValue, Level::kError, PositionOf(key),
            absl::StrCat("merge keys ('<<') are not supported in ", where, ": write each key out"));
        continue;
      }
      std::string guess;
      std::string message = UnknownKeyMessage(name, known, where, &guess);
      Report(kUnknownKey, Level::kWarning, PositionOf(key), std::move(message),
             guess.empty() ? absl::StrCat("known keys: ", JoinNames(known)) : guess);
    }
  }

  // The node under `key`, or an undefined node after a missing-field finding.
  YAML::Node Required(const YAML::Node& map, const char* key, Position parent,
                      const std::string& where) {
    YAML::Node node = map[key];
    if (!node.IsDefined() || node.IsNull()) {
      Position pos = node.IsDefined() ? PositionOf(node) : parent;
      Report(kMissingField, Level::kError, pos.known() ? pos : parent,
             absl::StrCat("missing required field '", key, "' in ", where));
      return YAML::Node(YAML::NodeType::Undefined);
    }
    return node;
  }

  bool ExpectScalar(const YAML::Node& node, const std::string& what) {
    if (node.IsScalar()) return true;
    Report(kInvalidValue, Level::kError, PositionOf(node),
           absl::StrCat(what, " must be a single value, not a ",
                        node.IsMap()        ? "mapping"
                        : node.IsSequence() ? "list"
                                            : "null"));
    return false;
  }

  bool ExpectMap(const YAML::Node& node, const std::string& what) {
    if (node.IsMap()) return true;
    Report(kInvalidValue, Level::kError, PositionOf(node),
           absl::StrCat(what, " must be a mapping of keys to values"));
    return false;
  }

  // Plain strings: any scalar, as written.
  Located<std::string> ReadString(const YAML::Node& node, const std::string& what) {
    Located<std::string> out;
    if (!node.IsDefined() || node.IsNull()) return out;
    out.pos = PositionOf(node);
    if (!ExpectScalar(node, what)) return out;
    out.value = node.Scalar();
    out.present = true;
    return out;
  }

  // A file path: a value of only spaces names no file, and is an error rather than
  // the file left out (which would read no recipients, or suppress no one, silently).
  Located<std::string> ReadPath(const YAML::Node& node, const std::string& what) {
    Located<std::string> out = ReadString(node, what);
    if (out.present && absl::StripAsciiWhitespace(out.value).empty()) {
      Report(kInvalidValue, Level::kError, out.pos,
             what + " is empty: give the file's path, relative to the campaign file");
    }
    return out;
  }

  Located<TextValue> ReadText(const YAML::Node& node, const std::string& what) {
    Located<TextValue> out;
    if (!node.IsDefined() || node.IsNull()) return out;
    out.pos = PositionOf(node);
    if (!ExpectScalar(node, what)) return out;
    out.value.text = node.Scalar();
    size_t offset = node.Mark().pos;
    char first = offset < campaign_.source.size() ? campaign_.source[offset] : ' ';
    using Style = TextValue::Style;
    out.value.style = first == '"'    ? Style::kDoubleQuoted
                      : first == '\'' ? Style::kSingleQuoted
                      : first == '|'  ? Style::kLiteral
                      : first == '>'  ? Style::kFolded
                                      : Style::kPlain;
    out.present = true;
    return out;
  }

  void ReadVersion(const YAML::Node& root, Position top) {
    YAML::Node node = Required(root, "version", top, "the top level");
    if (!node.IsDefined()) return;
    campaign_.version.pos = PositionOf(node);
    int version = 0;
    if (!ExpectScalar(node, "version")) return;
    if (!absl::SimpleAtoi(node.Scalar(), &version) || version != 1) {
      Report(kInvalidValue, Level::kError, PositionOf(node),
             absl::StrCat("unsupported version '", node.Scalar(),
                          "': this smslint reads campaign format version 1"),
             "version: 1");
      return;
    }
    campaign_.version.value = version;
    campaign_.version.present = true;
  }

  void ReadCampaignInfo(const YAML::Node& node) {
    if (!node.IsDefined() || !ExpectMap(node, "campaign")) return;
    CampaignInfo& info = campaign_.campaign;
    info.pos = PositionOf(node);
    CheckKeys(node,
              {"name", "brand", "brand_aliases", "use_case", "country", "route", "trust_score",
               "brand_type", "domain", "opt_in"},
              "campaign");
    info.name = ReadString(Required(node, "name", info.pos, "campaign"), "campaign.name");
    info.brand = ReadString(Required(node, "brand", info.pos, "campaign"), "campaign.brand");
    if (info.brand.present && absl::StripAsciiWhitespace(info.brand.value).empty()) {
      Report(kInvalidValue, Level::kError, info.brand.pos, "campaign.brand is empty");
      info.brand.present = false;
    }
    // brand_aliases: a list of names (or one name) that also count as the brand.
    if (const YAML::Node aliases = node["brand_aliases"]; aliases.IsDefined()) {
      if (aliases.IsSequence()) {
        for (const YAML::Node& alias : aliases) {
          Located<std::string> a = ReadString(alias, "campaign.brand_aliases");
          if (a.present && !absl::StripAsciiWhitespace(a.value).empty())
            info.brand_aliases.push_back(std::move(a));
        }
      } else {
        Located<std::string> a = ReadString(aliases, "campaign.brand_aliases");
        if (a.present) info.brand_aliases.push_back(std::move(a));
      }
    }

    Located<std::string> use_case =
        ReadString(Required(node, "use_case", info.pos, "campaign"), "campaign.use_case");
    info.use_case.pos = use_case.pos;
    if (use_case.present) {
      std::optional<UseCase> parsed = ParseUseCase(use_case.value);
      if (parsed) {
        info.use_case.value = *parsed;
        info.use_case.present = true;
      } else {
        ReportEnum(use_case, "use case", UseCaseNames());
      }
    }

    Located<std::string> country = ReadString(node["country"], "campaign.country");
    info.country.pos = country.pos;
    info.country.value = "US";
    if (country.present) {
      std::string code = absl::AsciiStrToUpper(country.value);
      std::set<std::string> regions;
      i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
      if (regions.count(code) != 0) {
        info.country.value = code;
        info.country.present = true;
      } else {
        Report(kInvalidValue, Level::kError, country.pos,
               absl::StrCat("unknown country '", country.value,
                            "': use an ISO 3166-1 alpha-2 code such as US or CA"));
      }
    }

    Located<std::string> route =
        ReadString(Required(node, "route", info.pos, "campaign"), "campaign.route");
    info.route.pos = route.pos;
    if (route.present) {
      std::optional<Route> parsed = ParseRoute(route.value);
      if (parsed) {
        info.route.value = *parsed;
        info.route.present = true;
      } else {
        ReportEnum(route, "route", RouteNames());
      }
    }

    YAML::Node trust = node["trust_score"];
    if (trust.IsDefined() && !trust.IsNull()) {
      info.trust_score.pos = PositionOf(trust);
      int score = 0;
      if (ExpectScalar(trust, "campaign.trust_score")) {
        if (absl::SimpleAtoi(trust.Scalar(), &score) && score >= 0 && score <= 100) {
          info.trust_score.value = score;
          info.trust_score.present = true;
        } else {
          Report(kInvalidValue, Level::kError, info.trust_score.pos,
                 absl::StrCat("trust_score '", trust.Scalar(),
                              "' is not a whole number from 0 to 100"));
        }
      }
    }

    Located<std::string> brand_type = ReadString(node["brand_type"], "campaign.brand_type");
    info.brand_type.pos = brand_type.pos;
    if (brand_type.present) {
      std::optional<BrandType> parsed = ParseBrandType(brand_type.value);
      if (parsed) {
        info.brand_type.value = *parsed;
        info.brand_type.present = true;
      } else {
        ReportEnum(brand_type, "brand type", BrandTypeNames());
      }
    }

    info.domain = ReadString(node["domain"], "campaign.domain");
    if (info.domain.present) {
      std::string domain = absl::AsciiStrToLower(info.domain.value);
      bool ok = domain.find('.') != std::string::npos && domain.find('/') == std::string::npos &&
                domain.find(':') == std::string::npos &&
                std::all_of(domain.begin(), domain.end(), [](char c) {
                  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
                });
      if (!ok) {
        Report(kInvalidValue, Level::kError, info.domain.pos,
               absl::StrCat("campaign.domain '", info.domain.value,
                            "' is not a bare domain such as acme.com (no scheme or path)"));
        info.domain.present = false;
      } else {
        info.domain.value = domain;
      }
    }

    YAML::Node opt_in = node["opt_in"];
    if (opt_in.IsDefined() && !opt_in.IsNull() && ExpectMap(opt_in, "campaign.opt_in")) {
      info.opt_in.pos = PositionOf(opt_in);
      CheckKeys(opt_in, {"method", "confirmation"}, "campaign.opt_in");
      info.opt_in.method = ReadString(opt_in["method"], "opt_in.method");
      info.opt_in.confirmation = ReadText(opt_in["confirmation"], "opt_in.confirmation");
    }
  }

  void ReportEnum(const Located<std::string>& value, const char* what,
                  const std::vector<std::string_view>& allowed) {
    std::string guess = DidYouMean(value.value, allowed);
    Report(kInvalidValue, Level::kError, value.pos,
           absl::StrCat("unknown ", what, " '", value.value, "'",
                        guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?"),
                        " (one of: ", JoinNames(allowed), ")"),
           guess);
  }

  void ReadSenders(const YAML::Node& node) {
    if (!node.IsDefined()) return;
    campaign_.senders_pos = PositionOf(node);
    if (!node.IsSequence()) {
      Report(kInvalidValue, Level::kError, campaign_.senders_pos,
             "senders must be a list of E.164 numbers or short codes, e.g. - \"+14155550100\"");
      return;
    }
    if (node.size() == 0) {
      Report(kMissingField, Level::kError, campaign_.senders_pos,
             "senders is empty: name the number(s) the campaign sends from");
    }
    std::set<std::string> seen;
    for (const YAML::Node& item : node) {
      Sender sender;
      sender.number.pos = PositionOf(item);
      if (!ExpectScalar(item, "a sender")) continue;
      std::string number = item.Scalar();
      if (!IsE164Syntax(number) && !IsShortCodeSyntax(number)) {
        std::string digits;
        for (char c : number) {
          if (absl::ascii_isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
        }
        std::string hint;
        if (digits.size() == 10) hint = absl::StrCat("+1", digits);
        if (digits.size() == 11 && digits[0] == '1') hint = absl::StrCat("+", digits);
        if (!hint.empty() && number.find('+') != std::string::npos) hint = "+" + digits;
        Report(kInvalidValue, Level::kError, sender.number.pos,
               absl::StrCat("sender '", number,
                            "' is not an E.164 number (+, country code, number; no spaces) "
                            "or a short code (5 or 6 digits)",
                            hint.empty() ? "" : absl::StrCat("; did you mean \"", hint, "\"?")),
               hint);
        continue;
      }
      if (!seen.insert(number).second) {
        Report(kInvalidValue, Level::kError, sender.number.pos,
               absl::StrCat("sender ", number, " is listed twice"));
        continue;
      }
      sender.number.value = number;
      sender.number.present = true;
      campaign_.senders.push_back(std::move(sender));
    }
  }

  void ReadTemplates(const YAML::Node& node) {
    if (!node.IsDefined()) return;
    campaign_.templates_pos = PositionOf(node);
    if (!node.IsSequence()) {
      Report(kInvalidValue, Level::kError, campaign_.templates_pos,
             "templates must be a list of {id, body} mappings");
      return;
    }
    if (node.size() == 0) {
      Report(kMissingField, Level::kError, campaign_.templates_pos,
             "templates is empty: a campaign needs at least one message body");
    }
    std::set<std::string> ids;
    int index = 0;
    for (const YAML::Node& item : node) {
      ++index;
      std::string where = absl::StrCat("template ", index);
      if (!ExpectMap(item, where)) continue;
      Template t;
      t.pos = PositionOf(item);
      t.id = ReadString(Required(item, "id", t.pos, where), "template id");
      if (t.id.present) where = absl::StrCat("template '", t.id.value, "'");
      CheckKeys(item, {"id", "body", "weight", "expires"}, where);
      if (t.id.present) {
        if (!ids.insert(t.id.value).second) {
          Report(kInvalidValue, Level::kError, t.id.pos,
                 absl::StrCat("template id '", t.id.value, "' is used twice"));
        }
      }
      t.body = ReadText(Required(item, "body", t.pos, where), absl::StrCat(where, " body"));
      if (t.body.present && absl::StripAsciiWhitespace(t.body.value.text).empty()) {
        Report(kInvalidValue, Level::kError, t.body.pos, absl::StrCat(where, " has an empty body"));
        t.body.present = false;
      }
      t.weight.value = 1;
      YAML::Node weight = item["weight"];
      if (weight.IsDefined() && !weight.IsNull()) {
        t.weight.pos = PositionOf(weight);
        double w = 0;
        if (ExpectScalar(weight, "weight")) {
          if (ParseDecimal(weight.Scalar(), &w) && std::isfinite(w) && w >= 0) {
            t.weight.value = w;
            t.weight.present = true;
          } else {
            Report(kInvalidValue, Level::kError, t.weight.pos,
                   absl::StrCat("weight '", weight.Scalar(),
                                "' is not a non-negative number (share of recipients)"));
          }
        }
      }
      Located<std::string> expires = ReadString(item["expires"], "expires");
      t.expires.pos = expires.pos;
      if (expires.present) {
        std::optional<absl::Duration> d = ParseDuration(expires.value);
        if (d && *d > absl::ZeroDuration()) {
          t.expires.value = *d;
          t.expires.present = true;
        } else {
          Report(kInvalidValue, Level::kError, expires.pos,
                 absl::StrCat("expires '", expires.value,
                              "' is not a duration such as 30m, 6h or 2d"));
        }
      }
      campaign_.templates.push_back(std::move(t));
    }
    double total = 0;
    for (const Template& t : campaign_.templates) total += t.weight.value;
    if (!campaign_.templates.empty() && total <= 0) {
      Report(kInvalidValue, Level::kError, campaign_.templates_pos,
             "every template has weight 0: no recipient would get a message");
    }
  }

  void ReadRecipients(const YAML::Node& node) {
    if (!node.IsDefined() || !ExpectMap(node, "recipients")) return;
    Recipients& r = campaign_.recipients;
    r.pos = PositionOf(node);
    CheckKeys(node, {"file", "list"}, "recipients");
    r.file = ReadPath(node["file"], "recipients.file");
    YAML::Node list = node["list"];
    bool has_list = list.IsDefined() && !list.IsNull();
    if (r.file.present && has_list) {
      Report(kInvalidValue, Level::kError, PositionOf(list),
             "recipients has both file and list: keep one");
    }
    if (!r.file.present && !has_list) {
      Report(kMissingField, Level::kError, r.pos,
             "recipients needs a file (CSV with a phone column) or a list of numbers");
    }
    if (has_list) {
      r.list_pos = PositionOf(list);
      if (!list.IsSequence()) {
        Report(kInvalidValue, Level::kError, PositionOf(list),
               "recipients.list must be a list of phone numbers");
        return;
      }
      for (const YAML::Node& item : list) {
        Located<std::string> number;
        number.pos = PositionOf(item);
        if (!ExpectScalar(item, "a recipient")) continue;
        number.value = item.Scalar();
        number.present = true;
        r.list.push_back(std::move(number));
      }
    }
  }

  void ReadSuppression(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return;
    campaign_.suppression_pos = PositionOf(node);
    if (!ExpectMap(node, "suppression")) return;
    CheckKeys(node, {"file"}, "suppression");
    campaign_.suppression_file = ReadPath(
        Required(node, "file", campaign_.suppression_pos, "suppression"), "suppression.file");
  }

  void ReadSchedule(const YAML::Node& node) {
    if (!node.IsDefined() || !ExpectMap(node, "schedule")) return;
    Schedule& s = campaign_.schedule;
    s.pos = PositionOf(node);
    CheckKeys(node, {"start", "timezone", "rate", "window", "days"}, "schedule");

    Located<std::string> start =
        ReadString(Required(node, "start", s.pos, "schedule"), "schedule.start");
    s.start.pos = start.pos;
    if (start.present) {
      std::optional<absl::CivilMinute> minute = ParseStart(start.value);
      if (minute) {
        s.start.value = *minute;
        s.start.present = true;
      } else {
        Report(kInvalidValue, Level::kError, start.pos,
               absl::StrCat("schedule.start '", start.value,
                            "' is not a real date and time YYYY-MM-DDTHH:MM"));
      }
    }

    s.timezone = ReadString(Required(node, "timezone", s.pos, "schedule"), "schedule.timezone");
    if (s.timezone.present) {
      absl::TimeZone tz;
      if (s.timezone.value.empty() || !LoadZoneByName(s.timezone.value, &tz)) {
        Report(kInvalidValue, Level::kError, s.timezone.pos,
               absl::StrCat("unknown time zone '", s.timezone.value,
                            "': use an IANA name such as America/New_York"));
        s.timezone.present = false;
      }
    }

    Located<std::string> rate =
        ReadString(Required(node, "rate", s.pos, "schedule"), "schedule.rate");
    s.rate.pos = rate.pos;
    if (rate.present) {
      std::optional<double> per_second = ParseRate(rate.value);
      if (per_second && (*per_second < kMinRatePerSecond || *per_second > kMaxRatePerSecond)) {
        Report(kInvalidValue, Level::kError, rate.pos,
               absl::StrCat("schedule.rate '", rate.value,
                            "' is outside the rates smslint models (", kRateBoundsText, ")"));
      } else if (per_second) {
        s.rate.value = Rate{*per_second, rate.value};
        s.rate.present = true;
      } else {
        Report(kInvalidValue, Level::kError, rate.pos,
               absl::StrCat("schedule.rate '", rate.value,
                            "' is not a rate such as 1/s, 30/min or 500/h"));
      }
    }

    Located<std::string> window = ReadString(node["window"], "schedule.window");
    s.window.pos = window.pos;
    if (window.present) {
      std::optional<MinuteWindow> parsed = ParseMinuteWindow(window.value);
      if (parsed) {
        s.window.value = *parsed;
        s.window.present = true;
      } else {
        Report(kInvalidValue, Level::kError, window.pos,
               absl::StrCat("schedule.window '", window.value,
                            "' is not HH:MM-HH:MM with the start before the end"));
      }
    }

    YAML::Node days = node["days"];
    if (days.IsDefined() && !days.IsNull()) {
      s.days.pos = PositionOf(days);
      if (!days.IsSequence()) {
        Report(kInvalidValue, Level::kError, s.days.pos,
               "schedule.days must be a list such as [mon, tue, wed, thu, fri]");
      } else {
        bool ok = true;
        for (const YAML::Node& day : days) {
          if (!ExpectScalar(day, "a day")) {
            ok = false;
            continue;
          }
          std::optional<absl::Weekday> weekday = ParseWeekday(day.Scalar());
          if (!weekday) {
            Report(kInvalidValue, Level::kError, PositionOf(day),
                   absl::StrCat("unknown day '", day.Scalar(),
                                "' (one of mon, tue, wed, thu, fri, sat, sun)"));
            ok = false;
            continue;
          }
          if (std::find(s.days.value.begin(), s.days.value.end(), *weekday) == s.days.value.end())
            s.days.value.push_back(*weekday);
        }
        if (ok && s.days.value.empty()) {
          Report(kInvalidValue, Level::kError, s.days.pos,
                 "schedule.days is empty: no day would allow sending");
        }
        s.days.present = ok && !s.days.value.empty();
        if (!s.days.present) s.days.value.clear();
      }
    }
  }

  void ReadTraffic(const YAML::Node& node) {
    if (!node.IsDefined() || node.IsNull()) return;
    Traffic& t = campaign_.traffic;
    t.pos = PositionOf(node);
    if (!ExpectMap(node, "traffic")) return;
    CheckKeys(node, {"reply_rate", "opt_out_rate", "validity_period", "sender_strategy"},
              "traffic");
    ReadShare(node["reply_rate"], "traffic.reply_rate", "0.04 = 4 replies per 100", t.reply_rate);
    ReadShare(node["opt_out_rate"], "traffic.opt_out_rate", "0.01 = 1 STOP per 100 messages",
              t.opt_out_rate);
    Located<std::string> validity = ReadString(node["validity_period"], "validity_period");
    t.validity_period.pos = validity.pos;
    if (validity.present) {
      std::optional<absl::Duration> d = ParseDuration(validity.value);
      if (d && *d >= absl::Seconds(1)) {
        t.validity_period.value = *d;
        t.validity_period.present = true;
      } else {
        Report(kInvalidValue, Level::kError, validity.pos,
               absl::StrCat("traffic.validity_period '", validity.value,
                            "' is not a duration of at least 1s such as 10h, 30m or 4h30m"));
      }
    }
    Located<std::string> strategy = ReadString(node["sender_strategy"], "sender_strategy");
    t.sender_strategy.pos = strategy.pos;
    if (strategy.present) {
      std::optional<SenderStrategy> parsed = ParseSenderStrategy(strategy.value);
      if (parsed) {
        t.sender_strategy.value = *parsed;
        t.sender_strategy.present = true;
      } else {
        ReportEnum(strategy, "sender strategy", SenderStrategyNames());
      }
    }
  }

  // A share from 0 to 1 (`example` explains the scale in the error).
  void ReadShare(const YAML::Node& node, const char* what, const char* example,
                 Located<double>& out) {
    if (!node.IsDefined() || node.IsNull()) return;
    out.pos = PositionOf(node);
    if (!ExpectScalar(node, what)) return;
    double share = 0;
    if (ParseDecimal(node.Scalar(), &share) && share >= 0 && share <= 1) {
      out.value = share;
      out.present = true;
    } else {
      Report(
          kInvalidValue, Level::kError, out.pos,
          absl::StrCat(what, " '", node.Scalar(), "' is not a share from 0 to 1 (", example, ")"));
    }
  }

  static std::optional<absl::CivilMinute> ParseStart(std::string_view text) {
    // YYYY-MM-DDTHH:MM, a space instead of T, optional :SS (must be 00 or ignored).
    int y, mo, d, h, mi;
    std::string s(absl::StripAsciiWhitespace(AsAbsl(text)));
    if (s.size() < 16) return std::nullopt;
    char sep = s[10];
    if (s[4] != '-' || s[7] != '-' || (sep != 'T' && sep != ' ') || s[13] != ':')
      return std::nullopt;
    if (!absl::SimpleAtoi(s.substr(0, 4), &y) || !absl::SimpleAtoi(s.substr(5, 2), &mo) ||
        !absl::SimpleAtoi(s.substr(8, 2), &d) || !absl::SimpleAtoi(s.substr(11, 2), &h) ||
        !absl::SimpleAtoi(s.substr(14, 2), &mi))
      return std::nullopt;
    if (s.size() != 16 && !(s.size() == 19 && s[16] == ':')) return std::nullopt;
    absl::CivilMinute minute(y, mo, d, h, mi);
    if (minute.year() != y || minute.month() != mo || minute.day() != d || minute.hour() != h ||
        minute.minute() != mi || y < 2000 || y > 2200)
      return std::nullopt;
    return minute;
  }

  static std::optional<absl::Weekday> ParseWeekday(std::string_view text) {
    std::string day = absl::AsciiStrToLower(absl::StripAsciiWhitespace(AsAbsl(text)));
    static const std::pair<const char*, absl::Weekday> kDays[] = {
        {"mon", absl::Weekday::monday},    {"tue", absl::Weekday::tuesday},
        {"wed", absl::Weekday::wednesday}, {"thu", absl::Weekday::thursday},
        {"fri", absl::Weekday::friday},    {"sat", absl::Weekday::saturday},
        {"sun", absl::Weekday::sunday},
    };
    static const char* kLong[] = {"monday", "tuesday",  "wednesday", "thursday",
                                  "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; ++i) {
      if (day == kDays[i].first || day == kLong[i]) return kDays[i].second;
    }
    return std::nullopt;
  }

  const std::string& path_;
  Campaign& campaign_;
  std::vector<Diagnostic>& diagnostics_;
};

// The byte offset where the first invalid UTF-8 sequence starts, or npos.
size_t FirstInvalidUtf8(std::string_view text) {
  size_t lo = 0;
  // Binary search is not possible on validity; scan line by line so the check
  // stays linear and the error names the first bad line.
  while (lo < text.size()) {
    size_t nl = text.find('\n', lo);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(lo, end - lo);
    if (!IsValidUtf8(line)) {
      for (size_t i = 0; i < line.size(); ++i) {
        for (size_t len = 1; len <= 4 && i + len <= line.size(); ++len) {
          if (IsValidUtf8(line.substr(i, len))) {
            i += len - 1;
            goto next_char;
          }
        }
        return lo + i;
      next_char:;
      }
    }
    lo = end + 1;
  }
  return std::string_view::npos;
}

}  // namespace

absl::StatusOr<LoadResult> LoadCampaign(const std::string& path, std::string contents) {
  LoadResult result;
  Campaign& campaign = result.campaign;
  campaign.path = path;
  std::filesystem::path p(path);
  campaign.dir = path == "-" || !p.has_parent_path() ? "." : p.parent_path().string();

  if (size_t nul = contents.find('\0'); nul != std::string::npos) {
    Position pos = LineIndex(contents).At(contents, nul);
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":", pos.line, ":", pos.column,
                     ": error: NUL byte in the file: a campaign file is UTF-8 text"));
  }
  if (size_t bad = FirstInvalidUtf8(contents); bad != std::string_view::npos) {
    Position pos = LineIndex(contents).At(contents, bad);
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":", pos.line, ":", pos.column,
                     ": error: invalid UTF-8: save the campaign file as UTF-8"));
  }
  // A byte-order mark is allowed and ignored.
  if (contents.size() >= 3 && contents.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    contents.replace(0, 3, "");
  }
  campaign.SetSource(std::move(contents));
  if (absl::StripAsciiWhitespace(campaign.source).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ":1:1: error: the file is empty; `smslint init` writes a starter campaign"));
  }

  // Nodes and aliased bytes within budget before any node is built; this pass also
  // stops yaml-cpp 0.7's LoadAll looping for ever on a top-level ','.
  const bool several_documents = MayHoldSeveralDocuments(campaign.source);
  const YamlBudget limits = YamlBudgetFor(campaign.source.size());
  // A file within the budget unread (YamlWithinBudgetUnread) has no pass to wait for.
  // Another file of one document, no alias and at most kOverlapMaxBytes cannot build
  // a large tree, so its tree is built during the budget pass, which runs on another
  // thread (it allocates little; the tree stays in this thread's heap). The
  // budget's verdict still comes first, and the tree is dropped when it fails.
  const bool overlap = !YamlWithinBudgetUnread(campaign.source, limits, several_documents) &&
                       !several_documents && campaign.source.size() <= kOverlapMaxBytes &&
                       campaign.source.find('*') == std::string::npos;
  std::optional<YAML::Node> early;
  std::exception_ptr early_error;
  absl::Status budget;
  if (overlap) {
    std::thread budget_pass = StartThread(
        [&] { budget = CheckYamlBudget(path, campaign.source, limits, several_documents); });
    try {
      early = YAML::Load(campaign.source);
    } catch (...) {
      early_error = std::current_exception();
    }
    budget_pass.join();
  } else {
    budget = CheckYamlBudget(path, campaign.source, limits, several_documents);
  }
  if (!budget.ok()) return budget;
  std::vector<YAML::Node> documents;
  try {
    if (several_documents) {
      documents = YAML::LoadAll(campaign.source);
    } else if (overlap) {
      if (early_error) std::rethrow_exception(early_error);
      documents.push_back(std::move(*early));
    } else {
      documents.push_back(YAML::Load(campaign.source));
    }
  } catch (const YAML::Exception& e) {
    return YamlError(path, e, "YAML syntax: ");
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":1:1: error: cannot parse YAML: ", e.what()));
  }
  if (documents.empty() || documents[0].IsNull()) {
    return absl::InvalidArgumentError(absl::StrCat(
        path,
        ":1:1: error: the file holds no YAML document; `smslint init` writes a starter "
        "campaign"));
  }
  try {
    CampaignReader reader(path, campaign, result.diagnostics);
    reader.ReadDocument(documents[0]);
  } catch (const YAML::Exception& e) {
    return YamlError(path, e, "cannot read YAML: ");
  }
  if (documents.size() > 1) {
    Diagnostic d;
    d.rule = kInvalidValue;
    d.level = Level::kError;
    Position pos = PositionOf(documents[1]);
    d.span = Span{path, pos.line, pos.column, pos.line, pos.column};
    d.message = "a campaign file holds one YAML document; the ones after '---' are ignored";
    result.diagnostics.push_back(std::move(d));
  }
  SortDiagnostics(result.diagnostics);
  return result;
}

absl::StatusOr<LoadResult> LoadCampaignFile(const std::string& path) {
  absl::StatusOr<std::string> contents = ReadFileBounded(path, kMaxCampaignBytes);
  if (!contents.ok()) return contents.status();
  return LoadCampaign(path, std::move(*contents));
}

bool IsE164Syntax(std::string_view number) {
  if (number.size() < 8 || number.size() > 16 || number[0] != '+' || number[1] == '0') return false;
  return std::all_of(number.begin() + 1, number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Span TextSpan(const Campaign& campaign, const Located<TextValue>& value, size_t begin, size_t end) {
  Span span{campaign.path, value.pos.line, value.pos.column, value.pos.line, value.pos.column};
  if (!value.pos.known()) return span;
  std::string_view source = campaign.source;
  // Byte offset of the scalar's first character in the source.
  size_t line_start = campaign.lines.LineStart(value.pos.line);
  if (line_start == std::string_view::npos) return span;
  size_t cursor = line_start;
  for (int col = 1; col < value.pos.column && cursor < source.size(); ++cursor) {
    if ((static_cast<unsigned char>(source[cursor]) & 0xC0) != 0x80) ++col;
  }
  while (cursor < source.size() && (static_cast<unsigned char>(source[cursor]) & 0xC0) == 0x80)
    ++cursor;

  using Style = TextValue::Style;
  const std::string& text = value.value.text;
  // Walk the source and the decoded text together, recording the source offset of
  // each decoded byte. Good enough for carets: escapes and line folds are followed.
  std::vector<size_t> source_of(text.size() + 1, cursor);
  size_t s = cursor;
  size_t t = 0;
  if (value.value.style == Style::kLiteral || value.value.style == Style::kFolded) {
    // Skip the header line; each decoded line sits on its own source line after
    // the block's indentation.
    size_t nl = source.find('\n', s);
    if (nl == std::string_view::npos) return span;
    s = nl + 1;
    size_t indent = 0;
    while (s + indent < source.size() && source[s + indent] == ' ') ++indent;
    while (t < text.size() && s < source.size()) {
      size_t line_end = source.find('\n', s);
      if (line_end == std::string_view::npos) line_end = source.size();
      size_t content = std::min(s + indent, line_end);
      size_t k = content;
      while (t < text.size() && k < line_end && text[t] != '\n') source_of[t++] = k++;
      if (t < text.size() && (text[t] == '\n' || text[t] == ' ')) source_of[t++] = line_end;
      s = line_end + 1;
    }
  } else {
    char quote = value.value.style == Style::kDoubleQuoted   ? '"'
                 : value.value.style == Style::kSingleQuoted ? '\''
                                                             : 0;
    if (quote != 0) ++s;
    while (t < text.size() && s < source.size()) {
      char c = source[s];
      if (quote == '"' && c == '\\' && s + 1 < source.size()) {
        // One escape yields one decoded character of 1 to 4 bytes.
        char e = source[s + 1];
        size_t skip = e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
        size_t bytes = 1;
        unsigned char lead = static_cast<unsigned char>(text[t]);
        if (lead >= 0xF0)
          bytes = 4;
        else if (lead >= 0xE0)
          bytes = 3;
        else if (lead >= 0xC0)
          bytes = 2;
        for (size_t b = 0; b < bytes && t < text.size(); ++b) source_of[t++] = s;
        s += skip;
        continue;
      }
      if (quote == '\'' && c == '\'' && s + 1 < source.size() && source[s + 1] == '\'') {
        source_of[t++] = s;
        s += 2;
        continue;
      }
      if (c == '\n') {
        // A line fold: the newline and the next line's indentation become one space.
        source_of[t++] = s;
        ++s;
        while (s < source.size() && (source[s] == ' ' || source[s] == '\t')) ++s;
        continue;
      }
      source_of[t++] = s++;
    }
  }
  source_of[text.size()] = t == text.size() && text.size() > 0 ? source_of[text.size() - 1] + 1 : s;
  begin = std::min(begin, text.size());
  end = std::min(std::max(end, begin), text.size());
  Position b = campaign.lines.At(source, source_of[begin]);
  Position e = campaign.lines.At(source, end > begin ? source_of[end - 1] + 1 : source_of[begin]);
  span.line = b.line;
  span.column = b.column;
  span.end_line = e.line;
  span.end_column = e.column;
  return span;
}

}  // namespace smslint
