// Rule descriptors of the recipient-data rules (data/*) and content/empty-placeholder.
// Declared in campaign/recipients.h: AddDataRules.
#ifndef SMSLINT_CHECKS_DATA_RULES_H_
#define SMSLINT_CHECKS_DATA_RULES_H_

#include "campaign/recipients.h"

#endif  // SMSLINT_CHECKS_DATA_RULES_H_
