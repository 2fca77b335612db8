#include "checks/data/no_recipients_rule.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checks/data/recipient_findings.h"

namespace smslint {

const RuleInfo* NoRecipientsRule::Info() const {
  static const RuleInfo info{
      .id = "data/no-recipients",
      .level = Level::kError,
      .summary = "the campaign has nobody to send to",
      .why =
          "An empty list, a recipients file with only its header, or a file whose every row "
          "is held back (invalid, a duplicate, suppressed or malformed) sends nothing: usually "
          "the wrong export, a filter that removed everyone, or a list not yet pasted in. A "
          "pre-flight that passes such a campaign hides that nobody will get the message.",
      .fix =
          "Point recipients.file at the export with the audience (rows under the header), or "
          "fill recipients.list; fix the rows the other data findings hold back.",
      .source = "smslint: a campaign needs at least one recipient",
      .fire_examples = {"a recipients.csv with the header phone,first_name and no rows",
                        "recipients.list: []",
                        "a recipients.csv whose only row 555-0177 is not a valid number"},
      .pass_examples = {"a recipients.csv with the row +13125550177",
                        "a recipients.csv with rows 555-0177 and +13125550177 (one can be sent)"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void NoRecipientsRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const Campaign& campaign = input.campaign;
  const RecipientFacts& facts = input.facts;
  // `list: []`: nothing to read, known without reading rows (`lint` too).
  if (!campaign.recipients.file.present && campaign.recipients.list.empty() &&
      campaign.recipients.list_pos.known()) {
    Diagnostic d;
    d.rule = Info()->id;
    d.level = Level::kError;
    d.message = "recipients.list is empty: the campaign would send to nobody";
    const Position pos = campaign.recipients.list_pos;
    d.span = Span{campaign.path, pos.line, pos.column, pos.line, pos.column};
    d.suggestion = "add the numbers to send to, or use recipients.file";
    out.push_back(std::move(d));
    return;
  }
  // A file without a usable header is a schema finding; under `lint` no rows are read.
  if (!facts.rows_read || facts.header_problem != RecipientFacts::HeaderProblem::kNone) return;
  const RecipientTable& table = input.table;
  size_t invalid = 0, duplicate = 0, suppressed = 0;
  for (size_t r = 0; r < table.size(); ++r) {
    const uint8_t flags = table.flags[r];
    if (IsSendable(flags)) return;  // someone gets the message
    if (flags & kRecipientInvalid) {
      ++invalid;
    } else if (flags & kRecipientDuplicate) {
      ++duplicate;
    } else {
      ++suppressed;
    }
  }
  const size_t malformed = facts.malformed_rows.size();
  const size_t rows = table.size() + malformed;
  const std::string where = facts.origin == RecipientFacts::Origin::kList
                                ? std::string("recipients.list")
                                : facts.csv_display;
  std::string message;
  if (rows == 0) {
    message = facts.origin == RecipientFacts::Origin::kList
                  ? "recipients.list is empty: the campaign would send to nobody"
                  : absl::StrCat(where,
                                 " has a header and no rows: the campaign would send to "
                                 "nobody");
  } else {
    std::vector<std::string> held;
    if (invalid) held.push_back(absl::StrCat(invalid, " invalid"));
    if (duplicate) held.push_back(absl::StrCat(duplicate, " duplicate"));
    if (suppressed) held.push_back(absl::StrCat(suppressed, " suppressed"));
    if (malformed) held.push_back(absl::StrCat(malformed, " malformed"));
    message = absl::StrCat(rows == 1 ? "the only row of " + where + " cannot be sent to"
                                     : "none of the " + Plural(static_cast<int64_t>(rows), "row") +
                                           " of " + where + " can be sent to",
                           " (", absl::StrJoin(held, ", "), "): the campaign would send to nobody");
  }
  Diagnostic d = RecipientsFinding(input, Info()->id, Level::kError, std::move(message), nullptr);
  d.suggestion = rows == 0 ? "export the audience again, with its rows under the header"
                           : "fix the rows the other data findings list";
  out.push_back(std::move(d));
}

}  // namespace smslint
