#include "report/html_report.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "diag/pii.h"
#include "re2/re2.h"
#include "tests/report/synthetic_results.h"

namespace smslint {
namespace {

std::string Render(bool show_pii = false) {
  RuleCatalog catalog = testing::SyntheticCatalog();
  ReportOptions options;
  options.catalog = &catalog;
  options.show_pii = show_pii;
  FileResult promo = testing::SyntheticPromo();
  // An inline recipients list puts personal numbers into the campaign source; the
  // pipeline masks them (diag/pii.h) before any emitter sees the source.
  promo.source += "recipients:\n  list: [\"+12125550142\", \"(646) 555-0199\"]\n";
  if (!show_pii) {
    std::vector<SourceRange> items;
    for (auto [item, e164] : {std::pair<std::string, uint64_t>{"\"+12125550142\"", 12125550142},
                              {"\"(646) 555-0199\"", 16465550199}}) {
      size_t at = promo.source.find(item);
      items.push_back({at, at + item.size(), e164});
    }
    promo.source = MaskInlineRecipients(promo.source, items);
  }
  promo.diagnostics.push_back(testing::Finding("data/duplicate-recipient", Level::kWarning,
                                               "+1212•••0142 appears twice",
                                               {promo.path, 12, 10, 12, 24}));
  return EmitHtmlReport({promo, testing::SyntheticClean()}, options);
}

TEST_CASE("html: self-contained, with charts, verdict and highlighted findings") {
  std::string html = Render();
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(html.find("<svg") != std::string::npos);
  // Two charts (per bucket and per day) for each of the two senders.
  int charts = 0;
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++charts;
  }
  CHECK(charts == 4);
  // No resource is loaded from anywhere: only the SVG namespace names a URL.
  RE2 loads(R"re((src|href)\s*=\s*"[a-z]+:|url\(|@import|<script|<link|<img)re");
  CHECK_FALSE(RE2::PartialMatch(html, loads));
  // The only URLs are the SVG namespace and the link in the template body (text).
  std::string without_namespace = html;
  RE2::GlobalReplace(&without_namespace,
                     R"re(xmlns="http://www.w3.org/2000/svg"|https://acme\.com)re", "");
  CHECK(without_namespace.find("http://") == std::string::npos);
  CHECK(without_namespace.find("https://") == std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);

  CHECK(html.find("Will not go through as planned") != std::string::npos);
  CHECK(html.find("Fix first:") != std::string::npos);
  // Template findings are grouped and their text highlighted inside the body.
  CHECK(html.find("Template “promo”") != std::string::npos);
  CHECK(html.find("<mark class=\"info\">WINNER</mark>") != std::string::npos);
  CHECK(html.find("<mark class=\"warning\">Act now</mark>") != std::string::npos);
  CHECK(html.find("limit 60 per minute") != std::string::npos);
  CHECK(html.find("limit 40k per day") != std::string::npos);
  // Times carry their year (a send of 16 years read as one of 9 days).
  CHECK(html.find("from Tue Dec 01 2026, 09:00 to Tue Dec 01 2026, 23:00") != std::string::npos);
}

TEST_CASE("html: buckets of several days: no per-day chart, axis days with their year") {
  RuleCatalog catalog = testing::SyntheticCatalog();
  ReportOptions options;
  options.catalog = &catalog;
  FileResult promo = testing::SyntheticPromo();
  SimResult& sim = *promo.sim;
  sim.end = sim.start + absl::Hours(24 * 12000);
  for (SenderStats& s : sim.senders) {
    for (TimeSeries* series : {&s.sends, &s.filtered_series, &s.quiet_series}) {
      series->bucket = absl::Hours(24 * 10);
      series->values.assign(1201, 1);  // more than the chart's 600 columns
    }
  }
  const std::string html = EmitHtmlReport({promo}, options);
  int charts = 0;
  for (size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++charts;
  }
  CHECK(charts == 2);  // one a sender: messages per 10 days
  CHECK(html.find("Messages per 10 days") != std::string::npos);
  CHECK(html.find("Messages per day") == std::string::npos);
  CHECK(html.find("(each column: the busiest 10 days of about 20 days)") != std::string::npos);
  // Ticks every 5 years from the first midnight, the year named.
  CHECK(html.find(">Dec 02 2026</text>") != std::string::npos);
  CHECK(html.find(">Dec 01 2031</text>") != std::string::npos);
  CHECK(html.find("h16m") == std::string::npos);
}

TEST_CASE("html: escapes everything and never prints recipient numbers") {
  std::string html = Render();
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("&lt;b&gt;") != std::string::npos);
  CHECK(html.find("Acme &amp; Co &lt;Coffee&gt;") == std::string::npos);  // line 4 not shown
  CHECK(html.find("2125550142") == std::string::npos);
  CHECK(html.find("555-0199") == std::string::npos);
  CHECK(html.find("+1212•••0142") != std::string::npos);
  CHECK(html.find("(646) •••-0199") != std::string::npos);
  // Sender numbers belong to the business and are shown.
  CHECK(html.find("+14155550100") != std::string::npos);
  // --show-pii shows the source as written.
  CHECK(Render(true).find("&quot;+12125550142&quot;") != std::string::npos);
}

TEST_CASE("html: a control character stays visible, so it cannot join two runs of digits") {
  // Found by the check_pipeline fuzzer: `days: [+188\x0585550100]` was quoted with the
  // control character dropped, showing +18885550100 (a suppressed number) whole.
  CHECK(EscapeHtml("+188\x05"
                   "85550100") ==
        "+188\xE2\x90\x85"
        "85550100");
  CHECK(EscapeHtml("a\rb\x1b") ==
        "a\xE2\x90\x8D"
        "b\xE2\x90\x9B");
  CHECK(EscapeHtml("line\n\tx") == "line\n\tx");
}

TEST_CASE("html: a clean run is ready to send") {
  std::string html = EmitHtmlReport({testing::SyntheticClean()}, ReportOptions{});
  CHECK(html.find("Ready to send") != std::string::npos);
  CHECK(html.find("No findings.") != std::string::npos);
  CHECK(html.find("<svg") == std::string::npos);
}

TEST_CASE("html: renders in headless Chromium") {
  const char* candidates[] = {"chromium", "chromium-browser", "google-chrome"};
  std::string browser;
  for (const char* name : candidates) {
    if (std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0) {
      browser = name;
      break;
    }
  }
  if (browser.empty()) {
    MESSAGE("chromium is not installed (Debian package: chromium); screenshot test skipped");
    return;
  }
  std::string html_path = testing::TempPath("report.html");
  std::string png_path = testing::TempPath("report.png");
  std::string profile = testing::TempPath("chromium-profile");
  testing::WriteTextFile(html_path, Render());
  std::remove(png_path.c_str());
  std::string command = browser +
                        " --headless --no-sandbox --disable-gpu --disable-background-networking"
                        " --disable-component-update --disable-sync --no-first-run"
                        " --user-data-dir='" +
                        profile + "' --screenshot='" + png_path +
                        "' --window-size=1280,2000 'file://" + html_path + "' >/dev/null 2>&1";
  CHECK(std::system(command.c_str()) == 0);
  struct stat info;
  REQUIRE(stat(png_path.c_str(), &info) == 0);
  // A blank 1280x2000 page compresses to a few kilobytes; charts and text do not.
  CHECK(info.st_size > 40000);
  if (const char* keep = std::getenv("SMSLINT_KEEP_SCREENSHOT")) {
    std::rename(png_path.c_str(), keep);
  } else {
    std::remove(png_path.c_str());
  }
  std::remove(html_path.c_str());
  std::system(("rm -rf '" + profile + "'").c_str());
}

}  // namespace
}  // namespace smslint
