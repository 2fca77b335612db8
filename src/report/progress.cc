#include "report/progress.h"

#include <unistd.h>

#include <cstdlib>
#include <utility>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "util/strings.h"

namespace smslint {
namespace {

// A run shorter than this never shows progress; redraws are at least this far apart.
constexpr absl::Duration kQuietStart = absl::Seconds(1);
constexpr absl::Duration kRedrawInterval = absl::Milliseconds(100);

}  // namespace

bool ProgressWanted() {
  const char* ci = std::getenv("CI");
  if (ci != nullptr && ci[0] != '\0') return false;
  return isatty(STDERR_FILENO) != 0;
}

Progress::Progress(std::string label, int64_t total)
    : Progress(std::move(label), total, Sink{stderr, ProgressWanted(), nullptr}) {}

Progress::Progress(std::string label, int64_t total, Sink sink)
    : label_(std::move(label)), total_(total), sink_(std::move(sink)) {
  if (!sink_.now) sink_.now = [] { return absl::Now(); };
  if (sink_.enabled) started_ = sink_.now();
}

Progress::~Progress() {
  if (!drawn_) return;
  // Erase the line so whatever follows starts in column 1 of a clean line.
  std::fputs("\r\033[K", sink_.out);
  std::fflush(sink_.out);
}

void Progress::Advance(int64_t n) {
  done_ += n;
  if (!sink_.enabled) return;
  absl::Time now = sink_.now();
  if (now - started_ < kQuietStart || now - last_draw_ < kRedrawInterval) return;
  Draw(now);
}

void Progress::Draw(absl::Time now) {
  last_draw_ = now;
  drawn_ = true;
  std::string line;
  if (total_ > 0) {
    int64_t shown = done_ < total_ ? done_ : total_;
    int percent = static_cast<int>(shown * 100 / total_);
    constexpr int kBarWidth = 24;
    int filled = static_cast<int>(shown * kBarWidth / total_);
    line = absl::StrFormat("\r\033[K%s [%s%s] %3d%% %s/%s", label_, std::string(filled, '#'),
                           std::string(kBarWidth - filled, '.'), percent, WithCommas(shown),
                           WithCommas(total_));
  } else {
    line = absl::StrFormat("\r\033[K%s %s", label_, WithCommas(done_));
  }
  std::fputs(line.c_str(), sink_.out);
  std::fflush(sink_.out);
}

}  // namespace smslint
