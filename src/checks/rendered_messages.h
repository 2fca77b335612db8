// Checks on messages as each recipient will receive them (templates rendered with
// the recipient's fields). Declared in campaign/recipients.h: CheckRenderedMessages.
#ifndef SMSLINT_CHECKS_RENDERED_MESSAGES_H_
#define SMSLINT_CHECKS_RENDERED_MESSAGES_H_

#include "campaign/recipients.h"

#endif  // SMSLINT_CHECKS_RENDERED_MESSAGES_H_
