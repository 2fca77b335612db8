// The C++ content checks, registered in one explicit list (registry.cc).
#ifndef SMSLINT_CHECKS_REGISTRY_H_
#define SMSLINT_CHECKS_REGISTRY_H_

#include <memory>
#include <vector>

#include "lint/check.h"

namespace smslint {

std::vector<std::unique_ptr<ContentCheck>> BuiltinChecks();

// Runs every built-in check once on sample messages and drops the findings, so what
// they build on first use (their patterns, and the reverse programs RE2 compiles at
// a pattern's first match) is built now, on the calling thread: about 15 ms of CPU
// that a run would otherwise spend inside its first message's checks, with the
// other checking threads waiting for it. Safe to run beside any other use.
void PrepareBuiltinChecks();

}  // namespace smslint

#endif  // SMSLINT_CHECKS_REGISTRY_H_
