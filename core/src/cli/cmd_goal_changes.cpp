// hoego goal edit|delete|pause|unpause|move-deadline|finish: changing a goal after it was set
// up. Each is one step of the undo journal ('hoego undo').
#include <hoego/core/goal_service.h>
#include <hoego/core/local_time.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {
namespace {

// "none" clears an option that may be absent (an end, a target, a track…).
constexpr const char* kNone = "none";

std::optional<std::string> cleared_or(const std::optional<std::string>& text) {
  if (text && *text == kNone) return std::string();
  return text;
}

// Prints the goal as JSON, or `done` and the goal's id and title, and how to undo.
void print_goal(Context& context, const Goal& goal, bool json, const char* done_ko,
                const char* done_en) {
  if (json) {
    context.print_json(to_json(goal));
    return;
  }
  const Words words = context.words();
  std::cout << words.pick(done_ko, done_en) << " #" << goal.id << " " << goal.title
            << words.pick(" ('hoego undo'로 되돌릴 수 있습니다)", " ('hoego undo' reverts it)")
            << "\n";
}

}  // namespace

void register_goal_change_commands(CLI::App* goal, Context& context) {
  static int64_t id = 0;
  static bool json = false;
  static GoalChanges changes;
  static std::optional<std::string> track, until, target, sum, every, deadlines, finished;

  auto* edit = goal->add_subcommand(
      "edit",
      "Change a goal: any option of 'goal add'; give none to clear an end, target, "
      "track, sum, cadence or due dates");
  edit->add_option("id", id, "The goal's id (hoego goals --json)")->required();
  edit->add_option("--title", changes.title, "What the goal is called");
  edit->add_option("--plugin", changes.plugin, "Whose entries count");
  edit->add_option("--kind", changes.kind, "Which kind of entry counts");
  edit->add_option("--track", track, "Only entries in this track count (none: any track)");
  edit->add_option("--year", changes.year, "A calendar-year goal");
  edit->add_option("--from", changes.starts_on, "First day");
  edit->add_option("--until", until, "Last day (none: open-ended)");
  edit->add_option("--target", target, "The total to reach (none: no target)");
  edit->add_option("--sum", sum, "Sum this numeric field (none: count entries)");
  edit->add_option("--every", every, "Cadence: 14d, 2w, week, month (none: no cadence)");
  edit->add_option("--deadlines", deadlines,
                   "Due dates instead of a cadence, in order, comma-separated (none: no list)");
  edit->add_option("--per-cycle", changes.per_cycle, "What each cycle needs");
  edit->add_option("--passes", changes.passes, "Missed cycles forgiven");
  edit->add_option("--finished", finished, "Finished on this day (none: not finished)");
  edit->add_flag("--json", json, "Print JSON");
  edit->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    changes.track = cleared_or(track);
    changes.ends_on = cleared_or(until);
    changes.sum_field = cleared_or(sum);
    changes.every = cleared_or(every);
    changes.finished_on = cleared_or(finished);
    if (target) {
      if (*target == kNone) {
        changes.target = std::optional<double>();
      } else {
        try {
          size_t used = 0;
          const double value = std::stod(*target, &used);
          if (used != target->size()) throw std::invalid_argument(*target);
          changes.target = value;
        } catch (const std::exception&) {
          context.exit_code = context.fail(
              Error::invalid("--target: '" + *target + "' is not a number (or none)",
                             "--target: 숫자(또는 none)가 아닙니다: '" + *target + "'"));
          return;
        }
      }
    }
    if (deadlines) {
      std::vector<std::string> days;
      if (*deadlines != kNone) {
        std::string day;
        for (char c : *deadlines + ",") {
          if (c != ',') {
            if (c != ' ') day += c;
            continue;
          }
          if (!day.empty()) days.push_back(day);
          day.clear();
        }
      }
      changes.deadlines = days;
    }
    auto edited = GoalService(*db, context.plugins(), context.time_zone()).edit(id, changes);
    if (context.succeeded(edited))
      print_goal(context, *edited, json, "목표를 바꿨습니다:", "changed goal");
  });

  auto* remove = goal->add_subcommand("delete", "Delete a goal (its entries stay)");
  remove->add_option("id", id, "The goal's id")->required();
  remove->add_flag("--json", json, "Print JSON");
  remove->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto removed = GoalService(*db, context.plugins(), context.time_zone()).remove(id);
    if (context.succeeded(removed))
      print_goal(context, *removed, json, "목표를 삭제했습니다:", "deleted goal");
  });

  static Pause pause;
  auto* paused = goal->add_subcommand(
      "pause",
      "Pause a goal for some days: cycles in them neither count, use passes nor break "
      "the streak");
  paused->add_option("id", id, "The goal's id")->required();
  paused->add_option("--from", pause.from, "First paused day (YYYY-MM-DD)")->required();
  paused->add_option("--until", pause.until, "Last paused day (YYYY-MM-DD)")->required();
  paused->add_flag("--json", json, "Print JSON");
  paused->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto done = GoalService(*db, context.plugins(), context.time_zone()).pause(id, pause);
    if (context.succeeded(done))
      print_goal(context, *done, json, "목표를 일시 중지했습니다:", "paused goal");
  });

  auto* unpause = goal->add_subcommand("unpause", "Take away a goal's pause");
  unpause->add_option("id", id, "The goal's id")->required();
  unpause->add_option("--from", pause.from, "The pause's first day")->required();
  unpause->add_flag("--json", json, "Print JSON");
  unpause->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto done = GoalService(*db, context.plugins(), context.time_zone()).unpause(id, pause.from);
    if (context.succeeded(done))
      print_goal(context, *done, json, "일시 중지를 없앴습니다:", "took away the pause of goal");
  });

  static std::string moved_from, moved_to;
  auto* move =
      goal->add_subcommand("move-deadline", "Move one due date of a goal with a list of them");
  move->add_option("id", id, "The goal's id")->required();
  move->add_option("--from", moved_from, "The due date to move")->required();
  move->add_option("--to", moved_to, "Its new day")->required();
  move->add_flag("--json", json, "Print JSON");
  move->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto done = GoalService(*db, context.plugins(), context.time_zone())
                    .move_deadline(id, moved_from, moved_to);
    if (context.succeeded(done))
      print_goal(context, *done, json, "마감일을 옮겼습니다:", "moved a due date of goal");
  });

  static std::optional<std::string> finished_on;
  auto* finish =
      goal->add_subcommand("finish", "Finish a goal: off the dashboard, kept in the year's report");
  finish->add_option("id", id, "The goal's id")->required();
  finish->add_option("--on", finished_on, "The day it finished (default today)");
  finish->add_flag("--json", json, "Print JSON");
  finish->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    GoalChanges finishing;
    finishing.finished_on = finished_on.value_or(now_in(context.time_zone()).local_date);
    auto done = GoalService(*db, context.plugins(), context.time_zone()).edit(id, finishing);
    if (context.succeeded(done))
      print_goal(context, *done, json, "목표를 마쳤습니다:", "finished goal");
  });
}

}  // namespace hoego::cli
