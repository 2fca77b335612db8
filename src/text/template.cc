#include "text/template.h"

#include "absl/strings/ascii.h"
#include "util/strings.h"

namespace smslint {

ParsedTemplate ParseTemplate(std::string_view body) {
  ParsedTemplate parsed;
  std::string literal;
  size_t i = 0;
  while (i < body.size()) {
    size_t open = body.find("{{", i);
    if (open == std::string_view::npos) {
      literal.append(body.substr(i));
      break;
    }
    size_t close = body.find("}}", open + 2);
    size_t next_open = body.find("{{", open + 2);
    if (close == std::string_view::npos ||
        (next_open != std::string_view::npos && next_open < close)) {
      // Unclosed: keep the braces as text and go on after them.
      parsed.unclosed.push_back(open);
      literal.append(body.substr(i, open + 2 - i));
      i = open + 2;
      continue;
    }
    literal.append(body.substr(i, open - i));
    std::string_view inner = body.substr(open + 2, close - open - 2);
    Placeholder p;
    p.begin = open;
    p.end = close + 2;
    size_t bar = inner.find('|');
    if (bar == std::string_view::npos) {
      p.field = std::string(absl::StripAsciiWhitespace(AsAbsl(inner)));
    } else {
      p.field = std::string(absl::StripAsciiWhitespace(AsAbsl(inner.substr(0, bar))));
      p.fallback = std::string(absl::StripAsciiWhitespace(AsAbsl(inner.substr(bar + 1))));
    }
    parsed.literals.push_back(std::move(literal));
    literal.clear();
    parsed.placeholders.push_back(std::move(p));
    i = close + 2;
  }
  parsed.literals.push_back(std::move(literal));
  return parsed;
}

bool RenderTemplate(const ParsedTemplate& parsed, const std::vector<std::string_view>& values,
                    std::string& out, size_t max_bytes) {
  out.clear();
  auto append = [&](std::string_view piece) {
    if (out.size() + piece.size() <= max_bytes) {
      out.append(piece);
      return true;
    }
    out.append(Utf8Prefix(piece, max_bytes - out.size()));
    return false;
  };
  for (size_t i = 0; i < parsed.placeholders.size(); ++i) {
    if (!append(parsed.literals[i])) return false;
    std::string_view value = i < values.size() ? values[i] : std::string_view();
    if (value.empty() && parsed.placeholders[i].fallback) value = *parsed.placeholders[i].fallback;
    if (!append(value)) return false;
  }
  return append(parsed.literals.back());
}

std::string RenderWithFallbacks(const ParsedTemplate& parsed) {
  std::string out;
  for (size_t i = 0; i < parsed.placeholders.size(); ++i) {
    out.append(parsed.literals[i]);
    const Placeholder& p = parsed.placeholders[i];
    out.append(p.fallback ? *p.fallback : p.field);
  }
  out.append(parsed.literals.back());
  return out;
}

}  // namespace smslint
