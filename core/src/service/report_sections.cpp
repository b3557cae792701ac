#include "report_sections.h"

#include <hoego/core/local_time.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "../domain/number_json.h"
#include "../store/entry_store.h"

namespace hoego {
namespace {

using nlohmann::json;

// A section as kept: {} when the plugin wrote none, else a title and paragraphs of text.
bool is_kept_section(const json& section) {
  if (!section.is_object()) return false;
  if (section.empty()) return true;
  if (!section.value("title", json()).is_string()) return false;
  const json paragraphs = section.value("paragraphs", json());
  return paragraphs.is_array() &&
         std::all_of(paragraphs.begin(), paragraphs.end(),
                     [](const json& paragraph) { return paragraph.is_string(); });
}

// The goals a plugin's section is handed: those on its kinds, as the report judged them
// (sdk.h, "The goals of a year report").
json goals_for(const LoadedPlugin& plugin, const std::vector<GoalReport>& year_goals) {
  json goals = json::array();
  for (const auto& report : year_goals) {
    const Goal& goal = report.goal;
    if (goal.plugin != plugin.id()) continue;
    const auto& definition = goal.definition;
    const bool met = definition.target && report.state.progress >= *definition.target;
    goals.push_back({{"id", goal.id},
                     {"title", goal.title},
                     {"kind", goal.kind},
                     {"track", goal.track ? json(*goal.track) : json(nullptr)},
                     {"starts_on", definition.starts_on},
                     {"ends_on", definition.ends_on ? json(*definition.ends_on) : json(nullptr)},
                     {"target", definition.target ? number_json(*definition.target) : json()},
                     {"sum_field", goal.sum_field ? json(*goal.sum_field) : json(nullptr)},
                     {"progress", number_json(report.state.progress)},
                     {"status", report.state.status},
                     {"met", met}});
  }
  return goals;
}

std::string month_day(int year, int month, int day) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

std::string month_end(int year, int month) {
  return shifted_date(month == 12 ? month_day(year + 1, 1, 1) : month_day(year, month + 1, 1), -1);
}

// The plugin's live entries on local days from `since` to `until`, oldest first, as plugins
// are given them.
Result<json> entries_between(Database& db, const std::string& plugin, const std::string& since,
                             const std::string& until) {
  EntryFilter filter;
  filter.plugin = plugin;
  filter.since = since;
  filter.until = until;
  auto entries = EntryStore(db).list(filter);
  if (!entries) return entries.error();
  json oldest_first = json::array();
  for (auto it = entries->rbegin(); it != entries->rend(); ++it)
    oldest_first.push_back(to_plugin_json(*it));
  return oldest_first;
}

// The state a resumable plugin built from its entries of the whole year. The state after each
// month is kept with the latest change among the days from January 1 to that month's end; the
// plugin goes on from the last month whose state still holds, one month per call. `keepable`
// turns false when the plugin asked the host for more than it was given.
Result<json> year_report_state(Database& db, const LoadedPlugin& plugin, int year,
                               std::vector<DerivedValue>& to_keep, bool& keepable) {
  DerivedStore derived(db);
  const std::string key_prefix =
      "report state " + plugin.id() + " " + plugin.build() + " " + std::to_string(year) + " ";
  auto key_of = [&](int month) { return key_prefix + month_day(year, month, 1).substr(5, 2); };
  std::array<int64_t, 13> change_through{};
  for (int month = 1; month <= 12; ++month) {
    auto change =
        derived.latest_change(plugin.id(), month_day(year, month, 1), month_end(year, month));
    if (!change) return change.error();
    change_through[month] = std::max(change_through[month - 1], *change);
  }
  json state;
  int done = 12;
  for (; done > 0; --done) {
    auto kept = derived.find(key_of(done), change_through[done]);
    if (!kept) return kept.error();
    if (!*kept) continue;
    state = json::parse(**kept, nullptr, false);
    if (!state.is_discarded()) break;
    state = nullptr;
  }
  for (int month = done + 1; month <= 12; ++month) {
    auto entries =
        entries_between(db, plugin.id(), month_day(year, month, 1), month_end(year, month));
    if (!entries) return entries.error();
    if (entries->empty()) continue;
    const uint64_t reads_before = plugin.host_reads();
    auto resumed = plugin.resume_year_report({{"year", year},
                                              {"month", month},
                                              {"state", std::move(state)},
                                              {"entries", std::move(*entries)}});
    if (!resumed) return resumed.error();
    state = std::move(*resumed);
    keepable = keepable && plugin.host_reads() == reads_before;
    if (keepable) to_keep.push_back({key_of(month), change_through[month], state.dump()});
  }
  return state;
}

}  // namespace

Result<std::optional<PluginSection>> plugin_section(Database& db, const LoadedPlugin& plugin,
                                                    int year, const std::string& language,
                                                    const std::vector<GoalReport>& year_goals,
                                                    std::vector<DerivedValue>& to_keep) {
  const std::string first = month_day(year, 1, 1);
  const std::string last = month_day(year, 12, 31);
  DerivedStore derived(db);
  auto change = derived.latest_change(plugin.id(), first, last);
  if (!change) return change.error();
  const std::string key = "report section " + plugin.id() + " " + plugin.build() + " " +
                          std::to_string(year) + " " + language;
  // Kept as {"goals": what the plugin was handed, "section": what it wrote}: a goal added,
  // edited or moved on by entries outside the year changes what the section may say.
  json goals = goals_for(plugin, year_goals);
  auto kept = derived.find(key, *change);
  if (!kept) return kept.error();
  const json kept_value = *kept ? json::parse(**kept, nullptr, false) : json();
  json section;
  if (kept_value.is_object() && kept_value.value("goals", json()) == goals &&
      is_kept_section(kept_value.value("section", json())))
    section = kept_value["section"];
  else {
    bool keepable = true;
    if (plugin.resumes_year_report()) {
      auto state = year_report_state(db, plugin, year, to_keep, keepable);
      if (!state) return state.error();
      const uint64_t reads_before = plugin.host_reads();
      auto written = plugin.year_report_from_state(
          {{"year", year}, {"language", language}, {"state", std::move(*state)}, {"goals", goals}});
      if (!written) return written.error();
      section = std::move(*written);
      keepable = keepable && plugin.host_reads() == reads_before;
    } else if (plugin.writes_year_report()) {
      auto entries = entries_between(db, plugin.id(), first, last);
      if (!entries) return entries.error();
      const uint64_t reads_before = plugin.host_reads();
      auto written = plugin.year_report_section({{"year", year},
                                                 {"language", language},
                                                 {"entries", std::move(*entries)},
                                                 {"goals", goals}});
      if (!written) return written.error();
      section = *written ? std::move(**written) : json::object();
      keepable = plugin.host_reads() == reads_before;
    } else {
      section = json::object();
    }
    if (keepable)
      to_keep.push_back(
          {key, *change, json{{"goals", std::move(goals)}, {"section", section}}.dump()});
  }
  if (!section.contains("paragraphs") || section["paragraphs"].empty())
    return std::optional<PluginSection>{};
  return std::optional<PluginSection>{
      PluginSection{plugin.id(), section["title"].get<std::string>(),
                    section["paragraphs"].get<std::vector<std::string>>()}};
}

}  // namespace hoego
