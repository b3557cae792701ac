#include "board_store.h"

namespace hoego {

Result<std::map<std::string, std::vector<BoardPost>>> BoardStore::posts_by_person(
    const Goal& goal, const std::string& until) {
  // As GoalStore::entries_for: bounds left out of the text rather than written "?5 IS NULL OR
  // …", so that SQLite searches the (plugin, kind, local_date) index by date.
  std::string sql =
      "SELECT p.name, e.id, e.title, json_extract(e.payload, '$.url'), e.local_date, "
      "CASE WHEN ?4 IS NULL THEN 1 ELSE coalesce(json_extract(e.payload, '$.' || ?4), 0) END "
      "FROM entries e JOIN entry_people ep ON ep.entry_id = e.id "
      "JOIN people p ON p.id = ep.person_id "
      "WHERE e.deleted_at IS NULL AND e.plugin = ?1 AND e.kind = ?2 AND e.local_date <= ?7";
  if (!goal.definition.starts_on.empty()) sql += " AND e.local_date >= ?5";
  if (goal.definition.ends_on) sql += " AND e.local_date <= ?6";
  if (goal.track) sql += " AND e.track_id = (SELECT id FROM tracks WHERE name = ?3)";
  auto statement = db_.prepare(sql + " ORDER BY e.local_date, e.occurred_utc, e.id");
  if (!statement) return statement.error();
  statement->bind(1, goal.plugin)
      .bind(2, goal.kind)
      .bind(3, goal.track)
      .bind(4, goal.sum_field)
      .bind(5, goal.definition.starts_on)
      .bind(6, goal.definition.ends_on)
      .bind(7, until);
  std::map<std::string, std::vector<BoardPost>> posts;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    BoardPost post{statement->integer(1), statement->text(2), std::nullopt, statement->text(4),
                   statement->real(5)};
    if (!statement->is_null(3)) post.url = statement->text(3);
    posts[statement->text(0)].push_back(std::move(post));
  }
  return posts;
}

}  // namespace hoego
