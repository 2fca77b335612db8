#include "lint/suppression.h"

#include "doctest/doctest.h"

namespace smslint {
namespace {

Diagnostic At(const std::string& rule, int line, const std::string& template_id = "") {
  Diagnostic d;
  d.rule = rule;
  d.span.file = "c.yaml";
  d.span.line = line;
  d.template_id = template_id;
  return d;
}

Campaign CampaignWith(const std::string& source) {
  Campaign c;
  c.path = "c.yaml";
  c.SetSource(source);
  return c;
}

TEST_CASE("FindSuppressions reads ids, reason and place, not inside quotes") {
  std::vector<Suppression> s = FindSuppressions(
      "a: 1  # smslint: disable=content/shaft, content/spam-phrase -- wine bar\n"
      "  # smslint: disable=content/*\n"
      "body: \"Text # smslint: disable=content/shaft\"\n");
  REQUIRE(s.size() == 2);
  CHECK(s[0].line == 1);
  CHECK(!s[0].own_line);
  CHECK(s[0].rules == std::vector<std::string>{"content/shaft", "content/spam-phrase"});
  CHECK(s[0].rule_columns[0] == 26);
  CHECK(s[0].reason == "wine bar");
  CHECK(s[1].own_line);
}

TEST_CASE("a line comment suppresses its line only, unused ones are reported") {
  Campaign c = CampaignWith(
      "templates:\n"
      "  - id: promo\n"
      "    body: \"Wine!!\"  # smslint: disable=content/excessive-punctuation,content/spam-phrase "
      "-- ok\n");
  std::vector<Diagnostic> ds = {At("content/excessive-punctuation", 3),
                                At("content/excessive-punctuation", 2)};
  ApplySuppressions(c, ds);
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].rule == "content/excessive-punctuation");
  CHECK(ds[0].span.line == 2);
  CHECK(ds[1].rule == "lint/unused-suppression");
  CHECK(ds[1].level == Level::kWarning);
  CHECK(ds[1].span.line == 3);
  CHECK(ds[1].span.column == 70);
  CHECK(ds[1].message.find("content/spam-phrase") != std::string::npos);
}

TEST_CASE("a comment above a template item suppresses the whole template") {
  Campaign c = CampaignWith(
      "templates:\n"
      "  # smslint: disable=content/shaft -- we are a licensed wine bar\n"
      "  - id: promo\n"
      "    body: |\n"
      "      Wine night!\n"
      "    weight: 1\n"
      "  - id: other\n"
      "    body: \"Beer\"\n");
  Template t1;
  t1.id.value = "promo";
  t1.id.pos = {3, 9};
  t1.pos = {3, 5};
  Template t2;
  t2.id.value = "other";
  t2.id.pos = {7, 9};
  t2.pos = {7, 5};
  c.templates = {t1, t2};
  std::vector<Diagnostic> ds = {At("content/shaft", 5, "promo"), At("content/shaft", 8, "other"),
                                At("content/shaft", 0, "promo")};
  ApplySuppressions(c, ds);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].template_id == "other");
}

TEST_CASE("a comment on its own line above another line suppresses that line") {
  Campaign c = CampaignWith("campaign:\n  # smslint: disable=schema/unknown-key\n  colour: red\n");
  std::vector<Diagnostic> ds = {At("schema/unknown-key", 3)};
  ApplySuppressions(c, ds);
  CHECK(ds.empty());
}

TEST_CASE("suppressions of rules that did not run are not reported as unused") {
  Campaign c = CampaignWith("a: 1  # smslint: disable=traffic/throughput\n");
  std::vector<Diagnostic> ds;
  ApplySuppressions(c, std::vector<std::string>{"content/shaft"}, ds);
  CHECK(ds.empty());
  ApplySuppressions(c, ds);
  CHECK(ds.size() == 1);
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("a comment suppresses findings of the campaign file only, not a CSV row's") {
  Campaign c;
  c.path = "c.yaml";
  c.SetSource("recipients:\n  file: r.csv  # smslint: disable=data/malformed-row -- known\n");
  Diagnostic csv_row;
  csv_row.rule = "data/malformed-row";
  csv_row.span.file = "r.csv";
  csv_row.span.line = 2;  // the comment's line number, in another file
  std::vector<Diagnostic> ds = {csv_row};
  SuppressionFilter filter(c);
  filter.Apply(ds);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].span.file == "r.csv");
  std::vector<std::string> ran = {"data/malformed-row"};
  CHECK(filter.Unused(&ran).size() == 1);
}

}  // namespace
}  // namespace smslint
