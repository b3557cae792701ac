#include "report_store.h"

#include "entry_store.h"

namespace hoego {

Result<std::map<std::string, int>> ReportStore::named(const std::string& since,
                                                      const std::string& until) {
  auto statement = db_.prepare(
      std::string("SELECT p.name, count(*) FROM entries e "
                  "JOIN entry_people ep ON ep.entry_id = e.id JOIN people p ON p.id = ep.person_id "
                  "WHERE e.deleted_at IS NULL AND ") +
      kMomentsOfLocalDates + " AND e.local_date >= ?1 AND e.local_date <= ?2 GROUP BY p.id");
  if (!statement) return statement.error();
  statement->bind(1, since).bind(2, until);
  std::map<std::string, int> named;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    named[statement->text(0)] = static_cast<int>(statement->integer(1));
  }
  return named;
}

Result<std::vector<int64_t>> ReportStore::newest(const std::string& since, const std::string& until,
                                                 int limit) {
  // The moment's bounds (a day either side of the dates, for every offset) let the time index
  // start at the period's end instead of walking back from the newest entry of all.
  auto statement = db_.prepare(
      std::string("SELECT id FROM entries WHERE deleted_at IS NULL AND ") + kMomentsOfLocalDates +
      " AND local_date >= ?1 AND local_date <= ?2 ORDER BY occurred_utc DESC, id DESC LIMIT ?3");
  if (!statement) return statement.error();
  statement->bind(1, since).bind(2, until).bind(3, limit);
  std::vector<int64_t> ids;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    ids.push_back(statement->integer(0));
  }
  return ids;
}

}  // namespace hoego
