#include <date/date.h>
#include <hoego/core/goal.h>

#include <algorithm>
#include <cstdio>

#include "number_json.h"

namespace hoego {
namespace {

using date::days;
using date::sys_days;

sys_days parse_day(const std::string& text) {
  return sys_days{date::year{std::stoi(text.substr(0, 4))} /
                  date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))} /
                  date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
}

// YYYY-MM-DD. Written by hand: date::format builds a stream each time, and a board evaluates a
// goal for each of hundreds of members, formatting every cycle's two days.
std::string format_day(sys_days day) {
  const date::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

// The first day of the cycle after the one that starts on `start` (max when there is none).
sys_days next_cycle_start(const Cadence& cadence, sys_days start) {
  switch (cadence.unit) {
    case CadenceUnit::kDays:
      return start + days{cadence.days};
    case CadenceUnit::kWeek: {
      const date::weekday weekday{start};
      return start + days{7 - (weekday.iso_encoding() - 1)};  // the following Monday
    }
    case CadenceUnit::kMonth: {
      const date::year_month_day ymd{start};
      return sys_days{(ymd.year() / ymd.month() + date::months{1}) / 1};
    }
    case CadenceUnit::kDates:
      // The cycle holding `start` ends on the first due date on or after it.
      for (const auto& due : cadence.due_dates)
        if (const sys_days day = parse_day(due); day >= start) return day + days{1};
      break;
    case CadenceUnit::kNone:
      break;
  }
  return sys_days::max();
}

// The last day a goal counts: its end, its finishing day or its last due date, whichever comes
// first; the end of time for an open-ended goal.
sys_days last_day_of(const GoalDefinition& goal) {
  // An open-ended goal ends at the end of time: comparisons need no special case, and GCC 12
  // does not misread a std::optional<sys_days> as uninitialised.
  sys_days end = goal.ends_on ? parse_day(*goal.ends_on) : sys_days::max();
  if (goal.finished_on) end = std::min(end, parse_day(*goal.finished_on));
  if (goal.cadence.unit == CadenceUnit::kDates && !goal.cadence.due_dates.empty())
    end = std::min(end, parse_day(goal.cadence.due_dates.back()));
  return end;
}

// The first and last day of each cycle from the goal's start, up to the one holding `through`
// and at most to `end` (the last cycle is cut short there). None without a cadence.
std::vector<std::pair<sys_days, sys_days>> cycle_bounds(const GoalDefinition& goal, sys_days end,
                                                        sys_days through) {
  std::vector<std::pair<sys_days, sys_days>> bounds;
  if (goal.cadence.unit == CadenceUnit::kNone) return bounds;
  for (sys_days cycle_start = parse_day(goal.starts_on);
       cycle_start <= through && cycle_start <= end;) {
    const sys_days following = next_cycle_start(goal.cadence, cycle_start);
    if (following == sys_days::max()) break;  // past the last due date
    const sys_days cycle_end = std::min(following - days{1}, end);
    bounds.emplace_back(cycle_start, cycle_end);
    cycle_start = cycle_end + days{1};
  }
  return bounds;
}

bool overlaps_pause(const std::vector<Pause>& pauses, sys_days from, sys_days until) {
  return std::any_of(pauses.begin(), pauses.end(), [&](const Pause& pause) {
    return parse_day(pause.from) <= until && parse_day(pause.until) >= from;
  });
}

}  // namespace

const char* cadence_unit_name(CadenceUnit unit) {
  switch (unit) {
    case CadenceUnit::kDays:
      return "days";
    case CadenceUnit::kWeek:
      return "week";
    case CadenceUnit::kMonth:
      return "month";
    case CadenceUnit::kDates:
      return "dates";
    case CadenceUnit::kNone:
      break;
  }
  return "none";
}

CadenceUnit cadence_unit_named(std::string_view name) {
  for (CadenceUnit unit :
       {CadenceUnit::kDays, CadenceUnit::kWeek, CadenceUnit::kMonth, CadenceUnit::kDates})
    if (name == cadence_unit_name(unit)) return unit;
  return CadenceUnit::kNone;
}

std::string_view outcome_name(CycleOutcome outcome) {
  switch (outcome) {
    case CycleOutcome::kMet:
      return "met";
    case CycleOutcome::kPassed:
      return "passed";
    case CycleOutcome::kMissed:
      return "missed";
    case CycleOutcome::kPaused:
      return "paused";
    case CycleOutcome::kOpen:
      break;
  }
  return "open";
}

