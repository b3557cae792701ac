// Reads and writes tracks and their members. Callers own the transaction.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/track.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hoego {

class TrackStore {
 public:
  explicit TrackStore(Database& db) : db_(db) {}

  // Fails with kConflict when the name is taken, kNotFound when a member does not exist.
  Result<int64_t> insert(const Track& track);
  Result<std::optional<Track>> find(const std::string& name);
  Result<std::vector<Track>> list();
  // Writes the name, plugin, dates, note and members of track `track.id`. Fails with kConflict
  // when another track has the name.
  Status update(const Track& track);
  // Closes (a time) or reopens (nullopt) a track.
  Status set_closed(int64_t id, const std::optional<std::string>& closed_at);
  // Deletes a track: its entries leave it, its live goals are deleted (at `now`), its members
  // go. Answers how many entries and goals were in it.
  Result<std::pair<int64_t, int64_t>> remove(int64_t id, const std::string& now);

 private:
  // Replaces the members of track `id` with `track.members`, each with its feed from
  // `track.feeds`.
  Status write_members(int64_t id, const Track& track);
  // kConflict when a track other than `own_id` (0: any) has the name.
  Status check_name_free(const std::string& name, int64_t own_id);
  Result<std::vector<Track>> query(const std::string& where,
                                   const std::optional<std::string>& name);

  Database& db_;
};

}  // namespace hoego
