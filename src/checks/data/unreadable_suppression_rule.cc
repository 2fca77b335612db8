#include "checks/data/unreadable_suppression_rule.h"

#include "checks/data/recipient_findings.h"

namespace smslint {
namespace {

std::string EncodingText(SuppressionReport::Encoding encoding) {
  switch (encoding) {
    case SuppressionReport::Encoding::kUtf8:
      return "UTF-8";
    case SuppressionReport::Encoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case SuppressionReport::Encoding::kUtf16Le:
      return "UTF-16 LE";
    case SuppressionReport::Encoding::kUtf16Be:
      return "UTF-16 BE";
  }
  return "UTF-8";
}

// How the file was read, for the notes: encoding, layout, column.
std::string LayoutText(const SuppressionReport& report) {
  std::string text = "read as " + EncodingText(report.encoding);
  if (report.delimiter == 0) return text + ", one number a line";
  const char* name = report.delimiter == ','   ? "comma"
                     : report.delimiter == ';' ? "semicolon"
                                               : "tab";
  text += std::string(", ") + name + "-separated";
  if (report.phone_column >= 0)
    text += ", numbers from column " + std::to_string(report.phone_column + 1);
  return text;
}

}  // namespace

const RuleInfo* UnreadableSuppressionRule::Info() const {
  static const RuleInfo info{
      .id = "data/unreadable-suppression",
      .level = Level::kError,
      .summary = "the suppression (opt-out) file, or some of its entries, cannot be read",
      .why =
          "An opt-out the reader cannot read suppresses nobody: the person who replied STOP "
          "is texted again. Error when the file gives no number at all (empty, no phone "
          "column, an unreadable first line, nothing but junk); warning when some entries "
          "are not numbers or are malformed rows. The file's text is never shown, only line "
          "numbers and the reason.",
      .fix =
          "Export the opt-out list as one number a line, or as CSV (comma, semicolon or tab) "
          "with a header column named phone; UTF-8 or UTF-16 with BOM. Fix or delete the "
          "entries the finding lists.",
      .source = "CTIA Messaging Principles and Best Practices 5.1.3; TCPA, 47 U.S.C. 227",
      .fire_examples = {"a suppression file with the lines +13125550177 and n/a (warning)",
                        "a suppression file with the header name,email and no numbers",
                        "a suppression file with only a comment line"},
      .pass_examples = {"a suppression file Phone Number;Name with row +13125550177;Ann",
                        "a suppression file with the line +13125550177"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void UnreadableSuppressionRule::Run(const DataRuleInput& input,
                                    std::vector<Diagnostic>& out) const {
  const RecipientFacts& facts = input.facts;
  if (!facts.suppression_read) return;
  const SuppressionReport& report = facts.suppression;
  const std::string& file = facts.suppression_display;
  const bool none = report.numbers == 0;
  if (!none && report.issues.empty()) return;

  Aggregate aggregate;
  for (const SuppressionEntryIssue& issue : report.issues) {
    aggregate.Add(issue.line, [&] {
      return file + ":" + std::to_string(issue.line) + ": " +
             std::string(SuppressionEntryProblemText(issue.problem));
    });
  }
  std::string message;
  std::string suggestion;
  switch (report.file_problem) {
    case SuppressionFileProblem::kEmpty:
      message = "suppression file " + file + " holds no numbers: no opt-out is applied";
      suggestion = "export the opt-out list again, one number a line or a CSV with a phone column";
      break;
    case SuppressionFileProblem::kNoPhoneColumn:
      message = "suppression file " + file +
                " has no phone column (phone, phone number, mobile, msisdn, number) and its "
                "first line holds no phone number: no opt-out is applied";
      suggestion = "name the column of numbers 'phone'";
      break;
    case SuppressionFileProblem::kHeaderUnreadable:
      message = "the first line of suppression file " + file +
                " cannot be read (a quote never closes, it is over 1 MiB, or it is not "
                "UTF-8): no opt-out is applied";
      suggestion = "save the file as UTF-8 CSV or as one number a line";
      break;
    case SuppressionFileProblem::kNone:
      if (none) {
        message = "none of the " + Plural(report.entries, "entry", "entries") +
                  " of suppression file " + file + " is a phone number: no opt-out is applied";
      } else {
        message =
            Plural(report.issues.size(), "entry", "entries") + " of " +
            std::to_string(report.entries) + " in suppression file " + file + " cannot be read: " +
            (report.issues.size() == 1 ? "that person is" : "those people are") + " not suppressed";
      }
      suggestion =
          "fix or delete the listed lines; numbers need an area code (or + and a country code)";
      break;
  }
  Diagnostic d = RecipientsFinding(input, Info()->id, none ? Level::kError : Level::kWarning,
                                   std::move(message), &aggregate);
  // At the suppression file's `file:` value, where a comment can disable it.
  const Position pos = input.campaign.suppression_file.pos;
  d.span = Span{input.campaign.path, pos.line, pos.column, pos.line, pos.column};
  if (report.file_problem != SuppressionFileProblem::kEmpty) d.notes.push_back(LayoutText(report));
  d.suggestion = std::move(suggestion);
  out.push_back(std::move(d));
}

}  // namespace smslint
