// content/segment-count: a rendered message longer than `max_segments` parts.
#ifndef SMSLINT_CHECKS_SEGMENT_COUNT_CHECK_H_
#define SMSLINT_CHECKS_SEGMENT_COUNT_CHECK_H_

#include "lint/check.h"

namespace smslint {

class SegmentCountCheck : public ContentCheck {
 public:
  static constexpr int kDefaultMaxSegments = 3;

  static constexpr int kMaxMaxSegments = 10;  // 10 parts: 1,530 GSM-7 characters

  // `max_segments` is the rule option of the same name (1 to kMaxMaxSegments).
  explicit SegmentCountCheck(int max_segments = kDefaultMaxSegments);

  const RuleInfo& Info() const override;
  absl::Status Configure(const CheckOptions& options) override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;

  int max_segments() const { return max_segments_; }

 private:
  int max_segments_;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_SEGMENT_COUNT_CHECK_H_
