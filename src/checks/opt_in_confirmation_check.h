// content/incomplete-opt-in-confirmation: the opt-in confirmation lacks a required part.
#ifndef SMSLINT_CHECKS_OPT_IN_CONFIRMATION_CHECK_H_
#define SMSLINT_CHECKS_OPT_IN_CONFIRMATION_CHECK_H_

#include "lint/check.h"

namespace smslint {

class OptInConfirmationCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_OPT_IN_CONFIRMATION_CHECK_H_
