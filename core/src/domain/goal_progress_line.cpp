// A goal's cumulative progress against its road, for the charts of the dashboard and the year in
// review. Pure: from the goal, its contributions and the state evaluate_goal gave.
#include <hoego/core/goal.h>
#include <hoego/core/local_time.h>

#include <algorithm>
#include <cstdio>

#include "number_json.h"

namespace hoego {
namespace {

// The day a target is due: the goal's end, or its last due date when that comes first.
std::optional<std::string> road_end(const GoalDefinition& goal) {
  std::optional<std::string> end = goal.ends_on;
  if (goal.cadence.unit == CadenceUnit::kDates && !goal.cadence.due_dates.empty())
    end = end ? std::min(*end, goal.cadence.due_dates.back()) : goal.cadence.due_dates.back();
  return end;
}

// The straight road to the target: 0 before the start, the target by the end of `end`.
double straight_road(double target, const std::string& start, const std::string& end,
                     const std::string& day) {
  const double total = days_between(start, end) + 1;
  const double elapsed = std::min(total, static_cast<double>(days_between(start, day) + 1));
  return target * elapsed / total;
}

// "2022-02-10" → "2022-02-28".
std::string month_end(const std::string& day) {
  const int year = std::stoi(day.substr(0, 4));
  const int month = std::stoi(day.substr(5, 2));
  char first_of_next[16];
  std::snprintf(first_of_next, sizeof first_of_next, "%04d-%02d-01", month == 12 ? year + 1 : year,
                month == 12 ? 1 : month + 1);
  return shifted_date(first_of_next, -1);
}

}  // namespace

std::vector<ProgressPoint> progress_line(const GoalDefinition& goal,
                                         const std::vector<Contribution>& contributions,
                                         const GoalState& state, const std::string& today) {
  std::vector<ProgressPoint> line;
  if (today < goal.starts_on) return line;
  const std::optional<std::string> target_end = road_end(goal);
  const bool straight = goal.target && target_end;
  auto road_on = [&](const std::string& day) {
    return straight_road(*goal.target, goal.starts_on, *target_end, day);
  };

  if (goal.cadence.unit != CadenceUnit::kNone) {
    double progress = 0;
    int owed_cycles = 0;  // met or missed: the cycles that had to be met
    for (const Cycle& cycle : state.cycles) {
      progress += cycle.amount;
      if (cycle.outcome == CycleOutcome::kMet || cycle.outcome == CycleOutcome::kMissed)
        ++owed_cycles;
      const std::string day = std::min(cycle.ends_on, today);
      line.push_back({day, progress,
                      straight ? std::optional(road_on(day))
                               : std::optional(goal.cadence.per_cycle * owed_cycles),
                      cycle.outcome});
    }
    return line;
  }

  // Without cycles, a point at each month's end; the line stops where the evaluation stops.
  std::string last = today;
  if (goal.ends_on) last = std::min(last, *goal.ends_on);
  if (goal.finished_on) last = std::min(last, *goal.finished_on);
  std::vector<Contribution> counted;
  for (const auto& contribution : contributions)
    if (contribution.local_date >= goal.starts_on && contribution.local_date <= last)
      counted.push_back(contribution);
  std::sort(counted.begin(), counted.end(), [](const Contribution& a, const Contribution& b) {
    return a.local_date < b.local_date;
  });
  auto next = counted.begin();
  double progress = 0;
  for (std::string from = goal.starts_on; from <= last;) {
    const std::string day = std::min(month_end(from), last);
    for (; next != counted.end() && next->local_date <= day; ++next) progress += next->amount;
    line.push_back(
        {day, progress, straight ? std::optional(road_on(day)) : std::nullopt, std::nullopt});
    from = shifted_date(day, 1);
  }
  return line;
}

nlohmann::json to_json(const ProgressPoint& point) {
  return {{"date", point.date},
          {"progress", number_json(point.progress)},
          {"road", point.road ? number_json(*point.road) : nlohmann::json(nullptr)},
          {"outcome",
           point.outcome ? nlohmann::json(outcome_name(*point.outcome)) : nlohmann::json(nullptr)}};
}

}  // namespace hoego
