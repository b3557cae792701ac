// Reads and writes tracks and their members. Callers own the transaction.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/track.h>

#include <optional>
#include <string>
#include <vector>

namespace hoego {

class TrackStore {
 public:
  explicit TrackStore(Database& db) : db_(db) {}

  // Fails with kConflict when the name is taken, kNotFound when a member does not exist.
  Result<int64_t> insert(const Track& track);
  Result<std::optional<Track>> find(const std::string& name);
  Result<std::vector<Track>> list();
  Status close(int64_t id, const std::string& closed_at);

 private:
  Result<std::vector<Track>> query(const std::string& where,
                                   const std::optional<std::string>& name);

  Database& db_;
};

}  // namespace hoego
