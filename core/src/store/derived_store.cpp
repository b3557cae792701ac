#include "derived_store.h"

namespace hoego {

Result<int64_t> DerivedStore::latest_change(const std::optional<std::string>& plugin,
                                            const std::string& since, const std::string& until) {
  // Open bounds become the first and last dates. One plugin's days are a range of the primary
  // key; every plugin's, a read of the whole table, which holds one row per plugin and day.
  auto statement =
      db_.prepare(plugin ? "SELECT coalesce(max(change), 0) FROM changed_days "
                           "WHERE plugin = ?1 AND local_date >= ?2 AND local_date <= ?3"
                         : "SELECT coalesce(max(change), 0) FROM changed_days "
                           "WHERE ?1 IS NULL AND local_date >= ?2 AND local_date <= ?3");
  if (!statement) return statement.error();
  auto row = statement->bind(1, plugin)
                 .bind(2, since)
                 .bind(3, until.empty() ? std::string("9999-12-31") : until)
                 .step();
  if (!row) return row.error();
  return *row ? statement->integer(0) : int64_t{0};
}

Result<std::optional<std::string>> DerivedStore::find(const std::string& key, int64_t change) {
  auto statement = db_.prepare("SELECT value FROM derived_values WHERE key = ? AND change = ?");
  if (!statement) return statement.error();
  auto row = statement->bind(1, key).bind(2, change).step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>{statement->text(0)};
}

Result<std::optional<DerivedValue>> DerivedStore::find_any(const std::string& key) {
  auto statement = db_.prepare("SELECT change, value FROM derived_values WHERE key = ?");
  if (!statement) return statement.error();
  auto row = statement->bind(1, key).step();
  if (!row) return row.error();
  if (!*row) return std::optional<DerivedValue>{};
  return std::optional<DerivedValue>{DerivedValue{key, statement->integer(0), statement->text(1)}};
}

Result<std::vector<std::string>> DerivedStore::changed_since(
    const std::optional<std::string>& plugin, const std::string& since, const std::string& until,
    int64_t change) {
  auto statement = db_.prepare(
      plugin ? "SELECT local_date FROM changed_days WHERE plugin = ?1 AND local_date >= ?2 "
               "AND local_date <= ?3 AND change > ?4 ORDER BY local_date"
             : "SELECT DISTINCT local_date FROM changed_days WHERE ?1 IS NULL "
               "AND local_date >= ?2 AND local_date <= ?3 AND change > ?4 ORDER BY local_date");
  if (!statement) return statement.error();
  statement->bind(1, plugin)
      .bind(2, since)
      .bind(3, until.empty() ? std::string("9999-12-31") : until)
      .bind(4, change);
  std::vector<std::string> days;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    days.push_back(statement->text(0));
  }
  return days;
}

Status DerivedStore::keep(const DerivedValue& value) {
  auto statement = db_.prepare(
      "INSERT INTO derived_values (key, change, value) VALUES (?, ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET change = excluded.change, value = excluded.value");
  if (!statement) return statement.error();
  return statement->bind(1, value.key).bind(2, value.change).bind(3, value.value).run();
}

void DerivedStore::keep_if_possible(const std::vector<DerivedValue>& values) {
  if (values.empty()) return;
  const NoWaiting no_waiting(db_);  // another process writing: keep it next time
  Transaction transaction(db_);
  if (!transaction.begin().ok()) return;
  for (const auto& value : values)
    if (!keep(value).ok()) return;
  (void)transaction.commit();
}

}  // namespace hoego
