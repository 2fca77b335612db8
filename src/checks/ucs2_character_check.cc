#include "checks/ucs2_character_check.h"

#include <string>

#include "text/encoding.h"
#include "text/template.h"

namespace smslint {

const RuleInfo& Ucs2CharacterCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/ucs2-character",
      .level = Level::kWarning,
      .summary = "A character outside the GSM-7 alphabet forces UCS-2 encoding",
      .why =
          "One character that GSM 03.38 lacks switches the whole message to UCS-2: a "
          "segment then holds 70 characters instead of 160 (67 instead of 153 when "
          "split), so the same text can cost two or three times as many segments. Curly "
          "quotes, dashes and ellipses pasted from a word processor are the usual cause.",
      .fix =
          "Use the GSM-7 replacement the finding names (' for \xE2\x80\x99, ... for "
          "\xE2\x80\xA6, - for \xE2\x80\x93), or keep the character if it is worth the "
          "shorter segments.",
      .source = "GSM 03.38 / 3GPP TS 23.038 (default alphabet and extension table)",
      .fire_examples = {"Acme: we\xE2\x80\x99re open late tonight. Reply STOP to opt out",
                        "Sale \xE2\x80\x93 today only\xE2\x80\xA6"},
      .pass_examples = {"Acme: we're open late tonight. Reply STOP to opt out",
                        "Caf\xC3\xA9 cr\xC3\xA8me \xE2\x82\xAC"
                        "5 {{name|friend}}",
                        "Hi {{first_name|\xE2\x80\x9C"
                        "friend\xE2\x80\x9D}}, see you soon"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void Ucs2CharacterCheck::Run(const MessageContext& context, std::vector<Finding>& findings) const {
  SegmentAnalysis analysis = AnalyzeSegments(context.body);
  if (analysis.ucs2_characters.empty()) return;
  // Text inside {{...}} is a field name or a fallback: the rendered value decides
  // the encoding there, and content/segment-count measures the rendered text.
  std::vector<Placeholder> placeholders;
  if (context.kind == BodyKind::kTemplate) placeholders = ParseTemplate(context.body).placeholders;
  size_t next_placeholder = 0;
  for (const Ucs2Character& c : analysis.ucs2_characters) {
    while (next_placeholder < placeholders.size() &&
           placeholders[next_placeholder].end <= c.byte_offset) {
      ++next_placeholder;
    }
    if (next_placeholder < placeholders.size() &&
        placeholders[next_placeholder].begin <= c.byte_offset) {
      continue;
    }
    bool invalid_byte = c.code_point == 0xFFFD &&
                        context.body.substr(c.byte_offset, c.byte_length) != "\xEF\xBF\xBD";
    std::string name = invalid_byte ? "invalid UTF-8 byte" : UnicodeName(c.code_point);
    Finding f;
    f.rule = Info().id;
    f.level = Info().level;
    f.begin = c.byte_offset;
    f.end = c.byte_offset + c.byte_length;
    f.message = FormatCodePoint(c.code_point);
    if (!name.empty()) f.message += " " + name;
    f.message += " forces UCS-2 encoding (70 characters per segment instead of 160)";
    if (c.has_replacement) {
      if (c.replacement.empty()) {
        f.message += "; it is invisible: remove it";
      } else if (c.replacement == " ") {
        f.message += "; use a plain space";
      } else if (c.replacement == "\n") {
        f.message += "; use a line break";
      } else {
        f.message += "; use " + c.replacement + " instead";
      }
      f.suggestion = c.replacement;
    } else {
      f.message += "; GSM-7 has no replacement for it";
    }
    findings.push_back(std::move(f));
  }
}

}  // namespace smslint
