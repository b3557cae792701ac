// Reads and writes people. Callers own the transaction.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>

#include <optional>
#include <string>
#include <vector>

namespace hoego {

class PeopleStore {
 public:
  explicit PeopleStore(Database& db) : db_(db) {}

  // Fails with kConflict when the name is taken.
  Result<int64_t> insert(const std::string& name, const std::string& note,
                         const std::string& created_at);
  Result<std::optional<Person>> find(const std::string& name);
  // By name, with how many live entries name each person.
  Result<std::vector<Person>> list();

 private:
  Database& db_;
};

}  // namespace hoego
