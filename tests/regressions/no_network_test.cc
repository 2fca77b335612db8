// smslint never opens a network connection: a full `check` inside a network
// namespace with no interfaces but loopback (`unshare -n`) gives the same exit code
// and output as outside it.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace smslint {
namespace {

struct ShellResult {
  int exit_code = -1;
  std::string output;  // stdout only
};

ShellResult Shell(const std::string& command) {
  ShellResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t got;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, got);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

TEST_CASE("no network: check runs unchanged inside unshare -n") {
  if (Shell("unshare -n true 2>/dev/null").exit_code != 0) {
    MESSAGE("skipped: unshare -n is not permitted here (needs CAP_SYS_ADMIN or user namespaces)");
    return;
  }
  // The namespace really has no route out: only a down loopback interface.
  ShellResult links = Shell("unshare -n cat /proc/net/dev");
  CHECK(links.output.find("eth") == std::string::npos);

  // Both runs through the same shell and environment, one of them in the namespace.
  auto check = [](const std::string& wrapper) {
    return Shell(std::string("cd '") + SMSLINT_SOURCE_DIR + "' && NO_COLOR=1 env -u CI " + wrapper +
                 " '" + SMSLINT_BINARY + "' check campaigns/holiday-promo.yaml 2>/dev/null");
  };
  ShellResult outside = check("");
  ShellResult inside = check("unshare -n");
  CHECK((inside.exit_code == 0 || inside.exit_code == 1));
  CHECK(inside.exit_code == outside.exit_code);
  CHECK(inside.output == outside.output);
  CHECK(inside.output.find("Simulation") != std::string::npos);  // the full check ran
}

}  // namespace
}  // namespace smslint
