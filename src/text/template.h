// Message templates: `{{field}}` and `{{field|fallback}}` placeholders.
#ifndef SMSLINT_TEXT_TEMPLATE_H_
#define SMSLINT_TEXT_TEMPLATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

struct Placeholder {
  std::string field;                    // trimmed
  std::optional<std::string> fallback;  // text after '|', trimmed; may be empty
  size_t begin = 0;                     // byte offset of "{{"
  size_t end = 0;                       // byte offset just past "}}"
};

// A template split into literal text and placeholders, in order:
// literal[0] placeholder[0] literal[1] ... placeholder[n-1] literal[n].
struct ParsedTemplate {
  std::vector<std::string> literals;
  std::vector<Placeholder> placeholders;
  // Byte offsets of "{{" that were never closed (rendered as written).
  std::vector<size_t> unclosed;
};

ParsedTemplate ParseTemplate(std::string_view body);

// Renders with `values[i]` for placeholder i; an empty value takes the fallback
// when there is one. Appends to `out` after clearing it (reuse it across rows).
// At most `max_bytes` bytes, cut where a UTF-8 character starts: returns false when
// the message was cut (a field of megabytes, or thousands of placeholders, cannot
// make a message of gigabytes).
bool RenderTemplate(const ParsedTemplate& parsed, const std::vector<std::string_view>& values,
                    std::string& out, size_t max_bytes = SIZE_MAX);

// Renders with each placeholder's fallback, or `{{field}}`'s field name when it has
// none: the text `lint` checks when no recipient rows are read.
std::string RenderWithFallbacks(const ParsedTemplate& parsed);

}  // namespace smslint

#endif  // SMSLINT_TEXT_TEMPLATE_H_
