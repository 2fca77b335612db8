// content/opt-out-keyword-misuse: a reply instruction that uses an opt-out keyword
// for something else ("Reply CANCEL to reschedule", "Reply NO to cancel").
#ifndef SMSLINT_CHECKS_OPT_OUT_KEYWORD_MISUSE_CHECK_H_
#define SMSLINT_CHECKS_OPT_OUT_KEYWORD_MISUSE_CHECK_H_

#include "lint/check.h"

namespace smslint {

class OptOutKeywordMisuseCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_OPT_OUT_KEYWORD_MISUSE_CHECK_H_
