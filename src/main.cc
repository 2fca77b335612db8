// smslint: parse arguments, run one command, map the result to an exit code.
#include <malloc.h>

#include "cli/app.h"

int main(int argc, char** argv) {
  // One malloc arena: the helper threads (rule compilation, YAML budget pass,
  // libphonenumber's metadata, content checks) are short and allocate much, and a
  // thread arena grows a page range at a time (an mprotect and fresh page faults
  // per step). Measured on `lint` of 1,000 templates: about 7% less CPU; `check`
  // of 1,000,000 recipients and `lint` of 10,000 templates unchanged.
  mallopt(M_ARENA_MAX, 1);
  return smslint::RunApp(argc, argv);
}
