// Keeps what plugins derived from entries (migration 3): how far each plugin has been given its
// entries, the state it answered, and the milestones reached. Callers own the transaction.
#pragma once

#include <hoego/core/database.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hoego {

// A moment in the order plugins receive entries: occurred_utc, then id.
using EntryPosition = std::pair<int64_t, int64_t>;

struct MilestoneProgress {
  std::string plugin_version;
  std::optional<EntryPosition> last_seen;  // none when the plugin had no entries
  std::optional<std::string> state;        // JSON text, for a plugin that resumes
  bool stale = false;                      // an entry it has seen changed since
  // With stale: the earliest changed entry's position; none when it must start from the first.
  std::optional<EntryPosition> stale_from;
};

// A resumable plugin's state once it had seen its entries up to `last_seen`.
struct MilestoneCheckpoint {
  EntryPosition last_seen;
  std::string state;  // JSON text
};

// One reached milestone as kept, with what its entry says today.
struct StoredMilestone {
  std::string milestone;
  int64_t entry_id = 0;
  std::optional<std::string> person;
  std::string when;
  std::string local_date;
  int64_t when_utc = 0;
  std::string entry_title;
};

class MilestoneStore {
 public:
  explicit MilestoneStore(Database& db) : db_(db) {}

  Result<std::optional<MilestoneProgress>> progress(const std::string& plugin);
  // Whether `plugin` has live entries after `position` (all of them when none).
  Result<bool> has_entries_after(const std::string& plugin,
                                 const std::optional<EntryPosition>& position);
  // The kept milestones of `plugin` whose entries are live, in the order reached.
  Result<std::vector<StoredMilestone>> reached(const std::string& plugin);

  // The plugin's last checkpoint before `position`, if any.
  Result<std::optional<MilestoneCheckpoint>> checkpoint_before(const std::string& plugin,
                                                               const EntryPosition& position);

  // How many of the plugin's live entries lie after its last checkpoint at or before `up_to`
  // (or after none) and up to `up_to`, counting no further than `limit`.
  Result<int> entries_since_checkpoint(const std::string& plugin, const EntryPosition& up_to,
                                       int limit);

  // Forgets the plugin's milestones and checkpoints (before it starts over).
  Status forget(const std::string& plugin);
  // Forgets what the plugin derived after `position`: the milestones of later (or deleted)
  // entries and the later checkpoints (before it goes on from a checkpoint there).
  Status forget_after(const std::string& plugin, const EntryPosition& position);
  Status save_checkpoint(const std::string& plugin, const MilestoneCheckpoint& checkpoint);
  Status add(const std::string& plugin, const std::string& milestone, int64_t entry_id,
             const std::optional<std::string>& person);
  Status save_progress(const std::string& plugin, const MilestoneProgress& progress);

 private:
  Database& db_;
};

}  // namespace hoego
