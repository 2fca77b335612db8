#include "report/json_emitter.h"

#include "absl/time/time.h"
#include "campaign/time_zones.h"

namespace smslint {
namespace {

std::string FormatTime(absl::Time t, const std::string& zone_name) {
  if (t == absl::InfinitePast() || t == absl::InfiniteFuture()) return "";
  absl::TimeZone zone = absl::UTCTimeZone();
  if (!zone_name.empty()) LoadZoneByName(zone_name, &zone);
  return absl::FormatTime("%Y-%m-%dT%H:%M:%S%Ez", t, zone);
}

nlohmann::ordered_json SeriesToJson(const TimeSeries& series, const std::string& zone) {
  nlohmann::ordered_json j;
  j["start"] = FormatTime(series.start, zone);
  j["bucket_seconds"] = absl::ToInt64Seconds(series.bucket);
  j["values"] = series.values;
  return j;
}

}  // namespace

nlohmann::ordered_json DiagnosticToJson(const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["rule"] = d.rule;
  j["level"] = std::string(LevelName(d.level));
  j["message"] = d.message;
  j["file"] = d.span.file;
  j["line"] = d.span.line;
  j["column"] = d.span.column;
  j["end_line"] = d.span.end_line;
  j["end_column"] = d.span.end_column;
  if (!d.template_id.empty()) j["template"] = d.template_id;
  if (!d.suggestion.empty()) j["suggestion"] = d.suggestion;
  if (!d.notes.empty()) j["notes"] = d.notes;
  return j;
}

// The outcome counts (DESIGN.md: simulation.outcomes), with the first time and the
// causing rule of each outcome that happened.
nlohmann::ordered_json OutcomesToJson(const Outcomes& o, const std::string& zone) {
  nlohmann::ordered_json j;
  j["messages"] = o.sent;
  j["segments"] = o.segments;
  j["delivered"] = {
      {"total", o.delivered}, {"on_time", o.on_time}, {"late", o.late}, {"stale", o.stale}};
  j["failed"] = {
      {"total", o.failed}, {"queue_expiry", o.failed_queue}, {"carrier_cap", o.failed_cap}};
  j["filtered"] = o.filtered;
  j["quiet_hours"] = o.quiet_hours;
  nlohmann::ordered_json first = nlohmann::ordered_json::object();
  for (const auto& [name, f] :
       {std::pair{"late", &o.first_late}, std::pair{"stale", &o.first_stale},
        std::pair{"failed", &o.first_failed}, std::pair{"filtered", &o.first_filtered},
        std::pair{"quiet_hours", &o.first_quiet}}) {
    if (!f->happened()) continue;
    first[name] = {{"time", FormatTime(f->time, zone)}, {"rule", f->rule}};
  }
  j["first"] = std::move(first);
  return j;
}

std::string_view RecommendationKindName(Recommendation::Kind kind) {
  switch (kind) {
    case Recommendation::Kind::kKeep:
      return "keep";
    case Recommendation::Kind::kPlan:
      return "plan";
    case Recommendation::Kind::kPartial:
      return "partial";
    case Recommendation::Kind::kNone:
      break;
  }
  return "none";
}

// simulation.recommendation: `plan` maps each campaign field to change to its new
// value as the campaign file writes it (schedule.days a list, senders a count),
// `current` to its value now (null when absent), `predicted` the plan's outcome.
nlohmann::ordered_json RecommendationToJson(const Recommendation& r, const std::string& zone) {
  nlohmann::ordered_json j;
  j["kind"] = RecommendationKindName(r.kind);
  nlohmann::ordered_json plan = nlohmann::ordered_json::object();
  nlohmann::ordered_json current = nlohmann::ordered_json::object();
  for (const PlanSetting& s : r.plan) {
    if (s.key == "schedule.days") {
      plan[s.key] = s.items;
    } else if (s.key == "senders") {
      plan[s.key] = s.count;
    } else {
      plan[s.key] = s.value;
    }
    if (s.was.empty()) {
      current[s.key] = nullptr;
    } else if (s.key == "senders") {
      current[s.key] = s.was_count;
    } else {
      current[s.key] = s.was;
    }
  }
  j["plan"] = std::move(plan);
  j["current"] = std::move(current);
  if (r.kind != Recommendation::Kind::kNone) {
    nlohmann::ordered_json predicted = OutcomesToJson(r.predicted, zone);
    predicted["end"] = FormatTime(r.end, zone);
    j["predicted"] = std::move(predicted);
  }
  j["remaining"] = r.remaining;
  j["causes"] = r.causes;
  j["simulations"] = r.simulations;
  j["text"] = r.text;
  return j;
}

nlohmann::ordered_json SimResultToJson(const SimResult& sim) {
  nlohmann::ordered_json j;
  j["profile"] = sim.profile;
  j["time_zone"] = sim.time_zone;
  j["start"] = FormatTime(sim.start, sim.time_zone);
  j["end"] = FormatTime(sim.end, sim.time_zone);
  j["messages"] = sim.messages;
  j["segments"] = sim.segments;
  j["delivered"] = sim.delivered;
  j["failed"] = sim.failed;
  j["filtered"] = sim.filtered;
  j["late"] = sim.late;
  j["stale"] = sim.stale;
  j["quiet_hours"] = sim.quiet_hours;
  nlohmann::ordered_json outcomes = OutcomesToJson(sim, sim.time_zone);
  nlohmann::ordered_json per_sender = nlohmann::ordered_json::array();
  for (const SenderStats& s : sim.senders) {
    nlohmann::ordered_json js = OutcomesToJson(s, sim.time_zone);
    js["number"] = s.number;
    per_sender.push_back(std::move(js));
  }
  outcomes["senders"] = std::move(per_sender);
  j["outcomes"] = std::move(outcomes);
  j["recommendation"] = RecommendationToJson(sim.recommendation, sim.time_zone);
  nlohmann::ordered_json senders = nlohmann::ordered_json::array();
  for (const SenderStats& s : sim.senders) {
    nlohmann::ordered_json js;
    js["number"] = s.number;
    js["sent"] = s.sent;
    js["segments"] = s.segments;
    js["delivered"] = s.delivered;
    js["failed"] = s.failed;
    js["filtered"] = s.filtered;
    js["late"] = s.late;
    js["stale"] = s.stale;
    js["quiet_hours"] = s.quiet_hours;
    js["first_violation_rule"] = s.first_violation_rule;
    js["first_violation"] = FormatTime(s.first_violation, sim.time_zone);
    js["limit_per_bucket"] = s.limit_per_bucket;
    js["limit_per_day"] = s.limit_per_day;
    js["sends"] = SeriesToJson(s.sends, sim.time_zone);
    js["filtered_series"] = SeriesToJson(s.filtered_series, sim.time_zone);
    js["quiet_series"] = SeriesToJson(s.quiet_series, sim.time_zone);
    senders.push_back(std::move(js));
  }
  j["senders"] = std::move(senders);
  return j;
}

nlohmann::ordered_json RuleInfoToJson(const RuleInfo& r) {
  nlohmann::ordered_json j;
  j["id"] = r.id;
  j["level"] = std::string(LevelName(r.level));
  j["summary"] = r.summary;
  j["why"] = r.why;
  j["fix"] = r.fix;
  j["source"] = r.source;
  j["origin"] = r.origin;
  nlohmann::ordered_json options = nlohmann::ordered_json::array();
  for (const RuleOption& o : r.options) {
    options.push_back(
        {{"name", o.name}, {"default", o.default_value}, {"description", o.description}});
  }
  j["options"] = std::move(options);
  j["examples"] = {{"fire", r.fire_examples}, {"pass", r.pass_examples}};
  return j;
}

std::string EmitJson(const std::vector<FileResult>& results, const ReportOptions& options) {
  nlohmann::ordered_json doc;
  doc["version"] = kJsonFormatVersion;
  doc["tool"] = {{"name", "smslint"}, {"version", SMSLINT_VERSION}};
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  int64_t counts[3] = {0, 0, 0};
  for (const FileResult& r : results) {
    nlohmann::ordered_json f;
    f["path"] = r.path;
    f["findings"] = r.diagnostics.size();
    f["facts"] = r.facts;
    if (r.sim) f["simulation"] = SimResultToJson(*r.sim);
    files.push_back(std::move(f));
    for (const Diagnostic& d : r.diagnostics) {
      findings.push_back(DiagnosticToJson(d));
      ++counts[static_cast<int>(d.level)];
    }
  }
  doc["files"] = std::move(files);
  // The brand-level view of a portfolio run (only when one ran).
  if (options.portfolios != nullptr && !options.portfolios->empty()) {
    nlohmann::ordered_json portfolios = nlohmann::ordered_json::array();
    for (const PortfolioSummary& p : *options.portfolios) {
      nlohmann::ordered_json j;
      j["brand"] = p.brand;
      j["campaigns"] = p.campaigns;
      if (!p.not_simulated.empty()) j["not_simulated"] = p.not_simulated;
      j["outcomes"] = OutcomesToJson(p.totals, p.time_zone);
      nlohmann::ordered_json caps = nlohmann::ordered_json::array();
      for (const PortfolioSummary::SharedCap& c : p.caps) {
        nlohmann::ordered_json cj = {{"carrier", c.carrier},
                                     {"unit", c.unit},
                                     {"limit", c.value},
                                     {"peak_day", c.peak_day},
                                     {"failed", c.failed}};
        if (c.failed > 0) cj["first_failed"] = FormatTime(c.first_failed, p.time_zone);
        caps.push_back(std::move(cj));
      }
      j["shared_caps"] = std::move(caps);
      j["frequency_cap"] = {{"messages_over", p.frequency_over},
                            {"recipients_over", p.frequency_recipients},
                            {"max_in_24h", p.max_in_24h}};
      nlohmann::ordered_json shared = nlohmann::ordered_json::array();
      for (const PortfolioSummary::SharedItem& item : p.shared) {
        shared.push_back({{"item", item.item}, {"senders", item.senders}, {"error", item.error}});
      }
      j["shared_across_numbers"] = std::move(shared);
      portfolios.push_back(std::move(j));
    }
    doc["portfolios"] = std::move(portfolios);
  }
  doc["findings"] = std::move(findings);
  doc["summary"] = {{"errors", counts[2]}, {"warnings", counts[1]}, {"infos", counts[0]}};
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace smslint
