// The smslint application: builds the CLI11 app from the command table and runs it.
#ifndef SMSLINT_CLI_APP_H_
#define SMSLINT_CLI_APP_H_

namespace smslint {

int RunApp(int argc, char** argv);

}  // namespace smslint

#endif  // SMSLINT_CLI_APP_H_
