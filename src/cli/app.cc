#include "cli/app.h"

#include <iostream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "cli/command.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr char kDescription[] =
    "smslint: pre-flight checks for SMS campaigns (content, recipients, traffic).";

// "did you mean" for a mistyped command or option.
std::string Suggestion(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string stripped = word;
  if (size_t eq = stripped.find('='); eq != std::string::npos) stripped.resize(eq);
  return DidYouMean(stripped, views);
}

CLI::Option* AddArg(CLI::App& command, const Arg& arg) {
  CLI::Option* option = std::visit(
      [&](auto* target) -> CLI::Option* {
        if constexpr (std::is_same_v<decltype(target), bool*>) {
          return command.add_flag(arg.names, *target, arg.help);
        } else {
          return command.add_option(arg.names, *target, arg.help);
        }
      },
      arg.target);
  // A repeatable option takes one value each time it is given: CLI11 would otherwise
  // take every word after it, the positional arguments included (`text --ignore
  // 'content/*' "Buy wine!!"` read the message as a second glob).
  if (std::holds_alternative<std::vector<std::string>*>(arg.target) && !arg.names.empty() &&
      arg.names[0] == '-')
    option->allow_extra_args(false);
  if (!arg.choices.empty()) option->check(CLI::IsMember(arg.choices));
  if (arg.required) option->required();
  if (!arg.default_text.empty()) option->default_str(arg.default_text);
  return option;
}

// The command as a CLI11 subcommand whose callback runs it and keeps its exit code.
void AddCommand(CLI::App& app, const CommandSpec& spec, int& exit_code) {
  CLI::App* command = app.add_subcommand(spec.name, spec.description);
  std::vector<std::pair<CLI::Option*, bool*>> given;
  for (const Arg& arg : spec.args) {
    CLI::Option* option = AddArg(*command, arg);
    if (arg.given != nullptr) given.emplace_back(option, arg.given);
  }
  command->callback([&spec, given, &exit_code] {
    for (auto [option, flag] : given) *flag = option->count() > 0;
    exit_code = spec.run();
  });
}

}  // namespace

int RunApp(int argc, char** argv) {
  CLI::App app(kDescription, "smslint");
  app.set_version_flag("--version", std::string("smslint ") + SMSLINT_VERSION);
  app.require_subcommand(0, 1);
  app.fallthrough(false);
  int exit_code = 0;
  const std::vector<CommandSpec> commands = Commands();
  for (const CommandSpec& spec : commands) AddCommand(app, spec, exit_code);

  // `smslint help [COMMAND]`.
  std::string help_topic;
  CLI::App* help = app.add_subcommand("help", "Show help for smslint or one command");
  help->add_option("command", help_topic, "Command to explain");
  help->callback([&] {
    if (help_topic.empty()) {
      std::cout << app.help();
      return;
    }
    for (CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == help_topic) {
        std::cout << sub->help();
        return;
      }
    }
    std::string guess = Suggestion(app, help_topic);
    std::cerr << "smslint: error: unknown command '" << help_topic << "'"
              << (guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?")) << '\n';
    exit_code = kExitInputError;
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::cout << app.version() << '\n';
    return 0;
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ExtrasError& e) {
    // The first extra argument is the likely typo: a command or an option.
    const CLI::App* scope = &app;
    for (const CLI::App* sub : app.get_subcommands()) scope = sub;
    std::string word;
    std::vector<std::string> extras = scope->remaining();
    if (extras.empty()) extras = app.remaining();
    if (!extras.empty()) word = extras.front();
    std::string guess = word.empty() ? "" : Suggestion(*scope, word);
    if (guess.empty() && scope != &app) guess = Suggestion(app, word);
    std::cerr << "smslint: error: "
              << (word.rfind("-", 0) == 0 ? "unknown option '"
                  : scope == &app         ? "unknown command '"
                                          : "unexpected argument '")
              << word << "'" << (guess.empty() ? "" : absl::StrCat("; did you mean '", guess, "'?"))
              << "\nRun 'smslint --help' for the list of commands.\n";
    return kExitInputError;
  } catch (const CLI::ParseError& e) {
    std::cerr << "smslint: error: " << e.what() << "\n";
    return kExitInputError;
  }
  if (app.get_subcommands().empty()) {
    std::cout << app.help();
    return 0;
  }
  return exit_code;
}

}  // namespace smslint
