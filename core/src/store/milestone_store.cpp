#include "milestone_store.h"

#include <limits>

namespace hoego {

Result<std::optional<MilestoneProgress>> MilestoneStore::progress(const std::string& plugin) {
  auto statement = db_.prepare(
      "SELECT plugin_version, last_utc, last_id, state, stale, stale_utc, stale_id "
      "FROM milestone_progress WHERE plugin = ?");
  if (!statement) return statement.error();
  auto row = statement->bind(1, plugin).step();
  if (!row) return row.error();
  if (!*row) return std::optional<MilestoneProgress>{};
  MilestoneProgress progress;
  progress.plugin_version = statement->text(0);
  if (!statement->is_null(1) && !statement->is_null(2))
    progress.last_seen = EntryPosition{statement->integer(1), statement->integer(2)};
  progress.state = statement->optional_text(3);
  progress.stale = statement->integer(4) != 0;
  if (progress.stale && !statement->is_null(5) && !statement->is_null(6))
    progress.stale_from = EntryPosition{statement->integer(5), statement->integer(6)};
  return std::optional<MilestoneProgress>{std::move(progress)};
}

Result<bool> MilestoneStore::has_entries_after(const std::string& plugin,
                                               const std::optional<EntryPosition>& position) {
  // Two texts, so that the one with a position searches the index from it rather than testing
  // every entry of the plugin.
  auto statement = db_.prepare(
      position ? "SELECT EXISTS (SELECT 1 FROM entries WHERE deleted_at IS NULL AND plugin = ? "
                 "AND (occurred_utc, id) > (?, ?))"
               : "SELECT EXISTS (SELECT 1 FROM entries WHERE deleted_at IS NULL AND plugin = ?)");
  if (!statement) return statement.error();
  statement->bind(1, plugin);
  if (position) statement->bind(2, position->first).bind(3, position->second);
  auto row = statement->step();
  if (!row) return row.error();
  return *row && statement->integer(0) != 0;
}

Result<std::vector<StoredMilestone>> MilestoneStore::reached(const std::string& plugin) {
  auto statement = db_.prepare(
      "SELECT m.milestone, m.entry_id, m.person, e.occurred_at, e.local_date, e.occurred_utc, "
      "e.title "
      "FROM reached_milestones m JOIN entries e ON e.id = m.entry_id "
      "WHERE m.plugin = ? AND e.deleted_at IS NULL ORDER BY e.occurred_utc, e.id, m.rowid");
  if (!statement) return statement.error();
  statement->bind(1, plugin);
  std::vector<StoredMilestone> reached;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    reached.push_back({statement->text(0), statement->integer(1), statement->optional_text(2),
                       statement->text(3), statement->text(4), statement->integer(5),
                       statement->text(6)});
  }
  return reached;
}

Result<std::optional<MilestoneCheckpoint>> MilestoneStore::checkpoint_before(
    const std::string& plugin, const EntryPosition& position) {
  auto statement = db_.prepare(
      "SELECT last_utc, last_id, state FROM milestone_checkpoints "
      "WHERE plugin = ? AND (last_utc, last_id) < (?, ?) ORDER BY last_utc DESC, last_id DESC "
      "LIMIT 1");
  if (!statement) return statement.error();
  auto row = statement->bind(1, plugin).bind(2, position.first).bind(3, position.second).step();
  if (!row) return row.error();
  if (!*row) return std::optional<MilestoneCheckpoint>{};
  return std::optional<MilestoneCheckpoint>{
      MilestoneCheckpoint{{statement->integer(0), statement->integer(1)}, statement->text(2)}};
}

