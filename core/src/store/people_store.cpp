#include "people_store.h"

namespace hoego {
namespace {

constexpr const char* kPersonQuery =
    "SELECT p.id, p.name, p.note, p.created_at, "
    "(SELECT count(*) FROM entry_people ep JOIN entries e ON e.id = ep.entry_id "
    " WHERE ep.person_id = p.id AND e.deleted_at IS NULL) FROM people p ";

Person read_person(const Statement& row) {
  return Person{row.integer(0), row.text(1), row.text(2), row.text(3), row.integer(4)};
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

Result<std::vector<Person>> PeopleStore::list() {
  auto statement = db_.prepare(std::string(kPersonQuery) + "ORDER BY p.name");
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
