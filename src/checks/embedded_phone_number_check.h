// content/embedded-phone-number: a phone number in the body that is not a sender.
#ifndef SMSLINT_CHECKS_EMBEDDED_PHONE_NUMBER_CHECK_H_
#define SMSLINT_CHECKS_EMBEDDED_PHONE_NUMBER_CHECK_H_

#include "lint/check.h"

namespace smslint {

class EmbeddedPhoneNumberCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_EMBEDDED_PHONE_NUMBER_CHECK_H_
