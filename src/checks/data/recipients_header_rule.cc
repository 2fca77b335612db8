#include "checks/data/recipients_header_rule.h"

#include "absl/strings/ascii.h"
#include "campaign/schema_rules.h"
#include "checks/data/recipient_findings.h"
#include "diag/pii.h"

namespace smslint {
namespace {

using HeaderProblem = RecipientFacts::HeaderProblem;

void Report(const DataRuleInput& input, const char* rule, std::string message,
            std::string suggestion, std::vector<Diagnostic>& out) {
  Diagnostic d = RecipientsFinding(input, rule, Level::kError, std::move(message), nullptr);
  d.suggestion = std::move(suggestion);
  out.push_back(std::move(d));
}

// A header cell a finding may quote: a short name of letters, digits, spaces,
// '_', '-' and '.'. Anything else may be bytes of some other file (the campaign
// named /etc/passwd, say) and is not echoed.
constexpr size_t kMaxQuotedColumnName = 40;
bool IsPlausibleColumnName(std::string_view name) {
  if (name.empty() || name.size() > kMaxQuotedColumnName) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != ' ' && c != '_' && c != '-' &&
        c != '.')
      return false;
  }
  return true;
}

// A cell that reads like a phone number (seven digits or more, with only the
// punctuation numbers are written with): the file has no header, and its first row
// is a recipient.
bool LooksLikeNumber(std::string_view cell) {
  if (cell.size() > kMaxQuotedColumnName) return false;
  size_t digits = 0;
  for (char c : cell) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
      return false;
    }
  }
  return digits >= 7;
}

}  // namespace

const RuleInfo* RecipientsHeaderRule::Info() const { return nullptr; }

void RecipientsHeaderRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const RecipientFacts& facts = input.facts;
  const std::string& file = facts.file;
  switch (facts.header_problem) {
    case HeaderProblem::kNone:
      return;
    case HeaderProblem::kEmpty:
      Report(input, kMissingField,
             "recipients file '" + file + "' is empty: it needs a header row with a phone column",
             "start the file with a header such as: phone,first_name,opted_in_at", out);
      return;
    case HeaderProblem::kUnterminated:
    case HeaderProblem::kNotUtf8:
      Report(input, kInvalidValue,
             "the header row of '" + file + "' " +
                 (facts.header_problem == HeaderProblem::kUnterminated
                      ? "does not end (a quote never closes or it is over 1 MiB)"
                      : "is not valid UTF-8"),
             "the first line must list the column names, comma-separated", out);
      return;
    case HeaderProblem::kNoPhoneColumn: {
      // A column that is probably the numbers under another name.
      std::string guess;
      for (const std::string& c : facts.header_columns) {
        std::string lower = absl::AsciiStrToLower(c);
        if (lower == "phone_number" || lower == "mobile" || lower == "number" || lower == "cell" ||
            lower == "msisdn" || lower == "tel")
          guess = c;
      }
      const std::vector<std::string>& columns = facts.header_columns;
      const std::string* number = nullptr;
      bool plausible = true;
      for (const std::string& c : columns) {
        if (number == nullptr && LooksLikeNumber(c)) number = &c;
        plausible = plausible && IsPlausibleColumnName(c);
      }
      std::string message = "recipients file '" + file + "' has no phone column";
      std::string suggestion = guess.empty() ? "name the column of numbers 'phone'"
                                             : "rename the column '" + guess + "' to 'phone'";
      if (number != nullptr) {
        message += ": its first line looks like a recipient (" +
                   ShowRecipientNumber(*number, 0, input.show_pii) + "), not a header row";
        suggestion = "start the file with a header such as: phone,first_name,opted_in_at";
      } else if (plausible) {
        std::string listed;
        for (const std::string& c : columns) listed += (listed.empty() ? "" : ", ") + c;
        message += " (columns: " + std::string(CutUtf8(listed, 200)) + ")";
      } else {
        message += ": the first line has " + std::to_string(columns.size()) +
                   (columns.size() == 1 ? " column" : " columns") +
                   ", none named 'phone' (not quoted: they do not look like column names)";
      }
      Report(input, kMissingField, std::move(message), std::move(suggestion), out);
      return;
    }
  }
}

}  // namespace smslint
