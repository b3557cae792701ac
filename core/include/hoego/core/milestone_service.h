// The milestones reached: those plugins derive from their entries, and each of the user's goals
// reached, with the entry that reached it.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/manifest.h>
#include <hoego/core/plugin_failure.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hoego {

struct ReachedMilestone {
  std::string plugin;
  std::string id;
  LocalizedText label;
  int64_t entry_id = 0;
  std::string person;      // empty when the milestone is not about one person
  std::string when;        // the entry's moment, as written
  std::string local_date;  // its day in the user's zone: which year and day it belongs to
  int64_t when_utc = 0;    // orders milestones across offsets
  std::string entry_title;
  // The user's goal whose target the entry reached: a milestone the core finds for every goal
  // with a target (id "goal_reached", `plugin` the goal's), so that no plugin assumes a target.
  std::optional<int64_t> goal;
};

nlohmann::json to_json(const ReachedMilestone& milestone);

// What deriving found: the milestones reached, and the plugins that failed to derive theirs.
struct MilestonesReached {
  std::vector<ReachedMilestone> reached;  // in the order reached
  std::vector<PluginFailure> failed;      // part kMilestonesPart, in loading order
};

class MilestoneService {
 public:
  // A resumable plugin's state is kept after each this many of its entries, so that a change
  // to an entry it has seen takes it back only to the last such checkpoint before the entry.
  // The bundled plugins' states are at most a few kilobytes: a thousand of them for a million
  // entries is cheaper to keep than replaying thousands of entries after an edit.
  static constexpr int kEntriesPerCheckpoint = 1024;

  // `time_zone` is the user's: a goal's days, and so the entry that reached it, are its days.
  MilestoneService(Database& db, const PluginHost& plugins, std::string time_zone,
                   int entries_per_checkpoint = kEntriesPerCheckpoint)
      : db_(db),
        plugins_(plugins),
        time_zone_(std::move(time_zone)),
        entries_per_checkpoint_(std::max(1, entries_per_checkpoint)) {}

  // The milestones of `plugin` (or of every plugin), in the order reached: what the plugins
  // derived, and the goals reached as of today. A plugin that fails, or names an undeclared
  // milestone or an entry not its own, loses only its own milestones: it is listed in `failed`
  // and the others' are derived all the same. An error only when the database fails or
  // `plugin` is not in use.
  Result<MilestonesReached> derive(const std::optional<std::string>& plugin);

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

  // The goals of `plugin` (or of every loaded plugin) reached as of today, as milestones.
  Result<std::vector<ReachedMilestone>> goals_reached(const std::optional<std::string>& plugin);

  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
  int entries_per_checkpoint_;
};

}  // namespace hoego
