#include "track_store.h"

namespace hoego {
namespace {

using nlohmann::json;

constexpr const char* kTrackQuery =
    "SELECT t.id, t.name, t.plugin, t.starts_on, t.ends_on, t.note, t.closed_at, t.created_at, "
    "(SELECT count(*) FROM entries e WHERE e.track_id = t.id AND e.deleted_at IS NULL), "
    "(SELECT json_group_array(name) FROM (SELECT p.name AS name FROM track_members m "
    " JOIN people p ON p.id = m.person_id WHERE m.track_id = t.id ORDER BY p.name)), "
    "(SELECT json_group_object(p.name, m.feed_url) FROM track_members m "
    " JOIN people p ON p.id = m.person_id WHERE m.track_id = t.id AND m.feed_url IS NOT NULL) "
    "FROM tracks t ";

}  // namespace

Status TrackStore::check_name_free(const std::string& name, int64_t own_id) {
  auto existing = find(name);
  if (!existing) return existing.error();
  if (existing->has_value() && (*existing)->id != own_id)
    return Error::conflict("a track named '" + name + "' already exists",
                           "이름이 '" + name + "'인 트랙이 이미 있습니다");
  return Status::success();
}

Result<int64_t> TrackStore::insert(const Track& track) {
  if (auto status = check_name_free(track.name, 0); !status) return status.error();
  auto statement = db_.prepare(
      "INSERT INTO tracks (name, plugin, starts_on, ends_on, note, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!statement) return statement.error();
  statement->bind(1, track.name)
      .bind(2, track.plugin)
      .bind(3, track.starts_on)
      .bind(4, track.ends_on)
      .bind(5, track.note)
      .bind(6, track.created_at);
  if (auto status = statement->run(); !status) return status.error();
  const int64_t id = db_.last_insert_id();
  if (auto status = write_members(id, track); !status) return status.error();
  return id;
}

Status TrackStore::write_members(int64_t id, const Track& track) {
  // Members who stay keep their rows (and rowids): the undo journal records only the rows a step
  // changed and puts them back by rowid, and rows written afresh in another order would swap
  // people between rowids, which putting back one row at a time cannot undo (UNIQUE).
  auto gone = db_.prepare(
      "DELETE FROM track_members WHERE track_id = ?1 AND person_id NOT IN "
      "(SELECT p.id FROM people p JOIN json_each(?2) j ON p.name = j.value)");
  if (!gone) return gone.error();
  if (auto status = gone->bind(1, id).bind(2, json(track.members).dump()).run(); !status)
    return status;
  auto member = db_.prepare(
      "INSERT INTO track_members (track_id, person_id, feed_url) "
      "SELECT ?, id, ? FROM people WHERE name = ? "
      "ON CONFLICT (track_id, person_id) DO UPDATE SET feed_url = excluded.feed_url "
      "WHERE feed_url IS NOT excluded.feed_url");
  if (!member) return member.error();
  auto exists = db_.prepare("SELECT 1 FROM people WHERE name = ?");
  if (!exists) return exists.error();
  for (const auto& name : track.members) {
    member->reset();
    const auto feed = track.feeds.find(name);
    member->bind(1, id).bind(3, name);
    if (feed != track.feeds.end())
      member->bind(2, feed->second);
    else
      member->bind(2, std::optional<std::string>{});
    if (auto status = member->run(); !status) return status;
    if (db_.changes() > 0) continue;
    exists->reset();
    auto found = exists->bind(1, name).step();
    if (!found) return found.error();
    if (!*found)
      return Error::not_found("no person named '" + name + "'",
                              "이름이 '" + name + "'인 사람이 없습니다");
  }
  return Status::success();
}

Status TrackStore::update(const Track& track) {
  if (auto status = check_name_free(track.name, track.id); !status) return status;
  auto statement = db_.prepare(
      "UPDATE tracks SET name = ?, plugin = ?, starts_on = ?, ends_on = ?, note = ? "
      "WHERE id = ?");
  if (!statement) return statement.error();
  statement->bind(1, track.name)
      .bind(2, track.plugin)
      .bind(3, track.starts_on)
      .bind(4, track.ends_on)
      .bind(5, track.note)
      .bind(6, track.id);
  if (auto status = statement->run(); !status) return status;
  return write_members(track.id, track);
}

Result<std::pair<int64_t, int64_t>> TrackStore::remove(int64_t id, const std::string& now) {
  int64_t entries = 0, goals = 0;
  const std::pair<const char*, int64_t*> steps[] = {
      {"UPDATE entries SET track_id = NULL WHERE track_id = ?1", &entries},
      {"UPDATE goals SET deleted_at = ?2 WHERE track_id = ?1 AND deleted_at IS NULL", &goals},
      {"UPDATE goals SET track_id = NULL WHERE track_id = ?1", nullptr},
      {"DELETE FROM track_members WHERE track_id = ?1", nullptr},
      {"DELETE FROM tracks WHERE id = ?1", nullptr}};
  for (const auto& [sql, count] : steps) {
    auto statement = db_.prepare(sql);
    if (!statement) return statement.error();
    statement->bind(1, id);
    if (std::string_view(sql).find("?2") != std::string_view::npos) statement->bind(2, now);
    if (auto status = statement->run(); !status) return status.error();
    if (count != nullptr) *count = db_.changes();
  }
  return std::pair{entries, goals};
}

Result<std::optional<Track>> TrackStore::find(const std::string& name) {
  auto found = query("WHERE t.name = ?", name);
  if (!found) return found.error();
  if (found->empty()) return std::optional<Track>{};
  return std::optional<Track>{std::move(found->front())};
}

Result<std::vector<Track>> TrackStore::list() {
  return query("ORDER BY coalesce(t.starts_on, t.created_at) DESC, t.name", std::nullopt);
}

Status TrackStore::set_closed(int64_t id, const std::optional<std::string>& closed_at) {
  auto statement = db_.prepare("UPDATE tracks SET closed_at = ? WHERE id = ?");
  if (!statement) return statement.error();
  return statement->bind(1, closed_at).bind(2, id).run();
}

Result<std::vector<Track>> TrackStore::query(const std::string& where,
                                             const std::optional<std::string>& name) {
  auto statement = db_.prepare(std::string(kTrackQuery) + where);
  if (!statement) return statement.error();
  if (name) statement->bind(1, *name);
  std::vector<Track> tracks;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    Track track;
    track.id = statement->integer(0);
    track.name = statement->text(1);
    track.plugin = statement->optional_text(2);
    track.starts_on = statement->optional_text(3);
    track.ends_on = statement->optional_text(4);
    track.note = statement->text(5);
    track.closed_at = statement->optional_text(6);
    track.created_at = statement->text(7);
    track.entry_count = statement->integer(8);
    track.members = json::parse(statement->text(9)).get<std::vector<std::string>>();
    track.feeds = json::parse(statement->text(10)).get<std::map<std::string, std::string>>();
    tracks.push_back(std::move(track));
  }
  return tracks;
}

}  // namespace hoego
