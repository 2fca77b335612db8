// content/public-url-shortener: a link on a public URL shortener.
#ifndef SMSLINT_CHECKS_PUBLIC_URL_SHORTENER_CHECK_H_
#define SMSLINT_CHECKS_PUBLIC_URL_SHORTENER_CHECK_H_

#include "lint/check.h"

namespace smslint {

class PublicUrlShortenerCheck : public ContentCheck {
 public:
  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_PUBLIC_URL_SHORTENER_CHECK_H_
