#include "checks/rendered_messages.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "campaign/recipients_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithFile;
using testing::FindRule;
using testing::LoadOk;
using testing::ScratchDir;

Campaign WithTemplates(Campaign c, std::vector<std::string> bodies) {
  int line = 30;
  for (const std::string& body : bodies) {
    Template t;
    t.id = {"t" + std::to_string(c.templates.size() + 1), {line, 11}, true};
    t.body = {TextValue{body}, {line + 1, 11}, true};
    c.templates.push_back(t);
    line += 2;
  }
  return c;
}

TEST_CASE("rendered: empty placeholder without fallback fires once, with a masked example") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,first_name,code,opted_in_at\n"
            "+12125550142,Ann,12345678,2024-01-01\n"
            "+12125550143,,98765432,2024-01-01\n"
            "+12125550144,,11112222,2024-01-01\n");
  Campaign c = WithTemplates(CampaignWithFile(dir, "r.csv"),
                             {"Acme: hi {{first_name}}, code {{code}}. Reply STOP to opt out",
                              "Acme: hi {{first_name|there}}. Reply STOP to opt out"});
  RecipientLoadResult r = LoadOk(c);
  std::vector<Diagnostic> d = CheckRenderedMessages(c, r.table, false, 3);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "content/empty-placeholder");
  CHECK(d[0].template_id == "t1");
  CHECK(d[0].message.find("2 recipients") != std::string::npos);
  REQUIRE(d[0].notes.size() == 1);
  CHECK(d[0].notes[0].find("r.csv:3") != std::string::npos);
  CHECK(d[0].notes[0].find("hi , code") != std::string::npos);
  CHECK(d[0].notes[0].find("98765432") == std::string::npos);  // long digit runs masked
  std::vector<Diagnostic> pii = CheckRenderedMessages(c, r.table, true, 3);
  REQUIRE(pii.size() == 1);
  CHECK(pii[0].notes[0].find("98765432") != std::string::npos);
}

TEST_CASE("rendered: no finding when every recipient fills the field") {
  ScratchDir dir;
  dir.Write("r.csv", "phone,first_name\n+12125550142,Ann\n+12125550143,Bo\n");
  Campaign c = WithTemplates(CampaignWithFile(dir, "r.csv"), {"Acme: hi {{first_name}}"});
  RecipientLoadResult r = LoadOk(c);
  CHECK(CheckRenderedMessages(c, r.table, false, 3).empty());
}

TEST_CASE("rendered: suppressed, duplicate and invalid rows are not rendered") {
  ScratchDir dir;
  dir.Write("r.csv", "phone,first_name\n+12125550142,Ann\n(212) 555-0142,\n12,\n");
  Campaign c = WithTemplates(CampaignWithFile(dir, "r.csv"), {"Acme: hi {{first_name}}"});
  RecipientLoadResult r = LoadOk(c);
  CHECK(CheckRenderedMessages(c, r.table, false, 3).empty());
}

TEST_CASE("rendered: segment count over the limit, counted with the worst") {
  ScratchDir dir;
  dir.Write("r.csv", "phone,note\n+12125550142,short\n+12125550143," + std::string(400, 'x') +
                         "\n+12125550144," + std::string(200, 'y') + "\n");
  Campaign c = WithTemplates(CampaignWithFile(dir, "r.csv"), {"Acme: {{note}}"});
  RecipientLoadResult r = LoadOk(c);
  std::vector<Diagnostic> d = CheckRenderedMessages(c, r.table, false, 2);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "content/segment-count");
  CHECK(d[0].message.find("1 recipient,") != std::string::npos);
  CHECK(d[0].message.find("up to 3") != std::string::npos);
  CHECK(CheckRenderedMessages(c, r.table, false, 3).empty());
}

TEST_CASE("rendered: a field value that forces UCS-2") {
  ScratchDir dir;
  dir.Write("r.csv", "phone,first_name\n+12125550142,Ann\n+12125550143,\xC5\x81ukasz\n");
  Campaign c = WithTemplates(CampaignWithFile(dir, "r.csv"), {"Acme: hi {{first_name}}"});
  RecipientLoadResult r = LoadOk(c);
  std::vector<Diagnostic> d = CheckRenderedMessages(c, r.table, false, 3);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "content/ucs2-character");
  CHECK(d[0].message.find("1 recipient") != std::string::npos);
  CHECK(d[0].message.find("U+0141") != std::string::npos);
  // GSM-7 names (é is in the GSM alphabet) and a template already UCS-2 do not fire.
  dir.Write("g.csv", "phone,first_name\n+12125550142,Ren\xC3\xA9\n");
  Campaign g = WithTemplates(CampaignWithFile(dir, "g.csv"), {"Acme: hi {{first_name}}"});
  CHECK(CheckRenderedMessages(g, LoadOk(g).table, false, 3).empty());
  Campaign u =
      WithTemplates(CampaignWithFile(dir, "r.csv"), {"Acme \xE2\x98\x95: hi {{first_name}}"});
  CHECK(CheckRenderedMessages(u, LoadOk(u).table, false, 3).empty());
}

