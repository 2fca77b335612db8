#include "text/links.h"

#include <cctype>
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "re2/re2.h"
#include "text/words.h"
#include "util/embedded_data.h"
#include "util/strings.h"

namespace smslint {
namespace {

// Top-level domains accepted for a bare domain without scheme or www.
const absl::flat_hash_set<std::string_view>& CommonTlds() {
  static const auto* tlds = new absl::flat_hash_set<std::string_view>{
      "com", "net",    "org",  "io",     "co",   "us",      "ca",    "uk",    "info",   "biz",
      "me",  "ly",     "gl",   "gd",     "app",  "dev",     "shop",  "store", "online", "site",
      "xyz", "link",   "club", "live",   "de",   "fr",      "es",    "it",    "nl",     "au",
      "nz",  "in",     "mx",   "br",     "edu",  "gov",     "tv",    "cc",    "ws",     "to",
      "ai",  "gg",     "page", "health", "bank", "finance", "money", "loan",  "loans",  "win",
      "bet", "casino", "top",  "click",  "vip",  "tech",    "news",  "ie",    "eu",     "jp",
      "cn",  "ru",     "ch",   "at",     "be",   "se",      "no",    "dk",    "fi",     "pl",
      "sh",  "am",     "fm",   "li",     "su",   "mobi",    "pro",   "name"};
  return *tlds;
}

// Multi-label public suffixes common in SMS links; see RegistrableDomain's limits.
const absl::flat_hash_set<std::string_view>& MultiLabelSuffixes() {
  static const auto* suffixes = new absl::flat_hash_set<std::string_view>{
      "co.uk",  "org.uk", "ac.uk",  "gov.uk", "me.uk",  "ltd.uk", "plc.uk", "net.uk", "com.au",
      "net.au", "org.au", "edu.au", "gov.au", "co.nz",  "org.nz", "net.nz", "co.jp",  "ne.jp",
      "or.jp",  "co.in",  "net.in", "org.in", "com.br", "net.br", "com.mx", "org.mx", "co.za",
      "org.za", "com.sg", "com.hk", "com.cn", "com.tw", "co.kr",  "com.ar", "com.tr", "co.il",
      "com.my", "com.ph", "qc.ca",  "on.ca",  "bc.ca",  "ab.ca",  "gc.ca"};
  return *suffixes;
}

const absl::flat_hash_set<std::string>& ShortenerHosts() {
  static const auto* hosts = [] {
    auto* set = new absl::flat_hash_set<std::string>();
    for (std::string_view file :
         {"rules/data/url-shorteners.txt", "rules/data/url-shorteners-extra.txt"}) {
      std::optional<std::string_view> list = FindEmbeddedFile(file);
      if (!list) continue;
      for (absl::string_view raw : absl::StrSplit(AsAbsl(*list), '\n')) {
        std::string_view line = AsStd(absl::StripAsciiWhitespace(raw));
        if (line.empty() || line[0] == '#') continue;
        set->insert(AsciiLower(line));
      }
    }
    return set;
  }();
  return *hosts;
}

bool IsTrailingPunctuation(char c) {
  return std::string_view(".,;:!?)]}'\"").find(c) != std::string_view::npos;
}

}  // namespace

bool IsPublicShortenerHost(std::string_view host) {
  const auto& hosts = ShortenerHosts();
  std::string h = AsciiLower(host);
  std::string_view rest = h;
  while (true) {
    if (hosts.contains(std::string(rest))) return true;
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos) return false;
    rest = rest.substr(dot + 1);
    if (rest.find('.') == std::string_view::npos) return false;  // a bare TLD
  }
}

std::string RegistrableDomain(std::string_view host) {
  std::string h = AsciiLower(host);
  std::vector<absl::string_view> labels = absl::StrSplit(h, '.', absl::SkipEmpty());
  if (labels.size() <= 2) return h;
  std::string last_two = absl::StrCat(labels[labels.size() - 2], ".", labels.back());
  size_t keep = MultiLabelSuffixes().contains(last_two) ? 3 : 2;
  if (keep > labels.size()) keep = labels.size();
  std::vector<absl::string_view> tail(labels.end() - keep, labels.end());
  return absl::StrJoin(tail, ".");
}

