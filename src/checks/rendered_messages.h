// Checks on messages as each recipient will receive them (templates rendered with
// the recipient's fields). Declared in campaign/recipients.h: CheckRenderedMessages.
#ifndef SMSLINT_CHECKS_RENDERED_MESSAGES_H_
#define SMSLINT_CHECKS_RENDERED_MESSAGES_H_

#include <string>
#include <vector>

#include "campaign/recipients.h"

namespace smslint {

// The rules only this stage runs (content/empty-placeholder); its segment-count and
// UCS-2 findings belong to the content checks of the same ids.
std::vector<std::string> RenderedMessageRuleIds();

}  // namespace smslint

#endif  // SMSLINT_CHECKS_RENDERED_MESSAGES_H_
