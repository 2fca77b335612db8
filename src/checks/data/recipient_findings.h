// What the data rules share: one finding for many recipients (a count and up to
// five examples), anchored at the recipients in the campaign file.
#ifndef SMSLINT_CHECKS_DATA_RECIPIENT_FINDINGS_H_
#define SMSLINT_CHECKS_DATA_RECIPIENT_FINDINGS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checks/data/data_rule.h"
#include "util/strings.h"  // Plural

namespace smslint {

// Count plus up to five examples: one finding for many recipients.
class Aggregate {
 public:
  static constexpr size_t kMaxExamples = 5;

  // Counts a row; `example` is called only while fewer than five are kept.
  template <typename MakeExample>
  void Add(uint32_t line, MakeExample example) {
    if (count_ == 0) first_line_ = line;
    ++count_;
    if (examples_.size() < kMaxExamples) examples_.push_back(example());
  }
  size_t count() const { return count_; }
  uint32_t first_line() const { return first_line_; }
  const std::vector<std::string>& examples() const { return examples_; }

 private:
  size_t count_ = 0;
  uint32_t first_line_ = 0;
  std::vector<std::string> examples_;
};

// "recipients.csv:12" or "line 12" (of the campaign file, for inline lists).
std::string RowWhere(const RecipientFacts& facts, uint32_t line);

// A finding at the recipients (recipients.file, or for inline lists the first
// example's line), with the examples and "and N more" as notes.
Diagnostic RecipientsFinding(const DataRuleInput& input, std::string rule, Level level,
                             std::string message, const Aggregate* aggregate);

// Valid UTF-8 prefix of at most `max_bytes` bytes: a field value quoted in a finding.
std::string_view CutUtf8(std::string_view s, size_t max_bytes);

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_RECIPIENT_FINDINGS_H_
