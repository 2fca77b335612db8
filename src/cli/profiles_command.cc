// `smslint profiles`: the route profiles and their thresholds, with sources.
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/command.h"
#include "nlohmann/json.hpp"
#include "sim/profile.h"
#include "sim/sim_text.h"
#include "util/strings.h"

namespace smslint {
namespace {

std::string CounterName(Counter c) {
  switch (c) {
    case Counter::kSends:
      return "sends";
    case Counter::kRecipients:
      return "recipients";
    case Counter::kIdentical:
      return "identical";
  }
  return "";
}

// "75-100: 200,000, 50-74: 40,000 (no score: 2,000; sole_proprietor: 1,000)".
std::string LimitValueText(const TieredFigure& l) {
  std::string text = FormatNumberForChart(l.value);
  std::vector<std::string> others;
  for (const auto& [type, v] : l.brand_types) {
    others.push_back(
        absl::StrCat(AsAbsl(BrandTypeName(type)), " brands: ", FormatNumberForChart(v)));
  }
  for (const auto& [use_case, v] : l.use_cases) {
    others.push_back(
        absl::StrCat(AsAbsl(UseCaseName(use_case)), " campaigns: ", FormatNumberForChart(v)));
  }
  if (!l.tiers.empty()) {
    text = "";
    for (const TrustTier& t : l.tiers) {
      absl::StrAppend(&text, text.empty() ? "" : ", ", t.min_score, "-", t.max_score, ": ",
                      FormatNumberForChart(t.value));
    }
    others.insert(others.begin(), absl::StrCat("no score: ", FormatNumberForChart(l.value)));
  }
  if (!others.empty()) absl::StrAppend(&text, " (", absl::StrJoin(others, "; "), ")");
  return text;
}

nlohmann::ordered_json FigureJson(const TieredFigure& f) {
  nlohmann::ordered_json j;
  j["value"] = f.value;
  for (const TrustTier& t : f.tiers) {
    j["tiers"].push_back(
        {{"trust_score_min", t.min_score}, {"trust_score_max", t.max_score}, {"value", t.value}});
  }
  for (const auto& [type, v] : f.brand_types)
    j["brand_types"][std::string(BrandTypeName(type))] = v;
  for (const auto& [use_case, v] : f.use_cases) {
    j["use_cases"][std::string(UseCaseName(use_case))] = v;
  }
  return j;
}

// The delivery model's stages: the provider queue, the carriers' caps, snowshoeing and
// opt-out monitoring.
void AppendStagesText(const Profile& p, std::string& out) {
  const QueueModel& q = p.queue;
  if (!q.release.empty()) {
    absl::StrAppend(&out, absl::StrFormat("  provider queue: validity period %gs, late after %gs\n",
                                          q.validity_seconds, q.late_after_seconds));
    for (const ReleaseRate& r : q.release) {
      absl::StrAppend(
          &out, absl::StrFormat("      release %-20s %s %s\n", r.id, LimitValueText(r), r.unit));
      absl::StrAppend(&out, "          source: ", r.source, "\n");
    }
    absl::StrAppend(&out, "      source: ", q.source, "\n");
  }
  for (const DailyCap& c : p.caps) {
    absl::StrAppend(
        &out, absl::StrFormat("  %-26s %-20s %-7s %s %s (day ends midnight %s)\n", c.rule, c.id,
                              "error", LimitValueText(c), c.unit, c.reset_zone));
    absl::StrAppend(&out, "      source: ", c.source, "\n");
  }
  const SnowshoeModel& sn = p.snowshoeing;
  if (!sn.source.empty()) {
    absl::StrAppend(
        &out,
        absl::StrFormat("  %-26s %-20s %-7s %s\n", "traffic/snowshoeing", "snowshoeing",
                        std::string(LevelName(sn.level)),
                        sn.filter_weight > 0
                            ? absl::StrFormat("numbers sharing content scored together, %g per "
                                              "message",
                                              sn.filter_weight)
                            : absl::StrFormat("more numbers than the rate needs at %g segments/s "
                                              "per number",
                                              sn.number_rate)));
    absl::StrAppend(&out, "      source: ", sn.source, "\n");
  }
  if (p.opt_out) {
    absl::StrAppend(&out, absl::StrFormat("  %-26s %-20s %-7s %g%% STOP replies a day per number "
                                          "(after %d messages)\n",
                                          "traffic/opt-out-rate", "opt-out", "warning",
                                          p.opt_out->flag_rate * 100, p.opt_out->min_messages));
    absl::StrAppend(&out, "      source: ", p.opt_out->source, "\n");
  }
}

nlohmann::ordered_json StagesJson(const Profile& p) {
  nlohmann::ordered_json j;
  nlohmann::ordered_json queue;
  queue["validity_period_seconds"] = p.queue.validity_seconds;
  queue["late_after_seconds"] = p.queue.late_after_seconds;
  queue["release"] = nlohmann::ordered_json::array();
  for (const ReleaseRate& r : p.queue.release) {
    nlohmann::ordered_json jr = FigureJson(r);
    jr["id"] = r.id;
    jr["scope"] = r.scope == Scope::kSender ? "sender" : "campaign";
    if (!r.carrier.empty()) jr["carrier"] = r.carrier;
    jr["unit"] = r.unit;
    jr["source"] = r.source;
    queue["release"].push_back(jr);
  }
  queue["source"] = p.queue.source;
  j["queue"] = queue;
  j["caps"] = nlohmann::ordered_json::array();
  for (const DailyCap& c : p.caps) {
    nlohmann::ordered_json jc = FigureJson(c);
    jc["id"] = c.id;
    jc["rule"] = c.rule;
    jc["carrier"] = c.carrier;
    jc["reset_zone"] = c.reset_zone;
    jc["unit"] = c.unit;
    jc["source"] = c.source;
    j["caps"].push_back(jc);
  }
  j["snowshoeing"] = {{"level", std::string(LevelName(p.snowshoeing.level))},
                      {"filter_weight", p.snowshoeing.filter_weight},
                      {"number_rate", p.snowshoeing.number_rate},
                      {"source", p.snowshoeing.source}};
  if (p.opt_out) {
    j["opt_out"] = {{"flag_rate", p.opt_out->flag_rate},
                    {"min_messages", p.opt_out->min_messages},
                    {"source", p.opt_out->source}};
  }
  return j;
}

// "two_factor, fraud_alert".
std::string UseCaseNames(const std::vector<UseCase>& use_cases) {
  std::vector<std::string> names;
  for (UseCase u : use_cases) names.emplace_back(UseCaseName(u));
  return absl::StrJoin(names, ", ");
}

// One state's or country's quiet-hours entry, with its sources.
std::string QuietRuleText(const QuietHoursWindow& r) {
  std::string out = absl::StrCat("  ", r.state, " ", r.text);
  if (!r.covers.empty()) absl::StrAppend(&out, " in ", absl::StrJoin(r.covers, ", "));
  absl::StrAppend(&out, "\n      source: ", r.source, "\n");
  if (r.per_24h > 0) {
    absl::StrAppend(&out, "      at most ", r.per_24h,
                    " per recipient per 24 h\n      source: ", r.per_24h_source, "\n");
  }
  if (!r.note.empty()) absl::StrAppend(&out, "      note: ", r.note, "\n");
  return out;
}

std::string RenderText(const std::vector<Profile>& profiles) {
  std::string out;
  for (const Profile& p : profiles) {
    absl::StrAppend(&out, p.name, ": ", p.summary, "\n");
    AppendStagesText(p, out);
    for (const Limit& l : p.limits) {
      absl::StrAppend(&out,
                      absl::StrFormat("  %-26s %-20s %-7s %s %s%s\n", l.rule, l.id,
                                      std::string(LevelName(l.level)), LimitValueText(l), l.unit,
                                      l.carrier.empty() ? "" : " (" + l.carrier + " share)"));
      absl::StrAppend(&out, "      source: ", l.source, "\n");
    }
    if (p.balance) {
      absl::StrAppend(
          &out, absl::StrFormat("  %-26s %-20s %-7s %g:1 outgoing:incoming after %d msgs/day\n",
                                "traffic/balance", "balance", "warning", p.balance->tolerance,
                                p.balance->min_messages));
      absl::StrAppend(&out, "      source: ", p.balance->source, "\n");
    }
    if (!p.carriers.empty()) {
      std::string shares;
      for (const CarrierShare& c : p.carriers) {
        absl::StrAppend(&shares, shares.empty() ? "" : ", ", c.name,
                        absl::StrFormat(" %.0f%%", c.share * 100));
      }
      absl::StrAppend(&out, "  carrier share of recipients: ", shares,
                      "\n      source: ", p.carriers.front().source, "\n");
    }
    const FilterModel& f = p.filter;
    absl::StrAppend(&out,
                    absl::StrFormat("  filter model: half-life %gs, block at %g, release below %g, "
                                    "%g per other number with a similar body (similarity %g)\n",
                                    f.half_life_seconds, f.block_threshold, f.release_threshold,
                                    f.copies_weight, f.similarity));
    for (const auto& [rule, w] : f.content_weights) {
      absl::StrAppend(&out, absl::StrFormat("      %-34s %g per message\n", rule, w));
    }
    absl::StrAppend(&out, "      source: ", f.source, "\n");
    for (const ProfileNote& n : p.notes) {
      absl::StrAppend(&out, "  note: ", n.text, "\n      source: ", n.source, "\n");
    }
    out += "\n";
  }
  if (!profiles.empty()) {
    const QuietHours& q = profiles.front().quiet_hours;
    absl::StrAppend(&out, "quiet hours (recipient local time, all profiles):\n");
    absl::StrAppend(&out, "  federal ", q.federal.text, "\n      source: ", q.federal.source, "\n");
    for (const QuietHoursWindow& r : q.states) absl::StrAppend(&out, QuietRuleText(r));
    for (const QuietHoursWindow& r : q.countries) absl::StrAppend(&out, QuietRuleText(r));
    absl::StrAppend(&out, "  an error for: ", UseCaseNames(q.solicitation_use_cases),
                    "\n      source: ", q.solicitation_source, "\n");
    if (!q.exempt_use_cases.empty()) {
      absl::StrAppend(&out, "  not held to quiet hours: ", UseCaseNames(q.exempt_use_cases),
                      "\n      source: ", q.exempt_source, "\n");
    }
    absl::StrAppend(&out, "  a warning for every other use case\n      source: ", q.other_source,
                    "\n");
    if (!q.recommended_window.empty()) {
      absl::StrAppend(&out, "  suggested schedule.window: ", q.recommended_window,
                      "\n      source: ", q.recommended_source, "\n");
    }
  }
  return out;
}

nlohmann::ordered_json QuietRuleJson(const QuietHoursWindow& r) {
  nlohmann::ordered_json j;
  if (!r.covers.empty()) {
    j["country"] = r.state;
    j["covers"] = r.covers;
  } else if (!r.state.empty()) {
    j["state"] = r.state;
  }
  j["window"] = r.text;
  j["holidays_closed"] = r.closed_on_holidays;
  j["source"] = r.source;
  if (r.per_24h > 0) {
    j["per_24h"] = r.per_24h;
    j["per_24h_source"] = r.per_24h_source;
  }
  if (!r.note.empty()) j["note"] = r.note;
  return j;
}

nlohmann::ordered_json UseCasesJson(const std::vector<UseCase>& use_cases) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (UseCase u : use_cases) list.push_back(std::string(UseCaseName(u)));
  return list;
}

std::string RenderJson(const std::vector<Profile>& profiles) {
  nlohmann::ordered_json root;
  root["version"] = 1;
  root["profiles"] = nlohmann::ordered_json::array();
  for (const Profile& p : profiles) {
    nlohmann::ordered_json jp;
    jp["name"] = p.name;
    jp["summary"] = p.summary;
    const nlohmann::ordered_json stages = StagesJson(p);
    for (const auto& item : stages.items()) jp[item.key()] = item.value();
    jp["thresholds"] = nlohmann::ordered_json::array();
    for (const Limit& l : p.limits) {
      nlohmann::ordered_json jl;
      jl["id"] = l.id;
      jl["rule"] = l.rule;
      jl["level"] = std::string(LevelName(l.level));
      jl["counts"] = CounterName(l.counter);
      jl["scope"] = l.scope == Scope::kSender ? "sender" : "campaign";
      jl["window"] = std::string(WindowName(l.window));
      jl["value"] = l.value;
      jl["unit"] = l.unit;
      if (!l.carrier.empty()) jl["carrier"] = l.carrier;
      if (!l.tiers.empty()) {
        for (const TrustTier& t : l.tiers) {
          jl["tiers"].push_back({{"trust_score_min", t.min_score},
                                 {"trust_score_max", t.max_score},
                                 {"value", t.value}});
        }
      }
      jl["filter_weight"] = l.filter_weight;
      jl["source"] = l.source;
      jp["thresholds"].push_back(jl);
    }
    if (p.balance) {
      jp["balance"] = {{"tolerance", p.balance->tolerance},
                       {"min_messages", p.balance->min_messages},
                       {"source", p.balance->source}};
    }
    for (const CarrierShare& c : p.carriers) {
      jp["carriers"].push_back({{"name", c.name}, {"share", c.share}, {"source", c.source}});
    }
    nlohmann::ordered_json jf;
    jf["half_life_seconds"] = p.filter.half_life_seconds;
    jf["block_threshold"] = p.filter.block_threshold;
    jf["release_threshold"] = p.filter.release_threshold;
    jf["copies_weight"] = p.filter.copies_weight;
    jf["similarity"] = p.filter.similarity;
    jf["content_weights"] = nlohmann::ordered_json::object();
    for (const auto& [rule, w] : p.filter.content_weights) jf["content_weights"][rule] = w;
    jf["source"] = p.filter.source;
    jp["filter_model"] = jf;
    for (const ProfileNote& n : p.notes) {
      jp["notes"].push_back({{"text", n.text}, {"source", n.source}});
    }
    root["profiles"].push_back(jp);
  }
  if (!profiles.empty()) {
    const QuietHours& q = profiles.front().quiet_hours;
    root["quiet_hours"]["federal"] = QuietRuleJson(q.federal);
    root["quiet_hours"]["states"] = nlohmann::ordered_json::array();
    for (const QuietHoursWindow& r : q.states) {
      root["quiet_hours"]["states"].push_back(QuietRuleJson(r));
    }
    root["quiet_hours"]["countries"] = nlohmann::ordered_json::array();
    for (const QuietHoursWindow& r : q.countries) {
      root["quiet_hours"]["countries"].push_back(QuietRuleJson(r));
    }
    root["quiet_hours"]["solicitation"] = {{"use_cases", UseCasesJson(q.solicitation_use_cases)},
                                           {"level", "error"},
                                           {"source", q.solicitation_source}};
    root["quiet_hours"]["exempt"] = {{"use_cases", UseCasesJson(q.exempt_use_cases)},
                                     {"source", q.exempt_source}};
    root["quiet_hours"]["other_use_cases"] = {{"level", "warning"}, {"source", q.other_source}};
    root["quiet_hours"]["recommended"] = {{"window", q.recommended_window},
                                          {"source", q.recommended_source}};
  }
  return root.dump(2) + "\n";
}

}  // namespace

CommandSpec ProfilesCommand() {
  auto format = std::make_shared<std::string>("text");
  auto output = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  CommandSpec spec{"profiles", "List the route profiles, their thresholds and sources"};
  spec.args.push_back({"profile", "Show only this profile", name.get()});
  spec.args.push_back({"--format", "Output format", format.get(), {"text", "json"}, false, "text"});
  spec.args.push_back({"--output,-o", "Write to FILE (atomically)", output.get()});
  spec.run = [format, output, name] {
    std::vector<Profile> profiles;
    std::vector<std::string> names =
        name->empty() ? ProfileNames() : std::vector<std::string>{*name};
    for (const std::string& n : names) {
      absl::StatusOr<Profile> p = LoadProfile(n);
      if (!p.ok()) {
        return ReportInputError(
            absl::StrCat("smslint: error: ", std::string(p.status().message())));
      }
      profiles.push_back(std::move(*p));
    }
    const std::string bytes = *format == "json" ? RenderJson(profiles) : RenderText(profiles);
    return WriteOutput(*output, bytes) ? kExitClean : kExitInputError;
  };
  return spec;
}

}  // namespace smslint
