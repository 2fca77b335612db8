// The traffic/* rules' descriptors. The thresholds are not here: they live in the
// route profiles (rules/profiles/*.yml, listed by `smslint profiles`).
#include "sim/simulator.h"

namespace smslint {
namespace {

RuleInfo TrafficRule(const char* id, Level level, const char* summary, const char* why,
                 const char* fix, const char* source, std::vector<std::string> fire,
                 std::vector<std::string> pass) {
  RuleInfo info;
  info.id = id;
  info.level = level;
  info.summary = summary;
  info.why = why;
  info.fix = fix;
  info.source = source;
  info.fire_examples = std::move(fire);
  info.pass_examples = std::move(pass);
  info.options = {{"profile", "from campaign.route",
                   "route profile whose thresholds apply (--profile overrides)"}};
  info.origin = "builtin";
  return info;
}

}  // namespace

void AddTrafficRules(RuleCatalog& catalog) {
  catalog.Add(TrafficRule(
      "traffic/throughput", Level::kError,
      "A sender exceeds the profile's per-second or per-minute rate",
      "Carriers watch how fast one number sends. A consumer (P2P) number sending faster than a "
      "person types is treated as unregistered bulk traffic and filtered; registered routes have "
      "their own per-number rates. The simulator counts sends per number in sliding one-second "
      "and one-minute windows and reports when the limit is first crossed, the peak and how many "
      "messages went out over it.",
      "Lower schedule.rate to the profile's rate, or move to a route with more throughput.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation; route profiles",
      {"route: p2p, rate: 2/s"}, {"route: p2p, rate: 10/min"}));
  catalog.Add(TrafficRule(
      "traffic/daily-volume", Level::kError, "A sender exceeds the profile's messages per day",
      "A number that sends more in a day than its profile allows (1,000 on a consumer number) "
      "stands out to carrier filters; the day is a sliding 24-hour window.",
      "Spread the recipients over more days (schedule.window, schedule.days) or use a registered "
      "A2P route.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, 1,500 recipients in one day"}, {"route: p2p, 900 recipients"}));
  catalog.Add(TrafficRule(
      "traffic/unique-recipients", Level::kWarning,
      "A sender reaches more distinct recipients per day than the profile allows",
      "People text a limited circle; a number that reaches thousands of distinct people a day "
      "is a broadcaster. Each recipient gets one message, so distinct recipients per day equal "
      "the messages sent to distinct numbers in a sliding day.",
      "Use a registered A2P route for broadcasts, or spread the campaign over more days.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, 3,500 recipients in one day"}, {"route: p2p, 2,000 recipients"}));
  catalog.Add(TrafficRule(
      "traffic/fan-out", Level::kWarning,
      "One identical body goes to more distinct recipients than the profile allows",
      "The same text to many people is the signature of bulk messaging. Bodies count as identical "
      "after masking placeholder values and digits, so a personalised template is still one "
      "body.",
      "Vary the message per audience, or use a registered A2P route.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, one template to 150 recipients a day"},
      {"route: p2p, one template to 80 recipients a day"}));
  catalog.Add(TrafficRule(
      "traffic/repetition", Level::kWarning,
      "More substantially identical messages from a sender than the profile allows",
      "Repeating one message over and over from a number is what filters look for; digits and "
      "placeholder values are masked before comparing.",
      "Send fewer copies per day from a number, or use a registered A2P route.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, 30 copies of one template in a day"},
      {"route: p2p, 20 copies of one template in a day"}));
  catalog.Add(TrafficRule(
      "traffic/balance", Level::kWarning,
      "Outgoing:incoming ratio per sender beyond the profile's tolerance",
      "Person-to-person traffic is a conversation, roughly one reply per message. With "
      "traffic.reply_rate the simulator expects that many replies per message; a number that sends "
      "far more than it receives (beyond the profile's tolerance, once it has sent the profile's "
      "minimum in a day) is one-way bulk traffic. Without traffic.reply_rate the rule does not "
      "judge.",
      "Move one-way traffic to a registered A2P route.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, reply_rate: 0.04, 100 messages"},
      {"route: p2p, reply_rate: 0.5, 100 messages"}));
  catalog.Add(TrafficRule(
      "traffic/snowshoeing", Level::kError,
      "The campaign spreads the same content or link domain across several sender numbers",
      "Splitting one campaign over many numbers so each stays under its limits (snowshoeing) is "
      "an evasion carriers punish by blocking every number involved. Error when each number stays "
      "under its limits while together they exceed what one number may send; warning when "
      "several numbers are used without that pattern (CTIA expects one number per campaign).",
      "Send from one number at a rate it may carry, or register a route sized for the campaign.",
      "CTIA Messaging Principles and Best Practices (2019): single number use, snowshoeing",
      {"route: p2p, 5 numbers at 1/s each, same template"}, {"one sender number"}));
  catalog.Add(TrafficRule(
      "traffic/carrier-cap", Level::kError,
      "A carrier cap is exceeded: 10DLC brand daily cap or per-minute class, toll-free or short "
      "code rate",
      "On 10DLC T-Mobile caps a brand's messages per day by its vetting (trust) score and AT&T "
      "caps messages per minute by class; toll-free and short codes have per-second rates. Numbers "
      "do not reveal their carrier, so the profile assumes each carrier's share of recipients "
      "(documented in the profile). Messages over a cap are rejected.",
      "Lower schedule.rate, spread the campaign over more days, or raise the brand's trust score.",
      "T-Mobile and AT&T 10DLC limits; toll-free and short code throughput (see smslint profiles)",
      {"route: 10dlc, trust_score: 20, 10,000 recipients in one day"},
      {"route: 10dlc, trust_score: 80, 10,000 recipients in one day"}));
  catalog.Add(TrafficRule(
      "traffic/quiet-hours", Level::kError,
      "A message lands outside 8:00-21:00 recipient local time, or a stricter state window",
      "Federal rules forbid telephone solicitations before 8 a.m. or after 9 p.m. at the "
      "recipient's location, and some states are stricter (Florida, Oklahoma, Maryland, "
      "Washington: 8 p.m.; Texas: 9 a.m., Sunday noon). The recipient's zone and state come from "
      "the CSV or the number. One-time passcodes and fraud alerts are not held to it.",
      "Set schedule.window (recipient-local), for example \"09:00-20:00\".",
      "47 CFR 64.1200(c)(1); Fla. Stat. 501.059; 15 O.S. 775C.4; Md. Com. Law 14-4503; "
      "RCW 80.36.390; Tex. Bus. & Com. Code 301.051",
      {"start 20:30 New York, no window"}, {"window 09:00-20:00"}));
  catalog.Add(TrafficRule(
      "traffic/stale-delivery", Level::kWarning,
      "The queue delivers a message after its template's `expires`, or past the first window",
      "A slow rate or a narrow window turns into a queue: messages wait for the next window, the "
      "campaign runs for days, and a time-bound offer arrives after it ended. Warning for "
      "messages delivered after their template's `expires`; a note (info) for messages that wait "
      "for a later window.",
      "Raise the rate within the profile, widen the window, or send to fewer recipients.",
      "smslint: delayed delivery",
      {"expires: 2h, 10,000 recipients at 30/min"}, {"expires: 2h, 1,000 recipients at 30/min"}));
  catalog.Add(TrafficRule(
      "traffic/predicted-filtering", Level::kError,
      "The filter model predicts messages filtered as 30007",
      "This is a model, not carrier truth: carriers do not publish their filters. Each number has "
      "a reputation score: every message adds its weighted excess over each window's limit, "
      "filtered content features (shorteners, phishing lures, SHAFT) add per message, the same "
      "body from several numbers adds, and the score decays with a half-life. Above the profile's "
      "block threshold the number's messages count as filtered (error 30007) until the score "
      "cools off below the release threshold. All weights are in the profile. The finding says "
      "how many, from when, on which number, and the top reasons.",
      "Fix the top reasons: rate, flagged content, number spreading.",
      "smslint filter model (parameters in rules/profiles/*.yml)",
      {"route: p2p, rate: 5/s, 2,000 recipients"}, {"route: p2p, rate: 10/min, 200 recipients"}));
}

}  // namespace smslint
