#include "report/sarif_emitter.h"

#include <cctype>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

namespace smslint {
namespace {

using json = nlohmann::ordered_json;

std::string_view SarifLevel(Level level) {
  switch (level) {
    case Level::kError:
      return "error";
    case Level::kWarning:
      return "warning";
    case Level::kInfo:
      return "note";
  }
  return "warning";
}

// "content/missing-brand" -> "ContentMissingBrand": SARIF wants an identifier-like name.
std::string RuleName(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    } else {
      upper = true;
    }
  }
  return name;
}

// Percent-encodes what may not appear in a URI path (RFC 3986), keeping '/'.
std::string EncodeUriPath(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' ||
        c == '@' || c == '=' || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' ||
        c == ')' || c == '*' || c == ',' || c == ';' || c == ':') {
      out += static_cast<char>(c);
    } else {
      out += absl::StrFormat("%%%02X", c);
    }
  }
  return out;
}

// GitHub resolves artifact URIs against the repository root: paths are made relative
// to the working directory when they lie under it.
std::string ArtifactUri(const std::string& path) {
  if (path.empty() || path == "-") return "stdin";
  std::filesystem::path p(path);
  if (p.is_absolute()) {
    std::error_code ec;
    std::filesystem::path cwd = std::filesystem::current_path(ec);
    if (!ec) {
      std::filesystem::path rel = p.lexically_relative(cwd);
      if (!rel.empty() && *rel.begin() != "..") return EncodeUriPath(rel.generic_string());
    }
    return "file://" + EncodeUriPath(p.generic_string());
  }
  std::string generic = p.lexically_normal().generic_string();
  return EncodeUriPath(generic);
}

std::string MessageText(const Diagnostic& d) {
  std::string text = d.message;
  if (!d.suggestion.empty()) absl::StrAppend(&text, "\n", d.suggestion);
  for (const std::string& note : d.notes) absl::StrAppend(&text, "\n", note);
  return text;
}

json RuleDescriptor(std::string_view id, const ReportOptions& options) {
  const RuleInfo* info = options.catalog ? options.catalog->Find(id) : nullptr;
  json rule = {{"id", id}, {"name", RuleName(id)}, {"helpUri", RuleHelpUri(id)}};
  std::string family(RuleFamily(id));
  if (info == nullptr) {
    rule["shortDescription"] = {{"text", std::string(id)}};
    rule["properties"] = {{"tags", json::array({"sms", family})}};
    return rule;
  }
  std::string summary = info->summary.empty() ? std::string(id) : info->summary;
  std::string full = info->why.empty() ? summary : info->why;
  std::string help_text = absl::StrCat(summary, "\n\nWhy: ", info->why, "\n\nFix: ", info->fix);
  std::string help_md =
      absl::StrCat("**", summary, "**\n\n**Why.** ", info->why, "\n\n**Fix.** ", info->fix);
  if (!info->source.empty()) {
    absl::StrAppend(&help_text, "\n\nSource: ", info->source);
    absl::StrAppend(&help_md, "\n\n**Source.** ", info->source);
  }
  rule["shortDescription"] = {{"text", summary}};
  rule["fullDescription"] = {{"text", full}};
  rule["help"] = {{"text", help_text}, {"markdown", help_md}};
  rule["defaultConfiguration"] = {{"level", SarifLevel(info->level)}};
  rule["properties"] = {{"tags", json::array({"sms", family})}};
  return rule;
}

json Region(const Span& span) {
  // SARIF requires startLine >= 1: a finding about the whole file sits on line 1.
  if (span.line <= 0) return {{"startLine", 1}};
  json region = {{"startLine", span.line}};
  if (span.column > 0) region["startColumn"] = span.column;
  int end_line = span.end_line >= span.line ? span.end_line : span.line;
  region["endLine"] = end_line;
  if (span.column > 0) {
    int end_column = span.end_column;
    if (end_line == span.line && end_column <= span.column) end_column = span.column + 1;
    if (end_column > 0) region["endColumn"] = end_column;
  }
  return region;
}

}  // namespace

