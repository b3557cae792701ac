// Reads and writes entries, their history and the undo journal. Callers own the transaction.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hoego {

// One change in the undo journal.
struct Operation {
  int64_t id = 0;
  int64_t entry_id = 0;
  std::string action;  // add, edit or delete
  std::optional<int> previous_revision;
};

class EntryStore {
 public:
  explicit EntryStore(Database& db) : db_(db) {}

  // Inserts a new entry (its id is ignored) and records its first revision; returns the id.
  // Fails with kNotFound when a person named in it does not exist.
  Result<int64_t> insert(const Entry& entry);
  // Overwrites the entry with entry.id and records entry.revision in the history.
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
  // them, oldest first: what a plugin derives milestones from.
  Result<std::vector<Entry>> list_after(const std::string& plugin,
                                        const std::optional<std::pair<int64_t, int64_t>>& after);
  // Live entries per local date from `since` to `until` (inclusive), of `plugin` or of all, in
  // date order; days without entries are left out.
  Result<std::vector<std::pair<std::string, int64_t>>> count_per_day(
      const std::string& since, const std::string& until, const std::optional<std::string>& plugin);
  // Every revision, oldest first.
  Result<std::vector<Entry>> history(int64_t id);
  Result<std::optional<Entry>> revision(int64_t id, int revision);

  Status record_operation(int64_t entry_id, const std::string& action,
                          std::optional<int> previous_revision);
  // The newest change not yet undone, if any.
  Result<std::optional<Operation>> last_undoable();
  Status mark_undone(int64_t operation_id);

 private:
  // The id of the track named `name`; kNotFound when there is none.
  Result<std::optional<int64_t>> resolve_track(const std::optional<std::string>& name);
  Status write_people(int64_t entry_id, const std::vector<std::string>& people);
  Status record_revision(const Entry& entry);
  Result<std::vector<Entry>> query(const std::string& where, const std::vector<std::string>& texts,
                                   int limit, const char* order = "DESC");

  Database& db_;
};

}  // namespace hoego
