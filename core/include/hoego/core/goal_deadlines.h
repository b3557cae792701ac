// The days ahead by which a goal asks for something, for calendars to remind of them: pure, from
// the goal's definition and how it stands today, so that a calendar and the goal's card agree.
#pragma once

#include <hoego/core/goal.h>

#include <optional>
#include <string>
#include <vector>

namespace hoego {

// How far ahead a calendar lists a goal's cycle ends: half a year, a writing cohort's whole run,
// so that a subscribed calendar shows every due date of a cohort from its first day.
inline constexpr int kDeadlineHorizonDays = 182;
// At most this many cycle ends a goal: a daily goal shows its next month, not half a year of
// alarms.
inline constexpr int kMostDeadlinesPerGoal = 31;

// One day by which a goal asks for something.
struct GoalDeadline {
  enum class Kind {
    kCycleEnd,  // the last day of a cycle of a goal with a cadence
    kGoalEnd,   // the last day of a goal whose target is not reached yet
  };
  Kind kind = Kind::kCycleEnd;
  std::string date;  // YYYY-MM-DD, the last day to act on
  // What is still needed by `date`, in the goal's unit: for the open cycle what it lacks, for a
  // later one the whole per_cycle, for the goal's end what the target lacks.
  double amount = 0;
  int cycle = 0;              // kCycleEnd: the cycle's number, the goal's first being 1
  std::optional<int> cycles;  // kCycleEnd: how many cycles the goal has, when it has an end
};

// The deadlines of `goal` from `today` (YYYY-MM-DD, in the user's time zone) on, in date order;
// `state` is evaluate_goal(goal, contributions, today). With a cadence: the end of each cycle
// that ends on or after today and within kDeadlineHorizonDays of it, at most
// kMostDeadlinesPerGoal, leaving out the open cycle once it is met and any cycle a pause
// excuses. With a target not yet reached and an end on or after today: the goal's end as well.
// Nothing for a goal that is over (ended or finished).
std::vector<GoalDeadline> upcoming_deadlines(const GoalDefinition& goal, const GoalState& state,
                                             const std::string& today);

}  // namespace hoego
