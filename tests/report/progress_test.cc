#include "report/progress.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace smslint {
namespace {

// Everything written to `file` so far.
std::string Contents(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  char buffer[256];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  return text;
}

struct FakeClock {
  absl::Time now = absl::FromUnixSeconds(1000);
  std::function<absl::Time()> Fn() {
    return [this] { return now; };
  }
};

TEST_CASE("progress: silent for the first second, then throttled, then cleared") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  FakeClock clock;
  {
    Progress progress("recipients", 1000, Progress::Sink{file, true, clock.Fn()});
    progress.Advance(100);
    clock.now += absl::Milliseconds(900);
    progress.Advance(100);
    CHECK(Contents(file).empty());

    clock.now += absl::Milliseconds(200);
    progress.Advance(300);
    std::string first = Contents(file);
    CHECK(first.find("recipients") != std::string::npos);
    CHECK(first.find(" 50% 500/1,000") != std::string::npos);

    // Within 100 ms of the last draw: no redraw.
    clock.now += absl::Milliseconds(50);
    progress.Advance(100);
    CHECK(Contents(file) == first);

    clock.now += absl::Milliseconds(100);
    progress.Advance(400);
    CHECK(Contents(file).find("100% 1,000/1,000") != std::string::npos);
  }
  CHECK(Contents(file).ends_with("\r\033[K"));
  std::fclose(file);
}

TEST_CASE("progress: disabled draws nothing, unknown totals show a count") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  FakeClock clock;
  {
    Progress progress("files", 10, Progress::Sink{file, false, clock.Fn()});
    clock.now += absl::Seconds(5);
    progress.Advance(10);
  }
  CHECK(Contents(file).empty());
  {
    Progress progress("rows", 0, Progress::Sink{file, true, clock.Fn()});
    clock.now += absl::Seconds(2);
    progress.Advance(1234567);
  }
  CHECK(Contents(file).find("rows 1,234,567") != std::string::npos);
  std::fclose(file);
}

TEST_CASE("progress: never wanted when CI is set") {
  const char* saved = std::getenv("CI");
  std::string saved_value = saved ? saved : "";
  setenv("CI", "true", 1);
  CHECK_FALSE(ProgressWanted());
  if (saved) {
    setenv("CI", saved_value.c_str(), 1);
  } else {
    unsetenv("CI");
  }
}

}  // namespace
}  // namespace smslint
