#include "checks/brand_match.h"

#include <cctype>

#include "text/links.h"
#include "text/words.h"

namespace smslint {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

}  // namespace

std::string NormalizeBrandText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\'' || c == '`') continue;
    // U+2018 / U+2019 (E2 80 98 / 99), U+02BC (CA BC): apostrophes.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
         static_cast<unsigned char>(text[i + 2]) == 0x99)) {
      i += 2;
      continue;
    }
    if (c == 0xCA && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
      ++i;
      continue;
    }
    if (c == '&') {
      space();
      out += "and ";
      continue;
    }
    if (std::isalnum(c) || c >= 0x80) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else {
      space();
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string NormalizeBrandName(std::string_view name) {
  std::string n = NormalizeBrandText(name);
  if (StartsWith(n, "the ") && n.size() > 4) n = n.substr(4);
  for (std::string_view suffix : {" l l c", " llc", " inc", " co", " corp", " corporation",
                                  " company", " ltd", " limited", " pllc", " plc"}) {
    if (EndsWith(n, suffix) && n.size() > suffix.size() + 1) {
      n = n.substr(0, n.size() - suffix.size());
      break;
    }
  }
  return n;
}

bool NamesBrand(std::string_view body, std::string_view brand,
                const std::vector<std::string>& aliases) {
  std::string masked = MaskPlaceholders(body);
  for (const Link& link : FindLinks(masked)) {
    for (size_t i = link.begin; i < link.end; ++i) masked[i] = ' ';
  }
  const std::string text = " " + NormalizeBrandText(masked) + " ";
  const std::string joined_text = WithoutSpaces(text);
  auto names = [&](std::string_view name) {
    std::string n = NormalizeBrandName(name);
    if (n.empty()) return false;
    if (text.find(" " + n + " ") != std::string::npos) return true;
    // Multi-word names written as one word ("AcmeCoffee").
    std::string joined = WithoutSpaces(n);
    return n.find(' ') != std::string::npos && joined.size() >= 4 &&
           joined_text.find(joined) != std::string::npos;
  };
  if (names(brand)) return true;
  for (const std::string& alias : aliases) {
    if (names(alias)) return true;
  }
  return false;
}

}  // namespace smslint
