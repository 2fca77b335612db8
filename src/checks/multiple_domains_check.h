// content/multiple-domains: links on several registrable domains, or not on campaign.domain.
#ifndef SMSLINT_CHECKS_MULTIPLE_DOMAINS_CHECK_H_
#define SMSLINT_CHECKS_MULTIPLE_DOMAINS_CHECK_H_

#include "lint/check.h"

namespace smslint {

class MultipleDomainsCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_MULTIPLE_DOMAINS_CHECK_H_
