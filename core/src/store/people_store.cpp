#include "people_store.h"

namespace hoego {
namespace {

constexpr const char* kPersonQuery =
    "SELECT p.id, p.name, p.note, p.created_at, "
    "(SELECT count(*) FROM entry_people ep JOIN entries e ON e.id = ep.entry_id "
    " WHERE ep.person_id = p.id AND e.deleted_at IS NULL), p.archived_at FROM people p ";

Person read_person(const Statement& row) {
  return Person{row.integer(0), row.text(1),    row.text(2),
                row.text(3),    row.integer(4), row.optional_text(5)};
}

}  // namespace

Result<int64_t> PeopleStore::insert(const std::string& name, const std::string& note,
                                    const std::string& created_at) {
  auto existing = find(name);
  if (!existing) return existing.error();
  if (existing->has_value())
    return Error::conflict("a person named '" + name + "' already exists",
                           "이름이 '" + name + "'인 사람이 이미 있습니다");
  auto statement = db_.prepare("INSERT INTO people (name, note, created_at) VALUES (?, ?, ?)");
  if (!statement) return statement.error();
  if (auto status = statement->bind(1, name).bind(2, note).bind(3, created_at).run(); !status)
    return status.error();
  return db_.last_insert_id();
}

Result<std::optional<Person>> PeopleStore::find(const std::string& name) {
  auto statement = db_.prepare(std::string(kPersonQuery) + "WHERE p.name = ?");
  if (!statement) return statement.error();
  auto row = statement->bind(1, name).step();
  if (!row) return row.error();
  if (!*row) return std::optional<Person>{};
  return std::optional<Person>{read_person(*statement)};
}

Status PeopleStore::update(int64_t id, const std::string& name, const std::string& note) {
  auto existing = find(name);
  if (!existing) return existing.error();
  if (existing->has_value() && (*existing)->id != id)
    return Error::conflict("a person named '" + name + "' already exists",
                           "이름이 '" + name + "'인 사람이 이미 있습니다");
  auto statement = db_.prepare("UPDATE people SET name = ?, note = ? WHERE id = ?");
  if (!statement) return statement.error();
  return statement->bind(1, name).bind(2, note).bind(3, id).run();
}

Status PeopleStore::set_archived(int64_t id, const std::optional<std::string>& archived_at) {
  auto statement = db_.prepare("UPDATE people SET archived_at = ? WHERE id = ?");
  if (!statement) return statement.error();
  return statement->bind(1, archived_at).bind(2, id).run();
}

Status PeopleStore::merge(int64_t from, int64_t into) {
  // An entry that names both keeps `into` where it was; the rest name `into` instead. Every
  // entry touched is written once more (no value changes), so that what was derived from its
  // people is worked out again (entries_update_* triggers).
  const char* steps[] = {
      "UPDATE entries SET revision = revision WHERE id IN "
      "(SELECT entry_id FROM entry_people WHERE person_id = ?1)",
      "DELETE FROM entry_people WHERE person_id = ?1 AND entry_id IN "
      "(SELECT entry_id FROM entry_people WHERE person_id = ?2)",
      "UPDATE entry_people SET person_id = ?2 WHERE person_id = ?1",
      "INSERT OR IGNORE INTO track_members (track_id, person_id) "
      "SELECT track_id, ?2 FROM track_members WHERE person_id = ?1",
      "DELETE FROM track_members WHERE person_id = ?1",
      "DELETE FROM people WHERE id = ?1"};
  for (const char* sql : steps) {
    auto statement = db_.prepare(sql);
    if (!statement) return statement.error();
    if (auto status = statement->bind(1, from).bind(2, into).run(); !status) return status;
  }
  return Status::success();
}

Status PeopleStore::remove(int64_t id) {
  for (const char* sql :
       {"DELETE FROM track_members WHERE person_id = ?", "DELETE FROM people WHERE id = ?"}) {
    auto statement = db_.prepare(sql);
    if (!statement) return statement.error();
    if (auto status = statement->bind(1, id).run(); !status) return status;
  }
  return Status::success();
}

Result<int64_t> PeopleStore::entries_naming(int64_t id) {
  auto statement = db_.prepare("SELECT count(*) FROM entry_people WHERE person_id = ?");
  if (!statement) return statement.error();
  auto row = statement->bind(1, id).step();
  if (!row) return row.error();
  return statement->integer(0);
}

Result<std::vector<Person>> PeopleStore::list(bool with_archived) {
  auto statement =
      db_.prepare(std::string(kPersonQuery) +
                  (with_archived ? "" : "WHERE p.archived_at IS NULL ") + "ORDER BY p.name");
  if (!statement) return statement.error();
  std::vector<Person> people;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    people.push_back(read_person(*statement));
  }
  return people;
}

}  // namespace hoego
