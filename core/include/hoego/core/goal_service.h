// Goals: defined once, evaluated from entries every time they are asked about, in the user's
// time zone, so that their state can never drift from the record.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/goal.h>
#include <hoego/core/manifest.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

struct Goal {
  int64_t id = 0;
  std::string title;
  std::string plugin;
  std::string kind;
  std::optional<std::string> track;
  GoalDefinition definition;
  std::optional<std::string> sum_field;  // sums this numeric field instead of counting entries
  std::string created_at;
};

nlohmann::json to_json(const Goal& goal);

// What a user gives to define a goal.
struct NewGoal {
  std::string title;
  std::string plugin;
  std::string kind;
  std::optional<std::string> track;
  std::optional<int> year;               // a calendar-year goal: Jan 1 to Dec 31
  std::optional<std::string> starts_on;  // else the track's start
  std::optional<std::string> ends_on;    // else the track's end; open-ended when neither
  bool open_ended = false;               // no end, even in a track with one
  std::optional<double> target;
  std::optional<std::string> sum_field;
  std::optional<std::string> every;  // "14d", "2w", "week", "month", "day"
  double per_cycle = 1;
  int passes = 0;
  std::vector<std::string> deadlines;  // due dates instead of `every`, in order
  std::vector<Pause> pauses;
  std::optional<std::string> finished_on;
};

// What a user changes in a goal; absent members stay as they are. An empty text clears what
// may be absent (track, end, summed field, cadence, finish); "none" also clears the cadence.
struct GoalChanges {
  std::optional<std::string> title;
  std::optional<std::string> plugin;
  std::optional<std::string> kind;
  std::optional<std::string> track;
  std::optional<int> year;  // replaces the dates with that calendar year's
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;
  std::optional<std::optional<double>> target;  // an empty inner value clears the target
  std::optional<std::string> sum_field;
  std::optional<std::string> every;
  std::optional<double> per_cycle;
  std::optional<int> passes;
  std::optional<std::vector<std::string>> deadlines;  // an empty list clears them
  std::optional<std::string> finished_on;             // a day finishes the goal; empty re-opens it
};

// A goal and how it stands; `person` is set when evaluated per person.
struct GoalReport {
  Goal goal;
  std::optional<std::string> person;
  GoalState state;
  LocalizedText needs_text;                  // what state.needs says, when set
  std::vector<ProgressPoint> progress_line;  // for charts: see progress_line() in goal.h
};

nlohmann::json to_json(const GoalReport& report);

// A goal with a target, and the entry whose contribution reached it.
struct ReachedGoal {
  Goal goal;
  int64_t entry_id = 0;
};

class GoalService {
 public:
  GoalService(Database& db, const PluginHost& plugins, std::string time_zone)
      : db_(db), plugins_(plugins), time_zone_(std::move(time_zone)) {}

  // Checks everything (plugin, kind, track, field, target, cadence, dates) and writes nothing
  // on any problem. Each change below is one step of the undo journal.
  Result<Goal> add(const NewGoal& input);
  // A live goal, finished or not, or kNotFound.
  Result<Goal> get(int64_t id);
  // Changes a goal, checked as add() checks a new one: an edit that would make it invalid
  // changes nothing.
  Result<Goal> edit(int64_t id, const GoalChanges& changes);
  // Deletes a goal (undo brings it back); its entries stay.
  Result<Goal> remove(int64_t id);
  // Pauses a goal from `pause.from` to `pause.until`; a pause may not overlap another.
  Result<Goal> pause(int64_t id, const Pause& pause);
  // Takes away the pause that starts on `from`.
  Result<Goal> unpause(int64_t id, const std::string& from);
  // Moves one due date of a goal with a list of them; the list must stay in order.
  Result<Goal> move_deadline(int64_t id, const std::string& from, const std::string& to);
  Result<std::vector<Goal>> list(const std::optional<std::string>& track,
                                 bool with_finished = false);
  // Evaluates every goal (of `track`, if given) as of `today` (YYYY-MM-DD; the current date in
  // the user's time zone when absent). With `by_person`, each goal is evaluated once per person:
  // the track's members and everyone named in its entries.
  // Finished goals only `with_finished` (the year report keeps them).
  Result<std::vector<GoalReport>> evaluate(const std::optional<std::string>& track, bool by_person,
                                           const std::optional<std::string>& today,
                                           bool with_finished = false);
  // The goals with a target (of `plugin`, if given) that stand achieved as of `today` (the
  // current date in the user's time zone when absent), each with the entry that reached the
  // target: the first, in time order, whose contribution took the total within the goal's
  // period to it. The same entries and days as evaluate, so the two never disagree.
  Result<std::vector<ReachedGoal>> reached(const std::optional<std::string>& plugin,
                                           const std::optional<std::string>& today);

 private:
  // Checks a goal as it is to be; writes nothing.
  Result<Goal> check(const NewGoal& input);
  // Reads goal `id` as a NewGoal, lets `apply` change it, checks it and writes it as one step.
  Result<Goal> change(int64_t id, const std::string& action,
                      const std::function<Status(NewGoal&)>& apply);

  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
};

// Reads "14d", "2w", "day", "week", "month" into a cadence; an error names the text.
Result<Cadence> parse_cadence(const std::string& every);

}  // namespace hoego
