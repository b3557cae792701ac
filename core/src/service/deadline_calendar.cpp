#include <hoego/core/deadline_calendar.h>
#include <hoego/core/goal_deadlines.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/local_time.h>

#include <algorithm>

#include "goal_needs.h"

namespace hoego {
namespace {

// What the goal counts, as its plugin's manifest names the kind: "글" / "Post".
LocalizedText unit_of(const Goal& goal, const PluginHost& plugins) {
  if (const LoadedPlugin* plugin = plugins.find_loaded(goal.plugin); plugin != nullptr)
    if (const KindSpec* kind = plugin->manifest().kind(goal.kind); kind != nullptr)
      return kind->label;
  return {goal.kind, goal.kind};
}

std::string summary_of(const GoalReport& report, const GoalDeadline& deadline,
                       const PluginHost& plugins, const std::string& language) {
  const bool korean = language == "ko";
  const std::string& title = report.goal.title;
  if (deadline.kind == GoalDeadline::Kind::kGoalEnd)
    return (korean ? "목표 기한: " : "Goal deadline: ") + title;
  const std::string number = std::to_string(deadline.cycle);
  const std::string which = deadline.cycles ? number + "/" + std::to_string(*deadline.cycles)
                                            : (korean ? number + "회차" : "cycle " + number);
  return unit_of(report.goal, plugins).in(language) + (korean ? " 마감: " : " due: ") + title +
         " (" + which + ")";
}

// The goal's needs sentence for this deadline, and the day it was written for: the sentence
// counts days ("D-2"), and a calendar keeps it until its next fetch.
std::string description_of(const GoalReport& report, const GoalDeadline& deadline,
                           const PluginHost& plugins, const std::string& language,
                           const std::string& today) {
  const GoalState& state = report.state;
  GoalNeeds needs{deadline.amount,
                  deadline.date,
                  days_between(today, deadline.date),
                  state.passes_left,
                  0,
                  false};
  Goal goal = report.goal;
  if (deadline.kind == GoalDeadline::Kind::kGoalEnd) {
    // The target's deadline: passes and streaks belong to cycles, not to it.
    goal.definition.cadence.unit = CadenceUnit::kNone;
  } else if (state.needs && state.needs->by == deadline.date) {
    needs = *state.needs;  // the open cycle, with what a miss would cost its streak
  }
  const std::string sentence = needs_text(goal, needs, plugins).in(language);
  return sentence + "\n" + (language == "ko" ? today + " 기준" : "as of " + today);
}

}  // namespace

Result<DayCalendar> deadline_calendar(Database& db, const PluginHost& plugins,
                                      const std::string& time_zone, const std::string& language,
                                      const std::optional<std::string>& today) {
  auto reports = GoalService(db, plugins, time_zone).evaluate(std::nullopt, false, today);
  if (!reports) return reports.error();
  const std::string as_of = today.value_or(now_in(time_zone).local_date);
  DayCalendar calendar{language == "ko" ? "hoego 마감" : "hoego deadlines", {}};
  for (const GoalReport& report : *reports) {
    for (const GoalDeadline& deadline :
         upcoming_deadlines(report.goal.definition, report.state, as_of)) {
      const bool goal_end = deadline.kind == GoalDeadline::Kind::kGoalEnd;
      calendar.events.push_back({std::string(goal_end ? "goal-end-" : "deadline-") +
                                     std::to_string(report.goal.id) + "-" + deadline.date +
                                     "@hoego.local",
                                 deadline.date, summary_of(report, deadline, plugins, language),
                                 description_of(report, deadline, plugins, language, as_of), true});
    }
  }
  std::stable_sort(calendar.events.begin(), calendar.events.end(),
                   [](const DayEvent& a, const DayEvent& b) { return a.date < b.date; });
  return calendar;
}

}  // namespace hoego
