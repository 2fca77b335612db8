#include "text/keywords.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "absl/strings/str_join.h"
#include "re2/re2.h"
#include "util/embedded_data.h"
#include "yaml-cpp/yaml.h"

namespace smslint {
namespace {

std::vector<std::string> ReadList(const YAML::Node& node) {
  std::vector<std::string> out;
  if (!node || !node.IsSequence()) return out;
  for (const YAML::Node& item : node) out.push_back(item.as<std::string>());
  return out;
}

}  // namespace

const std::vector<LanguageKeywords>& KeywordLanguages() {
  static const auto* languages = [] {
    auto* list = new std::vector<LanguageKeywords>();
    std::optional<std::string_view> data = FindEmbeddedFile("rules/data/opt-out-keywords.yml");
    if (!data) return list;
    try {
      YAML::Node root = YAML::Load(std::string(*data));
      for (const auto& entry : root["languages"]) {
        LanguageKeywords k;
        k.language = entry.first.as<std::string>();
        k.opt_out = ReadList(entry.second["opt_out"]);
        k.help = ReadList(entry.second["help"]);
        k.opt_in = ReadList(entry.second["opt_in"]);
        k.verbs = ReadList(entry.second["verbs"]);
        k.actions = ReadList(entry.second["actions"]);
        list->push_back(std::move(k));
      }
    } catch (const YAML::Exception&) {
      // The file is compiled in and checked by tests/text/keywords_test.cc.
      list->clear();
    }
    return list;
  }();
  return *languages;
}

std::vector<std::string> AllOptOutKeywords() {
  std::vector<std::string> out;
  for (const LanguageKeywords& k : KeywordLanguages())
    out.insert(out.end(), k.opt_out.begin(), k.opt_out.end());
  return out;
}

std::vector<std::string> AllKeywords() {
  std::vector<std::string> out;
  for (const LanguageKeywords& k : KeywordLanguages()) {
    out.insert(out.end(), k.opt_out.begin(), k.opt_out.end());
    out.insert(out.end(), k.help.begin(), k.help.end());
    out.insert(out.end(), k.opt_in.begin(), k.opt_in.end());
  }
  return out;
}

std::string KeywordAlternation(const std::vector<std::string>& words) {
  std::vector<std::string> parts;
  for (const std::string& w : words) {
    std::string part;
    for (char c : w) {
      if (c == ' ' || c == '-') {
        part += "[\\s-]?";
      } else {
        part += RE2::QuoteMeta(std::string(1, c));
      }
    }
    parts.push_back(part);
  }
  // Longest first, so "STOPALL" wins over "STOP".
  std::stable_sort(parts.begin(), parts.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return absl::StrJoin(parts, "|");
}

}  // namespace smslint
