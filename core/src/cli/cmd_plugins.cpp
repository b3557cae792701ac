// hoego plugins: what was loaded, and what was refused and why.
#include <iostream>

#include "commands.h"

namespace hoego::cli {

void register_plugins_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand("plugins", "List loaded plugins and refused libraries");
  static bool json = false;
  command->add_flag("--json", json, "Print JSON");
  command->callback([&context] {
    const PluginHost& host = context.plugins();
    if (json) {
      nlohmann::json loaded = nlohmann::json::array(), refused = nlohmann::json::array();
      for (const auto& plugin : host.plugins()) {
        nlohmann::json kinds = nlohmann::json::array();
        for (const auto& kind : plugin->manifest().kinds) kinds.push_back(kind.id);
        loaded.push_back({{"id", plugin->id()},
                          {"name", plugin->manifest().name.in(context.language())},
                          {"version", plugin->manifest().version},
                          {"sdk_version", plugin->sdk_version_text()},
                          {"kinds", kinds},
                          {"path", plugin->path().string()}});
      }
      for (const auto& refusal : host.refusals())
        refused.push_back({{"path", refusal.path.string()}, {"reason", refusal.reason}});
      context.print_json({{"plugins", loaded}, {"refused", refused}});
      return;
    }
    for (const auto& plugin : host.plugins())
      std::cout << plugin->id() << " " << plugin->manifest().version << " loaded (sdk "
                << plugin->sdk_version_text() << ") — "
                << plugin->manifest().name.in(context.language()) << " — "
                << plugin->path().string() << "\n";
    for (const auto& refusal : host.refusals())
      std::cout << "refused " << refusal.path.string() << ": " << refusal.reason << "\n";
    if (host.plugins().empty() && host.refusals().empty())
      std::cout << "no plugins found (bundled plugins live in lib/hoego/plugins beside bin/)\n";
  });
}

}  // namespace hoego::cli
