#include "checks/registry.h"

// One line per check, alphabetical by file name.
#include "checks/segment_count_check.h"
#include "checks/ucs2_character_check.h"
#include "checks/undefined_placeholder_check.h"

namespace smslint {

std::vector<std::unique_ptr<ContentCheck>> BuiltinChecks() {
  std::vector<std::unique_ptr<ContentCheck>> checks;
  checks.push_back(std::make_unique<SegmentCountCheck>());
  checks.push_back(std::make_unique<Ucs2CharacterCheck>());
  checks.push_back(std::make_unique<UndefinedPlaceholderCheck>());
  return checks;
}

}  // namespace smslint
