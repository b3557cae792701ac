#include <hoego/core/local_time.h>
#include <hoego/core/people_service.h>

#include "../domain/text_checks.h"
#include "../store/journal_store.h"
#include "../store/people_store.h"
#include "refusals.h"

namespace hoego {

Result<Person> PeopleService::add(const std::string& raw_name, const std::string& note) {
  const std::string name = trim(raw_name);
  std::vector<FieldError> problems;
  if (name.empty())
    problems.push_back({"name", "a person needs a name", "사람의 이름이 필요합니다"});
  check_text("name", name, TextShape::kOneLine, 100, problems);
  check_text("note", note, TextShape::kMultiLine, 10'000, problems);
  if (!problems.empty()) {
    Error error = invalid_as(problems.front());
    error.fields = std::move(problems);
    return error;
  }
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  PeopleStore store(db_);
  auto id = store.insert(name, trim(note), utc_timestamp_now());
  if (!id) return id.error();
  if (auto status = transaction.commit(); !status) return status.error();
  auto person = store.find(name);
  if (!person) return person.error();
  return **person;
}

Result<std::vector<Person>> PeopleService::list(bool with_archived) {
  return PeopleStore(db_).list(with_archived);
}

Result<Person> PeopleService::get(const std::string& name) {
  auto person = PeopleStore(db_).find(name);
  if (!person) return person.error();
  if (!person->has_value())
    return Error::not_found("no person named '" + name + "'",
                            "이름이 '" + name + "'인 사람이 없습니다");
  return **person;
}

Result<Person> PeopleService::change(
    const std::string& name, const std::string& action,
    const std::function<Status(const Person&, RowRecorder&)>& apply) {
  auto person = get(name);
  if (!person) return person.error();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  RowRecorder rows(db_);
  const auto id = nlohmann::json::array({person->id});
  if (auto status = rows.before("people", "id = ?1", id); !status) return status.error();
  if (auto status = rows.before("track_members", "person_id = ?1", id); !status)
    return status.error();
  if (auto status = rows.before("entry_people", "person_id = ?1", id); !status)
    return status.error();
  if (auto status = apply(*person, rows); !status) return status.error();
  if (auto status =
          record_step(db_, rows, "person", std::to_string(person->id), action, person->name);
      !status)
    return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return *person;
}

Result<Person> PeopleService::edit(const std::string& name,
                                   const std::optional<std::string>& new_name,
                                   const std::optional<std::string>& note) {
  auto current = get(name);
  if (!current) return current.error();
  const std::string renamed = new_name ? trim(*new_name) : current->name;
  const std::string noted = note ? trim(*note) : current->note;
  std::vector<FieldError> problems;
  if (renamed.empty())
    problems.push_back({"name", "a person needs a name", "사람의 이름이 필요합니다"});
  check_text("name", renamed, TextShape::kOneLine, 100, problems);
  check_text("note", noted, TextShape::kMultiLine, 10'000, problems);
  if (!problems.empty()) return invalid_with(std::move(problems));
  auto changed = change(name, "person.edit", [&](const Person& person, RowRecorder&) {
    return PeopleStore(db_).update(person.id, renamed, noted);
  });
  if (!changed) return changed.error();
  return get(renamed);
}

Result<Person> PeopleService::merge(const std::string& name, const std::string& into) {
  auto kept = get(into);
  if (!kept) return kept.error();
  auto merged = get(name);
  if (!merged) return merged.error();
  if (kept->id == merged->id)
    return invalid_with({{"into", "a person cannot be merged into themselves",
                          "같은 사람끼리는 합칠 수 없습니다"}});
  auto changed =
      change(name, "person.merge", [&](const Person& person, RowRecorder& rows) -> Status {
        const auto id = nlohmann::json::array({kept->id});
        if (auto status = rows.before("track_members", "person_id = ?1", id); !status)
          return status;
        if (auto status = rows.before("entry_people", "person_id = ?1", id); !status) return status;
        if (auto status = PeopleStore(db_).merge(person.id, kept->id); !status) return status;
        return rows.after("track_members", "person_id = ?1", id);
      });
  if (!changed) return changed.error();
  return get(into);
}

Result<Person> PeopleService::remove(const std::string& name, bool& deleted) {
  auto person = get(name);
  if (!person) return person.error();
  auto naming = PeopleStore(db_).entries_naming(person->id);
  if (!naming) return naming.error();
  deleted = *naming == 0;
  if (!deleted && person->archived_at)
    return Error::conflict("'" + name + "' is archived already",
                           "'" + name + "'은(는) 이미 보관되어 있습니다");
  auto changed = change(
      name, deleted ? "person.delete" : "person.archive", [&](const Person& found, RowRecorder&) {
        return deleted ? PeopleStore(db_).remove(found.id)
                       : PeopleStore(db_).set_archived(found.id, utc_timestamp_now());
      });
  if (!changed) return changed.error();
  if (deleted) return *person;
  return get(name);
}

}  // namespace hoego
