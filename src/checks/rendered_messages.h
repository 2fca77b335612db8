// Checks on messages as each recipient will receive them (templates rendered with
// the recipient's fields).
#ifndef SMSLINT_CHECKS_RENDERED_MESSAGES_H_
#define SMSLINT_CHECKS_RENDERED_MESSAGES_H_

#include <vector>

#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "diag/diagnostic.h"
#include "diag/rule_info.h"

namespace smslint {

// Renders every template for every sendable recipient: content/empty-placeholder,
// content/segment-count (over `max_segments`) and content/ucs2-character (a
// recipient's field value forces UCS-2 where the template text alone does not).
// One finding per template and rule, with counts and examples masked (diag/pii.h)
// unless `show_pii`.
std::vector<Diagnostic> CheckRenderedMessages(const Campaign& campaign, const RecipientTable& table,
                                              bool show_pii, int max_segments);

// The descriptor of content/empty-placeholder (the other two rules are content
// checks with descriptors of their own).
const RuleInfo& EmptyPlaceholderRuleInfo();

}  // namespace smslint

#endif  // SMSLINT_CHECKS_RENDERED_MESSAGES_H_
