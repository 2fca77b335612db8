#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>

int main(int argc, char** argv) {
  // One fixed clock for every test and every CLI run they start (data/start-in-past,
  // `init`'s start date): the golden outputs must not depend on the day they run.
  // tests/golden/update.sh sets the same value.
  setenv("SMSLINT_NOW", "2026-11-01T00:00:00Z", 1);
  return doctest::Context(argc, argv).run();
}
