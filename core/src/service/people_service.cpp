#include <hoego/core/local_time.h>
#include <hoego/core/people_service.h>

#include "../domain/text_checks.h"
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

Result<std::vector<Person>> PeopleService::list() { return PeopleStore(db_).list(); }

}  // namespace hoego
