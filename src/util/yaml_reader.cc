#include "util/yaml_reader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "util/strings.h"
#include "yaml-cpp/eventhandler.h"

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

namespace {

struct YamlCost {
  uint64_t nodes = 0;
  uint64_t bytes = 0;
  void Add(const YamlCost& other) {
    nodes = other.nodes > UINT64_MAX - nodes ? UINT64_MAX : nodes + other.nodes;
    bytes = other.bytes > UINT64_MAX - bytes ? UINT64_MAX : bytes + other.bytes;
  }
};

// Thrown out of the event handler, caught in CheckYamlBudget.
struct BudgetExceeded {
  YAML::Mark mark;
  std::string what;
};
struct StuckDocument {
  YAML::Mark mark;
};

class BudgetCounter : public YAML::EventHandler {
 public:
  explicit BudgetCounter(YamlBudget budget) : budget_(budget) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (started_ && mark.pos == last_start_.pos) throw StuckDocument{mark};
    started_ = true;
    last_start_ = mark;
    anchors_.clear();  // anchors are per document
    frames_.clear();
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { Add(mark, {1, 0}, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    Add(mark, it == anchors_.end() ? YamlCost{1, 0} : it->second, 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    Add(mark, {1, value.size()}, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Start(mark, anchor);
  }
  void OnSequenceEnd() override { End(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Start(mark, anchor);
  }
  void OnMapEnd() override { End(); }

 private:
  struct Frame {
    YAML::anchor_t anchor;
    YamlCost cost;
  };

  void Charge(const YAML::Mark& mark, const YamlCost& cost) {
    total_.Add(cost);
    if (total_.nodes > budget_.max_nodes) {
      throw BudgetExceeded{mark, absl::StrCat("the YAML holds more than ", budget_.max_nodes,
                                              " nodes (aliases counted at every use)")};
    }
    if (total_.bytes > budget_.max_bytes) {
      throw BudgetExceeded{
          mark, absl::StrCat("the YAML's values come to more than ", budget_.max_bytes,
                             " bytes (aliases counted at every use): write each value out once, "
                             "or make the file smaller")};
    }
  }
  void Add(const YAML::Mark& mark, const YamlCost& cost, YAML::anchor_t anchor) {
    Charge(mark, cost);
    if (anchor != 0) anchors_[anchor] = cost;
    if (!frames_.empty()) frames_.back().cost.Add(cost);
  }
  void Start(const YAML::Mark& mark, YAML::anchor_t anchor) {
    Charge(mark, {1, 0});
    frames_.push_back({anchor, {1, 0}});
  }
  void End() {
    if (frames_.empty()) return;
    Frame frame = frames_.back();
    frames_.pop_back();
    if (frame.anchor != 0) anchors_[frame.anchor] = frame.cost;
    if (!frames_.empty()) frames_.back().cost.Add(frame.cost);
  }

  YamlBudget budget_;
  YamlCost total_;
  std::vector<Frame> frames_;
  std::map<YAML::anchor_t, YamlCost> anchors_;
  bool started_ = false;
  YAML::Mark last_start_;
};

}  // namespace

YamlBudget YamlBudgetFor(size_t source_bytes) {
  return {1000000, 4 * static_cast<uint64_t>(source_bytes) + (1u << 20)};
}

absl::StatusOr<YAML::Node> LoadYaml(std::string_view path, const std::string& source) {
  try {
    return YAML::Load(source);
  } catch (const YAML::Exception& e) {
    return YamlError(path, e, "YAML syntax: ");
  }
}

bool YamlWithinBudgetUnread(const std::string& source, YamlBudget budget, bool several_documents) {
  const uint64_t bytes = source.size();
  return !several_documents && source.find('*') == std::string::npos &&
         bytes <= budget.max_nodes / 3 && bytes <= budget.max_bytes / 2;
}

absl::Status CheckYamlBudget(std::string_view path, const std::string& source, YamlBudget budget,
                             bool several_documents) {
  if (YamlWithinBudgetUnread(source, budget, several_documents)) return absl::OkStatus();
  std::istringstream in(source);
  try {
    YAML::Parser parser(in);
    BudgetCounter counter(budget);
    while (parser.HandleNextDocument(counter)) {
    }
  } catch (const BudgetExceeded& e) {
    const int line = e.mark.is_null() || e.mark.line < 0 ? 1 : e.mark.line + 1;
    const int column = e.mark.is_null() || e.mark.column < 0 ? 1 : e.mark.column + 1;
    return absl::InvalidArgumentError(
        absl::StrCat(AsAbsl(path), ":", line, ":", column, ": error: ", e.what));
  } catch (const StuckDocument& e) {
    if (!several_documents) return absl::OkStatus();
    bool inside = e.mark.pos >= 0 && static_cast<size_t>(e.mark.pos) < source.size();
    char token = inside ? source[e.mark.pos] : '?';
    return YamlError(path,
                     YAML::ParserException(e.mark, std::string("unexpected '") + token +
                                                       "' outside a [ ] or { } collection"),
                     "YAML syntax: ");
  } catch (const YAML::Exception& e) {
    return YamlError(path, e, "YAML syntax: ");
  }
  return absl::OkStatus();
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
  if (!node.IsScalar() || !ParseDecimal(node.Scalar(), &value) || !std::isfinite(value)) {
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
