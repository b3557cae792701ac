#include <hoego/core/dashboard_service.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/local_time.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "../store/derived_store.h"
#include "../store/entry_store.h"
#include "kept_per_day.h"

namespace hoego {

using nlohmann::json;

namespace {

template <typename Item>
json array_of(const std::vector<Item>& items) {
  json array = json::array();
  for (const auto& item : items) array.push_back(to_json(item));
  return array;
}

json to_json(const DashboardWidget& widget) {
  json value{{"type", widget_type_name(widget.type)}};
  switch (widget.type) {
    case WidgetType::kStats:
      value["metrics"] = array_of(widget.metrics);
      break;
    case WidgetType::kGoals:
      value["goals"] = array_of(widget.goals);
      break;
    case WidgetType::kRecent:
      value["entries"] = array_of(widget.entries);
      break;
    case WidgetType::kMilestones:
      value["milestones"] = array_of(widget.milestones);
      break;
  }
  return value;
}

}  // namespace

json to_json(const Dashboard& dashboard) {
  json cards = json::array();
  for (const auto& card : dashboard.cards) {
    json widgets = json::array();
    for (const auto& widget : card.widgets) widgets.push_back(to_json(widget));
    cards.push_back({{"plugin", card.plugin},
                     {"name", {{"ko", card.name.ko}, {"en", card.name.en}}},
                     {"widgets", std::move(widgets)}});
  }
  json this_week = json::array();
  for (const auto& item : dashboard.this_week) {
    if (item.goal) {
      this_week.push_back(
          {{"type", "goal"}, {"goal", to_json(*item.goal)}, {"days_left", item.days_left}});
    } else if (item.due) {
      this_week.push_back({{"type", "deadline"},
                           {"entry", to_json(item.due->entry)},
                           {"label", {{"ko", item.due->label.ko}, {"en", item.due->label.en}}},
                           {"due_on", item.due->due_on},
                           {"days_left", item.days_left}});
    }
  }
  return {{"year", dashboard.year},
          {"months_by_plugin", array_of(dashboard.months_by_plugin)},
          {"at_risk", array_of(dashboard.at_risk)},
          {"this_week", std::move(this_week)},
          {"unloaded", array_of(dashboard.unloaded)},
          {"cards", std::move(cards)},
          {"failed", failed_json(dashboard.failed)}};
}

json to_json(const PluginMonths& plugin_months) {
  return {{"plugin", plugin_months.plugin},
          {"months", plugin_months.months},
          {"entries", plugin_months.entries}};
}

json to_json(const Heatmap& heatmap) {
  json days = json::array();
  for (const auto& day : heatmap.days) days.push_back({{"date", day.date}, {"count", day.count}});
  return {{"year", heatmap.year},
          {"plugin", heatmap.plugin ? json(*heatmap.plugin) : json(nullptr)},
          {"days", std::move(days)},
          {"max", heatmap.max}};
}

Result<int> parse_year(const std::string& text) {
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.size() != 4 || error != std::errc() || end != text.data() + text.size() || year < 1900 ||
      year > 2999)
    return Error::invalid("'" + text + "' is not a year (write it like 2024)",
                          "연도로 읽을 수 없습니다: '" + text + "' (2024처럼 써 주세요)");
  return year;
}

