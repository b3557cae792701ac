// Reads and writes goal definitions. Callers own the transaction.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/goal_service.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hoego {

// One entry that may count towards a goal: its local day and what it adds.
struct GoalEntry {
  std::string local_date;
  double amount = 1;
  std::vector<std::string> people;
  int64_t entry_id = 0;
};

class GoalStore {
 public:
  explicit GoalStore(Database& db) : db_(db) {}

  Result<int64_t> insert(const Goal& goal);
  // Writes every property of a live goal.
  Status update(const Goal& goal);
  // Deletes (a time) or brings back (nullopt) a goal.
  Status set_deleted(int64_t id, const std::optional<std::string>& deleted_at);
  // A live goal (finished or not), or none.
  Result<std::optional<Goal>> find(int64_t id);
  // The live goals (of `track`, if given), finished ones only `with_finished`.
  Result<std::vector<Goal>> list(const std::optional<std::string>& track, bool with_finished);
  // The live entries of the goal's plugin and kind (and track) in its period, with the summed
  // field's value, and the people named when `with_people`. `dates` (local dates, inclusive)
  // reads only part of them instead. `naming_no_one` leaves out entries that name someone (the
  // user's own, where the people named are a kind's authors).
  Result<std::vector<GoalEntry>> entries_for(
      const Goal& goal, bool with_people,
      const std::optional<std::pair<std::string, std::string>>& dates = std::nullopt,
      bool naming_no_one = false);

 private:
  Database& db_;
};

}  // namespace hoego
