#include "goal_store.h"

namespace hoego {
namespace {

const char* cadence_name(CadenceUnit unit) {
  switch (unit) {
    case CadenceUnit::kDays:
      return "days";
    case CadenceUnit::kWeek:
      return "week";
    case CadenceUnit::kMonth:
      return "month";
    case CadenceUnit::kNone:
      break;
  }
  return "none";
}

CadenceUnit cadence_unit(const std::string& name) {
  if (name == "days") return CadenceUnit::kDays;
  if (name == "week") return CadenceUnit::kWeek;
  if (name == "month") return CadenceUnit::kMonth;
  return CadenceUnit::kNone;
}

}  // namespace

Result<int64_t> GoalStore::insert(const Goal& goal) {
  auto statement = db_.prepare(
      "INSERT INTO goals (title, plugin, kind, track_id, starts_on, ends_on, target, sum_field, "
      "cadence, cadence_days, per_cycle, passes, created_at) "
      "VALUES (?, ?, ?, (SELECT id FROM tracks WHERE name = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!statement) return statement.error();
  const GoalDefinition& definition = goal.definition;
  statement->bind(1, goal.title)
      .bind(2, goal.plugin)
      .bind(3, goal.kind)
      .bind(4, goal.track)
      .bind(5, definition.starts_on)
      .bind(6, definition.ends_on)
      .bind(7, definition.target)
      .bind(8, goal.sum_field)
      .bind(9, cadence_name(definition.cadence.unit));
  if (definition.cadence.unit == CadenceUnit::kDays) statement->bind(10, definition.cadence.days);
  statement->bind(11, definition.cadence.per_cycle)
      .bind(12, definition.cadence.passes)
      .bind(13, goal.created_at);
  if (auto status = statement->run(); !status) return status.error();
  return db_.last_insert_id();
}

Result<std::vector<Goal>> GoalStore::list(const std::optional<std::string>& track) {
  auto statement = db_.prepare(
      "SELECT g.id, g.title, g.plugin, g.kind, t.name, g.starts_on, g.ends_on, g.target, "
      "g.sum_field, g.cadence, g.cadence_days, g.per_cycle, g.passes, g.created_at "
      "FROM goals g LEFT JOIN tracks t ON t.id = g.track_id "
      "WHERE g.deleted_at IS NULL AND (?1 IS NULL OR t.name = ?1) ORDER BY g.id");
  if (!statement) return statement.error();
  statement->bind(1, track);
  std::vector<Goal> goals;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    Goal goal;
    goal.id = statement->integer(0);
    goal.title = statement->text(1);
    goal.plugin = statement->text(2);
    goal.kind = statement->text(3);
    goal.track = statement->optional_text(4);
    goal.definition.starts_on = statement->text(5);
    goal.definition.ends_on = statement->optional_text(6);
    if (!statement->is_null(7)) goal.definition.target = statement->real(7);
    goal.sum_field = statement->optional_text(8);
    goal.definition.cadence.unit = cadence_unit(statement->text(9));
    goal.definition.cadence.days = static_cast<int>(statement->integer(10));
    goal.definition.cadence.per_cycle = statement->real(11);
    goal.definition.cadence.passes = static_cast<int>(statement->integer(12));
    goal.created_at = statement->text(13);
    goals.push_back(std::move(goal));
  }
  return goals;
}

Result<std::vector<GoalEntry>> GoalStore::entries_for(
    const Goal& goal, bool with_people,
    const std::optional<std::pair<std::string, std::string>>& dates) {
  // Bounds are left out of the text rather than written "?5 IS NULL OR …": SQLite plans before
  // it sees the values, and an OR keeps it from searching the (plugin, kind, local_date) index
  // by date.
  std::string sql =
      "SELECT e.local_date, CASE WHEN ?4 IS NULL THEN 1 "
      "  ELSE coalesce(json_extract(e.payload, '$.' || ?4), 0) END, "
      "CASE WHEN ?7 THEN (SELECT json_group_array(p.name) FROM entry_people ep "
      "  JOIN people p ON p.id = ep.person_id WHERE ep.entry_id = e.id) ELSE '[]' END, e.id "
      "FROM entries e WHERE e.deleted_at IS NULL AND e.plugin = ?1 AND e.kind = ?2";
  if (dates)
    sql += " AND e.local_date >= ?8 AND e.local_date <= ?9";
  else if (!goal.definition.starts_on.empty())
    sql += " AND e.local_date >= ?5";
  if (!dates && goal.definition.ends_on) sql += " AND e.local_date <= ?6";
  if (goal.track) sql += " AND e.track_id = (SELECT id FROM tracks WHERE name = ?3)";
  // In time order within a day, so that the entry that reached a target can be told.
  auto statement = db_.prepare(sql + " ORDER BY e.local_date, e.occurred_utc, e.id");
  if (!statement) return statement.error();
  statement->bind(1, goal.plugin)
      .bind(2, goal.kind)
      .bind(3, goal.track)
      .bind(4, goal.sum_field)
      .bind(5, goal.definition.starts_on)
      .bind(6, goal.definition.ends_on)
      .bind(7, with_people ? 1 : 0);
  if (dates) statement->bind(8, dates->first).bind(9, dates->second);
  std::vector<GoalEntry> entries;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    GoalEntry entry{statement->text(0), statement->real(1), {}, statement->integer(3)};
    if (with_people)
      entry.people = nlohmann::json::parse(statement->text(2)).get<std::vector<std::string>>();
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace hoego
