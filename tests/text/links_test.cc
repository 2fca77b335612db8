#include "text/links.h"

#include "doctest/doctest.h"

namespace smslint {
namespace {

TEST_CASE("FindLinks: with and without scheme, www., trailing punctuation") {
  std::vector<Link> links =
      FindLinks("See https://Acme.com/x?y=1. Or www.acme.co.uk, or acme.com/deals! bit.ly/3xYz");
  REQUIRE(links.size() == 4);
  CHECK(links[0].scheme == "https");
  CHECK(links[0].host == "acme.com");
  CHECK(links[0].begin == 4);
  CHECK(links[0].end == 26);
  CHECK(links[1].host == "www.acme.co.uk");
  CHECK(links[1].scheme.empty());
  CHECK(links[2].host == "acme.com");
  CHECK(links[3].host == "bit.ly");
}

TEST_CASE("FindLinks: not prices, abbreviations, emails or sentence joins") {
  CHECK(FindLinks("Lattes $3.50 today, e.g. oat milk; Mr.Smith and U.S. deals").empty());
  CHECK(FindLinks("Write to help@acme.com for help").empty());
  CHECK(FindLinks("I am home.How are you").empty());
  CHECK(FindLinks("Open at 9a.m. tomorrow").empty());
}

TEST_CASE("FindLinks: http scheme and port") {
  std::vector<Link> links = FindLinks("go http://acme.com:8080/x");
  REQUIRE(links.size() == 1);
  CHECK(links[0].scheme == "http");
  CHECK(links[0].host == "acme.com");
}

TEST_CASE("RegistrableDomain") {
  CHECK(RegistrableDomain("shop.acme.com") == "acme.com");
  CHECK(RegistrableDomain("acme.com") == "acme.com");
  CHECK(RegistrableDomain("www.acme.co.uk") == "acme.co.uk");
  CHECK(RegistrableDomain("a.b.acme.com.au") == "acme.com.au");
  // A known limit: private suffixes are not in the short list.
  CHECK(RegistrableDomain("me.github.io") == "github.io");
}

TEST_CASE("IsPublicShortenerHost matches the host and its parent domains") {
  CHECK(IsPublicShortenerHost("bit.ly"));
  CHECK(IsPublicShortenerHost("BIT.LY"));
  CHECK(IsPublicShortenerHost("tinyurl.com"));
  CHECK(IsPublicShortenerHost("www.tinyurl.com"));
  CHECK(!IsPublicShortenerHost("acme.com"));
  CHECK(!IsPublicShortenerHost("ly"));
}

}  // namespace
}  // namespace smslint
