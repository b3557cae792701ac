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
enum class CadenceUnit { kNone, kDays, kWeek, kMonth };

struct Cadence {
  CadenceUnit unit = CadenceUnit::kNone;
  int days = 0;          // for kDays
  double per_cycle = 1;  // what a cycle needs to be met
  int passes = 0;        // missed cycles forgiven, earliest first; a pass freezes the streak
};

struct GoalDefinition {
  std::string starts_on;               // YYYY-MM-DD, inclusive
  std::optional<std::string> ends_on;  // inclusive; open-ended when absent
  std::optional<double> target;        // the total to reach over the period
  Cadence cadence;
};

// One qualifying entry: its date in the user's time zone and what it adds (1, or a field's sum).
struct Contribution {
  std::string local_date;
  double amount = 1;
};

enum class CycleOutcome { kMet, kPassed, kMissed, kOpen };

struct Cycle {
  std::string starts_on;
  std::string ends_on;  // inclusive: the deadline is the end of this day
  double amount = 0;
  CycleOutcome outcome = CycleOutcome::kOpen;
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
  // not_started, on_track, at_risk, achieved (target reached), ended, missed (ended short)
  std::string status;
  std::vector<Cycle> cycles;  // from the start up to the one holding `today`
};

// Evaluates a goal as it stands on `today` (YYYY-MM-DD in the user's time zone). Contributions
// outside the period are ignored. A cycle is met when its contributions reach per_cycle; a
// closed cycle that is not met uses a pass while any are left, else it is missed and breaks
// the streak. The cycle holding `today` is open: at risk while not yet met.
GoalState evaluate_goal(const GoalDefinition& goal, const std::vector<Contribution>& contributions,
                        const std::string& today);

std::string_view outcome_name(CycleOutcome outcome);
nlohmann::json to_json(const GoalState& state);

}  // namespace hoego
