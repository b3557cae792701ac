// What the web view's dashboard shows: a card per plugin built from the widgets its manifest
// declares, the goals at risk first, and a year of activity per day.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/manifest.h>
#include <hoego/core/metric_service.h>
#include <hoego/core/milestone_service.h>
#include <hoego/core/plugin_failure.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/plugin_switches.h>
#include <hoego/core/result.h>

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

// One widget filled in; only the member its type uses is set.
struct DashboardWidget {
  WidgetType type = WidgetType::kStats;
  std::vector<MetricValue> metrics;
  std::vector<GoalReport> goals;
  std::vector<Entry> entries;
  std::vector<ReachedMilestone> milestones;
};

struct DashboardCard {
  std::string plugin;
  LocalizedText name;
  std::vector<DashboardWidget> widgets;
};

// An entry's date field due soon: a hackathon phase's deadline.
struct DueEntry {
  Entry entry;
  LocalizedText label;  // the date field's label
  std::string due_on;
  int days_left = 0;
};

// One line of "this week": a goal that needs something, or an entry due soon.
struct ThisWeekItem {
  std::optional<GoalReport> goal;
  std::optional<DueEntry> due;
  int days_left = 0;  // to the goal's `needs.by`, or the entry's day
};

// A plugin's live entries in each month of a year, counted by their local dates as the heatmap
// counts them: what the charts of entries per month draw.
struct PluginMonths {
  std::string plugin;
  std::array<int64_t, 12> months{};  // January first
  int64_t entries = 0;               // the year's, all months together
};

nlohmann::json to_json(const PluginMonths& plugin_months);

struct Dashboard {
  int year = 0;
  // Every plugin with entries in the year, loaded ones in loading order, then those not in use.
  std::vector<PluginMonths> months_by_plugin;
  std::vector<GoalReport> at_risk;  // the next deadline first
  // Most urgent first: goals at risk or due within two weeks, each once, and entries due
  // within two weeks. The cards' goal widgets leave these goals out.
  std::vector<ThisWeekItem> this_week;
  std::vector<UnloadedPlugin> unloaded;  // entries kept for plugins not in use
  std::vector<DashboardCard> cards;
  // The parts plugins failed to give; a card whose plugin failed its milestones has no
  // milestones widget, and everything else on it and on the other cards is there.
  std::vector<PluginFailure> failed;
};

struct HeatmapDay {
  std::string date;  // YYYY-MM-DD, the entry's local date
  int64_t count = 0;
};

struct Heatmap {
  int year = 0;
  std::optional<std::string> plugin;
  std::vector<HeatmapDay> days;  // only days with entries, in date order
  int64_t max = 0;
};

nlohmann::json to_json(const Dashboard& dashboard);
nlohmann::json to_json(const Heatmap& heatmap);

class DashboardService {
 public:
  DashboardService(Database& db, const PluginHost& plugins, std::string time_zone)
      : db_(db), plugins_(plugins), time_zone_(std::move(time_zone)) {}

  // The cards for `year`: metrics and milestones of that year, goals as of `today` (YYYY-MM-DD;
  // the current date in the time zone when absent), the newest entries of all time. A plugin
  // that fails costs only its own part (Dashboard::failed); an error when the database fails.
  Result<Dashboard> dashboard(int year, const std::optional<std::string>& today);
  // Live entries per local day of `year`, of one plugin or of all.
  Result<Heatmap> heatmap(int year, const std::optional<std::string>& plugin);
  // Live entries per month of `year` of each plugin that has any, loaded or not, from the same
  // kept days as each plugin's heatmap: they add up to the year's heatmap month by month.
  Result<std::vector<PluginMonths>> months_by_plugin(int year);

 private:
  // The goals that need something soon and the entries due within two weeks, most urgent first.
  Result<std::vector<ThisWeekItem>> this_week_items(const std::vector<GoalReport>& goals,
                                                    const std::optional<std::string>& today);
  // The heatmap's days without checking that `plugin` is loaded (entries of a plugin not in
  // use are counted too).
  Result<Heatmap> counted_days(int year, const std::optional<std::string>& plugin);

  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
};

// Checks a year given as text ("2024"): four digits, 1900 to 2999.
Result<int> parse_year(const std::string& text);

}  // namespace hoego
