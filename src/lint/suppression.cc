#include "lint/suppression.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "lint/config.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr std::string_view kUnusedRule = "lint/unused-suppression";

// Offset of the '#' that starts a YAML comment on `line`, or npos. Quotes are
// tracked so a '#' inside a quoted body is text, not a comment.
size_t CommentStart(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote == '"') {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quote = 0;
      }
    } else if (quote == '\'') {
      if (c == '\'') quote = 0;  // '' is an escaped quote: closes and reopens
    } else if (c == '"' || c == '\'') {
      // Quotes open a scalar only at its start, not inside plain text (it's, 5'10").
      size_t k = i;
      while (k > 0 && line[k - 1] == ' ') --k;
      if (k == 0 || line[k - 1] == ':' || line[k - 1] == '-' || line[k - 1] == '[' ||
          line[k - 1] == ',' || line[k - 1] == '{') {
        quote = c;
      }
    } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string_view::npos;
}

int Indent(std::string_view line) {
  int n = 0;
  while (static_cast<size_t>(n) < line.size() && (line[n] == ' ' || line[n] == '-')) {
    if (line[n] == '-') return n;
    ++n;
  }
  return n;
}

bool IsBlankOrComment(std::string_view line) {
  std::string_view t = AsStd(absl::StripLeadingAsciiWhitespace(AsAbsl(line)));
  return t.empty() || t[0] == '#';
}

using Scope = SuppressionFilter::Scope;

Scope ScopeOf(const Suppression& s, const Campaign& campaign,
              const std::vector<std::string_view>& lines) {
  Scope scope{s.line, s.line, ""};
  if (!s.own_line) return scope;
  int target = s.line + 1;
  while (target <= static_cast<int>(lines.size()) && IsBlankOrComment(lines[target - 1])) ++target;
  scope.first_line = scope.last_line = target;
  for (const Template& t : campaign.templates) {
    if (t.pos.line != target && t.id.pos.line != target) continue;
    scope.template_id = t.id.value;
    // The item runs until a line indented no deeper than its dash.
    int item_indent = Indent(lines[target - 1]);
    int last = target;
    for (int l = target + 1; l <= static_cast<int>(lines.size()); ++l) {
      if (IsBlankOrComment(lines[l - 1])) continue;
      if (Indent(lines[l - 1]) <= item_indent) break;
      last = l;
    }
    scope.last_line = last;
    break;
  }
  return scope;
}

bool Covers(const Scope& scope, const std::string& file, const Diagnostic& d) {
  // A finding in another file (a recipients CSV row) is not on the comment's line.
  if (!d.span.file.empty() && d.span.file != file) return false;
  if (!scope.template_id.empty() && d.template_id == scope.template_id) return true;
  return d.span.line >= scope.first_line && d.span.line <= scope.last_line;
}

}  // namespace

std::vector<Suppression> FindSuppressions(std::string_view source) {
  std::vector<Suppression> out;
  int line_number = 0;
  for (absl::string_view absl_line : absl::StrSplit(AsAbsl(source), '\n')) {
    std::string_view line = AsStd(absl_line);
    ++line_number;
    if (line.find("smslint:") == std::string_view::npos) continue;
    size_t hash = CommentStart(line);
    if (hash == std::string_view::npos) continue;
    std::string_view rest = line.substr(hash + 1);
    size_t offset = hash + 1;
    auto skip_spaces = [&] {
      while (!rest.empty() && (rest[0] == ' ' || rest[0] == '\t')) {
        rest.remove_prefix(1);
        ++offset;
      }
    };
    skip_spaces();
    if (rest.substr(0, 8) != "smslint:") continue;
    rest.remove_prefix(8);
    offset += 8;
    skip_spaces();
    if (rest.substr(0, 8) != "disable=") continue;
    rest.remove_prefix(8);
    offset += 8;
    Suppression s;
    s.line = line_number;
    s.own_line = absl::StripAsciiWhitespace(AsAbsl(line.substr(0, hash))).empty();
    size_t reason = rest.find("--");
    std::string_view ids = rest.substr(0, reason);
    if (reason != std::string_view::npos) {
      s.reason = std::string(absl::StripAsciiWhitespace(AsAbsl(rest.substr(reason + 2))));
    }
    size_t pos = 0;
    for (absl::string_view id : absl::StrSplit(AsAbsl(ids), ',')) {
      size_t lead = 0;
      while (lead < id.size() && std::isspace(static_cast<unsigned char>(id[lead]))) ++lead;
      absl::string_view trimmed = absl::StripAsciiWhitespace(id);
      if (!trimmed.empty()) {
        s.rules.push_back(std::string(trimmed));
        s.rule_columns.push_back(CodePointColumn(line, offset + pos + lead) + 1);
      }
      pos += id.size() + 1;
    }
    if (s.rules.empty()) continue;
    s.column = s.rule_columns.front();
    out.push_back(std::move(s));
  }
  return out;
}

