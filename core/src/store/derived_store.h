// Values computed from entries, kept until a day they were computed from changes (migration 3:
// changed_days, derived_values). Callers own the transaction.
#pragma once

#include <hoego/core/database.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

// Past this many changed days, counting a kept value's whole period again is no slower than
// counting the days one run at a time.
inline constexpr size_t kMostChangedDaysToCount = 60;
// Changed days this close together are counted again in one read.
inline constexpr int kChangedDaysRunGap = 7;

// A value to keep, under its key, computed at a change.
struct DerivedValue {
  std::string key;
  int64_t change = 0;
  std::string value;
};

class DerivedStore {
 public:
  explicit DerivedStore(Database& db) : db_(db) {}

  // The latest change among the entries of `plugin` (or of every plugin) on local days from
  // `since` to `until` (inclusive; an empty bound is open); 0 when none changed since the table
  // began.
  Result<int64_t> latest_change(const std::optional<std::string>& plugin, const std::string& since,
                                const std::string& until);
  // The value kept under `key` if it was computed at `change`.
  Result<std::optional<std::string>> find(const std::string& key, int64_t change);
  // The value kept under `key` whatever change it was computed at, with that change.
  Result<std::optional<DerivedValue>> find_any(const std::string& key);
  // The local days of the entries of `plugin` (or of every plugin) from `since` to `until`
  // (inclusive) changed after `change`, in date order, each once.
  Result<std::vector<std::string>> changed_since(const std::optional<std::string>& plugin,
                                                 const std::string& since, const std::string& until,
                                                 int64_t change);
  Status keep(const DerivedValue& value);
  // Keeps every value in one transaction of its own when the database allows it at once. A
  // read-only database, another process's write lock or a caller's open transaction keeps
  // nothing: it costs the time saved, never data, and never makes anyone wait.
  void keep_if_possible(const std::vector<DerivedValue>& values);

 private:
  Database& db_;
};

}  // namespace hoego
