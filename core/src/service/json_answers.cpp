#include <hoego/core/journal_service.h>
#include <hoego/core/json_answers.h>
#include <hoego/core/local_time.h>

namespace hoego {
namespace {

using nlohmann::json;

template <typename Item>
json list_under(const char* key, const std::vector<Item>& items) {
  json array = json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return json{{key, std::move(array)}};
}

}  // namespace

json entries_answer(const std::vector<Entry>& entries) { return list_under("entries", entries); }

json revisions_answer(const std::vector<Entry>& revisions) {
  return list_under("revisions", revisions);
}

json undo_answer(const UndoOutcome& outcome) {
  const LocalizedText summary = describe_step(outcome.action, outcome.label);
  return json{{"action", outcome.action},
              {"subject", outcome.subject},
              {"subject_id", outcome.subject_id},
              {"summary", {{"ko", summary.ko}, {"en", summary.en}}},
              {"entry", outcome.entry ? to_json(*outcome.entry) : json(nullptr)}};
}

json people_answer(const std::vector<Person>& people) { return list_under("people", people); }

json tracks_answer(const std::vector<Track>& tracks) { return list_under("tracks", tracks); }

json goals_answer(const std::vector<GoalReport>& goals) { return list_under("goals", goals); }

json metrics_answer(const std::vector<MetricValue>& metrics) {
  return list_under("metrics", metrics);
}

json milestones_answer(const MilestonesReached& milestones) {
  json answer = list_under("milestones", milestones.reached);
  answer["failed"] = failed_json(milestones.failed);
  return answer;
}

json plugin_answer(const LoadedPlugin& plugin, const std::string& language) {
  json kinds = json::array();
  for (const auto& kind : plugin.manifest().kinds) kinds.push_back(kind.id);
  return json{{"id", plugin.id()},
              {"name", plugin.manifest().name.in(language)},
              {"version", plugin.manifest().version},
              {"sdk_version", plugin.sdk_version_text()},
              {"capabilities", plugin.capabilities()},
              {"kinds", std::move(kinds)},
              {"path", plugin.path().string()},
              {"manifest", plugin.manifest().source}};
}

json plugins_answer(const PluginHost& plugins, const std::string& language,
                    const std::vector<UnloadedPlugin>& unloaded) {
  json loaded = json::array(), disabled = json::array(), refused = json::array(),
       kept = json::array();
  for (const auto& plugin : plugins.plugins()) {
    loaded.push_back(plugin_answer(*plugin, language));
    loaded.back()["enabled"] = true;
  }
  for (const auto& plugin : plugins.disabled()) {
    disabled.push_back(plugin_answer(*plugin, language));
    disabled.back()["enabled"] = false;
  }
  for (const auto& plugin : unloaded) kept.push_back(to_json(plugin));
  for (const auto& refusal : plugins.refusals())
    refused.push_back({{"path", refusal.path.string()},
                       {"reason", refusal.reason_in(language)},
                       {"problems", refusal.problems_in(language)}});
  return json{{"plugins", std::move(loaded)},
              {"disabled", std::move(disabled)},
              {"unloaded", std::move(kept)},
              {"refused", std::move(refused)}};
}

json settings_answer(const std::string& time_zone, const std::string& language,
                     const std::string& feed_interval) {
  return json{{"time_zone", time_zone},
              {"language", language},
              {"feed_interval", feed_interval},
              {"today", now_in(time_zone).local_date}};
}

}  // namespace hoego
