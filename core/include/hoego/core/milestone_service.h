// Asks plugins which milestones their entries reached.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/manifest.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

struct ReachedMilestone {
  std::string plugin;
  std::string id;
  LocalizedText label;
  int64_t entry_id = 0;
  std::string person;    // empty when the milestone is not about one person
  std::string when;      // the entry's moment
  int64_t when_utc = 0;  // orders milestones across offsets
  std::string entry_title;
};

nlohmann::json to_json(const ReachedMilestone& milestone);

class MilestoneService {
 public:
  MilestoneService(Database& db, const PluginHost& plugins) : db_(db), plugins_(plugins) {}

  // The milestones of `plugin` (or of every plugin), in the order reached. A plugin that names
  // an undeclared milestone or an entry not its own gets a kPluginFailed error.
  Result<std::vector<ReachedMilestone>> derive(const std::optional<std::string>& plugin);

 private:
  // The plugin's milestones, kept per connection until the data changes.
  Result<std::vector<ReachedMilestone>> derive_for(const LoadedPlugin& plugin);
  Result<std::vector<ReachedMilestone>> ask_plugin(const LoadedPlugin& plugin);

  Database& db_;
  const PluginHost& plugins_;
};

}  // namespace hoego
