// Asks plugins which milestones their entries reached.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/manifest.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <algorithm>
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
  // A resumable plugin's state is kept after each this many of its entries, so that a change
  // to an entry it has seen takes it back only to the last such checkpoint before the entry.
  // The bundled plugins' states are at most a few kilobytes: a thousand of them for a million
  // entries is cheaper to keep than replaying thousands of entries after an edit.
  static constexpr int kEntriesPerCheckpoint = 1024;

  MilestoneService(Database& db, const PluginHost& plugins,
                   int entries_per_checkpoint = kEntriesPerCheckpoint)
      : db_(db), plugins_(plugins), entries_per_checkpoint_(std::max(1, entries_per_checkpoint)) {}

  // The milestones of `plugin` (or of every plugin), in the order reached. A plugin that names
  // an undeclared milestone or an entry not its own gets a kPluginFailed error.
  Result<std::vector<ReachedMilestone>> derive(const std::optional<std::string>& plugin);

 private:
  // What asking a plugin gave: the milestones its new entries reached, the last of those
  // entries, and the state it answered (when it resumes).
  struct Answer;
  // What bring_up_to_date found, and whether it was kept for next time.
  struct Derived {
    std::vector<ReachedMilestone> reached;
    bool kept = false;
  };

  // The plugin's milestones, kept in the database and brought up to date when entries change.
  Result<std::vector<ReachedMilestone>> derive_for(const LoadedPlugin& plugin);
  // The kept milestones when nothing the plugin would be given has changed since; else nullopt.
  Result<std::optional<std::vector<ReachedMilestone>>> kept_if_current(const LoadedPlugin& plugin);
  // Gives the plugin what it has not seen (or what follows the last checkpoint before a change,
  // or everything, to start over); keeps the outcome when `keep`.
  Result<Derived> bring_up_to_date(const LoadedPlugin& plugin, bool keep);
  Result<Answer> ask_plugin(const LoadedPlugin& plugin,
                            const std::optional<std::pair<int64_t, int64_t>>& after,
                            nlohmann::json state);

  Database& db_;
  const PluginHost& plugins_;
  int entries_per_checkpoint_;
};

}  // namespace hoego
