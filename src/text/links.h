// Links in a message body: URLs with a scheme (https://acme.com/x), with www.
// (www.acme.com), and bare domains (acme.com/x, bit.ly/abc), with their host and
// registrable domain.
#ifndef SMSLINT_TEXT_LINKS_H_
#define SMSLINT_TEXT_LINKS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

struct Link {
  size_t begin = 0;    // byte offset in the body
  size_t end = 0;      // just past the link (trailing punctuation excluded)
  std::string scheme;  // "http", "https", or "" when written without one
  std::string host;    // lower case, without port or trailing dot
};

// Finds links. A bare domain (no scheme, no www.) counts only when its last label
// is a common top-level domain or the host is a known public URL shortener, so
// "e.g." or "3.50" or "Mr.Smith" are not links. Email addresses are not links.
std::vector<Link> FindLinks(std::string_view body);

// The registrable domain ("eTLD+1") of a host: "shop.acme.co.uk" -> "acme.co.uk".
// Uses a short built-in list of multi-label public suffixes (co.uk, com.au, ...),
// not the full Public Suffix List: hosts under private suffixes such as
// github.io or a rare country's second-level zones fall back to the last two labels.
std::string RegistrableDomain(std::string_view host);

// True when `host` or one of its parent domains is on the public URL shortener
// list (rules/data/url-shorteners.txt).
bool IsPublicShortenerHost(std::string_view host);

}  // namespace smslint

#endif  // SMSLINT_TEXT_LINKS_H_
