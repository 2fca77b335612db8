// content/insecure-link: an http:// link (error in Canada).
#ifndef SMSLINT_CHECKS_INSECURE_LINK_CHECK_H_
#define SMSLINT_CHECKS_INSECURE_LINK_CHECK_H_

#include "lint/check.h"

namespace smslint {

class InsecureLinkCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_INSECURE_LINK_CHECK_H_
