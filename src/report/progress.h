// Progress: a one-line progress indicator on stderr for long runs. It draws only on a
// terminal outside CI (never into logs or pipes), only once the run has taken about a
// second, at most ten times a second, and clears its line when it goes away.
#ifndef SMSLINT_REPORT_PROGRESS_H_
#define SMSLINT_REPORT_PROGRESS_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>

#include "absl/time/time.h"

namespace smslint {

// True when stderr is a terminal and the CI environment variable is unset or empty.
bool ProgressWanted();

class Progress {
 public:
  // Where and whether to draw, and the clock; the defaults are stderr, ProgressWanted()
  // and the real clock. Tests pass a file and a fake clock.
  struct Sink {
    std::FILE* out = stderr;
    bool enabled = false;
    std::function<absl::Time()> now;
  };

  // `total` <= 0 means unknown: the line shows a count without a percentage.
  Progress(std::string label, int64_t total);
  Progress(std::string label, int64_t total, Sink sink);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Records `n` more units done. Cheap: call it per batch, not per byte.
  void Advance(int64_t n);

 private:
  void Draw(absl::Time now);

  std::string label_;
  int64_t total_;
  Sink sink_;
  int64_t done_ = 0;
  absl::Time started_;
  absl::Time last_draw_ = absl::InfinitePast();
  bool drawn_ = false;
};

}  // namespace smslint

#endif  // SMSLINT_REPORT_PROGRESS_H_
