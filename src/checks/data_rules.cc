#include "checks/data_rules.h"

// One line per rule, alphabetical by file name.
#include "checks/data/duplicate_recipient_rule.h"
#include "checks/data/invalid_column_value_rule.h"
#include "checks/data/invalid_number_rule.h"
#include "checks/data/malformed_row_rule.h"
#include "checks/data/missing_consent_rule.h"
#include "checks/data/no_recipients_rule.h"
#include "checks/data/non_mobile_number_rule.h"
#include "checks/data/recipients_header_rule.h"
#include "checks/data/sender_route_mismatch_rule.h"
#include "checks/data/start_in_past_rule.h"
#include "checks/data/suppressed_recipient_rule.h"
#include "checks/data/unreadable_suppression_rule.h"
#include "checks/rendered_messages.h"
#include "diag/rule_catalog.h"

namespace smslint {

std::vector<std::unique_ptr<DataRule>> BuiltinDataRules() {
  std::vector<std::unique_ptr<DataRule>> rules;
  rules.push_back(std::make_unique<DuplicateRecipientRule>());
  rules.push_back(std::make_unique<InvalidColumnValueRule>());
  rules.push_back(std::make_unique<InvalidNumberRule>());
  rules.push_back(std::make_unique<MalformedRowRule>());
  rules.push_back(std::make_unique<MissingConsentRule>());
  rules.push_back(std::make_unique<NoRecipientsRule>());
  rules.push_back(std::make_unique<NonMobileNumberRule>());
  rules.push_back(std::make_unique<RecipientsHeaderRule>());
  rules.push_back(std::make_unique<SenderRouteMismatchRule>());
  rules.push_back(std::make_unique<StartInPastRule>());
  rules.push_back(std::make_unique<SuppressedRecipientRule>());
  rules.push_back(std::make_unique<UnreadableSuppressionRule>());
  return rules;
}

std::vector<Diagnostic> RunDataRules(const Campaign& campaign, const RecipientTable& table,
                                     const RecipientFacts& facts, bool show_pii, absl::Time now) {
  std::vector<Diagnostic> out;
  const DataRuleInput input{campaign, table, facts, show_pii, now};
  for (const auto& rule : BuiltinDataRules()) rule->Run(input, out);
  return out;
}

void AddDataRules(RuleCatalog& catalog) {
  for (const auto& rule : BuiltinDataRules()) {
    if (rule->Info() != nullptr) catalog.Add(*rule->Info());
  }
  catalog.Add(EmptyPlaceholderRuleInfo());
}

}  // namespace smslint
