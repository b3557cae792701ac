#include "goal_store.h"

namespace hoego {
namespace {

nlohmann::json pauses_json(const std::vector<Pause>& pauses) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& pause : pauses) values.push_back({{"from", pause.from}, {"until", pause.until}});
  return values;
}

std::vector<Pause> pauses_from(const std::string& text) {
  std::vector<Pause> pauses;
  for (const auto& pause : nlohmann::json::parse(text))
    pauses.push_back({pause.at("from").get<std::string>(), pause.at("until").get<std::string>()});
  return pauses;
}

// Binds ?1…?15 as insert and update both use them.
void bind_goal(Statement& statement, const Goal& goal) {
  const GoalDefinition& definition = goal.definition;
  statement.bind(1, goal.title)
      .bind(2, goal.plugin)
      .bind(3, goal.kind)
      .bind(4, goal.track)
      .bind(5, definition.starts_on)
      .bind(6, definition.ends_on)
      .bind(7, definition.target)
      .bind(8, goal.sum_field)
      .bind(9, cadence_unit_name(definition.cadence.unit))
      .bind(10, std::nullopt);
  if (definition.cadence.unit == CadenceUnit::kDays) statement.bind(10, definition.cadence.days);
  statement.bind(11, definition.cadence.per_cycle).bind(12, definition.cadence.passes);
  if (definition.cadence.unit == CadenceUnit::kDates)
    statement.bind(13, nlohmann::json(definition.cadence.due_dates).dump());
  else
    statement.bind(13, std::nullopt);
  statement.bind(14, pauses_json(definition.pauses).dump()).bind(15, definition.finished_on);
}

constexpr const char* kGoalColumns =
    "SELECT g.id, g.title, g.plugin, g.kind, t.name, g.starts_on, g.ends_on, g.target, "
    "g.sum_field, g.cadence, g.cadence_days, g.per_cycle, g.passes, g.created_at, g.deadlines, "
    "g.pauses, g.finished_on FROM goals g LEFT JOIN tracks t ON t.id = g.track_id ";

Goal read_goal(const Statement& statement) {
  Goal goal;
  goal.id = statement.integer(0);
  goal.title = statement.text(1);
  goal.plugin = statement.text(2);
  goal.kind = statement.text(3);
  goal.track = statement.optional_text(4);
  goal.definition.starts_on = statement.text(5);
  goal.definition.ends_on = statement.optional_text(6);
  if (!statement.is_null(7)) goal.definition.target = statement.real(7);
  goal.sum_field = statement.optional_text(8);
  goal.definition.cadence.unit = cadence_unit_named(statement.text(9));
  goal.definition.cadence.days = static_cast<int>(statement.integer(10));
  goal.definition.cadence.per_cycle = statement.real(11);
  goal.definition.cadence.passes = static_cast<int>(statement.integer(12));
  goal.created_at = statement.text(13);
  if (auto deadlines = statement.optional_text(14))
    goal.definition.cadence.due_dates =
        nlohmann::json::parse(*deadlines).get<std::vector<std::string>>();
  goal.definition.pauses = pauses_from(statement.text(15));
  goal.definition.finished_on = statement.optional_text(16);
  return goal;
}

}  // namespace

Result<int64_t> GoalStore::insert(const Goal& goal) {
  auto statement = db_.prepare(
      "INSERT INTO goals (title, plugin, kind, track_id, starts_on, ends_on, target, sum_field, "
      "cadence, cadence_days, per_cycle, passes, deadlines, pauses, finished_on, created_at) "
      "VALUES (?1, ?2, ?3, (SELECT id FROM tracks WHERE name = ?4), ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12, ?13, ?14, ?15, ?16)");
  if (!statement) return statement.error();
  bind_goal(*statement, goal);
  statement->bind(16, goal.created_at);
  if (auto status = statement->run(); !status) return status.error();
  return db_.last_insert_id();
}

Status GoalStore::update(const Goal& goal) {
  auto statement = db_.prepare(
      "UPDATE goals SET title = ?1, plugin = ?2, kind = ?3, "
      "track_id = (SELECT id FROM tracks WHERE name = ?4), starts_on = ?5, ends_on = ?6, "
      "target = ?7, sum_field = ?8, cadence = ?9, cadence_days = ?10, per_cycle = ?11, "
      "passes = ?12, deadlines = ?13, pauses = ?14, finished_on = ?15 WHERE id = ?16");
  if (!statement) return statement.error();
  bind_goal(*statement, goal);
  statement->bind(16, goal.id);
  return statement->run();
}

Status GoalStore::set_deleted(int64_t id, const std::optional<std::string>& deleted_at) {
  auto statement = db_.prepare("UPDATE goals SET deleted_at = ? WHERE id = ?");
  if (!statement) return statement.error();
  return statement->bind(1, deleted_at).bind(2, id).run();
}

Result<std::optional<Goal>> GoalStore::find(int64_t id) {
  auto statement =
      db_.prepare(std::string(kGoalColumns) + "WHERE g.deleted_at IS NULL AND g.id = ?");
  if (!statement) return statement.error();
  statement->bind(1, id);
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Goal>();
  return std::optional(read_goal(*statement));
}

Result<std::vector<Goal>> GoalStore::list(const std::optional<std::string>& track,
                                          bool with_finished) {
  auto statement = db_.prepare(std::string(kGoalColumns) +
                               "WHERE g.deleted_at IS NULL AND (?1 IS NULL OR t.name = ?1) "
                               "AND (?2 OR g.finished_on IS NULL) ORDER BY g.id");
  if (!statement) return statement.error();
  statement->bind(1, track).bind(2, with_finished ? 1 : 0);
  std::vector<Goal> goals;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    goals.push_back(read_goal(*statement));
  }
  return goals;
}

Result<std::vector<GoalEntry>> GoalStore::entries_for(
    const Goal& goal, bool with_people,
    const std::optional<std::pair<std::string, std::string>>& dates, bool naming_no_one) {
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
  if (naming_no_one)
    sql += " AND NOT EXISTS (SELECT 1 FROM entry_people named WHERE named.entry_id = e.id)";
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
