// Reads and writes entries, their history and the undo journal. Callers own the transaction; a
// store lives inside one, since it remembers the ids of the names it has looked up.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hoego {

// SQL: the moments that can fall on local dates ?1 to ?2 (YYYY-MM-DD) at some UTC offset, from
// two days before the first to three after the last, so that the time index finds the entries
// of a range of local dates.
inline constexpr const char* kMomentsOfLocalDates =
    "occurred_utc >= CAST(strftime('%s', ?1) AS INTEGER) - 172800 "
    "AND occurred_utc < CAST(strftime('%s', ?2) AS INTEGER) + 259200";

class EntryStore {
 public:
  explicit EntryStore(Database& db) : db_(db) {}

  // Inserts a new entry (its id is ignored); returns the id. Fails with kNotFound when a person
  // or the track named in it does not exist. The entry row is its current revision: history
  // rows are written only for revisions an update replaces.
  Result<int64_t> insert(const Entry& entry);
  // Overwrites the entry with entry.id, first keeping the revision it replaces (entry.revision
  // - 1) in the history; kConflict when the entry is no longer at that revision.
  Status update(const Entry& entry);
  // Soft-deletes (with a timestamp) or restores (nullopt) an entry.
  Status set_deleted(int64_t id, const std::optional<std::string>& deleted_at);

  Result<std::optional<Entry>> find(int64_t id);
  // The entry of `plugin` added with `request_id`, deleted or not.
  Result<std::optional<Entry>> find_by_request(const std::string& plugin,
                                               const std::string& request_id);
  // An entry of `plugin`'s `kind` whose text field `field` is `value`, deleted or not.
  Result<std::optional<Entry>> find_by_field(const std::string& plugin, const std::string& kind,
                                             const std::string& field, const std::string& value);
  // Newest first.
  Result<std::vector<Entry>> list(const EntryFilter& filter);
  // The live entries of `plugin` after the moment `after` (occurred_utc, then id), or all of
  // them, oldest first: what a plugin derives milestones from. At most `limit` when it is set.
  Result<std::vector<Entry>> list_after(const std::string& plugin,
                                        const std::optional<std::pair<int64_t, int64_t>>& after,
                                        int limit = 0);
  // Live entries per local date from `since` to `until` (inclusive), of `plugin` or of all, in
  // date order; days without entries are left out.
  Result<std::vector<std::pair<std::string, int64_t>>> count_per_day(
      const std::string& since, const std::string& until, const std::optional<std::string>& plugin);
  // Every revision, oldest first: the replaced ones kept in the history, then the entry as it is.
  Result<std::vector<Entry>> history(int64_t id);
  Result<std::optional<Entry>> revision(int64_t id, int revision);

  // The id of the person or the track named `name`, if there is one.
  Result<std::optional<int64_t>> person_id(const std::string& name);
  Result<std::optional<int64_t>> track_id(const std::string& name);

  // The live entries of `plugin` and `kind` whose date field `field` is from `from` to `to`
  // (YYYY-MM-DD, inclusive), each with that date, the soonest first.
  Result<std::vector<std::pair<Entry, std::string>>> due_between(const std::string& plugin,
                                                                 const std::string& kind,
                                                                 const std::string& field,
                                                                 const std::string& from,
                                                                 const std::string& to);
  // Whether any entry, deleted or not, belongs to `plugin`.
  Result<bool> has_entries_of(const std::string& plugin);
  Status record_operation(int64_t entry_id, const std::string& action,
                          std::optional<int> previous_revision, const std::string& performed_at);

 private:
  // The id of the track named `name`; kNotFound when there is none.
  Result<std::optional<int64_t>> resolve_track(const std::optional<std::string>& name);
  Result<std::optional<int64_t>> id_by_name(const char* sql, const std::string& name,
                                            std::unordered_map<std::string, int64_t>& known);
  // `fresh`: the entry has no people rows yet, so none need clearing.
  Status write_people(int64_t entry_id, const std::vector<std::string>& people, bool fresh);
  // Keeps revision `replaced` of the entry with `id`, which must be its current one, unless the
  // history has it already.
  Status keep_replaced_revision(int64_t id, int replaced);
  Result<std::vector<Entry>> query(const std::string& where, const std::vector<std::string>& texts,
                                   int limit, const char* order = "DESC");
  // The local date to store for `when`: its day in the zone the stored dates are in
  // (DayZoneStore), or the day it was given with while none is recorded.
  Result<std::string> stored_date(const Moment& when);

  Database& db_;
  std::unordered_map<std::string, int64_t> person_ids_;
  std::unordered_map<std::string, int64_t> track_ids_;
  std::optional<std::optional<std::string>> day_zone_;  // read on first use
};

}  // namespace hoego
