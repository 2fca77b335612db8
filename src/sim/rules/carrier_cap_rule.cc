#include "sim/rules/carrier_cap_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "sim/plan_inputs.h"
#include "sim/provider_queue.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {

std::vector<RuleInfo> CarrierCapRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kCarrierCap, Level::kError,
      "A carrier's daily cap is exceeded; the messages over it fail",
      "On 10DLC, T-Mobile caps the SMS segments (and MMS) a brand sends to its subscribers each "
      "day by the brand's trust score (sole proprietor and low-volume brands have their own "
      "caps); the cap is shared by every campaign of the brand and resets at midnight Pacific. "
      "Messages over it are rejected and still billed. The simulator gives each recipient a "
      "carrier (the recipients' `carrier` column when there is one, else the profile's shares), "
      "counts the segments each day and fails the messages over the cap.",
      "Spread the campaign over more days (schedule.days, a slower schedule.rate), shorten "
      "bodies to fewer segments, or raise the brand's trust score (secondary vetting).",
      "T-Mobile 10DLC brand daily limits (see smslint profiles)",
      {"route: 10dlc, trust_score: 20, 10,000 recipients in one day"},
      {"route: 10dlc, trust_score: 80, 10,000 recipients in one day"})};
}

bool CarrierCapRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  state_ = context.portfolio != nullptr ? context.portfolio : &own_state_;
  const Profile& profile = *context.profile;
  for (const DailyCap& cap : profile.caps) {
    Cap c;
    c.cap = &cap;
    c.value = cap.For(*context.campaign);
    for (size_t k = 0; k < profile.carriers.size(); ++k) {
      if (profile.carriers[k].name == cap.carrier) c.carrier = static_cast<int>(k);
    }
    if (c.carrier < 0 || c.value <= 0) continue;
    if (!absl::LoadTimeZone(cap.reset_zone, &c.zone)) c.zone = absl::UTCTimeZone();
    c.first_failed_by_sender.assign(context.senders, INT64_MAX);
    c.shared = &state_->caps[cap.id];
    c.shared->carrier = cap.carrier;
    c.shared->unit = cap.unit;
    if (c.shared->value == 0 || c.value < c.shared->value) c.shared->value = c.value;
    caps_.push_back(std::move(c));
  }
  return !caps_.empty();
}

void CarrierCapRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  for (size_t i = 0; i < sends.size(); ++i) {
    const Send& send = sends[i];
    MessageVerdict& verdict = verdicts[i];
    if (verdict.failed != nullptr || send.expired) continue;
    for (Cap& c : caps_) {
      if (send.carrier != c.carrier) continue;
      ++c.carrier_messages;
      PortfolioState::SharedCap& brand = *c.shared;
      if (send.time_us >= c.day_end_us || send.time_us < c.day_begin_us) {
        // A new reset day: midnight to midnight in the cap's zone (DST-safe).
        const absl::CivilDay day = absl::ToCivilDay(absl::FromUnixMicros(send.time_us), c.zone);
        c.day_begin_us = absl::ToUnixMicros(absl::FromCivil(day, c.zone));
        c.day_end_us = absl::ToUnixMicros(absl::FromCivil(day + 1, c.zone));
        c.offered_today = 0;
        c.over_today = false;
      }
      if (brand.day_begin_us != c.day_begin_us) {
        // The brand's counter follows the latest day any of its campaigns reached
        // (the portfolio shows the brand's messages in one time order).
        brand.day_begin_us = c.day_begin_us;
        brand.day_end_us = c.day_end_us;
        brand.used = 0;
        brand.offered_today = 0;
      }
      c.offered_today += send.segments;
      c.peak_day_segments = std::max(c.peak_day_segments, c.offered_today);
      brand.offered_today += send.segments;
      brand.peak_day_segments = std::max(brand.peak_day_segments, brand.offered_today);
      if (static_cast<double>(brand.used + send.segments) > c.value) {
        verdict.failed = rule_ids::kCarrierCap;
        ++c.failed;
        c.failed_segments += send.segments;
        ++brand.failed;
        brand.first_failed_us = std::min(brand.first_failed_us, send.time_us);
        int64_t& first = c.first_failed_by_sender[send.sender];
        first = std::min(first, send.time_us);
        c.first_failed_us = std::min(c.first_failed_us, send.time_us);
        if (!c.over_today) ++c.days_over, c.over_today = true;
        break;
      }
      brand.used += send.segments;
    }
  }
}

void CarrierCapRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  for (const Cap& c : caps_) {
    RuleOutcome o;
    o.rule = rule_ids::kCarrierCap;
    o.level = Level::kError;
    o.limit = c.value;
    o.peak = static_cast<double>(c.peak_day_segments);
    o.over = c.failed;
    o.first_over_us = c.first_failed_us;
    o.first_over_by_sender = c.first_failed_by_sender;
    o.needs_capacity = true;
    outcomes.push_back(std::move(o));
  }
}

void CarrierCapRule::Report(const ReportContext&, std::vector<Diagnostic>& findings,
                            std::vector<RuleOutcome>&) const {
  const Campaign& campaign = *context_->campaign;
  const absl::TimeZone& zone = context_->zone;
  for (const Cap& c : caps_) {
    if (c.failed == 0) continue;
    const DailyCap& cap = *c.cap;
    Diagnostic d;
    d.rule = rule_ids::kCarrierCap;
    d.level = Level::kError;
    const CampaignInfo& info = campaign.campaign;
    d.span =
        SpanAt(campaign,
               FirstKnown({info.trust_score.pos, info.brand_type.pos, info.route.pos, info.pos}));
    const std::string basis = cap.Basis(campaign);
    d.message = absl::StrCat(
        cap.carrier, "'s daily cap for this brand is ", FormatNumber(c.value), " ", cap.unit,
        basis.empty() ? "" : absl::StrCat(" (", basis, ")"), "; the campaign offers up to ",
        WithCommas(c.peak_day_segments), " segments to ", cap.carrier, " in one day, and ",
        WithCommas(c.failed), " of its ", WithCommas(c.carrier_messages), " messages to ",
        cap.carrier, " (", WithCommas(c.failed_segments), " segments) fail over the cap from ",
        FormatMicros(c.first_failed_us, zone), " (", context_->profile->name, " cap '", cap.id,
        "')");
    if (state_->campaigns > 1 && c.shared->peak_day_segments > c.peak_day_segments) {
      absl::StrAppend(&d.message, "; with the brand's other campaigns in this run, up to ",
                      WithCommas(c.shared->peak_day_segments), " segments go to ", cap.carrier,
                      " in one day");
    }
    const QueueOutcome* queue = context_->queue;
    if (queue != nullptr && queue->carrier_column) {
      d.notes.push_back("carriers from the recipients' carrier column");
    } else {
      d.notes.push_back(absl::StrCat(
          cap.carrier, "'s share of recipients assumed ",
          absl::StrFormat("%.0f%%", context_->profile->CarrierShareOf(cap.carrier) * 100),
          " (numbers do not reveal their carrier; add a carrier column to be exact)"));
    }
    d.notes.push_back(absl::StrCat("the day resets at midnight ", cap.reset_zone,
                                   "; the cap is shared by every campaign of the brand"));
    if (c.days_over > 1) {
      d.notes.push_back(absl::StrCat("over the cap on ", c.days_over, " days"));
    }
    d.suggestion =
        "spread the campaign over more days, use fewer segments per message, or raise the "
        "brand's trust score (secondary vetting)";
    findings.push_back(std::move(d));
  }
}

}  // namespace smslint
