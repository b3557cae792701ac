#include "context.h"

#include <hoego/core/data_directory.h>
#include <hoego/core/local_days.h>
#include <hoego/core/local_time.h>
#include <hoego/core/plugin_switches.h>
#include <hoego/core/settings_service.h>

#include <cstdlib>
#include <iostream>

namespace hoego::cli {

Context::Context(std::filesystem::path executable, GlobalOptions options)
    : executable_(std::move(executable)),
      options_(std::move(options)),
      environment_([this] { return database_ ? &*database_ : nullptr; },
                   [this] { return language(); }, [this] { return time_zone(); }) {
  plugins_.set_environment(&environment_);
}

void Context::load_plugins() {
  std::vector<std::filesystem::path> extra(options_.plugin_directories.begin(),
                                           options_.plugin_directories.end());
  // The user's own plugins live in the data directory; none when it cannot be named.
  std::optional<std::filesystem::path> user;
  if (auto data = resolve_data_directory(options_.data_directory)) user = *data / "plugins";
  for (const auto& directory :
       plugin_search_path(executable_, user, extra, std::getenv("HOEGO_PLUGIN_PATH"))) {
    // A file given with --plugins is loaded on its own; a directory, everything in it.
    std::error_code error;
    if (std::filesystem::is_regular_file(directory, error))
      plugins_.load_file(directory);
    else
      plugins_.load_directory(directory);
  }
}

Database* Context::database() {
  if (database_) return &*database_;
  auto directory = resolve_data_directory(options_.data_directory);
  if (!directory) {
    exit_code = fail(directory.error());
    return nullptr;
  }
  auto file = database_file(*directory);
  if (!file) {
    exit_code = fail(file.error());
    return nullptr;
  }
  auto opened = Database::open(*file);
  if (!opened) {
    exit_code = fail(opened.error());
    return nullptr;
  }
  database_.emplace(std::move(opened.value()));
  // Plugins the user switched off are out of use for every command; a database too old or
  // busy to say keeps them all in use.
  (void)PluginSwitches(*database_, plugins_).apply();
  // Every command reads and writes days in the zone in force, the stored setting included, so
  // the stored dates follow it first (a --tz or $HOEGO_TZ of one command dates them in its zone
  // too; the next command in another zone dates them back). A zone that is not one stops here.
  const std::string zone = time_zone();
  auto aligned = align_local_days(*database_, zone);
  if (!aligned && aligned.error().code == ErrorCode::kInvalidInput) {
    exit_code = fail(aligned.error());  // while the stored language can still be read
    database_.reset();
    return nullptr;
  }
  // A read-only or busy database is still read, in the zone its dates are in.
  if (!aligned) {
    const Words words = this->words();
    if (words.korean())
      std::cerr << "hoego: 경고: 기록의 날짜를 " << zone << " 기준으로 옮기지 못했습니다 ("
                << aligned.error().in(words.language) << "). 원래 날짜대로 셉니다\n";
    else
      std::cerr << "hoego: warning: the entries' days could not be moved to " << zone << " ("
                << aligned.error().message << "); they are counted as they were\n";
  }
  return &*database_;
}

bool Context::check_named_time_zone() {
  const auto zone = named_time_zone();
  if (!zone) return true;
  auto known = check_time_zone(*zone);
  if (!known) exit_code = fail(known.error());
  return known.ok();
}

std::optional<std::string> Context::named_time_zone() const {
  if (options_.time_zone) return *options_.time_zone;
  if (const char* zone = std::getenv("HOEGO_TZ"); zone != nullptr && *zone != '\0') return zone;
  return std::nullopt;
}

std::string Context::time_zone() {
  if (auto named = named_time_zone()) return *named;
  if (auto stored = stored_setting("time_zone")) return *stored;
  return system_time_zone();
}

std::optional<std::string> Context::stored_setting(const std::string& key) {
  // Only read when the command has opened the database: a setting must not make a command
  // that needs none (plugins, --help) fail on an unreadable data directory.
  if (!database_) return std::nullopt;
  auto value = SettingsService(*database_).get(key);
  return value ? *value : std::nullopt;
}

std::string Context::language() {
  auto pick = [](std::string_view value) -> std::optional<std::string> {
    if (value.rfind("ko", 0) == 0) return "ko";
    if (value.rfind("en", 0) == 0) return "en";
    return std::nullopt;
  };
  if (options_.language)
    if (auto language = pick(*options_.language)) return *language;
  if (const char* value = std::getenv("HOEGO_LANG"); value != nullptr)
    if (auto language = pick(value)) return *language;
  if (auto stored = stored_setting("language")) return *stored;
  for (const char* variable : {"LC_ALL", "LANG"})
    if (const char* value = std::getenv(variable); value != nullptr)
      if (auto language = pick(value)) return *language;
  return "en";
}

int Context::fail(const Error& error) {
  const std::string words = language();
  std::cerr << (words == "ko" ? "hoego: 오류: " : "hoego: error: ") << error.in(words) << "\n";
  if (error.fields.size() > 1)
    for (const auto& field : error.fields) std::cerr << "  - " << field.in(words) << "\n";
  switch (error.code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
      return kExitInvalid;
    default:
      return kExitFailure;
  }
}

void Context::print_json(const nlohmann::json& value) const {
  std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace hoego::cli