Result<Dashboard> DashboardService::dashboard(int year, const std::optional<std::string>& today) {
  const std::string first_day = std::to_string(year) + "-01-01";
  const std::string last_day = std::to_string(year) + "-12-31";
  auto metrics = MetricService(db_, plugins_).compute(std::nullopt, {first_day, last_day});
  if (!metrics) return metrics.error();
  auto milestones = MilestoneService(db_, plugins_, time_zone_).derive(std::nullopt);
  if (!milestones) return milestones.error();
  auto goals = GoalService(db_, plugins_, time_zone_).evaluate(std::nullopt, false, today);
  if (!goals) return goals.error();

  Dashboard dashboard;
  dashboard.year = year;
  auto months = months_by_plugin(year);
  if (!months) return months.error();
  dashboard.months_by_plugin = std::move(*months);
  dashboard.failed = std::move(milestones->failed);
  auto failed = [&](const std::string& plugin, const char* part) {
    return std::any_of(dashboard.failed.begin(), dashboard.failed.end(),
                       [&](const PluginFailure& failure) {
                         return failure.plugin == plugin && failure.part == part;
                       });
  };
  for (const auto& report : *goals)
    if (report.state.at_risk) dashboard.at_risk.push_back(report);  // already deadline-ordered
  auto this_week = this_week_items(*goals, today);
  if (!this_week) return this_week.error();
  dashboard.this_week = std::move(*this_week);
  auto unloaded = unloaded_plugins(db_, plugins_);
  if (!unloaded) return unloaded.error();
  dashboard.unloaded = std::move(*unloaded);
  auto listed = [&](const GoalReport& report) {
    return std::any_of(dashboard.this_week.begin(), dashboard.this_week.end(),
                       [&](const ThisWeekItem& item) {
                         return item.goal && item.goal->goal.id == report.goal.id;
                       });
  };

  EntryService entries(db_, plugins_, time_zone_);
  for (const auto& plugin : plugins_.plugins()) {
    const Manifest& manifest = plugin->manifest();
    DashboardCard card{manifest.id, manifest.name, {}};
    for (const WidgetSpec& spec : manifest.widgets) {
      // "No milestones yet" would be untrue: the failure says what is missing instead.
      if (spec.type == WidgetType::kMilestones && failed(manifest.id, kMilestonesPart)) continue;
      DashboardWidget widget;
      widget.type = spec.type;
      switch (spec.type) {
        case WidgetType::kStats:
          for (const auto& metric : *metrics) {
            if (metric.plugin != manifest.id) continue;
            if (spec.metrics.empty() || std::find(spec.metrics.begin(), spec.metrics.end(),
                                                  metric.id) != spec.metrics.end())
              widget.metrics.push_back(metric);
          }
          if (!spec.metrics.empty())  // in the order the manifest lists them
            std::sort(widget.metrics.begin(), widget.metrics.end(),
                      [&](const MetricValue& a, const MetricValue& b) {
                        return std::find(spec.metrics.begin(), spec.metrics.end(), a.id) <
                               std::find(spec.metrics.begin(), spec.metrics.end(), b.id);
                      });
          break;
        case WidgetType::kGoals:
          for (const auto& report : *goals)
            if (report.goal.plugin == manifest.id && !listed(report))
              widget.goals.push_back(report);
          break;
        case WidgetType::kRecent: {
          EntryFilter filter;
          filter.plugin = manifest.id;
          if (!spec.kind.empty()) filter.kind = spec.kind;
          filter.limit = spec.limit;
          auto recent = entries.list(filter);
          if (!recent) return recent.error();
          widget.entries = std::move(*recent);
          break;
        }
        case WidgetType::kMilestones:
          // The newest first, of the year shown.
          for (auto it = milestones->reached.rbegin(); it != milestones->reached.rend(); ++it) {
            if (it->plugin != manifest.id ||
                it->local_date.compare(0, 4, std::to_string(year)) != 0)
              continue;
            if (static_cast<int>(widget.milestones.size()) == spec.limit) break;
            widget.milestones.push_back(*it);
          }
          break;
      }
      card.widgets.push_back(std::move(widget));
    }
    dashboard.cards.push_back(std::move(card));
  }
  return dashboard;
}