Result<int> MilestoneStore::entries_since_checkpoint(const std::string& plugin,
                                                     const EntryPosition& up_to, int limit) {
  EntryPosition from{std::numeric_limits<int64_t>::min(), 0};
  auto checkpoint = db_.prepare(
      "SELECT last_utc, last_id FROM milestone_checkpoints WHERE plugin = ? AND "
      "(last_utc, last_id) <= (?, ?) ORDER BY last_utc DESC, last_id DESC LIMIT 1");
  if (!checkpoint) return checkpoint.error();
  auto row = checkpoint->bind(1, plugin).bind(2, up_to.first).bind(3, up_to.second).step();
  if (!row) return row.error();
  if (*row) from = {checkpoint->integer(0), checkpoint->integer(1)};
  auto count = db_.prepare(
      "SELECT count(*) FROM (SELECT 1 FROM entries WHERE plugin = ? AND deleted_at IS NULL AND "
      "(occurred_utc, id) > (?, ?) AND (occurred_utc, id) <= (?, ?) "
      "ORDER BY occurred_utc DESC, id DESC LIMIT ?)");
  if (!count) return count.error();
  count->bind(1, plugin)
      .bind(2, from.first)
      .bind(3, from.second)
      .bind(4, up_to.first)
      .bind(5, up_to.second)
      .bind(6, static_cast<int64_t>(limit));
  auto counted = count->step();
  if (!counted) return counted.error();
  return static_cast<int>(count->integer(0));
}

Status MilestoneStore::forget(const std::string& plugin) {
  for (const char* sql : {"DELETE FROM reached_milestones WHERE plugin = ?",
                          "DELETE FROM milestone_checkpoints WHERE plugin = ?"}) {
    auto statement = db_.prepare(sql);
    if (!statement) return statement.error();
    if (auto status = statement->bind(1, plugin).run(); !status) return status;
  }
  return Status::success();
}

Status MilestoneStore::forget_after(const std::string& plugin, const EntryPosition& position) {
  // A milestone stays only while its entry is live at or before `position`. An entry that moved
  // from after it to before it changed after it too, so no checkpoint before it is kept.
  for (const char* sql :
       {"DELETE FROM reached_milestones WHERE plugin = ? AND NOT EXISTS (SELECT 1 FROM entries e "
        "WHERE e.id = entry_id AND e.deleted_at IS NULL AND (e.occurred_utc, e.id) <= (?, ?))",
        "DELETE FROM milestone_checkpoints WHERE plugin = ? AND (last_utc, last_id) > (?, ?)"}) {
    auto statement = db_.prepare(sql);
    if (!statement) return statement.error();
    statement->bind(1, plugin).bind(2, position.first).bind(3, position.second);
    if (auto status = statement->run(); !status) return status;
  }
  return Status::success();
}

Status MilestoneStore::save_checkpoint(const std::string& plugin,
                                       const MilestoneCheckpoint& checkpoint) {
  auto statement = db_.prepare(
      "INSERT OR REPLACE INTO milestone_checkpoints (plugin, last_utc, last_id, state) "
      "VALUES (?, ?, ?, ?)");
  if (!statement) return statement.error();
  return statement->bind(1, plugin)
      .bind(2, checkpoint.last_seen.first)
      .bind(3, checkpoint.last_seen.second)
      .bind(4, checkpoint.state)
      .run();
}

Status MilestoneStore::add(const std::string& plugin, const std::string& milestone,
                           int64_t entry_id, const std::optional<std::string>& person) {
  auto statement = db_.prepare(
      "INSERT INTO reached_milestones (plugin, milestone, entry_id, person) VALUES (?, ?, ?, ?)");
  if (!statement) return statement.error();
  return statement->bind(1, plugin).bind(2, milestone).bind(3, entry_id).bind(4, person).run();
}

Status MilestoneStore::save_progress(const std::string& plugin, const MilestoneProgress& progress) {
  auto statement = db_.prepare(
      "INSERT INTO milestone_progress (plugin, plugin_version, last_utc, last_id, state, stale, "
      "stale_utc, stale_id) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL) ON CONFLICT (plugin) DO UPDATE "
      "SET plugin_version = excluded.plugin_version, last_utc = excluded.last_utc, "
      "last_id = excluded.last_id, state = excluded.state, stale = excluded.stale, "
      "stale_utc = NULL, stale_id = NULL");
  if (!statement) return statement.error();
  statement->bind(1, plugin).bind(2, progress.plugin_version);
  if (progress.last_seen)
    statement->bind(3, progress.last_seen->first).bind(4, progress.last_seen->second);
  else
    statement->bind(3, std::nullopt).bind(4, std::nullopt);
  return statement->bind(5, progress.state).bind(6, int64_t{progress.stale ? 1 : 0}).run();
}

}  // namespace hoego
