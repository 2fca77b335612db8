#include "checks/opt_out_check.h"

#include "absl/strings/str_cat.h"
#include "checks/opt_out_language.h"
#include "text/words.h"

namespace smslint {

const RuleInfo& OptOutCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/missing-opt-out",
      .level = Level::kError,
      .summary =
          "A promotional message (marketing, mixed, sweepstake, ...) without opt-out "
          "instructions (Reply STOP ...)",
      .why =
          "CTIA requires recurring marketing programs to tell recipients how to stop; "
          "the FCC's 2024 revocation rule makes STOP, END, CANCEL, UNSUBSCRIBE, QUIT, "
          "STOPALL, REVOKE and OPTOUT each a valid opt-out. Messages without it are "
          "filtered and draw complaints. Spanish and French instructions (BAJA, ALTO, "
          "ARRET, ARRÊT ...; rules/data/opt-out-keywords.yml) count too.",
      .fix = "End the message with \"Reply STOP to opt out\" (or \"Text STOP to end\").",
      .source =
          "CTIA Messaging Principles and Best Practices (2023), 5.1.3; FCC 24-24, 47 CFR "
          "64.1200(a)(10); AWS End User Messaging SMS, required opt-out keywords (ARRET)",
      .fire_examples = {"Acme Coffee: lattes are 20% off today at acme.com/x",
                        "Acme Coffee: stop by for 20% off lattes today!",
                        "Acme Coffee: on arrête les frais, lattes à 20 %"},
      .pass_examples = {"Acme Coffee: lattes 20% off today. Reply STOP to opt out",
                        "Acme Coffee: lattes 20% off. Text STOP to end",
                        "Acme Coffee: lattes 20% off. STOP2END",
                        "Acme Coffee: lattes 20% off. txt STOP to 12345",
                        "Acme Coffee: lattes 20% off. stop=end",
                        "Acme Coffee: lattes 20% off. Reply QUIT to unsubscribe",
                        "Acme Coffee: lattes 20% de descuento. Responde STOP para cancelar",
                        "Acme Coffee: lattes 20% de descuento. Responde BAJA",
                        "Acme Coffee: lattes 20% de descuento. ALTO para cancelar",
                        "Acme Coffee: lattes à 20 %. Répondez STOP pour vous désabonner",
                        "Acme Coffee: lattes à 20 %. Envoyez ARRET",
                        "Acme Coffee: lattes à 20 %. ARRÊT pour vous désabonner"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void OptOutCheck::Run(const MessageContext& context, std::vector<Finding>& findings) const {
  // The confirmation's STOP is a part of content/incomplete-opt-in-confirmation.
  if (!context.use_case || context.kind == BodyKind::kOptInConfirmation) return;
  // Promotional programs must carry it (error): marketing, mixed and the TCR use
  // cases that may carry marketing (sweepstakes, sole proprietors, agents and
  // franchises). Recurring solicitations and broadcasts (political, charity, polling,
  // schools, social, free trials) and low-volume mixed campaigns (small businesses'
  // reminders and follow-ups as much as offers): a warning. Transactional and
  // conversational use cases (codes, alerts, notifications, care, proxies, UCaaS,
  // machine-to-machine) answer a request and need none. No default: a new use case
  // must be placed here (-Wswitch).
  Level level = Level::kError;
  switch (*context.use_case) {
    case UseCase::kMarketing:
    case UseCase::kMixed:
    case UseCase::kSweepstake:
    case UseCase::kSoleProprietor:
    case UseCase::kAgentsFranchises:
      level = Level::kError;
      break;
    case UseCase::kLowVolume:
    case UseCase::kPolitical:
    case UseCase::kCharity:
    case UseCase::kPolling:
    case UseCase::kHigherEducation:
    case UseCase::kK12Education:
    case UseCase::kSocial:
    case UseCase::kPlatformFreeTrial:
      level = Level::kWarning;
      break;
    case UseCase::kAccountNotification:
    case UseCase::kCustomerCare:
    case UseCase::kDeliveryNotification:
    case UseCase::kTwoFactor:
    case UseCase::kFraudAlert:
    case UseCase::kPublicService:
    case UseCase::kSecurityAlert:
    case UseCase::kMachineToMachine:
    case UseCase::kEmergency:
    case UseCase::kCarrierExempt:
    case UseCase::kProxy:
    case UseCase::kUcaasLow:
    case UseCase::kUcaasHigh:
      return;
  }
  if (FindOptOutInstruction(MaskPlaceholders(context.body))) return;
  Finding f;
  f.rule = Info().id;
  f.level = level;
  const std::string_view name = UseCaseName(*context.use_case);
  f.message = absl::StrCat(name.find_first_of("aeiou") == 0 ? "an " : "a ", std::string(name),
                           " message needs opt-out instructions (e.g. \"Reply STOP to opt out\")");
  f.begin = context.body.size();
  f.end = context.body.size();
  f.suggestion = "append \"Reply STOP to opt out\"";
  findings.push_back(std::move(f));
}

}  // namespace smslint
