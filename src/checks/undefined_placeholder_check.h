// content/undefined-placeholder: `{{field}}` that no recipient column provides.
#ifndef SMSLINT_CHECKS_UNDEFINED_PLACEHOLDER_CHECK_H_
#define SMSLINT_CHECKS_UNDEFINED_PLACEHOLDER_CHECK_H_

#include "lint/check.h"

namespace smslint {

class UndefinedPlaceholderCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_UNDEFINED_PLACEHOLDER_CHECK_H_
