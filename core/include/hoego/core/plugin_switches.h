// Plugins the user switches off and on without touching files. A plugin switched off is loaded
// but out of use: no card, metrics, milestones or report section, and no new entries. Its
// entries stay, readable (list, show, export) and counted apart, as are the entries of a plugin
// that is not installed at all. Each switch is one step of the undo journal.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hoego {

// Live entries kept for a plugin that is not in use.
struct UnloadedPlugin {
  std::string plugin;
  int64_t entries = 0;
  std::string reason;  // "disabled" (switched off) or "missing" (not installed)
};

nlohmann::json to_json(const UnloadedPlugin& unloaded);

class PluginSwitches {
 public:
  PluginSwitches(Database& db, PluginHost& plugins) : db_(db), plugins_(plugins) {}

  // Switches off in `plugins` the plugins the database says are off, and on the rest.
  Status apply();
  // Switches a loaded plugin off (kNotFound for one not loaded, kConflict when it is off).
  Status disable(const std::string& id);
  // Switches a plugin back on (kConflict when it is not off).
  Status enable(const std::string& id);
  // The plugins not in use that live entries belong to, by id.
  Result<std::vector<UnloadedPlugin>> unloaded();

 private:
  Status set(const std::string& id, bool disabled);

  Database& db_;
  PluginHost& plugins_;
};

// The plugins not in use that live entries belong to, without a host to change; with `dates`
// (local dates, inclusive), only the entries on those days count.
Result<std::vector<UnloadedPlugin>> unloaded_plugins(
    Database& db, const PluginHost& plugins,
    const std::optional<std::pair<std::string, std::string>>& dates = std::nullopt);

// How many live entries each loaded plugin (in use or switched off) holds, by id. Counts every
// entry of each: for the plugins page, not for every request.
Result<std::map<std::string, int64_t>> entries_per_plugin(Database& db, const PluginHost& plugins);

}  // namespace hoego