namespace {

bool HasLongLabel(std::string_view host) {
  size_t start = 0;
  while (start <= host.size()) {
    size_t dot = host.find('.', start);
    size_t end = dot == std::string_view::npos ? host.size() : dot;
    if (end - start > 63) return true;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return false;
}

std::vector<Link> FindLinksIn(std::string_view body) {
  // Candidates: scheme URLs, www. hosts, and dotted names; the host part is
  // checked below. RE2 keeps this linear in the body length.
  static const RE2* re = new RE2(
      "(?i)(https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]+)"
      "(:[0-9]+)?");
  // Length limits (63 per label, 5 port digits) are checked after the match: counted
  // repetitions would multiply the automaton's states and push RE2 off its DFA.
  std::vector<Link> links;
  re2::StringPiece input(body.data(), body.size());
  re2::StringPiece groups[4];
  size_t pos = 0;
  // Find each candidate with the fast whole-match search, then read its groups
  // with an anchored match over just that span (submatches need RE2's slower NFA).
  while (pos < body.size() && re->Match(input, pos, body.size(), RE2::UNANCHORED, groups, 1) &&
         re->Match(input, static_cast<size_t>(groups[0].data() - body.data()),
                   static_cast<size_t>(groups[0].data() - body.data()) + groups[0].size(),
                   RE2::ANCHOR_BOTH, groups, 4)) {
    size_t begin = static_cast<size_t>(groups[0].data() - body.data());
    size_t host_end = begin + groups[0].size();
    pos = host_end > begin ? host_end : begin + 1;
    bool has_scheme = !groups[1].empty();
    if (groups[3].size() > 6 || HasLongLabel(std::string_view(groups[2].data(), groups[2].size())))
      continue;
    // Part of a longer word, an email address, or a number like 3.50: not a link.
    if (begin > 0) {
      char prev = body[begin - 1];
      if (IsWordByte(prev) || prev == '@' || prev == '.' || prev == '/' || prev == '-') continue;
    }
    if (host_end < body.size() && (body[host_end] == '@' || IsWordByte(body[host_end]))) continue;
    std::string host = AsciiLower(std::string_view(groups[2].data(), groups[2].size()));
    std::string_view tld = std::string_view(host).substr(host.rfind('.') + 1);
    bool www = host.rfind("www.", 0) == 0;
    if (!has_scheme && !www && !CommonTlds().contains(tld) && !IsPublicShortenerHost(host)) {
      continue;
    }
    // The path runs to the next whitespace; trailing sentence punctuation is not part of it.
    size_t end = host_end;
    if (end < body.size() && (body[end] == '/' || body[end] == '?' || body[end] == '#')) {
      while (end < body.size() && !std::isspace(static_cast<unsigned char>(body[end])) &&
             static_cast<unsigned char>(body[end]) >= 0x21) {
        ++end;
      }
      while (end > host_end && IsTrailingPunctuation(body[end - 1])) --end;
    }
    Link link;
    link.begin = begin;
    link.end = end;
    link.scheme =
        has_scheme ? AsciiLower(std::string_view(groups[1].data(), groups[1].size() - 3)) : "";
    link.host = std::move(host);
    links.push_back(std::move(link));
    pos = end;
  }
  return links;
}

}  // namespace

std::vector<Link> FindLinks(std::string_view body) {
  // Every link check of a message (shortener, domains, insecure links, brand, the
  // rule pack's link conditions) asks about the same body in turn: the last body's
  // links are kept per thread, and a copy of them costs less than the search.
  // (An empty body, the cache's first key, has no links either.)
  thread_local std::string last_body;
  thread_local std::vector<Link> last_links;
  if (last_body == body) return last_links;
  std::vector<Link> links = FindLinksIn(body);
  last_body.assign(body.data(), body.size());
  last_links = links;
  return links;
}

}  // namespace smslint
