// hoego: the command line. Each command lives in its own cmd_*.cpp; this file sets up the
// global options, loads the plugins and dispatches.
#include <filesystem>
#include <string_view>
#include <system_error>

#include "commands.h"

namespace {

// Some global options must be known before the command line is parsed, because `add`'s
// subcommands and their help come from the plugins' manifests: where plugins are (--plugins,
// and --data, whose plugins/ holds the user's own) and the language of the labels (--lang).
// Every value of `name`, in order, written "--name VALUE" or "--name=VALUE".
std::vector<std::string> values_of(int argc, char** argv, std::string_view name) {
  std::vector<std::string> values;
  const std::string joined = std::string(name) + "=";
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == name && i + 1 < argc)
      values.emplace_back(argv[++i]);
    else if (argument.rfind(joined, 0) == 0)
      values.emplace_back(argument.substr(joined.size()));
  }
  return values;
}

std::optional<std::string> last_value_of(int argc, char** argv, std::string_view name) {
  auto values = values_of(argc, argv, name);
  if (values.empty()) return std::nullopt;
  return values.back();
}

std::filesystem::path executable_path(const char* argv0) {
  std::error_code error;
  auto path = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::absolute(argv0) : path;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace hoego::cli;
  GlobalOptions options;
  options.plugin_directories = values_of(argc, argv, "--plugins");
  options.language = last_value_of(argc, argv, "--lang");
  options.data_directory = last_value_of(argc, argv, "--data");
  Context context(executable_path(argv[0]), options);
  context.load_plugins();

  CLI::App app{
      "hoego (회고): a local-first log of mentoring, study, writing, hackathons, events, reading "
      "and exercise",
      "hoego"};
  app.fallthrough();
  app.require_subcommand(1);
  app.set_version_flag("--version", "hoego 0.1.0");
  app.add_option("--data", context.options().data_directory,
                 "Data directory (default: $HOEGO_DATA, else $XDG_DATA_HOME/hoego)");
  app.add_option("--plugins", context.options().plugin_directories,
                 "Also load plugins from this directory or file (repeatable; also "
                 "$HOEGO_PLUGIN_PATH)");
  app.add_option("--tz", context.options().time_zone,
                 "Time zone for times written without an offset (default: $HOEGO_TZ, else the "
                 "system's)");
  app.add_option("--lang", context.options().language, "Language of labels: ko or en")
      ->check(CLI::IsMember({"ko", "en"}));

  register_plugins_command(app, context);
  register_people_command(app, context);
  register_add_command(app, context);
  register_list_commands(app, context);
  register_edit_command(app, context);
  register_delete_commands(app, context);
  register_stats_commands(app, context);
  register_tracks_commands(app, context);
  register_feeds_commands(app, context);
  register_goals_commands(app, context);
  register_board_command(app, context);
  register_import_commands(app, context);
  register_export_command(app, context);
  register_report_command(app, context);
  register_settings_commands(app, context);
  register_backup_commands(app, context);
  register_journal_command(app, context);
  register_follow_ups_command(app, context);
  register_serve_command(app, context);
  // Once the command line is parsed and before any command runs: a mistyped zone stops every
  // command, serve and those that read no time included, before the database is even opened.
  app.parse_complete_callback([&context] {
    if (!context.check_named_time_zone()) throw CLI::RuntimeError(context.exit_code);
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& stopped) {
    return stopped.get_exit_code();  // reported already
  } catch (const CLI::ParseError& error) {
    if (auto unknown = unknown_add_target(context)) return context.fail(*unknown);
    // --help and --version end parsing too, successfully.
    return app.exit(error) == 0 ? 0 : kExitUsage;
  }
  return context.exit_code;
}
