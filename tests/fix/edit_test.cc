// TextEdit: the one applier and the one diff printer of every fix.
#include "fix/edit.h"

#include <doctest/doctest.h>

namespace smslint {
namespace {

TEST_CASE("ApplyEdits: edits in any order, insertions and deletions") {
  const std::string text = "a: 1\nb: 2\nc: 3\n";
  absl::StatusOr<std::string> out =
      ApplyEdits(text, {{8, 9, "20"}, {3, 4, "10"}, {15, 15, "d: 4\n"}});
  REQUIRE(out.ok());
  CHECK(*out == "a: 10\nb: 20\nc: 3\nd: 4\n");
  CHECK(*ApplyEdits(text, {}) == text);
  CHECK(*ApplyEdits(text, {{0, 5, ""}}) == "b: 2\nc: 3\n");
}

TEST_CASE("ApplyEdits: overlapping or out-of-range edits are refused") {
  CHECK(!ApplyEdits("abcdef", {{1, 4, "x"}, {3, 5, "y"}}).ok());
  CHECK(!ApplyEdits("abc", {{2, 9, "x"}}).ok());
  CHECK(!ApplyEdits("abc", {{2, 1, "x"}}).ok());
}

TEST_CASE("UnifiedDiff: equal texts give nothing, one change, three lines of context") {
  CHECK(UnifiedDiff("f.yaml", "a\nb\n", "a\nb\n").empty());
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  CHECK(UnifiedDiff("dir/f.yaml", before, after) ==
        "--- a/dir/f.yaml\n+++ b/dir/f.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("UnifiedDiff: far-apart changes are separate hunks, an insertion counts right") {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 ? std::string("two") : std::to_string(i)) + "\n";
    if (i == 18) after += "18b\n";
  }
  const std::string diff = UnifiedDiff("f", before, after);
  CHECK(diff.find("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n") != std::string::npos);
  CHECK(diff.find("@@ -16,5 +16,6 @@\n 16\n 17\n 18\n+18b\n 19\n 20\n") != std::string::npos);
}

TEST_CASE("UnifiedDiff: a last line without a newline is marked") {
  CHECK(UnifiedDiff("f", "a\nb", "a\nc") ==
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
        "\\ No newline at end of file\n");
}

}  // namespace
}  // namespace smslint