std::string RuleHelpUri(std::string_view rule_id) {
  std::string anchor = "rule-";
  for (char c : rule_id) {
    anchor += std::isalnum(static_cast<unsigned char>(c)) || c == '-'
                  ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                  : '-';
  }
  return absl::StrCat(kSmslintHomepage, "/blob/main/README.md#", anchor);
}

std::string FindingFingerprint(std::string_view rule_id, std::string_view file,
                               std::string_view template_id, std::string_view message) {
  // FNV-1a, 64 bits: stable across platforms and releases, unlike std::hash.
  uint64_t hash = 0xcbf29ce484222325ull;
  auto mix = [&hash](std::string_view part) {
    for (unsigned char c : part) {
      if (std::isdigit(c)) continue;  // counts and line numbers change between runs
      hash ^= c;
      hash *= 0x100000001b3ull;
    }
    hash ^= 0xff;  // separator, so ("ab","c") and ("a","bc") differ
    hash *= 0x100000001b3ull;
  };
  mix(rule_id);
  mix(file);
  mix(template_id);
  mix(message);
  return absl::StrFormat("%016x", hash);
}

std::string EmitSarif(const std::vector<FileResult>& results, const ReportOptions& options) {
  // One rules[] entry per rule that ran anywhere (or produced a finding), sorted by id.
  std::set<std::string> rule_ids;
  for (const FileResult& r : results) {
    rule_ids.insert(r.rules_run.begin(), r.rules_run.end());
    for (const Diagnostic& d : r.diagnostics) rule_ids.insert(d.rule);
  }
  json rules = json::array();
  std::map<std::string, int> rule_index;
  for (const std::string& id : rule_ids) {
    rule_index[id] = static_cast<int>(rules.size());
    rules.push_back(RuleDescriptor(id, options));
  }

  json sarif_results = json::array();
  std::set<std::string> artifacts;
  for (const FileResult& r : results) {
    artifacts.insert(ArtifactUri(r.path));
    // Identical findings in one file get ":1", ":2"... so each keeps its own alert.
    std::map<std::string, int> seen;
    for (const Diagnostic& d : r.diagnostics) {
      std::string file = d.span.file.empty() ? r.path : d.span.file;
      std::string uri = ArtifactUri(file);
      artifacts.insert(uri);
      std::string fingerprint = FindingFingerprint(d.rule, uri, d.template_id, d.message);
      int occurrence = ++seen[fingerprint];
      json result = {
          {"ruleId", d.rule},
          {"ruleIndex", rule_index[d.rule]},
          {"level", SarifLevel(d.level)},
          {"message", {{"text", MessageText(d)}}},
          {"locations", json::array({json{{"physicalLocation",
                                           {{"artifactLocation", {{"uri", uri}}},
                                            {"region", Region(d.span)}}}}})},
          {"partialFingerprints",
           {{"smslintFindingHash/v1", absl::StrCat(fingerprint, ":", occurrence)}}},
      };
      if (!d.template_id.empty()) result["properties"] = {{"template", d.template_id}};
      sarif_results.push_back(std::move(result));
    }
  }

  json artifact_list = json::array();
  for (const std::string& uri : artifacts) {
    artifact_list.push_back({{"location", {{"uri", uri}}}});
  }

  json run = {
      {"tool",
       {{"driver",
         {{"name", "smslint"},
          {"version", SMSLINT_VERSION},
          {"semanticVersion", SMSLINT_VERSION},
          {"informationUri", kSmslintHomepage},
          {"rules", rules}}}}},
      {"invocations", json::array({json{{"executionSuccessful", true}}})},
      {"columnKind", "unicodeCodePoints"},
      {"artifacts", artifact_list},
      {"results", sarif_results},
  };
  json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({run})},
  };
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace smslint
