// content/segment-count: a rendered message longer than `max_segments` parts.
#ifndef SMSLINT_CHECKS_SEGMENT_COUNT_CHECK_H_
#define SMSLINT_CHECKS_SEGMENT_COUNT_CHECK_H_

#include "lint/check.h"

namespace smslint {

class SegmentCountCheck : public ContentCheck {
 public:
  static constexpr int kDefaultMaxSegments = 3;

  // `max_segments` is the rule option of the same name (at least 1).
  explicit SegmentCountCheck(int max_segments = kDefaultMaxSegments);

  const RuleInfo& Info() const override;
  void Run(const MessageContext& context, std::vector<Finding>& findings) const override;

 private:
  const int max_segments_;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_SEGMENT_COUNT_CHECK_H_
