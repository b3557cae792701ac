// Goals: defined once, evaluated from entries every time they are asked about, in the user's
// time zone, so that their state can never drift from the record.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/goal.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

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
  std::optional<double> target;
  std::optional<std::string> sum_field;
  std::optional<std::string> every;  // "14d", "2w", "week", "month", "day"
  double per_cycle = 1;
  int passes = 0;
};

// A goal and how it stands; `person` is set when evaluated per person.
struct GoalReport {
  Goal goal;
  std::optional<std::string> person;
  GoalState state;
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
  // on any problem.
  Result<Goal> add(const NewGoal& input);
  Result<std::vector<Goal>> list(const std::optional<std::string>& track);
  // Evaluates every goal (of `track`, if given) as of `today` (YYYY-MM-DD; the current date in
  // the user's time zone when absent). With `by_person`, each goal is evaluated once per person:
  // the track's members and everyone named in its entries.
  Result<std::vector<GoalReport>> evaluate(const std::optional<std::string>& track, bool by_person,
                                           const std::optional<std::string>& today);
  // The goals with a target (of `plugin`, if given) that stand achieved as of `today` (the
  // current date in the user's time zone when absent), each with the entry that reached the
  // target: the first, in time order, whose contribution took the total within the goal's
  // period to it. The same entries and days as evaluate, so the two never disagree.
  Result<std::vector<ReachedGoal>> reached(const std::optional<std::string>& plugin,
                                           const std::optional<std::string>& today);

 private:
  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
};

// Reads "14d", "2w", "day", "week", "month" into a cadence; an error names the text.
Result<Cadence> parse_cadence(const std::string& every);

}  // namespace hoego
