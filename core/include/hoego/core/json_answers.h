// The JSON objects that answer a question, built in one place so that the HTTP API's answer and
// the CLI's --json output for the same question are the same object and cannot drift apart.
// Each names the endpoint and the command that print it.
#pragma once

#include <hoego/core/entry.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/metric_service.h>
#include <hoego/core/milestone_service.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/plugin_switches.h>
#include <hoego/core/track.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hoego {

// GET /entries, `hoego list`: {"entries": [entry…]}.
nlohmann::json entries_answer(const std::vector<Entry>& entries);
// GET /entries/{id}/history, `hoego show ID --history`: {"revisions": [entry…]}, oldest first,
// the last being the entry as it is now.
nlohmann::json revisions_answer(const std::vector<Entry>& revisions);
// POST /undo, `hoego undo`: {"action", "subject", "subject_id", "summary": {"ko", "en"},
// "entry": entry or null}; action is add, edit or delete for an entry's step, else goal.edit,
// track.delete, person.merge, plugin.disable…
nlohmann::json undo_answer(const UndoOutcome& outcome);
// GET /people, `hoego people`: {"people": [person…]}.
nlohmann::json people_answer(const std::vector<Person>& people);
// GET /tracks, `hoego tracks`: {"tracks": [track…]}.
nlohmann::json tracks_answer(const std::vector<Track>& tracks);
// GET /goals, `hoego goals`: {"goals": [goal report…]}.
nlohmann::json goals_answer(const std::vector<GoalReport>& goals);
// GET /metrics, `hoego stats`: {"metrics": [metric…]}.
nlohmann::json metrics_answer(const std::vector<MetricValue>& metrics);
// GET /milestones, `hoego milestones`: {"milestones": [milestone…], "failed": [failure…]}, the
// failures as PluginFailure's to_json.
nlohmann::json milestones_answer(const MilestonesReached& milestones);
// One loaded plugin: id, name (in `language`), version, sdk_version, capabilities, kinds (ids),
// path and its whole manifest. Also `hoego plugins check FILE --json`'s "plugin".
nlohmann::json plugin_answer(const LoadedPlugin& plugin, const std::string& language);
// GET /plugins, `hoego plugins`: {"plugins": [plugin… in use, "enabled": true], "disabled":
// [plugin… switched off, "enabled": false], "unloaded": [{plugin, entries, reason}…: entries
// kept for plugins not in use], "refused": [{path, reason, problems}…]}.
nlohmann::json plugins_answer(const PluginHost& plugins, const std::string& language,
                              const std::vector<UnloadedPlugin>& unloaded);
// GET /settings, `hoego settings`: what applies now, {"time_zone", "language", "feed_interval",
// "today"}, today being the date in that zone; feed_interval as stored (minutes, or "off").
nlohmann::json settings_answer(const std::string& time_zone, const std::string& language,
                               const std::string& feed_interval);

}  // namespace hoego
