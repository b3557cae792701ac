#include <hoego/core/dashboard_service.h>
#include <hoego/core/local_time.h>
#include <hoego/core/report.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "../store/derived_store.h"
#include "../store/entry_store.h"
#include "../store/report_store.h"
#include "report_sections.h"

namespace hoego {

namespace {

// How many of the year's most-named people the report shows.
constexpr size_t kMostNamedPeople = 10;

template <typename Item>
nlohmann::json array_of(const std::vector<Item>& items) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

}  // namespace

nlohmann::json to_json(const YearReport& report) {
  nlohmann::json months = nlohmann::json::array(), people = nlohmann::json::array();
  for (const auto& month : report.months)
    months.push_back({{"month", month.month},
                      {"entries", month.entries},
                      {"highlights", array_of(month.highlights)}});
  for (const auto& person : report.people)
    people.push_back({{"name", person.name}, {"entries", person.entries}});
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& section : report.sections)
    sections.push_back(
        {{"plugin", section.plugin}, {"title", section.title}, {"paragraphs", section.paragraphs}});
  return {{"year", report.year},
          {"as_of", report.as_of},
          {"entries", report.entries},
          {"metrics", array_of(report.metrics)},
          {"goals", array_of(report.goals)},
          {"months", std::move(months)},
          {"months_by_plugin", array_of(report.months_by_plugin)},
          {"milestones", array_of(report.milestones)},
          {"people", std::move(people)},
          {"sections", std::move(sections)},
          {"failed", failed_json(report.failed)},
          {"unloaded", array_of(report.unloaded)}};
}