SuppressionFilter::SuppressionFilter(const Campaign& campaign)
    : file_(campaign.path), suppressions_(FindSuppressions(campaign.source)) {
  if (suppressions_.empty()) return;
  std::vector<std::string_view> lines;
  for (absl::string_view l : absl::StrSplit(campaign.source, '\n')) lines.push_back(AsStd(l));
  for (const Suppression& s : suppressions_) {
    scopes_.push_back(ScopeOf(s, campaign, lines));
    used_.emplace_back(s.rules.size(), false);
  }
}

void SuppressionFilter::Apply(std::vector<Diagnostic>& diagnostics) {
  if (suppressions_.empty()) return;
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    if (d.rule == kUnusedRule) return false;
    bool suppressed = false;
    for (size_t i = 0; i < suppressions_.size(); ++i) {
      if (!Covers(scopes_[i], file_, d)) continue;
      for (size_t r = 0; r < suppressions_[i].rules.size(); ++r) {
        if (RuleGlobMatch(suppressions_[i].rules[r], d.rule)) {
          used_[i][r] = true;
          suppressed = true;
        }
      }
    }
    return suppressed;
  });
}

std::vector<Diagnostic> SuppressionFilter::Unused(const std::vector<std::string>* rules_run) const {
  std::vector<Diagnostic> out;
  for (size_t i = 0; i < suppressions_.size(); ++i) {
    const Suppression& s = suppressions_[i];
    for (size_t r = 0; r < s.rules.size(); ++r) {
      if (used_[i][r]) continue;
      if (rules_run != nullptr &&
          std::none_of(rules_run->begin(), rules_run->end(),
                       [&](const std::string& id) { return RuleGlobMatch(s.rules[r], id); })) {
        continue;
      }
      Diagnostic d;
      d.rule = std::string(kUnusedRule);
      d.level = UnusedSuppressionRuleInfo().level;
      d.message = absl::StrCat("suppression of ", s.rules[r], " is unused: no such finding ",
                               scopes_[i].template_id.empty()
                                   ? "on this line"
                                   : absl::StrCat("in template '", scopes_[i].template_id, "'"));
      d.span.file = file_;
      d.span.line = d.span.end_line = s.line;
      d.span.column = s.rule_columns[r];
      d.span.end_column = s.rule_columns[r] + static_cast<int>(s.rules[r].size());
      d.template_id = scopes_[i].template_id;
      d.suggestion = "remove it from the comment";
      out.push_back(std::move(d));
    }
  }
  return out;
}

void ApplySuppressions(const Campaign& campaign, std::vector<Diagnostic>& diagnostics) {
  SuppressionFilter filter(campaign);
  filter.Apply(diagnostics);
  for (Diagnostic& d : filter.Unused(nullptr)) diagnostics.push_back(std::move(d));
}

void ApplySuppressions(const Campaign& campaign, const std::vector<std::string>& rules_run,
                       std::vector<Diagnostic>& diagnostics) {
  SuppressionFilter filter(campaign);
  filter.Apply(diagnostics);
  for (Diagnostic& d : filter.Unused(&rules_run)) diagnostics.push_back(std::move(d));
}

const RuleInfo& UnusedSuppressionRuleInfo() {
  static const RuleInfo* info = new RuleInfo{
      .id = std::string(kUnusedRule),
      .level = Level::kWarning,
      .summary = "A '# smslint: disable=...' comment that suppresses nothing",
      .why =
          "A suppression outlives the finding it was written for: after the text is "
          "fixed it only hides the next, real problem of the same rule.",
      .fix = "Remove the rule id from the comment, or the whole comment.",
      .source = "smslint",
      .fire_examples = {"body: \"Acme: lattes 20% off. Reply STOP to opt out\"  # smslint: "
                        "disable=content/shaft"},
      .pass_examples = {"body: \"Acme: WIN big today!! Reply STOP to opt out\"  # smslint: "
                        "disable=content/excessive-punctuation"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

}  // namespace smslint
