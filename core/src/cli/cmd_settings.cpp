// hoego settings: the time zone, language and feeds' interval kept in the database.
#include <hoego/core/feed_schedule.h>
#include <hoego/core/json_answers.h>
#include <hoego/core/settings_service.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {
namespace {

// "time_zone = Asia/Seoul", or "시간대 (time_zone) = Asia/Seoul": in Korean the setting's name
// beside the key that 'settings set' takes.
std::string setting_line(const std::string& key, const std::string& value, const Words& words) {
  if (words.korean()) {
    if (key == "time_zone") return "시간대 (time_zone) = " + value;
    if (key == "language") return "언어 (language) = " + value;
    if (key == "feed_interval") return "피드 가져오는 간격 (feed_interval, 분) = " + value;
  }
  return key + " = " + value;
}

}  // namespace

void register_settings_commands(CLI::App& app, Context& context) {
  auto* settings = app.add_subcommand(
      "settings", "Show the settings, or change one with 'settings set' and 'settings unset'");
  static bool json = false;
  settings->add_flag("--json", json, "Print JSON");

  auto* set = settings->add_subcommand(
      "set",
      "Set time_zone (an IANA name such as Asia/Seoul), language (ko or en) or feed_interval "
      "(minutes between fetches of the members' feeds while serving, 5-10080, or off)");
  static std::string key, value;
  set->add_option("key", key, "time_zone, language or feed_interval")->required();
  set->add_option("value", value, "The new value")->required();
  set->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    if (auto status = SettingsService(*db).set(key, value); !status) {
      context.exit_code = context.fail(status.error());
      return;
    }
    std::cout << setting_line(key, value, context.words()) << "\n";
  });

  auto* unset = settings->add_subcommand("unset", "Forget a setting; its default applies again");
  unset->add_option("key", key, "time_zone, language or feed_interval")->required();
  unset->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    if (auto status = SettingsService(*db).unset(key); !status)
      context.exit_code = context.fail(status.error());
  });

  settings->callback([&context, settings] {
    if (!settings->get_subcommands().empty()) return;
    Database* db = context.database();
    if (db == nullptr) return;
    // What applies now, after --tz, $HOEGO_TZ and the system's zone have had their say.
    auto interval = SettingsService(*db).get("feed_interval");
    const nlohmann::json effective = settings_answer(
        context.time_zone(), context.language(),
        interval && *interval ? **interval : std::to_string(kDefaultFeedIntervalMinutes));
    if (json) {
      context.print_json(effective);
      return;
    }
    const Words words = context.words();
    for (const char* name : {"time_zone", "language", "feed_interval"})
      std::cout << setting_line(name, effective[name].get<std::string>(), words) << "\n";
  });
}

}  // namespace hoego::cli
