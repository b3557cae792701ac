// hoego settings: the time zone and language kept in the database.
#include <hoego/core/json_answers.h>
#include <hoego/core/settings_service.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {

void register_settings_commands(CLI::App& app, Context& context) {
  auto* settings = app.add_subcommand(
      "settings", "Show the settings, or change one with 'settings set' and 'settings unset'");
  static bool json = false;
  settings->add_flag("--json", json, "Print JSON");

  auto* set = settings->add_subcommand(
      "set", "Set time_zone (an IANA name such as Asia/Seoul) or language (ko or en)");
  static std::string key, value;
  set->add_option("key", key, "time_zone or language")->required();
  set->add_option("value", value, "The new value")->required();
  set->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    if (auto status = SettingsService(*db).set(key, value); !status) {
      context.exit_code = context.fail(status.error());
      return;
    }
    std::cout << key << " = " << value << "\n";
  });

  auto* unset = settings->add_subcommand("unset", "Forget a setting; its default applies again");
  unset->add_option("key", key, "time_zone or language")->required();
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
    const nlohmann::json effective = settings_answer(context.time_zone(), context.language());
    if (json) {
      context.print_json(effective);
      return;
    }
    for (const char* name : {"time_zone", "language"})
      std::cout << name << " = " << effective[name].get<std::string>() << "\n";
  });
}

}  // namespace hoego::cli