GoalState evaluate_goal(const GoalDefinition& goal, const std::vector<Contribution>& contributions,
                        const std::string& today_text) {
  GoalState state;
  state.target = goal.target;
  state.passes_left = goal.cadence.passes;
  const sys_days start = parse_day(goal.starts_on);
  // A finished goal ends on the day it was finished, if that comes first; a list of due dates
  // ends with its last.
  const bool has_end = goal.ends_on.has_value();
  const sys_days end = last_day_of(goal);
  const sys_days today = parse_day(today_text);
  state.paused = overlaps_pause(goal.pauses, today, today);

  std::vector<std::pair<sys_days, double>> dated;
  for (const auto& contribution : contributions) {
    const sys_days day = parse_day(contribution.local_date);
    if (day < start || day > end || day > today) continue;
    dated.emplace_back(day, contribution.amount);
    state.progress += contribution.amount;
  }

  if (today < start) {
    state.status = "not_started";
    const sys_days first_end = next_cycle_start(goal.cadence, start);
    state.next_deadline = goal.cadence.unit == CadenceUnit::kNone || first_end == sys_days::max()
                              ? goal.ends_on
                              : std::optional(format_day(first_end - days{1}));
    return state;
  }
  // A finished goal is over on its finishing day: nothing is at risk or needed any more.
  const bool finished = goal.finished_on && today >= parse_day(*goal.finished_on);
  const bool ended = today > end || finished;

  if (goal.cadence.unit != CadenceUnit::kNone) {
    // Cycles follow one another, so one pass over the days in order fills them all.
    std::sort(dated.begin(), dated.end());
    auto next_day = dated.begin();
    int streak = 0;
    for (const auto& [cycle_start, cycle_end] : cycle_bounds(goal, end, today)) {
      Cycle cycle{format_day(cycle_start), format_day(cycle_end), 0, CycleOutcome::kOpen};
      for (; next_day != dated.end() && next_day->first <= cycle_end; ++next_day)
        cycle.amount += next_day->second;
      const bool closed = cycle_end < today;
      if (cycle.amount >= goal.cadence.per_cycle) {
        cycle.outcome = CycleOutcome::kMet;
        ++state.cycles_met;
        state.longest_streak = std::max(state.longest_streak, ++streak);
      } else if (overlaps_pause(goal.pauses, cycle_start, cycle_end)) {
        // Excused, open or closed: the streak is frozen and no pass is used.
        cycle.outcome = CycleOutcome::kPaused;
      } else if (closed && state.passes_left > 0) {
        cycle.outcome = CycleOutcome::kPassed;  // the streak is frozen, neither broken nor grown
        ++state.cycles_passed;
        --state.passes_left;
      } else if (closed) {
        cycle.outcome = CycleOutcome::kMissed;
        ++state.cycles_missed;
        streak = 0;
      }
      state.cycles.push_back(cycle);
    }
    state.current_streak = streak;
    if (!ended && !state.cycles.empty()) {
      const Cycle& last = state.cycles.back();
      const sys_days last_end = parse_day(last.ends_on);
      if (last_end >= today && last.outcome == CycleOutcome::kOpen) {
        state.next_deadline = last.ends_on;
        state.at_risk = true;
        state.needs = GoalNeeds{goal.cadence.per_cycle - last.amount,
                                last.ends_on,
                                static_cast<int>((last_end - today).count()),
                                state.passes_left,
                                streak,
                                state.passes_left == 0 && streak > 0};
      } else {
        // This cycle is done or paused; the next one's end is the next deadline.
        const sys_days next_start = last_end + days{1};
        const sys_days following = next_cycle_start(goal.cadence, next_start);
        if (next_start <= end && following != sys_days::max())
          state.next_deadline = format_day(std::min(following - days{1}, end));
      }
    }
  } else if (!ended && has_end && goal.target) {
    // Without cycles, at risk means behind an even pace towards the target.
    state.next_deadline = format_day(end);
    const double elapsed = static_cast<double>((today - start).count() + 1);
    const double total = static_cast<double>((end - start).count() + 1);
    state.at_risk = !state.paused && state.progress < *goal.target &&
                    state.progress < *goal.target * elapsed / total;
    if (state.progress < *goal.target)
      state.needs = GoalNeeds{*goal.target - state.progress,
                              format_day(end),
                              static_cast<int>((end - today).count()),
                              0,
                              0,
                              false};
  }

  const bool reached = goal.target && state.progress >= *goal.target;
  if (reached) {
    state.at_risk = false;
    if (goal.cadence.unit == CadenceUnit::kNone) state.needs.reset();
  }
  if (ended) state.needs.reset();
  if (reached)
    state.status = "achieved";
  else if (finished)
    state.status = "finished";
  else if (ended)
    state.status = goal.target ? "missed" : "ended";
  else if (state.paused)
    state.status = "paused";
  else
    state.status = state.at_risk ? "at_risk" : "on_track";
  return state;
}

std::vector<Cycle> goal_cycles(const GoalDefinition& goal, const std::string& through) {
  const sys_days end = last_day_of(goal);
  const sys_days through_day =
      end != sys_days::max() ? end : std::max(parse_day(through), parse_day(goal.starts_on));
  std::vector<Cycle> cycles;
  for (const auto& [starts, ends] : cycle_bounds(goal, end, through_day))
    cycles.push_back({format_day(starts), format_day(ends), 0, CycleOutcome::kOpen});
  return cycles;
}

nlohmann::json to_json(const GoalState& state) {
  nlohmann::json cycles = nlohmann::json::array();
  for (const auto& cycle : state.cycles)
    cycles.push_back({{"starts_on", cycle.starts_on},
                      {"ends_on", cycle.ends_on},
                      {"amount", number_json(cycle.amount)},
                      {"outcome", outcome_name(cycle.outcome)}});
  return {{"status", state.status},
          {"progress", number_json(state.progress)},
          {"target", state.target ? number_json(*state.target) : nlohmann::json(nullptr)},
          {"cycles_met", state.cycles_met},
          {"cycles_missed", state.cycles_missed},
          {"cycles_passed", state.cycles_passed},
          {"passes_left", state.passes_left},
          {"current_streak", state.current_streak},
          {"longest_streak", state.longest_streak},
          {"next_deadline",
           state.next_deadline ? nlohmann::json(*state.next_deadline) : nlohmann::json(nullptr)},
          {"at_risk", state.at_risk},
          {"paused", state.paused},
          {"needs", state.needs ? nlohmann::json{{"amount", number_json(state.needs->amount)},
                                                 {"by", state.needs->by},
                                                 {"days_left", state.needs->days_left},
                                                 {"passes_left", state.needs->passes_left},
                                                 {"streak", state.needs->streak},
                                                 {"breaks_streak", state.needs->breaks_streak}}
                                : nlohmann::json(nullptr)},
          {"cycles", cycles}};
}

}  // namespace hoego
