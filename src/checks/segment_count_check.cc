#include "checks/segment_count_check.h"

#include <algorithm>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "text/encoding.h"
#include "text/template.h"
#include "util/strings.h"

namespace smslint {

SegmentCountCheck::SegmentCountCheck(int max_segments) : max_segments_(std::max(1, max_segments)) {}

const RuleInfo& SegmentCountCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/segment-count",
      .level = Level::kWarning,
      .summary = "A message longer than max_segments SMS segments",
      .why =
          "A long message is sent as several segments, each billed as one SMS and each "
          "counted against throughput limits; handsets may show the parts late or out of "
          "order. One character outside GSM-7 halves the room: 70 characters per segment "
          "instead of 160 (67 instead of 153 once split).",
      .fix =
          "Shorten the text, or replace the characters that force UCS-2 (curly quotes, "
          "dashes, ellipses) with their GSM-7 equivalents; `smslint segments` shows both.",
      .source = "GSM 03.38 / 3GPP TS 23.038 (alphabet), 3GPP TS 23.040 (concatenated SMS)",
      .fire_examples = {std::string(200, 'a') + std::string(300, 'b'),
                        "Hi {{first_name}}! " + std::string(160, 'x') + " \xE2\x80\x99" +
                            std::string(100, 'y')},
      .pass_examples = {"Acme Coffee: lattes are 20% off today. Reply STOP to opt out",
                        std::string(459, 'a')},
      .options = {{"max_segments", std::to_string(kDefaultMaxSegments),
                   absl::StrCat("Largest number of segments a message may have (1 to ",
                                kMaxMaxSegments, ")")}},
      .origin = "builtin",
  };
  return *info;
}

absl::Status SegmentCountCheck::Configure(const CheckOptions& options) {
  for (const auto& [name, value] : options.values) {
    if (name != "max_segments") {
      return UnknownOptionError(options.where, Info().id, name, {"max_segments"});
    }
    int n = 0;
    if (!absl::SimpleAtoi(AsAbsl(value), &n) || n < 1 || n > kMaxMaxSegments) {
      return absl::InvalidArgumentError(absl::StrCat(
          options.where, ": error: option 'max_segments' of ", Info().id,
          " must be a whole number from 1 to ", kMaxMaxSegments, ", not '", value, "'"));
    }
    max_segments_ = n;
  }
  return absl::OkStatus();
}

void SegmentCountCheck::Run(const MessageContext& context, std::vector<Finding>& findings) const {
  // Templates are measured as `lint` sees them: each placeholder rendered with its
  // fallback, or its field name when it has none.
  std::string rendered;
  std::string_view text = context.body;
  if (context.kind == BodyKind::kTemplate) {
    ParsedTemplate parsed = ParseTemplate(context.body);
    // A personalised template is measured per recipient instead (checks/rendered_messages).
    if (!parsed.placeholders.empty() && context.rendered_per_recipient) return;
    if (!parsed.placeholders.empty()) {
      rendered = RenderWithFallbacks(parsed);
      text = rendered;
    }
  }
  SegmentCount count = CountSegments(text);
  if (count.segments <= max_segments_) return;
  bool gsm = count.encoding == Encoding::kGsm7;
  Finding f;
  f.rule = Info().id;
  f.level = Info().level;
  f.begin = 0;
  f.end = context.body.size();
  f.message = "message is " + std::to_string(count.segments) + " segments (" +
              std::string(EncodingName(count.encoding)) + ", " + std::to_string(count.units) +
              (gsm ? " septets" : " UTF-16 units") + "), more than max_segments " +
              std::to_string(max_segments_);
  if (!gsm) {
    SegmentCount replaced = CountSegments(ApplyGsm7Replacements(text));
    if (replaced.segments < count.segments) {
      f.message += "; " + std::to_string(replaced.segments) + " in " +
                   std::string(EncodingName(replaced.encoding)) +
                   " with the characters that force UCS-2 replaced";
      f.suggestion = "replace the characters that force UCS-2 (see content/ucs2-character)";
    }
  }
  if (f.suggestion.empty()) f.suggestion = "shorten the message";
  findings.push_back(std::move(f));
}

}  // namespace smslint
