// Runs a piece of code in a forked child with a time limit, so a regression test
// for a hang fails (instead of hanging the suite) when the hang comes back.
#ifndef SMSLINT_TESTS_REGRESSIONS_RUN_BOUNDED_H_
#define SMSLINT_TESTS_REGRESSIONS_RUN_BOUNDED_H_

#include <sys/wait.h>
#include <unistd.h>

#include <functional>

namespace smslint {

// The child's exit code (the value `body` returns), or -1 when it was killed (by
// the alarm after `seconds`, or by a crash).
inline int RunBounded(const std::function<int()>& body, unsigned seconds) {
  pid_t pid = fork();
  if (pid == 0) {
    alarm(seconds);
    _exit(body());
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace smslint

#endif  // SMSLINT_TESTS_REGRESSIONS_RUN_BOUNDED_H_
