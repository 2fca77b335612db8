// content/missing-opt-out: no opt-out instruction where the use case needs one.
#ifndef SMSLINT_CHECKS_OPT_OUT_CHECK_H_
#define SMSLINT_CHECKS_OPT_OUT_CHECK_H_

#include "lint/check.h"

namespace smslint {

class OptOutCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_OPT_OUT_CHECK_H_
