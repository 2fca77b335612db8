// The C++ content checks, registered in one explicit list (registry.cc).
#ifndef SMSLINT_CHECKS_REGISTRY_H_
#define SMSLINT_CHECKS_REGISTRY_H_

#include <memory>
#include <vector>

#include "lint/check.h"

namespace smslint {

std::vector<std::unique_ptr<ContentCheck>> BuiltinChecks();

}  // namespace smslint

#endif  // SMSLINT_CHECKS_REGISTRY_H_
