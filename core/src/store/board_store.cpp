#include "board_store.h"

#include <algorithm>
#include <tuple>

namespace hoego {

Result<std::map<std::string, std::vector<BoardPost>>> BoardStore::posts_by_person(
    const Goal& goal, const std::string& until) {
  // As GoalStore::entries_for: bounds left out of the text rather than written "?5 IS NULL OR
  // …", so that SQLite searches the (plugin, kind, local_date) index by date.
  std::string sql =
      "SELECT p.name, e.id, e.title, json_extract(e.payload, '$.url'), e.local_date, "
      "CASE WHEN ?4 IS NULL THEN 1 ELSE coalesce(json_extract(e.payload, '$.' || ?4), 0) END, "
      "e.occurred_utc "
      "FROM entries e JOIN entry_people ep ON ep.entry_id = e.id "
      "JOIN people p ON p.id = ep.person_id "
      "WHERE e.deleted_at IS NULL AND e.plugin = ?1 AND e.kind = ?2 AND e.local_date <= ?7";
  if (!goal.definition.starts_on.empty()) sql += " AND e.local_date >= ?5";
  if (goal.definition.ends_on) sql += " AND e.local_date <= ?6";
  if (goal.track) sql += " AND e.track_id = (SELECT id FROM tracks WHERE name = ?3)";
  // No ORDER BY: sorting every row in SQLite cost about as much as reading them (8 of 36 ms for
  // 500 members' 22,750 posts); each member's few posts are put in time order below instead.
  auto statement = db_.prepare(sql);
  if (!statement) return statement.error();
  statement->bind(1, goal.plugin)
      .bind(2, goal.kind)
      .bind(3, goal.track)
      .bind(4, goal.sum_field)
      .bind(5, goal.definition.starts_on)
      .bind(6, goal.definition.ends_on)
      .bind(7, until);
  // Each post with the moment it happened, to be put in time order within its person's list.
  std::map<std::string, std::vector<std::pair<int64_t, BoardPost>>> timed;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    BoardPost post{statement->integer(1), statement->text(2), std::nullopt, statement->text(4),
                   statement->real(5)};
    if (!statement->is_null(3)) post.url = statement->text(3);
    timed[statement->text(0)].emplace_back(statement->integer(6), std::move(post));
  }
  std::map<std::string, std::vector<BoardPost>> posts;
  for (auto& [person, list] : timed) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return std::tie(a.second.local_date, a.first, a.second.entry_id) <
             std::tie(b.second.local_date, b.first, b.second.entry_id);
    });
    auto& own = posts[person];
    own.reserve(list.size());
    for (auto& [moment, post] : list) own.push_back(std::move(post));
  }
  return posts;
}

}  // namespace hoego
