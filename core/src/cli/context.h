// What every command shares: the global options, the loaded plugins, the database (opened on
// first use) and the ways to report results and errors.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_environment.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "words.h"

namespace hoego::cli {

// Exit codes: 0 success, 1 the user's input was wrong or named nothing, 2 a usage error
// (from the argument parser), 3 the database or a plugin failed.
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitFailure = 3;

struct GlobalOptions {
  std::optional<std::string> data_directory;
  std::vector<std::string> plugin_directories;
  std::optional<std::string> time_zone;
  std::optional<std::string> language;
};

class Context {
 public:
  Context(std::filesystem::path executable, GlobalOptions options);

  // Loads every plugin from the search path. Called once, before commands are registered,
  // because `add`'s subcommands come from the plugins' manifests.
  void load_plugins();

  GlobalOptions& options() { return options_; }
  const PluginHost& plugins() const { return plugins_; }
  PluginHost& plugins() { return plugins_; }
  // Opens the database on first use; nullptr after reporting why it could not be opened.
  Database* database();
  // The IANA time zone that reads times written without an offset: --tz, then $HOEGO_TZ, then
  // the stored setting (once the database is open), then the system's.
  std::string time_zone();
  // Checks the zone named for this command (--tz, else $HOEGO_TZ), if any: false after
  // reporting an unknown one. A stored zone was checked when it was set.
  bool check_named_time_zone();
  // "ko" or "en": --lang, then $HOEGO_LANG, then the stored setting, then $LC_ALL and $LANG.
  std::string language();
  // The words of language(); like it, read after the database is open to heed the stored setting.
  Words words() { return {language()}; }

  // Prints an error (and each field problem) to stderr; returns the exit code for it.
  int fail(const Error& error);
  // Prints JSON to stdout, two-space indented.
  void print_json(const nlohmann::json& value) const;
  // Reports a failed result (printing its error and setting the exit code); true on success.
  template <typename Value>
  bool succeeded(const Result<Value>& result) {
    if (!result) exit_code = fail(result.error());
    return result.ok();
  }

  // The exit code of the command that ran.
  int exit_code = 0;

 private:
  std::optional<std::string> stored_setting(const std::string& key);
  // The zone named for this command: --tz, else $HOEGO_TZ; nullopt when neither is set.
  std::optional<std::string> named_time_zone() const;

  std::filesystem::path executable_;
  GlobalOptions options_;
  std::optional<Database> database_;
  // Answers the plugins' host API calls; outlives the plugins, which are unloaded first.
  DatabasePluginEnvironment environment_;
  PluginHost plugins_;
};

}  // namespace hoego::cli
