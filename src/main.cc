// smslint: parse arguments, run one command, map the result to an exit code.
#include "cli/app.h"

int main(int argc, char** argv) { return smslint::RunApp(argc, argv); }
