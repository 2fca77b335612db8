// content/missing-brand: the body does not name campaign.brand.
#ifndef SMSLINT_CHECKS_BRAND_CHECK_H_
#define SMSLINT_CHECKS_BRAND_CHECK_H_

#include "lint/check.h"

namespace smslint {

class BrandCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_BRAND_CHECK_H_
