#include "checks/data/recipients_header_rule.h"

#include "absl/strings/ascii.h"
#include "campaign/schema_rules.h"
#include "checks/data/recipient_findings.h"

namespace smslint {
namespace {

using HeaderProblem = RecipientFacts::HeaderProblem;

void Report(const DataRuleInput& input, const char* rule, std::string message,
            std::string suggestion, std::vector<Diagnostic>& out) {
  Diagnostic d = RecipientsFinding(input, rule, Level::kError, std::move(message), nullptr);
  d.suggestion = std::move(suggestion);
  out.push_back(std::move(d));
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
      std::string listed;
      for (const std::string& c : facts.header_columns) listed += (listed.empty() ? "" : ", ") + c;
      Report(input, kMissingField,
             "recipients file '" + file +
                 "' has no phone column (columns: " + std::string(CutUtf8(listed, 200)) + ")",
             guess.empty() ? "name the column of numbers 'phone'"
                           : "rename the column '" + guess + "' to 'phone'",
             out);
      return;
    }
  }
}

}  // namespace smslint
