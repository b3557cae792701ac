// hoego goals and hoego goal add: goals, and whether the user is on track.
#include <hoego/core/goal_service.h>
#include <hoego/core/json_answers.h>

#include <hoego/sdk_figures.hpp>
#include <iostream>

#include "commands.h"

namespace hoego::cli {
namespace {

std::string number(double value) { return sdk::format_figure(value); }

// A goal's status as the year in review and the web view word it in Korean; in English, as
// --json names it ("at_risk").
std::string status_text(const std::string& status, const Words& words) {
  if (!words.korean()) return status;
  if (status == "not_started") return "시작 전";
  if (status == "on_track") return "순항 중";
  if (status == "at_risk") return "위험";
  if (status == "achieved") return "달성";
  if (status == "ended") return "종료";
  if (status == "missed") return "미달성";
  if (status == "paused") return "쉬는 중";
  if (status == "finished") return "끝냄";
  return status;
}

std::string report_line(const GoalReport& report, const Words& words) {
  const GoalState& state = report.state;
  std::string line = (state.at_risk ? "! " : "  ") + report.goal.title;
  if (report.person) line += " — " + *report.person;
  line += "  [" + status_text(state.status, words) + "]  " + number(state.progress);
  if (state.target) line += " / " + number(*state.target);
  if (report.goal.definition.cadence.unit != CadenceUnit::kNone) {
    if (words.korean())
      line += "  주기 달성 " + number(state.cycles_met) + "회, 놓침 " +
              number(state.cycles_missed) + "회, 패스 " + number(state.cycles_passed) +
              "회; 남은 패스 " + number(state.passes_left) + "회; 연속 " +
              number(state.current_streak) + "회 (최장 " + number(state.longest_streak) + "회)";
    else
      line += "  cycles met " + std::to_string(state.cycles_met) + ", missed " +
              std::to_string(state.cycles_missed) + ", passed " +
              std::to_string(state.cycles_passed) + "; passes left " +
              std::to_string(state.passes_left) + "; streak " +
              std::to_string(state.current_streak) + " (longest " +
              std::to_string(state.longest_streak) + ")";
  }
  if (state.next_deadline)
    line += words.pick("  다음 마감 ", "  next deadline ") + *state.next_deadline;
  if (report.goal.definition.finished_on)
    line += words.pick("  마침 ", "  finished ") + *report.goal.definition.finished_on;
  line += "  #" + std::to_string(report.goal.id);
  // What it needs next, on a line of its own: the same words as the dashboard's.
  if (state.needs) line += "\n    → " + report.needs_text.in(words.language);
  return line;
}

}  // namespace

void register_goals_commands(CLI::App& app, Context& context) {
  static std::optional<std::string> track, as_of;
  static bool by_person = false, goals_json = false, finished = false;
  auto* goals = app.add_subcommand("goals", "Show every goal and whether it is on track");
  goals->add_option("--track", track, "Only this track's goals");
  goals->add_flag("--by-person", by_person, "Evaluate each goal per person (a writing group)");
  goals->add_option("--as-of", as_of, "Evaluate as on this date (YYYY-MM-DD; default today)");
  goals->add_flag("--finished", finished, "Include finished goals");
  goals->add_flag("--json", goals_json, "Print JSON");
  goals->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto reports = GoalService(*db, context.plugins(), context.time_zone())
                       .evaluate(track, by_person, as_of, finished);
    if (!context.succeeded(reports)) return;
    if (goals_json) {
      context.print_json(goals_answer(*reports));
      return;
    }
    const Words words = context.words();
    for (const auto& report : *reports) std::cout << report_line(report, words) << "\n";
    if (reports->empty())
      std::cout << words.pick("목표가 없습니다 (추가하려면: hoego goal add --help)\n",
                              "no goals (add one: hoego goal add --help)\n");
  });

  auto* goal = app.add_subcommand("goal", "Add, change, pause, finish or delete a goal");
  goal->require_subcommand(1);
  static NewGoal input;
  static bool add_json = false;
  auto* add = goal->add_subcommand(
      "add", "Add a goal: a target, a cadence, or both — e.g. --every 14d --passes 2");
  add->add_option("--title", input.title, "What the goal is called")->required();
  add->add_option("--plugin", input.plugin, "Whose entries count")->required();
  add->add_option("--kind", input.kind, "Which kind of entry counts")->required();
  add->add_option("--track", input.track, "Only entries in this track count");
  add->add_option("--year", input.year, "A calendar-year goal");
  add->add_option("--from", input.starts_on, "First day (default: the track's)");
  add->add_option("--until", input.ends_on, "Last day (default: the track's)");
  add->add_option("--target", input.target, "The total to reach");
  add->add_option("--sum", input.sum_field, "Sum this numeric field instead of counting");
  add->add_option("--every", input.every,
                  "Cadence: 14d or 2w (fixed cycles from the start), week or month (calendar)");
  add->add_option("--per-cycle", input.per_cycle, "What each cycle needs (default 1)");
  add->add_option("--passes", input.passes, "Missed cycles forgiven (they freeze the streak)");
  add->add_option("--deadlines", input.deadlines,
                  "Due dates instead of a cadence, in order (comma-separated or repeated)")
      ->delimiter(',');
  add->add_flag("--json", add_json, "Print JSON");
  add->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto added = GoalService(*db, context.plugins(), context.time_zone()).add(input);
    if (!context.succeeded(added)) return;
    if (add_json)
      context.print_json(to_json(*added));
    else
      std::cout << context.words().pick("목표를 추가했습니다: #", "added goal #") << added->id
                << " " << added->title << "\n";
  });
  register_goal_change_commands(goal, context);
}

}  // namespace hoego::cli
