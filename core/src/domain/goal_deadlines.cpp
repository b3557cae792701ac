#include <hoego/core/goal_deadlines.h>
#include <hoego/core/local_time.h>

#include <algorithm>

namespace hoego {
namespace {

// Beyond this, a goal's cycles are not counted to tell "(2/13)": an end decades away would cost
// a walk over every cycle up to it for a number nobody reads.
constexpr int kMostDaysToCountCycles = 3660;

// The goal's last day as evaluate_goal sees it: its end, its finishing day or its last due date,
// whichever comes first; nullopt for an open-ended goal.
std::optional<std::string> last_day(const GoalDefinition& goal) {
  std::optional<std::string> end = goal.ends_on;
  auto keep_earlier = [&end](const std::string& day) {
    if (!end || day < *end) end = day;
  };
  if (goal.finished_on) keep_earlier(*goal.finished_on);
  if (goal.cadence.unit == CadenceUnit::kDates && !goal.cadence.due_dates.empty())
    keep_earlier(goal.cadence.due_dates.back());
  return end;
}

}  // namespace

std::vector<GoalDeadline> upcoming_deadlines(const GoalDefinition& goal, const GoalState& state,
                                             const std::string& today) {
  std::vector<GoalDeadline> deadlines;
  const std::optional<std::string> end = last_day(goal);
  if ((end && *end < today) || (goal.finished_on && *goal.finished_on <= today)) return deadlines;

  if (goal.cadence.unit != CadenceUnit::kNone) {
    // The cycles' dates do not depend on what was done in them: evaluated with nothing done as
    // of the horizon, the goal lists every cycle up to it, and those a pause excuses as paused.
    const std::string horizon = shifted_date(today, kDeadlineHorizonDays);
    const std::vector<Cycle> ahead = evaluate_goal(goal, {}, horizon).cycles;
    std::optional<int> cycles;
    if (end && *end <= horizon)
      cycles = static_cast<int>(ahead.size());
    else if (end && days_between(today, *end) <= kMostDaysToCountCycles)
      cycles = static_cast<int>(evaluate_goal(goal, {}, *end).cycles.size());
    int listed = 0;
    for (size_t i = 0; i < ahead.size() && listed < kMostDeadlinesPerGoal; ++i) {
      const Cycle& cycle = ahead[i];
      if (cycle.ends_on > horizon) break;  // the cycle holding the horizon ends beyond it
      if (cycle.ends_on < today || cycle.outcome == CycleOutcome::kPaused) continue;
      double amount = goal.cadence.per_cycle;
      // The open cycle as it stands: done (or excused) needs no reminder, else what it lacks.
      const auto open = std::find_if(state.cycles.begin(), state.cycles.end(), [&](const Cycle& c) {
        return c.starts_on == cycle.starts_on;
      });
      if (open != state.cycles.end()) {
        if (open->outcome == CycleOutcome::kMet || open->outcome == CycleOutcome::kPaused) continue;
        amount -= open->amount;
      }
      deadlines.push_back(
          {GoalDeadline::Kind::kCycleEnd, cycle.ends_on, amount, static_cast<int>(i) + 1, cycles});
      ++listed;
    }
  }
  if (goal.target && state.progress < *goal.target && end)
    deadlines.push_back(
        {GoalDeadline::Kind::kGoalEnd, *end, *goal.target - state.progress, 0, std::nullopt});
  return deadlines;
}

}  // namespace hoego