Result<std::vector<ThisWeekItem>> DashboardService::this_week_items(
    const std::vector<GoalReport>& goals, const std::optional<std::string>& today) {
  constexpr int kHorizonDays = 14;
  const std::string as_of = today.value_or(now_in(time_zone_).local_date);
  const std::string last = shifted_date(as_of, kHorizonDays);
  std::vector<ThisWeekItem> items;
  for (const auto& report : goals) {
    const auto& needs = report.state.needs;
    if (needs && (report.state.at_risk || needs->days_left <= kHorizonDays))
      items.push_back({report, std::nullopt, needs->days_left});
  }
  EntryStore store(db_);
  for (const auto& plugin : plugins_.plugins())
    for (const KindSpec& kind : plugin->manifest().kinds) {
      if (!kind.calendar || kind.calendar->date_field.empty()) continue;
      const FieldSpec* field = kind.field(kind.calendar->date_field);
      auto due = store.due_between(plugin->id(), kind.id, kind.calendar->date_field, as_of, last);
      if (!due) return due.error();
      for (auto& [entry, due_on] : *due) {
        const int days_left = days_between(as_of, due_on);
        items.push_back({std::nullopt,
                         DueEntry{std::move(entry), field != nullptr ? field->label : kind.label,
                                  due_on, days_left},
                         days_left});
      }
    }
  // The nearest day first; on one day, goals at risk, then other goals, then entries due.
  auto rank = [](const ThisWeekItem& item) {
    return item.goal ? (item.goal->state.at_risk ? 0 : 1) : 2;
  };
  std::stable_sort(items.begin(), items.end(), [&](const ThisWeekItem& a, const ThisWeekItem& b) {
    if (a.days_left != b.days_left) return a.days_left < b.days_left;
    return rank(a) < rank(b);
  });
  return items;
}

Result<Heatmap> DashboardService::heatmap(int year, const std::optional<std::string>& plugin) {
  if (plugin && plugins_.find(*plugin) == nullptr)
    return Error::invalid("unknown plugin '" + *plugin + "'",
                          "알 수 없는 플러그인입니다: '" + *plugin + "'");
  return counted_days(year, plugin);
}

Result<std::vector<PluginMonths>> DashboardService::months_by_plugin(int year) {
  std::vector<std::string> ids;
  for (const auto& plugin : plugins_.plugins()) ids.push_back(plugin->id());
  auto unloaded = unloaded_plugins(
      db_, plugins_, std::pair{std::to_string(year) + "-01-01", std::to_string(year) + "-12-31"});
  if (!unloaded) return unloaded.error();
  for (const auto& plugin : *unloaded) ids.push_back(plugin.plugin);
  std::vector<PluginMonths> counted;
  for (const auto& id : ids) {
    auto days = counted_days(year, id);
    if (!days) return days.error();
    PluginMonths plugin_months{id, {}, 0};
    for (const auto& day : days->days) {
      plugin_months.months[std::stoi(day.date.substr(5, 2)) - 1] += day.count;
      plugin_months.entries += day.count;
    }
    if (plugin_months.entries > 0) counted.push_back(std::move(plugin_months));
  }
  return counted;
}

Result<Heatmap> DashboardService::counted_days(int year, const std::optional<std::string>& plugin) {
  const std::string first = std::to_string(year) + "-01-01";
  const std::string last = std::to_string(year) + "-12-31";
  // Kept with the latest change among the year's days: past years are not counted again, and
  // after a write only the days that changed are.
  DerivedStore derived(db_);
  auto change = derived.latest_change(plugin, first, last);
  if (!change) return change.error();
  PerDaySource<int64_t> source{
      "heatmap " + std::to_string(year) + " of " + plugin.value_or("*"),
      plugin,
      first,
      last,
      *change,
      0,
      [&](const std::string& from, const std::string& to) -> Result<PerDay<int64_t>> {
        auto counted = EntryStore(db_).count_per_day(from, to, plugin);
        if (!counted) return counted.error();
        return PerDay<int64_t>(counted->begin(), counted->end());
      }};
  std::vector<DerivedValue> to_keep;
  auto days = kept_per_day(db_, source, to_keep);
  if (!days) return days.error();
  derived.keep_if_possible(to_keep);
  Heatmap heatmap{year, plugin, {}, 0};
  for (const auto& [date, count] : *days) {
    heatmap.max = std::max(heatmap.max, count);
    heatmap.days.push_back({date, count});
  }
  return heatmap;
}

}  // namespace hoego
