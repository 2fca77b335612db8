#include "util/yaml_reader.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "util/strings.h"

namespace smslint {

YamlMark MarkOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

std::string UnknownKeyMessage(std::string_view key, const std::vector<std::string_view>& known,
                              std::string_view where, std::string* guess) {
  std::string suggestion = DidYouMean(key, known);
  if (guess != nullptr) *guess = suggestion;
  return absl::StrCat("unknown key '", AsAbsl(key), "'",
                      where.empty() ? "" : absl::StrCat(" in ", AsAbsl(where)),
                      suggestion.empty() ? "" : absl::StrCat("; did you mean '", suggestion, "'?"));
}

absl::Status YamlError(std::string_view path, const YAML::Exception& e, std::string_view prefix) {
  const int line = e.mark.is_null() || e.mark.line < 0 ? 1 : e.mark.line + 1;
  const int column = e.mark.is_null() || e.mark.column < 0 ? 1 : e.mark.column + 1;
  return absl::InvalidArgumentError(
      absl::StrCat(AsAbsl(path), ":", line, ":", column, ": error: ", AsAbsl(prefix), e.msg));
}

std::string YamlReader::Where(const YAML::Mark& mark) const {
  if (mark.is_null() || mark.line < 0) return path_;
  return absl::StrCat(path_, ":", mark.line + 1, ":", mark.column + 1);
}

std::string YamlReader::Where(const YAML::Node& node) const { return Where(node.Mark()); }

absl::Status YamlReader::Error(const YAML::Node& node, std::string_view message) const {
  return absl::InvalidArgumentError(absl::StrCat(Where(node), ": error: ", AsAbsl(message)));
}

absl::Status YamlReader::CheckKeys(const YAML::Node& map,
                                   const std::vector<std::string_view>& known,
                                   std::string_view where) const {
  if (!map.IsMap()) {
    return Error(map, where.empty() ? std::string("expected a mapping")
                                    : absl::StrCat(AsAbsl(where), " must be a mapping"));
  }
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) return Error(it->first, "keys must be plain words");
    const std::string& key = it->first.Scalar();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    return Error(it->first, UnknownKeyMessage(key, known, where));
  }
  return absl::OkStatus();
}

absl::StatusOr<YAML::Node> YamlReader::Required(const YAML::Node& map, const char* key) const {
  YAML::Node node = map[key];
  if (!node) return Error(map, absl::StrCat("missing required key '", key, "'"));
  return node;
}

absl::StatusOr<std::string> YamlReader::String(const YAML::Node& node,
                                               std::string_view what) const {
  if (!node.IsScalar()) {
    return Error(node, what.empty() ? std::string("expected a string")
                                    : absl::StrCat("'", AsAbsl(what), "' must be a string"));
  }
  return node.Scalar();
}

absl::StatusOr<double> YamlReader::Number(const YAML::Node& node, std::string_view what, double min,
                                          double max) const {
  double value = 0;
  if (!node.IsScalar() || !absl::SimpleAtod(node.Scalar(), &value) || !std::isfinite(value)) {
    return Error(node, what.empty() ? std::string("expected a number")
                                    : absl::StrCat("'", AsAbsl(what), "' must be a number"));
  }
  if (value < min || value > max) {
    const std::string range = absl::StrFormat("%g, out of range [%g, %g]", value, min, max);
    return Error(node, what.empty() ? absl::StrCat(range.substr(0, range.find(',')), " is",
                                                   range.substr(range.find(',') + 1))
                                    : absl::StrCat("'", AsAbsl(what), "' is ", range));
  }
  return value;
}

absl::StatusOr<std::vector<std::string>> YamlReader::Strings(const YAML::Node& node,
                                                             std::string_view what,
                                                             size_t max_items) const {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  const std::string message = absl::StrCat("'", AsAbsl(what), "' must be a list of strings");
  if (!node.IsSequence()) return Error(node, message);
  if (node.size() > max_items) {
    return Error(node, absl::StrCat("'", AsAbsl(what), "' has too many items"));
  }
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) return Error(item, message);
    out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace smslint
