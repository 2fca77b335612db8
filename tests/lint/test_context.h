// The campaign context rule examples and check tests run in: a US marketing
// campaign of "Acme Coffee" on 10DLC, linking to acme.com, sending from one number.
#ifndef SMSLINT_TESTS_LINT_TEST_CONTEXT_H_
#define SMSLINT_TESTS_LINT_TEST_CONTEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "lint/check.h"

namespace smslint {

inline MessageContext ExampleContext(std::string_view body, BodyKind kind = BodyKind::kTemplate) {
  MessageContext c;
  c.body = body;
  c.kind = kind;
  c.template_id = "example";
  c.brand = "Acme Coffee";
  c.use_case = UseCase::kMarketing;
  c.country = "US";
  c.route = Route::k10DLC;
  c.domain = "acme.com";
  c.senders = {"+14155550100"};
  c.recipient_fields = {"first_name", "nickname"};
  c.fields_known = true;
  return c;
}

// Rule ids of `findings`, for compact assertions.
inline std::vector<std::string> RuleIdsOf(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const Finding& f : findings) ids.push_back(f.rule);
  return ids;
}

}  // namespace smslint

#endif  // SMSLINT_TESTS_LINT_TEST_CONTEXT_H_