// Rows of several placeholder columns are counted per tuple of values, keyed three
// ways by how many tuples the columns allow (a table, a hash map of one number, a
// hash map of the ids' bytes). Every row's tuple is its own here, and every seventh
// row leaves the first column empty: a key that joined two tuples would count the
// empty rows with a filled one, or the other way round.
TEST_CASE("rendered: tuples of several columns counted exactly whatever their number") {
  struct Shape {
    int columns;
    int rows;
  };
  // 500^2 tuples fit the table; 1,100^2 do not; 600^7 overflow 64 bits.
  for (const Shape shape : {Shape{2, 500}, Shape{2, 1100}, Shape{7, 600}}) {
    CAPTURE(shape.columns);
    CAPTURE(shape.rows);
    ScratchDir dir;
    std::string csv = "phone";
    std::string body = "Acme:";
    for (int c = 0; c < shape.columns; ++c) {
      csv += ",c" + std::to_string(c);
      body += " {{c" + std::to_string(c) + "}}";
    }
    csv += "\n";
    int empty = 0;
    for (int r = 0; r < shape.rows; ++r) {
      char phone[32];
      std::snprintf(phone, sizeof(phone), "+1212555%04d", r);
      csv += phone;
      for (int c = 0; c < shape.columns; ++c) {
        const bool blank = c == 0 && r % 7 == 3;
        csv += blank ? std::string(",") : "," + std::to_string(c) + "v" + std::to_string(r);
      }
      csv += "\n";
      empty += r % 7 == 3;
    }
    dir.Write("r.csv", csv);
    Campaign c = WithTemplates(CampaignWithFile(dir, "r.csv"), {body + " Reply STOP to opt out"});
    RecipientLoadResult r = LoadOk(c);
    REQUIRE(r.stats.sendable == static_cast<size_t>(shape.rows));
    std::vector<Diagnostic> d = CheckRenderedMessages(c, r.table, false, 10);
    REQUIRE(d.size() == 1);
    CHECK(d[0].rule == "content/empty-placeholder");
    CHECK(d[0].message.find(std::to_string(empty) + " recipients") != std::string::npos);
    REQUIRE(d[0].notes.size() == 1);
    CHECK(d[0].notes[0].find("r.csv:5") != std::string::npos);  // the first, row 3
  }
}

// Templates reading the same columns share one count of the rows: each still gets
// its own findings, by its own fallbacks.
TEST_CASE("rendered: templates of the same placeholder columns, each judged on its own") {
  ScratchDir dir;
  dir.Write("r.csv",
            "phone,first_name\n+12125550142,Ann\n+12125550143,\n+12125550144,\n"
            "+12125550145," +
                std::string(500, 'x') + "\n");
  Campaign c = WithTemplates(
      CampaignWithFile(dir, "r.csv"),
      {"Acme: hi {{first_name}}", "Acme: hi {{first_name|there}}", "Acme: yo {{first_name}}!"});
  RecipientLoadResult r = LoadOk(c);
  std::vector<Diagnostic> d = CheckRenderedMessages(c, r.table, false, 3);
  std::vector<std::string> fired;
  for (const Diagnostic& f : d) fired.push_back(f.template_id + " " + f.rule);
  std::sort(fired.begin(), fired.end());
  CHECK(fired == std::vector<std::string>{"t1 content/empty-placeholder",
                                          "t1 content/segment-count", "t2 content/segment-count",
                                          "t3 content/empty-placeholder",
                                          "t3 content/segment-count"});
  for (const Diagnostic& f : d) {
    if (f.rule == "content/empty-placeholder")
      CHECK(f.message.find("2 recipients") != std::string::npos);
    if (f.rule == "content/segment-count")
      CHECK(f.message.find("for 1 recipient,") != std::string::npos);
  }
}

}  // namespace
}  // namespace smslint
