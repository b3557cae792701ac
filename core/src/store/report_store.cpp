#include "report_store.h"

#include "entry_store.h"

namespace hoego {

Result<std::vector<ReportPerson>> ReportStore::most_named(const std::string& since,
                                                          const std::string& until, int limit) {
  auto statement = db_.prepare(
      "SELECT p.name, count(*) AS named FROM entries e "
      "JOIN entry_people ep ON ep.entry_id = e.id JOIN people p ON p.id = ep.person_id "
      "WHERE e.deleted_at IS NULL AND e.local_date >= ? AND e.local_date <= ? "
      "GROUP BY p.id ORDER BY named DESC, p.name LIMIT ?");
  if (!statement) return statement.error();
  statement->bind(1, since).bind(2, until).bind(3, limit);
  std::vector<ReportPerson> people;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    people.push_back({statement->text(0), static_cast<int>(statement->integer(1))});
  }
  return people;
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
