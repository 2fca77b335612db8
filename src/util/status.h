// Status helpers: Abseil 2022 ships no RETURN_IF_ERROR / ASSIGN_OR_RETURN.
#ifndef SMSLINT_UTIL_STATUS_H_
#define SMSLINT_UTIL_STATUS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define SMSLINT_CONCAT_INNER(a, b) a##b
#define SMSLINT_CONCAT(a, b) SMSLINT_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                          \
  do {                                                 \
    ::absl::Status smslint_status_ = (expr);           \
    if (!smslint_status_.ok()) return smslint_status_; \
  } while (0)

#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(*tmp)

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(SMSLINT_CONCAT(smslint_statusor_, __LINE__), lhs, expr)

#endif  // SMSLINT_UTIL_STATUS_H_
