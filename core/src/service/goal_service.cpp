#include <hoego/core/goal_service.h>
#include <hoego/core/local_time.h>

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "../domain/number_json.h"
#include "../domain/text_checks.h"
#include "../store/derived_store.h"
#include "../store/goal_store.h"
#include "../store/journal_store.h"
#include "../store/track_store.h"
#include "goal_needs.h"
#include "kept_per_day.h"
#include "refusals.h"

namespace hoego {

using nlohmann::json;

namespace {

std::string cadence_text(const Cadence& cadence) {
  switch (cadence.unit) {
    case CadenceUnit::kDays:
      return "every " + std::to_string(cadence.days) + " days";
    case CadenceUnit::kWeek:
      return "every calendar week";
    case CadenceUnit::kMonth:
      return "every calendar month";
    case CadenceUnit::kDates:
      return "on " + std::to_string(cadence.due_dates.size()) + " due dates";
    case CadenceUnit::kNone:
      break;
  }
  return "none";
}

// The cadence as `every` reads it back, so that an edit form starts from what was given.
std::optional<std::string> every_text(const Cadence& cadence) {
  switch (cadence.unit) {
    case CadenceUnit::kDays:
      return cadence.days == 1 ? std::string("day") : std::to_string(cadence.days) + "d";
    case CadenceUnit::kWeek:
      return "week";
    case CadenceUnit::kMonth:
      return "month";
    case CadenceUnit::kDates:
    case CadenceUnit::kNone:
      break;
  }
  return std::nullopt;
}

// What a goal is to be as a NewGoal, so that an edit is checked exactly as an add.
NewGoal as_new_goal(const Goal& goal) {
  const GoalDefinition& definition = goal.definition;
  NewGoal input;
  input.title = goal.title;
  input.plugin = goal.plugin;
  input.kind = goal.kind;
  input.track = goal.track;
  input.starts_on = definition.starts_on;
  input.ends_on = definition.ends_on;
  input.open_ended = !definition.ends_on;
  input.target = definition.target;
  input.sum_field = goal.sum_field;
  input.every = every_text(definition.cadence);
  input.per_cycle = definition.cadence.per_cycle;
  input.passes = definition.cadence.passes;
  input.deadlines = definition.cadence.due_dates;
  input.pauses = definition.pauses;
  input.finished_on = definition.finished_on;
  return input;
}

Status record_step(Database& db, RowRecorder& rows, const Goal& goal, const std::string& action) {
  return hoego::record_step(db, rows, "goal", std::to_string(goal.id), action, goal.title);
}

// What `entries` (of `person`, or all) add up to on each local day, one contribution per day.
std::vector<Contribution> contributions_per_day(const std::vector<GoalEntry>& entries,
                                                const std::optional<std::string>& person) {
  std::map<std::string, double> per_day;
  for (const auto& entry : entries)
    if (!person ||
        std::find(entry.people.begin(), entry.people.end(), *person) != entry.people.end())
      per_day[entry.local_date] += entry.amount;
  std::vector<Contribution> contributions;
  contributions.reserve(per_day.size());
  for (const auto& [day, amount] : per_day) contributions.push_back({day, amount});
  return contributions;
}

// What a goal's entries add up to per local day. Kept between evaluations with the latest
// change among the days read: unchanged (goals of past years, mostly), it is used as it is;
// after a few changed days, only those days are read again.
// Whether the people a goal's kind names are its entries' authors (a writing group's members'
// posts): the user's own goal then counts only the entries that name no one.
bool counts_own_entries_only(const PluginHost& plugins, const Goal& goal) {
  const LoadedPlugin* plugin = plugins.find(goal.plugin);
  const KindSpec* kind = plugin != nullptr ? plugin->manifest().kind(goal.kind) : nullptr;
  return kind != nullptr && kind->people && kind->people->authors;
}

Result<std::vector<Contribution>> all_contributions(Database& db, const Goal& goal,
                                                    bool own_entries_only,
                                                    std::vector<DerivedValue>& to_keep) {
  const std::string& since = goal.definition.starts_on;
  const std::string until = goal.definition.ends_on.value_or("");
  // Read before the entries: a change made meanwhile makes what is kept out of date, not wrong.
  auto change = DerivedStore(db).latest_change(goal.plugin, since, until);
  if (!change) return change.error();
  auto count = [&](const std::string& from, const std::string& to) -> Result<PerDay<double>> {
    auto entries =
        from.empty() || to.empty()
            ? GoalStore(db).entries_for(goal, false, std::nullopt, own_entries_only)
            : GoalStore(db).entries_for(goal, false, std::pair{from, to}, own_entries_only);
    if (!entries) return entries.error();
    PerDay<double> days;
    for (const auto& contribution : contributions_per_day(*entries, std::nullopt))
      days[contribution.local_date] = contribution.amount;
    return days;
  };
  // The stored days are those of the user's zone (align_local_days), so the key needs no zone:
  // a change of zone re-dates entries, which records every day that moved.
  const std::string key =
      "goal " + std::to_string(goal.id) + " of " +
      json{goal.plugin, goal.kind, goal.track.value_or(""), goal.sum_field.value_or(""),
           since,       until}
          .dump() +
      (own_entries_only ? " own" : "");
  auto days = kept_per_day(
      db, PerDaySource<double>{key, goal.plugin, since, until, *change, 0, count}, to_keep);
  if (!days) return days.error();
  std::vector<Contribution> contributions;
  for (const auto& [day, amount] : *days) contributions.push_back({day, amount});
  return contributions;
}

// The goal's contributions within its period up to `as_of`, in date order.
std::vector<Contribution> counted_days(const Goal& goal, std::vector<Contribution> contributions,
                                       const std::string& as_of) {
  const GoalDefinition& definition = goal.definition;
  std::erase_if(contributions, [&](const Contribution& day) {
    return day.local_date < definition.starts_on || day.local_date > as_of ||
           (definition.ends_on && day.local_date > *definition.ends_on);
  });
  std::sort(
      contributions.begin(), contributions.end(),
      [](const Contribution& a, const Contribution& b) { return a.local_date < b.local_date; });
  return contributions;
}

// Due dates must be real dates, strictly increasing, within the goal's period.
void check_due_dates(const GoalDefinition& definition, std::vector<FieldError>& problems) {
  const auto& due_dates = definition.cadence.due_dates;
  for (size_t i = 0; i < due_dates.size(); ++i) {
    if (!is_valid_date(due_dates[i])) {
      problems.push_back(not_a_date("deadlines", due_dates[i]));
      return;
    }
    if (i > 0 && due_dates[i] <= due_dates[i - 1]) {
      problems.push_back(
          {"deadlines",
           "the due dates are out of order: " + due_dates[i] + " comes after " + due_dates[i - 1],
           "마감일 목록의 순서가 맞지 않습니다: " + due_dates[i - 1] + " 다음에 " + due_dates[i] +
               "이(가) 있습니다"});
      return;
    }
  }
  if (due_dates.empty() || definition.starts_on.empty()) return;
  if (due_dates.front() < definition.starts_on)
    problems.push_back({"deadlines",
                        "the due date " + due_dates.front() + " comes before the goal starts (" +
                            definition.starts_on + ")",
                        "마감일 " + due_dates.front() + "이(가) 목표의 시작일(" +
                            definition.starts_on + ")보다 이릅니다"});
  if (definition.ends_on && due_dates.back() > *definition.ends_on)
    problems.push_back({"deadlines",
                        "the due date " + due_dates.back() + " comes after the goal ends (" +
                            *definition.ends_on + ")",
                        "마감일 " + due_dates.back() + "이(가) 목표의 종료일(" +
                            *definition.ends_on + ")보다 늦습니다"});
}

}  // namespace

json to_json(const Goal& goal) {
  const GoalDefinition& definition = goal.definition;
  json pauses = json::array();
  for (const auto& pause : definition.pauses)
    pauses.push_back({{"from", pause.from}, {"until", pause.until}});
  const auto every = every_text(definition.cadence);
  const bool dated = definition.cadence.unit == CadenceUnit::kDates;
  return json{
      {"id", goal.id},
      {"title", goal.title},
      {"plugin", goal.plugin},
      {"kind", goal.kind},
      {"track", goal.track ? json(*goal.track) : json(nullptr)},
      {"starts_on", definition.starts_on},
      {"ends_on", definition.ends_on ? json(*definition.ends_on) : json(nullptr)},
      {"target", definition.target ? number_json(*definition.target) : json(nullptr)},
      {"sum_field", goal.sum_field ? json(*goal.sum_field) : json(nullptr)},
      {"cadence", cadence_text(definition.cadence)},
      {"per_cycle", number_json(definition.cadence.per_cycle)},
      {"passes", definition.cadence.passes},
      {"every", every ? json(*every) : json(nullptr)},
      {"cadence_unit", cadence_unit_name(definition.cadence.unit)},
      {"deadlines", dated ? json(definition.cadence.due_dates) : json(nullptr)},
      {"pauses", pauses},
      {"finished_on", definition.finished_on ? json(*definition.finished_on) : json(nullptr)},
      {"created_at", goal.created_at}};
}

json to_json(const GoalReport& report) {
  json value = to_json(report.goal);
  value["person"] = report.person ? json(*report.person) : json(nullptr);
  value["state"] = to_json(report.state);
  value["progress_line"] = json::array();
  for (const auto& point : report.progress_line) value["progress_line"].push_back(to_json(point));
  if (report.state.needs)
    value["state"]["needs"]["text"] = {{"ko", report.needs_text.ko}, {"en", report.needs_text.en}};
  return value;
}

Result<Cadence> parse_cadence(const std::string& every) {
  static const std::regex counted(R"((\d{1,4})\s*(d|day|days|w|week|weeks))");
  std::smatch match;
  Cadence cadence;
  if (every == "day" || every == "daily") {
    cadence.unit = CadenceUnit::kDays;
    cadence.days = 1;
  } else if (every == "week" || every == "weekly") {
    cadence.unit = CadenceUnit::kWeek;
  } else if (every == "month" || every == "monthly") {
    cadence.unit = CadenceUnit::kMonth;
  } else if (std::regex_match(every, match, counted)) {
    const int count = std::stoi(match[1].str());
    cadence.unit = CadenceUnit::kDays;
    cadence.days = match[2].str()[0] == 'w' ? count * 7 : count;
    if (cadence.days <= 0)
      return Error::invalid("a cadence of '" + every + "' has no days in it",
                            "주기에 날이 하루도 없습니다: '" + every + "'");
  } else {
    return Error::invalid(
        "'" + every + "' is not a cadence; write 14d, 2w, day, week or month",
        "주기로 읽을 수 없습니다: '" + every + "' (14d, 2w, day, week, month처럼 써 주세요)");
  }
  return cadence;
}

Result<Goal> GoalService::check(const NewGoal& input) {
  std::vector<FieldError> problems;
  auto problem = [&](const char* field, std::string message, std::string message_ko) {
    problems.push_back({field, std::move(message), std::move(message_ko)});
  };
  Goal goal;
  goal.title = trim(input.title);
  goal.plugin = input.plugin;
  goal.kind = input.kind;
  goal.track = input.track;
  goal.sum_field = input.sum_field;
  if (goal.title.empty()) problem("title", "a goal needs a title", "목표의 제목이 필요합니다");
  check_text("title", goal.title, TextShape::kOneLine, 200, problems);

  const LoadedPlugin* plugin = plugins_.find(input.plugin);
  const KindSpec* kind = plugin != nullptr ? plugin->manifest().kind(input.kind) : nullptr;
  if (plugin == nullptr) {
    const Error unknown = plugins_.require(input.plugin).error();
    problem("plugin", unknown.message, unknown.message_ko);
  } else if (kind == nullptr) {
    problem("kind", "unknown kind '" + input.kind + "' for plugin '" + input.plugin + "'",
            "'" + input.plugin + "' 플러그인에 없는 종류입니다: '" + input.kind + "'");
  }
  if (kind != nullptr && input.sum_field) {
    // A field the kind has is named by its label; one it lacks, as it was written.
    const FieldSpec* field = kind->field(*input.sum_field);
    if (field == nullptr)
      problem("sum_field",
              "'" + *input.sum_field + "' is not a numeric field of kind '" + kind->id + "'",
              "'" + kind->id + "' 종류에 없는 필드입니다: '" + *input.sum_field + "'");
    else if (field->type != FieldType::kInteger && field->type != FieldType::kNumber)
      problem("sum_field",
              "‘" + field->label.in("en") + "’ is not a numeric field of kind '" + kind->id + "'",
              "‘" + field->label.in("ko") + "’ 필드는 숫자 필드가 아니어서 더할 수 없습니다");
  }

  std::optional<Track> track;
  if (input.track) {
    auto found = TrackStore(db_).find(*input.track);
    if (!found) return found.error();
    if (!found->has_value())
      problem("track", "no track named '" + *input.track + "'",
              "이름이 '" + *input.track + "'인 트랙이 없습니다");
    else
      track = **found;
  }

  GoalDefinition& definition = goal.definition;
  if (input.target) {
    if (!(*input.target > 0))
      problem("target", "the target must be more than zero", "목표량은 0보다 커야 합니다");
    definition.target = input.target;
  }
  if (input.every) {
    auto cadence = parse_cadence(*input.every);
    if (!cadence)
      problem("every", cadence.error().message, cadence.error().message_ko);
    else
      definition.cadence = *cadence;
  }
  if (!(input.per_cycle > 0))
    problem("per_cycle", "each cycle must need more than zero",
            "주기마다 필요한 양은 0보다 커야 합니다");
  if (input.passes < 0)
    problem("passes", "passes cannot be negative", "패스 횟수는 0보다 작을 수 없습니다");
  definition.cadence.per_cycle = input.per_cycle;
  definition.cadence.passes = input.passes;
  if (!input.deadlines.empty()) {
    if (input.every)
      problem("deadlines", "give either a cadence (--every) or due dates (--deadlines), not both",
              "주기(--every)와 마감일 목록(--deadlines) 중 하나만 줄 수 있습니다");
    definition.cadence.unit = CadenceUnit::kDates;
    definition.cadence.due_dates = input.deadlines;
  }
  if (!input.target && !input.every && input.deadlines.empty())
    problem("target",
            "a goal needs a target (--target N), a cadence (--every 14d or --deadlines), or both",
            "목표에는 목표량(--target N)이나 주기(--every 14d 또는 --deadlines), 또는 둘 다 있어야 "
            "합니다");

  if (input.year) {
    if (*input.year < 1900 || *input.year > 9999)
      problem("year", "'" + std::to_string(*input.year) + "' is not a year",
              "올바른 연도가 아닙니다: '" + std::to_string(*input.year) + "'");
    if (input.starts_on || input.ends_on)
      problem("year", "give either a year or dates, not both",
              "연도와 날짜 중 하나만 줄 수 있습니다");
    definition.starts_on = std::to_string(*input.year) + "-01-01";
    definition.ends_on = std::to_string(*input.year) + "-12-31";
  } else {
    const auto starts =
        input.starts_on ? input.starts_on : (track ? track->starts_on : std::nullopt);
    definition.ends_on = input.ends_on      ? input.ends_on
                         : input.open_ended ? std::nullopt
                         : track            ? track->ends_on
                                            : std::nullopt;
    if (!starts)
      problem("starts_on",
              "a goal needs a start: --from DATE, --year YEAR, or a track with a start date",
              "목표에는 시작일이 필요합니다 (--from DATE, --year YEAR, 또는 시작일이 있는 트랙)");
    else
      definition.starts_on = *starts;
  }
  if (!definition.starts_on.empty() && !is_valid_date(definition.starts_on))
    problems.push_back(not_a_date("starts_on", definition.starts_on));
  if (definition.ends_on && !is_valid_date(*definition.ends_on))
    problems.push_back(not_a_date("ends_on", *definition.ends_on));
  if (problems.empty() && definition.ends_on && *definition.ends_on < definition.starts_on)
    problem("ends_on",
            "the goal starts (" + definition.starts_on + ") after it ends (" + *definition.ends_on +
                ")",
            "목표의 시작일(" + definition.starts_on + ")이 종료일(" + *definition.ends_on +
                ")보다 늦습니다");
  check_due_dates(definition, problems);
  definition.pauses = input.pauses;
  definition.finished_on = input.finished_on;
  if (definition.finished_on && !is_valid_date(*definition.finished_on))
    problems.push_back(not_a_date("finished_on", *definition.finished_on));
  else if (definition.finished_on && !definition.starts_on.empty() &&
           *definition.finished_on < definition.starts_on)
    problem("finished_on",
            "the goal cannot be finished (" + *definition.finished_on + ") before it starts (" +
                definition.starts_on + ")",
            "목표를 시작일(" + definition.starts_on + ")보다 이른 날(" + *definition.finished_on +
                ")에 마칠 수 없습니다");
  if (!problems.empty()) return invalid_with(std::move(problems));
  return goal;
}

Result<Goal> GoalService::add(const NewGoal& input) {
  auto goal = check(input);
  if (!goal) return goal.error();
  goal->created_at = utc_timestamp_now();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  auto id = GoalStore(db_).insert(*goal);
  if (!id) return id.error();
  goal->id = *id;
  RowRecorder rows(db_);
  if (auto status = rows.after("goals", "id = ?1", json::array({*id})); !status)
    return status.error();
  if (auto status = record_step(db_, rows, *goal, "goal.add"); !status) return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return goal;
}

Result<Goal> GoalService::get(int64_t id) {
  auto found = GoalStore(db_).find(id);
  if (!found) return found.error();
  if (!found->has_value())
    return Error::not_found("no goal with id " + std::to_string(id),
                            "id가 " + std::to_string(id) + "인 목표가 없습니다");
  return **found;
}

Result<Goal> GoalService::change(int64_t id, const std::string& action,
                                 const std::function<Status(NewGoal&)>& apply) {
  auto current = get(id);
  if (!current) return current.error();
  NewGoal input = as_new_goal(*current);
  if (auto status = apply(input); !status) return status.error();
  auto goal = check(input);
  if (!goal) return goal.error();
  goal->id = id;
  goal->created_at = current->created_at;
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  RowRecorder rows(db_);
  if (auto status = rows.before("goals", "id = ?1", json::array({id})); !status)
    return status.error();
  if (auto status = GoalStore(db_).update(*goal); !status) return status.error();
  if (auto status = record_step(db_, rows, *goal, action); !status) return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return goal;
}

Result<Goal> GoalService::edit(int64_t id, const GoalChanges& changes) {
  return change(
      id, changes.finished_on && !changes.finished_on->empty() ? "goal.finish" : "goal.edit",
      [&](NewGoal& input) {
        auto set = [](auto& member, const auto& change) {
          if (change) member = *change;
        };
        set(input.title, changes.title);
        set(input.plugin, changes.plugin);
        set(input.kind, changes.kind);
        set(input.per_cycle, changes.per_cycle);
        set(input.passes, changes.passes);
        set(input.target, changes.target);
        // An empty text clears what may be absent.
        auto set_or_clear = [](std::optional<std::string>& member,
                               const std::optional<std::string>& change) {
          if (!change) return;
          member = change->empty() ? std::nullopt : change;
        };
        set_or_clear(input.track, changes.track);
        set_or_clear(input.sum_field, changes.sum_field);
        set_or_clear(input.finished_on, changes.finished_on);
        if (changes.year) {
          input.year = changes.year;
          input.starts_on.reset();
          input.ends_on.reset();
        }
        set_or_clear(input.starts_on, changes.starts_on);
        set_or_clear(input.ends_on, changes.ends_on);
        if (changes.ends_on && changes.ends_on->empty()) input.open_ended = true;
        if (changes.every) {
          set_or_clear(input.every,
                       changes.every == "none" ? std::optional<std::string>("") : changes.every);
          if (input.every) input.deadlines.clear();
        }
        if (changes.deadlines) {
          input.deadlines = *changes.deadlines;
          if (!input.deadlines.empty()) input.every.reset();
        }
        return Status::success();
      });
}

Result<Goal> GoalService::remove(int64_t id) {
  auto goal = get(id);
  if (!goal) return goal.error();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  RowRecorder rows(db_);
  if (auto status = rows.before("goals", "id = ?1", json::array({id})); !status)
    return status.error();
  if (auto status = GoalStore(db_).set_deleted(id, utc_timestamp_now()); !status)
    return status.error();
  if (auto status = record_step(db_, rows, *goal, "goal.delete"); !status) return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return goal;
}

Result<Goal> GoalService::pause(int64_t id, const Pause& pause) {
  std::vector<FieldError> problems;
  if (!is_valid_date(pause.from)) problems.push_back(not_a_date("from", pause.from));
  if (!is_valid_date(pause.until)) problems.push_back(not_a_date("until", pause.until));
  if (problems.empty() && pause.until < pause.from)
    problems.push_back(
        {"until", "the pause ends (" + pause.until + ") before it starts (" + pause.from + ")",
         "일시 중지가 시작일(" + pause.from + ")보다 이른 날(" + pause.until + ")에 끝납니다"});
  if (!problems.empty()) return invalid_with(std::move(problems));
  return change(id, "goal.pause", [&](NewGoal& input) -> Status {
    for (const auto& other : input.pauses)
      if (other.from <= pause.until && other.until >= pause.from)
        return invalid_with(
            {{"from", "the pause overlaps the one from " + other.from + " to " + other.until,
              "이미 있는 일시 중지(" + other.from + " ~ " + other.until + ")와 겹칩니다"}});
    input.pauses.push_back(pause);
    std::sort(input.pauses.begin(), input.pauses.end(),
              [](const Pause& a, const Pause& b) { return a.from < b.from; });
    return Status::success();
  });
}

Result<Goal> GoalService::unpause(int64_t id, const std::string& from) {
  return change(id, "goal.unpause", [&](NewGoal& input) -> Status {
    const auto removed =
        std::erase_if(input.pauses, [&](const Pause& p) { return p.from == from; });
    if (removed == 0)
      return Error::not_found("the goal has no pause starting on " + from,
                              "이 목표에는 " + from + "에 시작하는 일시 중지가 없습니다");
    return Status::success();
  });
}

Result<Goal> GoalService::move_deadline(int64_t id, const std::string& from,
                                        const std::string& to) {
  if (!is_valid_date(to)) return invalid_as(not_a_date("to", to));
  return change(id, "goal.move_deadline", [&](NewGoal& input) -> Status {
    auto due = std::find(input.deadlines.begin(), input.deadlines.end(), from);
    if (due == input.deadlines.end())
      return invalid_with({{"from", "the goal has no due date " + from,
                            "이 목표의 마감일 목록에 " + from + "이(가) 없습니다"}});
    *due = to;  // check() refuses a list that is then out of order
    return Status::success();
  });
}

Result<std::vector<Goal>> GoalService::list(const std::optional<std::string>& track,
                                            bool with_finished) {
  if (track) {
    auto found = TrackStore(db_).find(*track);
    if (!found) return found.error();
    if (!found->has_value())
      return Error::invalid("no track named '" + *track + "'",
                            "이름이 '" + *track + "'인 트랙이 없습니다");
  }
  return GoalStore(db_).list(track, with_finished);
}

Result<std::vector<GoalReport>> GoalService::evaluate(const std::optional<std::string>& track,
                                                      bool by_person,
                                                      const std::optional<std::string>& today,
                                                      bool with_finished) {
  if (today && !is_valid_date(*today)) return invalid_as(not_a_date("today", *today));
  if (auto status = check_time_zone(time_zone_); !status) return status.error();
  const std::string as_of = today.value_or(now_in(time_zone_).local_date);
  auto goals = list(track, with_finished);
  if (!goals) return goals.error();
  // A switched-off plugin's goals wait with its entries, off the lists and the dashboard; the
  // year's report, which asks for finished goals too, keeps them.
  if (!with_finished)
    std::erase_if(*goals, [&](const Goal& goal) { return plugins_.find(goal.plugin) == nullptr; });

  std::vector<GoalReport> reports;
  std::vector<DerivedValue> to_keep;
  GoalStore store(db_);
  for (const auto& goal : *goals) {
    if (!by_person) {
      auto contributions =
          all_contributions(db_, goal, counts_own_entries_only(plugins_, goal), to_keep);
      if (!contributions) return contributions.error();
      GoalState state = evaluate_goal(goal.definition, *contributions, as_of);
      auto line = progress_line(goal.definition, *contributions, state, as_of);
      reports.push_back({goal, std::nullopt, std::move(state), {}, std::move(line)});
      continue;
    }
    auto entries = store.entries_for(goal, by_person);
    if (!entries) return entries.error();
    auto contributions_of = [&](const std::optional<std::string>& person) {
      return contributions_per_day(*entries, person);
    };
    std::set<std::string> people;
    if (goal.track) {
      auto found = TrackStore(db_).find(*goal.track);
      if (!found) return found.error();
      if (found->has_value()) people.insert((*found)->members.begin(), (*found)->members.end());
    }
    for (const auto& entry : *entries) people.insert(entry.people.begin(), entry.people.end());
    for (const auto& person : people) {
      const auto contributions = contributions_of(person);
      GoalState state = evaluate_goal(goal.definition, contributions, as_of);
      auto line = progress_line(goal.definition, contributions, state, as_of);
      reports.push_back({goal, person, std::move(state), {}, std::move(line)});
    }
  }
  DerivedStore(db_).keep_if_possible(to_keep);
  for (auto& report : reports)
    if (report.state.needs)
      report.needs_text = needs_text(report.goal, *report.state.needs, plugins_);
  // The next deadline at risk comes first.
  std::stable_sort(reports.begin(), reports.end(), [](const GoalReport& a, const GoalReport& b) {
    if (a.state.at_risk != b.state.at_risk) return a.state.at_risk;
    return a.state.next_deadline.value_or("9999") < b.state.next_deadline.value_or("9999");
  });
  return reports;
}

Result<std::vector<ReachedGoal>> GoalService::reached(const std::optional<std::string>& plugin,
                                                      const std::optional<std::string>& today) {
  if (today && !is_valid_date(*today)) return invalid_as(not_a_date("today", *today));
  if (auto status = check_time_zone(time_zone_); !status) return status.error();
  const std::string as_of = today.value_or(now_in(time_zone_).local_date);
  auto goals = list(std::nullopt, true);
  if (!goals) return goals.error();
  std::vector<ReachedGoal> reached;
  std::vector<DerivedValue> to_keep;
  for (const auto& goal : *goals) {
    if (!goal.definition.target || (plugin && goal.plugin != *plugin)) continue;
    const double target = *goal.definition.target;
    // The day the total reached the target, from the per-day amounts evaluate is given; then
    // only that day's entries are read, to tell which one did it.
    const bool own_entries_only = counts_own_entries_only(plugins_, goal);
    auto contributions = all_contributions(db_, goal, own_entries_only, to_keep);
    if (!contributions) return contributions.error();
    double total = 0, before_that_day = 0;
    std::optional<std::string> day;
    for (const auto& [local_date, amount] : counted_days(goal, std::move(*contributions), as_of)) {
      if (!day && total + amount >= target) {
        day = local_date;
        before_that_day = total;
      }
      total += amount;
    }
    if (!day || total < target) continue;  // not achieved (or fallen back below it)
    auto entries = GoalStore(db_).entries_for(goal, false, std::pair{*day, *day}, own_entries_only);
    if (!entries) return entries.error();
    double running = before_that_day;
    for (const auto& entry : *entries) {
      running += entry.amount;
      if (running >= target) {
        reached.push_back({goal, entry.entry_id});
        break;
      }
    }
  }
  DerivedStore(db_).keep_if_possible(to_keep);
  return reached;
}

}  // namespace hoego
