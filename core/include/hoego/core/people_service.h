// People shared across plugins: mentees, study members, teammates.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>
#include <hoego/core/result.h>

#include <string>
#include <vector>

namespace hoego {

class PeopleService {
 public:
  explicit PeopleService(Database& db) : db_(db) {}

  // Adds a person. The name must be one line of valid UTF-8, at most 100 characters, and not
  // taken already (kConflict).
  Result<Person> add(const std::string& name, const std::string& note);
  Result<std::vector<Person>> list();

 private:
  Database& db_;
};

}  // namespace hoego