namespace {

// How many of a month's entries name each person, kept until a day of the month changes.
Result<std::map<std::string, int>> named_in_month(Database& db, int year, int month,
                                                  std::vector<DerivedValue>& to_keep) {
  char first[16], last[16];
  std::snprintf(first, sizeof first, "%04d-%02d-01", year, month);
  std::snprintf(last, sizeof last, "%04d-%02d-31", year, month);
  DerivedStore derived(db);
  auto change = derived.latest_change(std::nullopt, first, last);
  if (!change) return change.error();
  const std::string key = std::string("report named ") + std::string(first, 7);
  auto kept = derived.find(key, *change);
  if (!kept) return kept.error();
  const nlohmann::json kept_counts =
      *kept ? nlohmann::json::parse(**kept, nullptr, false) : nlohmann::json();
  if (kept_counts.is_object()) {
    std::map<std::string, int> named;
    for (const auto& [name, count] : kept_counts.items())
      if (count.is_number_integer()) named[name] = count.get<int>();
    return named;
  }
  auto counted = ReportStore(db).named(first, last);
  if (!counted) return counted.error();
  to_keep.push_back({key, *change, nlohmann::json(*counted).dump()});
  return counted;
}

// The ten people named most in the year, kept until a day of the year changes; then added up
// from each month's counts, of which only the changed months are counted again (renaming a
// person changes every day they are named on).
Result<std::vector<ReportPerson>> most_named(Database& db, int year,
                                             std::vector<DerivedValue>& to_keep) {
  const std::string first = std::to_string(year) + "-01-01";
  const std::string last = std::to_string(year) + "-12-31";
  DerivedStore derived(db);
  auto change = derived.latest_change(std::nullopt, first, last);
  if (!change) return change.error();
  const std::string key = "report people " + std::to_string(year);
  auto kept = derived.find(key, *change);
  if (!kept) return kept.error();
  std::vector<ReportPerson> people;
  const nlohmann::json kept_people =
      *kept ? nlohmann::json::parse(**kept, nullptr, false) : nullptr;
  if (kept_people.is_array()) {
    for (const auto& person : kept_people)
      if (person.is_array() && person.size() == 2 && person[0].is_string() &&
          person[1].is_number_integer())
        people.push_back({person[0].get<std::string>(), person[1].get<int>()});
    return people;
  }
  std::map<std::string, int> named;
  for (int month = 1; month <= 12; ++month) {
    auto in_month = named_in_month(db, year, month, to_keep);
    if (!in_month) return in_month.error();
    for (const auto& [name, count] : *in_month) named[name] += count;
  }
  for (const auto& [name, count] : named) people.push_back({name, count});
  // The most named first, then by name (the map's order, kept by the stable sort).
  std::stable_sort(people.begin(), people.end(), [](const ReportPerson& a, const ReportPerson& b) {
    return a.entries > b.entries;
  });
  if (people.size() > kMostNamedPeople) people.resize(kMostNamedPeople);
  nlohmann::json value = nlohmann::json::array();
  for (const auto& person : people) value.push_back({person.name, person.entries});
  to_keep.push_back({key, *change, value.dump()});
  return people;
}

// Each month's highlights: its milestone entries, newest first, then its newest entries, at
// most three, in the order they happened.
Status fill_highlights(Database& db, int year, const std::vector<ReachedMilestone>& milestones,
                       std::vector<ReportMonth>& months) {
  EntryStore entries(db);
  for (ReportMonth& month : months) {
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%04d-%02d", year, month.month);
    std::vector<int64_t> ids;
    for (auto it = milestones.rbegin(); it != milestones.rend() && ids.size() < 3; ++it)
      if (it->when.compare(0, 7, prefix) == 0 &&
          std::find(ids.begin(), ids.end(), it->entry_id) == ids.end())
        ids.push_back(it->entry_id);
    auto newest = ReportStore(db).newest(std::string(prefix) + "-01", std::string(prefix) + "-31",
                                         3 + static_cast<int>(ids.size()));
    if (!newest) return newest.error();
    for (const int64_t id : *newest)
      if (ids.size() < 3 && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    for (const int64_t id : ids) {
      auto entry = entries.find(id);
      if (!entry) return entry.error();
      if (*entry) month.highlights.push_back(std::move(**entry));
    }
    std::sort(month.highlights.begin(), month.highlights.end(), [](const Entry& a, const Entry& b) {
      return a.when.utc_seconds < b.when.utc_seconds;
    });
  }
  return Status::success();
}

}  // namespace

Result<YearReport> build_year_report(Database& db, const PluginHost& plugins, int year,
                                     const std::string& time_zone, const std::string& language) {
  YearReport report;
  report.year = year;
  const std::string first = std::to_string(year) + "-01-01";
  const std::string last = std::to_string(year) + "-12-31";
  // A past year's goals are judged the day after it ends, so that a goal ending on Dec 31 is
  // met or missed rather than still open; a current year's, today.
  report.as_of = std::min(std::to_string(year + 1) + "-01-01", now_in(time_zone).local_date);
  if (report.as_of < first) report.as_of = first;

  // The year's counts come from its heatmap, which is kept until a day of the year changes.
  DashboardService dashboard(db, plugins, time_zone);
  auto days = dashboard.heatmap(year, std::nullopt);
  if (!days) return days.error();
  auto months_by_plugin = dashboard.months_by_plugin(year);
  if (!months_by_plugin) return months_by_plugin.error();
  report.months_by_plugin = std::move(*months_by_plugin);
  report.months.resize(12);
  for (int month = 0; month < 12; ++month) report.months[month].month = month + 1;
  for (const auto& day : days->days) {
    report.entries += static_cast<int>(day.count);
    report.months[std::stoi(day.date.substr(5, 2)) - 1].entries += static_cast<int>(day.count);
  }

  auto unloaded = unloaded_plugins(db, plugins, std::pair{first, last});
  if (!unloaded) return unloaded.error();
  report.unloaded = std::move(*unloaded);

  auto metrics = MetricService(db, plugins).compute(std::nullopt, {first, last});
  if (!metrics) return metrics.error();
  report.metrics = std::move(*metrics);

  auto goals =
      GoalService(db, plugins, time_zone).evaluate(std::nullopt, false, report.as_of, true);
  if (!goals) return goals.error();
  for (auto& goal : *goals) {
    const auto& definition = goal.goal.definition;
    if (definition.starts_on <= last && definition.ends_on.value_or(last) >= first)
      report.goals.push_back(std::move(goal));
  }

  auto milestones = MilestoneService(db, plugins, time_zone).derive(std::nullopt);
  if (!milestones) return milestones.error();
  report.failed = std::move(milestones->failed);
  for (auto& milestone : milestones->reached)
    if (milestone.local_date.compare(0, 4, std::to_string(year)) == 0)
      report.milestones.push_back(std::move(milestone));
  if (auto status = fill_highlights(db, year, report.milestones, report.months); !status)
    return status.error();

  std::vector<DerivedValue> to_keep;
  auto people = most_named(db, year, to_keep);
  if (!people) return people.error();
  report.people = std::move(*people);

  // Each plugin's own section; a failing plugin costs its section, never the report.
  for (const auto& plugin : plugins.plugins()) {
    auto section = plugin_section(db, *plugin, year, language, report.goals, to_keep);
    if (!section && !is_plugin_fault(section.error())) return section.error();
    if (!section) {
      report.failed.push_back(plugin_failure(*plugin, kReportSectionPart, section.error()));
      continue;
    }
    if (*section) report.sections.push_back(std::move(**section));
  }
  DerivedStore(db).keep_if_possible(to_keep);
  return report;
}

}  // namespace hoego
