// Metadata of the schema/* rules, which the loader emits.
#ifndef SMSLINT_CAMPAIGN_SCHEMA_RULES_H_
#define SMSLINT_CAMPAIGN_SCHEMA_RULES_H_

#include "diag/rule_catalog.h"

namespace smslint {

inline constexpr char kUnknownKey[] = "schema/unknown-key";
inline constexpr char kMissingField[] = "schema/missing-field";
inline constexpr char kInvalidValue[] = "schema/invalid-value";

void AddSchemaRules(RuleCatalog& catalog);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_SCHEMA_RULES_H_
