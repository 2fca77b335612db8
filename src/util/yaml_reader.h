// YamlReader: the one way smslint reads its YAML files (campaigns, config, rule
// packs, profiles): positions, unknown keys with "did you mean", typed values, and
// errors as "path:line:col: error: ...". yaml-cpp throws; YamlError turns its
// exceptions into the same Status at the file boundary.
#ifndef SMSLINT_UTIL_YAML_READER_H_
#define SMSLINT_UTIL_YAML_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "yaml-cpp/yaml.h"

namespace smslint {

// 1-based line and column of a node (0, 0 when it has none).
struct YamlMark {
  int line = 0;
  int column = 0;
};
YamlMark MarkOf(const YAML::Node& node);

// "unknown key 'KEY' in WHERE; did you mean 'X'?" (no " in" part when `where` is
// empty); `guess` receives the suggestion, "" when none is close.
std::string UnknownKeyMessage(std::string_view key, const std::vector<std::string_view>& known,
                              std::string_view where, std::string* guess = nullptr);

// "path:line:col: error: " + what yaml-cpp said (`prefix` before it).
absl::Status YamlError(std::string_view path, const YAML::Exception& e,
                       std::string_view prefix = "");

// What a YAML file may cost once read. yaml-cpp keeps an alias as a shared node, but
// a reader that copies the values it reads pays for the aliased node again at every
// use, and the node graph itself costs a few hundred bytes per node. So nodes and
// scalar bytes are counted over the parser's events, each alias as the whole node it
// names every time it is used.
struct YamlBudget {
  uint64_t max_nodes = 0;
  uint64_t max_bytes = 0;
};
// The budget of a file of `source_bytes`: 1,000,000 nodes, and scalar bytes up to
// four times the file plus 1 MiB (a footer anchored once and reused by every
// template fits; a 512 KB body aliased by 2,000 templates, 1 GB, does not).
YamlBudget YamlBudgetFor(size_t source_bytes);

// YAML::Load of `source`; a syntax error as "path:line:col: error: YAML syntax: ...".
absl::StatusOr<YAML::Node> LoadYaml(std::string_view path, const std::string& source);

// Whether `source` is within `budget` unread: one document, no alias (no '*' at all),
// and small enough that no construct could pass the budget. An alias-free document
// makes at most 2 nodes per byte (the densest known is a flow map of empty entries,
// `{,,,}`: a null key and a null value per ','; tests/util/yaml_reader_test.cc keeps
// it and the others at the limit), counted here as 3; and at most 1.5 value bytes
// per byte (the escape "\L" is 2 bytes in the file, 3 in the value), counted as 2.
// CheckYamlBudget then returns at once, and the caller's YAML::Load reports syntax.
bool YamlWithinBudgetUnread(const std::string& source, YamlBudget budget, bool several_documents);

// One pass over the parser's events, no nodes built: "path:line:col: error: ..." at
// the node or alias that passes `budget`, or at a YAML syntax error. It also stops
// on a top-level token no document can start with (yaml-cpp 0.7 then yields empty
// documents at one mark for ever): an error when `several_documents`, else the pass
// ends there and the caller's YAML::Load reports what it finds.
// No pass at all when YamlWithinBudgetUnread.
absl::Status CheckYamlBudget(std::string_view path, const std::string& source, YamlBudget budget,
                             bool several_documents);

class YamlReader {
 public:
  explicit YamlReader(std::string_view path) : path_(path) {}

  const std::string& path() const { return path_; }

  // "path:line:col" of the node, or the path alone when it has no position.
  std::string Where(const YAML::Node& node) const;
  std::string Where(const YAML::Mark& mark) const;
  absl::Status Error(const YAML::Node& node, std::string_view message) const;

  // Fails on the first key of `map` (which must be a mapping) not in `known`.
  absl::Status CheckKeys(const YAML::Node& map, const std::vector<std::string_view>& known,
                         std::string_view where) const;

  absl::StatusOr<YAML::Node> Required(const YAML::Node& map, const char* key) const;
  // `what` names the value in messages ("'what' must be a string"); "" for "expected a
  // string".
  absl::StatusOr<std::string> String(const YAML::Node& node, std::string_view what) const;
  // A finite number in [min, max].
  absl::StatusOr<double> Number(const YAML::Node& node, std::string_view what, double min,
                                double max) const;
  // A list of strings (a single string is a list of one), at most `max_items`.
  absl::StatusOr<std::vector<std::string>> Strings(const YAML::Node& node, std::string_view what,
                                                   size_t max_items) const;

 private:
  std::string path_;
};

}  // namespace smslint

#endif  // SMSLINT_UTIL_YAML_READER_H_
