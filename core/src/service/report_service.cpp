#include <hoego/core/entry_service.h>
#include <hoego/core/local_time.h>
#include <hoego/core/report.h>

#include <algorithm>
#include <map>
#include <set>

namespace hoego {

namespace {

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
          {"milestones", array_of(report.milestones)},
          {"people", std::move(people)},
          {"sections", std::move(sections)},
          {"problems", report.problems}};
}

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

  EntryFilter filter;
  filter.since = first;
  filter.until = last;
  auto entries = EntryService(db, plugins, time_zone).list(filter);
  if (!entries) return entries.error();
  report.entries = static_cast<int>(entries->size());

  auto metrics = MetricService(db, plugins).compute(std::nullopt, {first, last});
  if (!metrics) return metrics.error();
  report.metrics = std::move(*metrics);

  auto goals = GoalService(db, plugins, time_zone).evaluate(std::nullopt, false, report.as_of);
  if (!goals) return goals.error();
  for (auto& goal : *goals) {
    const auto& definition = goal.goal.definition;
    if (definition.starts_on <= last && definition.ends_on.value_or(last) >= first)
      report.goals.push_back(std::move(goal));
  }

  auto milestones = MilestoneService(db, plugins).derive(std::nullopt);
  if (!milestones) return milestones.error();
  std::set<int64_t> milestone_entries;
  for (auto& milestone : *milestones) {
    if (milestone.when.compare(0, 4, std::to_string(year)) != 0) continue;
    milestone_entries.insert(milestone.entry_id);
    report.milestones.push_back(std::move(milestone));
  }

  report.months.resize(12);
  std::map<std::string, int> named;
  for (int month = 0; month < 12; ++month) report.months[month].month = month + 1;
  // Entries come newest first; a month's highlights are its milestone entries, then the newest.
  for (const auto& entry : *entries) {
    ReportMonth& month = report.months[std::stoi(entry.when.local_date.substr(5, 2)) - 1];
    ++month.entries;
    for (const auto& person : entry.people) ++named[person];
  }
  for (const bool milestones_pass : {true, false})
    for (const auto& entry : *entries) {
      ReportMonth& month = report.months[std::stoi(entry.when.local_date.substr(5, 2)) - 1];
      const bool is_milestone = milestone_entries.count(entry.id) > 0;
      if (is_milestone != milestones_pass || month.highlights.size() >= 3) continue;
      month.highlights.push_back(entry);
    }
  for (auto& month : report.months)
    std::sort(month.highlights.begin(), month.highlights.end(), [](const Entry& a, const Entry& b) {
      return a.when.utc_seconds < b.when.utc_seconds;
    });

  for (const auto& [name, count] : named) report.people.push_back({name, count});
  std::stable_sort(
      report.people.begin(), report.people.end(),
      [](const ReportPerson& a, const ReportPerson& b) { return a.entries > b.entries; });
  if (report.people.size() > 10) report.people.resize(10);

  // Each plugin's own section; a failing plugin costs its section, never the report.
  for (const auto& plugin : plugins.plugins()) {
    nlohmann::json mine = nlohmann::json::array();
    for (auto it = entries->rbegin(); it != entries->rend(); ++it)
      if (it->plugin == plugin->id()) mine.push_back(to_plugin_json(*it));
    auto section = plugin->year_report_section(
        {{"year", year}, {"language", language}, {"entries", std::move(mine)}});
    if (!section) {
      report.problems.push_back(section.error().message);
      continue;
    }
    if (!*section || (**section)["paragraphs"].empty()) continue;
    report.sections.push_back({plugin->id(), (**section)["title"].get<std::string>(),
                               (**section)["paragraphs"].get<std::vector<std::string>>()});
  }
  return report;
}

}  // namespace hoego
