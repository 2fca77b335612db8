// content/ucs2-character: a character outside GSM-7 that forces UCS-2 encoding.
#ifndef SMSLINT_CHECKS_UCS2_CHARACTER_CHECK_H_
#define SMSLINT_CHECKS_UCS2_CHARACTER_CHECK_H_

#include "lint/check.h"

namespace smslint {

class Ucs2CharacterCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_UCS2_CHARACTER_CHECK_H_
