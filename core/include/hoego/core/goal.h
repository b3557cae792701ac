// Goals and how they stand: a pure evaluation over dated contributions, so that the rules
// (cycles, passes, streaks, deadlines) are testable without a database or a clock.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

// How a goal's period is cut into cycles.
//   kNone:  no cadence; only the total over the period counts.
//   kDays:  fixed cycles of `days` days anchored at the goal's start ("every 14 days from
//           2022-03-06": 03-06..03-19, 03-20..04-02, …). Not a rolling window.
//   kWeek:  calendar weeks, Monday to Sunday; the first cycle is the rest of the start's week.
//   kMonth: calendar months; the first cycle is the rest of the start's month.
//   kDates: a list of due dates, as writing groups publish them; each cycle runs from the day
//           after the previous due date (the start, for the first) to its due date.
enum class CadenceUnit { kNone, kDays, kWeek, kMonth, kDates };

struct Cadence {
  CadenceUnit unit = CadenceUnit::kNone;
  int days = 0;          // for kDays
  double per_cycle = 1;  // what a cycle needs to be met
  int passes = 0;        // missed cycles forgiven, earliest first; a pass freezes the streak
  std::vector<std::string> due_dates;  // for kDates: YYYY-MM-DD, strictly increasing
};

// Days (inclusive) on which a goal is paused: illness, travel, a cohort's break.
struct Pause {
  std::string from;
  std::string until;
};

struct GoalDefinition {
  std::string starts_on;               // YYYY-MM-DD, inclusive
  std::optional<std::string> ends_on;  // inclusive; open-ended when absent
  std::optional<double> target;        // the total to reach over the period
  Cadence cadence;
  // A cycle that overlaps a pause and is not met is paused: it neither counts, uses a pass nor
  // breaks the streak. In date order, not overlapping.
  std::vector<Pause> pauses;
  // A finished goal is evaluated as if it ended on this day (if before its end).
  std::optional<std::string> finished_on;
};

// One qualifying entry: its date in the user's time zone and what it adds (1, or a field's sum).
struct Contribution {
  std::string local_date;
  double amount = 1;
};

enum class CycleOutcome { kMet, kPassed, kMissed, kPaused, kOpen };

struct Cycle {
  std::string starts_on;
  std::string ends_on;  // inclusive: the deadline is the end of this day
  double amount = 0;
  CycleOutcome outcome = CycleOutcome::kOpen;
};

// What an open goal needs next, for the "this week" list: how much more by which day, and what
// a miss would cost.
struct GoalNeeds {
  double amount = 0;           // still to do, in the goal's unit (entries, or the summed field)
  std::string by;              // the last day to do it, inclusive
  int days_left = 0;           // from today to `by`: 0 on the day itself
  int passes_left = 0;         // passes that would forgive a miss
  int streak = 0;              // the current streak, in cycles
  bool breaks_streak = false;  // a miss would break a streak (no pass left, streak > 0)
};

struct GoalState {
  double progress = 0;  // the total over the period up to today
  std::optional<double> target;
  int cycles_met = 0;
  int cycles_missed = 0;
  int cycles_passed = 0;
  int passes_left = 0;
  int current_streak = 0;                    // in cycles
  int longest_streak = 0;                    // in cycles
  std::optional<std::string> next_deadline;  // the last day to act on, inclusive
  bool at_risk = false;
  // not_started, on_track, at_risk, paused, achieved (target reached), finished (by the user,
  // short of any target), ended, missed (ended short)
  std::string status;
  std::vector<Cycle> cycles;       // from the start up to the one holding `today`
  bool paused = false;             // today is inside one of the goal's pauses
  std::optional<GoalNeeds> needs;  // set while the goal is open and its next step is not done
};

// Evaluates a goal as it stands on `today` (YYYY-MM-DD in the user's time zone). Contributions
// outside the period are ignored. A cycle is met when its contributions reach per_cycle; a
// closed cycle that is not met uses a pass while any are left, else it is missed and breaks
// the streak. The cycle holding `today` is open: at risk while not yet met, unless it overlaps a
// pause. A finished goal ends on its finishing day.
GoalState evaluate_goal(const GoalDefinition& goal, const std::vector<Contribution>& contributions,
                        const std::string& today);

// Every cycle of a goal, each open with nothing counted, for a board that shows the cycles to
// come beside those evaluated: from the start to the goal's end (its finishing day or last due
// date, if earlier); an open-ended goal's up to the one holding `through` (YYYY-MM-DD; the
// first, when `through` comes before the start). The same bounds as evaluate_goal's cycles.
// Empty without a cadence.
std::vector<Cycle> goal_cycles(const GoalDefinition& goal, const std::string& through);

// One point of a goal's cumulative progress against its road (Beeminder's "yellow brick road"),
// as of the end of `date`.
struct ProgressPoint {
  std::string date;
  double progress = 0;         // everything counted from the start up to and including `date`
  std::optional<double> road;  // where the goal asks to be by then; absent when it asks nothing
  // The outcome of the cycle ending here, for a goal with a cadence; absent for a month's point.
  std::optional<CycleOutcome> outcome;
};

// A goal's progress line, for charts: with a cadence, one point at each cycle's end (the open
// cycle's at `today`); without one, one at each month's end (the last at `today` or at the
// goal's end). The last point's progress is state.progress. The road: with a target and an
// end, the straight line from 0 at the start to the target at the end of the last day (the
// goal's end, or its last due date); otherwise, with a cadence, per_cycle for every cycle met
// or missed so far (a passed, paused or open cycle does not raise it); otherwise absent.
// `state` is evaluate_goal(goal, contributions, today); empty before the start.
std::vector<ProgressPoint> progress_line(const GoalDefinition& goal,
                                         const std::vector<Contribution>& contributions,
                                         const GoalState& state, const std::string& today);
nlohmann::json to_json(const ProgressPoint& point);

std::string_view outcome_name(CycleOutcome outcome);
// "none", "days", "week", "month" or "dates", as the goals table and the API name the units.
const char* cadence_unit_name(CadenceUnit unit);
// The unit of such a name; kNone for any other text.
CadenceUnit cadence_unit_named(std::string_view name);
nlohmann::json to_json(const GoalState& state);

}  // namespace hoego
