// The undo journal: every change a user made, to entries and to what they set up (goals,
// tracks, people, plugins), newest last. An entry's step names the entry and its revision (its
// history is in entry_history); any other step keeps the rows it changed as they were before
// and after it, so that undo can put back exactly what the step changed and nothing else.
// Callers own the transaction.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hoego {

struct JournalStep {
  int64_t id = 0;
  std::optional<int64_t> entry_id;  // an entry's step
  std::string action;               // add, edit, delete (an entry's); goal.edit, person.merge…
  std::optional<int> previous_revision;
  std::optional<std::string> subject;     // goal, track, person, plugin
  std::optional<std::string> subject_id;  // the goal's id, the track's or person's name…
  // {"label": what the user knows it by, "rows": [{"table", "rowid", "before", "after"}]}
  nlohmann::json row_images;
  std::string performed_at;
  std::optional<std::string> undone_at;
};

// Watches rows while a change is made. Name the rows a change may touch before making it
// (`before`), and the rows it made that could not be named then (`after`); `images` reads the
// watched rows again and keeps those that changed.
class RowRecorder {
 public:
  explicit RowRecorder(Database& db) : db_(db) {}

  // Reads the rows of `table` WHERE `where` (parameters ?1… bound from `values`: integers,
  // strings or nulls), as they are before the change.
  Status before(const std::string& table, const std::string& where, const nlohmann::json& values);
  // Reads the rows of `table` WHERE `where` that a change made, after it.
  Status after(const std::string& table, const std::string& where, const nlohmann::json& values);
  // Every watched row that changed: {"table", "rowid", "before": row or null, "after": row or
  // null}, in the order they were first watched.
  Result<nlohmann::json> images();

 private:
  struct Watched {
    std::string table;
    int64_t rowid = 0;
    nlohmann::json before;
  };
  Status read(const std::string& table, const std::string& where, const nlohmann::json& values,
              bool as_before);

  Database& db_;
  std::vector<Watched> watched_;
};

class JournalStore {
 public:
  explicit JournalStore(Database& db) : db_(db) {}

  // Records a step that is not an entry's. A step whose rows did not change is not recorded:
  // answers 0 then.
  Result<int64_t> record(const std::string& subject, const std::string& subject_id,
                         const std::string& action, const std::string& label,
                         const nlohmann::json& rows);
  // The newest step not yet undone, of any kind.
  Result<std::optional<JournalStep>> last_undoable();
  Status mark_undone(int64_t step_id);
  // Puts back what a step that is not an entry's changed: only the columns it changed, whole
  // rows it added or removed. Foreign keys are checked at commit, so rows come back in any order.
  Status revert(const JournalStep& step);
  // The steps about one subject ("entry" with an entry's id, or goal, track…), newest first.
  Result<std::vector<JournalStep>> steps(const std::optional<std::string>& subject,
                                         const std::optional<std::string>& subject_id, int limit);

 private:
  Database& db_;
};

// Records what `rows` saw change as one step of the journal; nothing when nothing changed.
Status record_step(Database& db, RowRecorder& rows, const std::string& subject,
                   const std::string& subject_id, const std::string& action,
                   const std::string& label);

}  // namespace hoego
