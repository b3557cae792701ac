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
  // Renames a person or changes the note; kConflict when another person has the name.
  Status update(int64_t id, const std::string& name, const std::string& note);
  Status set_archived(int64_t id, const std::optional<std::string>& archived_at);
  // Moves everything that names person `from` (entries, tracks' members) to `into`, then
  // deletes `from`.
  Status merge(int64_t from, int64_t into);
  // Deletes a person no entry names, and takes them out of tracks.
  Status remove(int64_t id);
  // How many entries, deleted ones too, name the person.
  Result<int64_t> entries_naming(int64_t id);
  // By name, with how many live entries name each person; archived people only `with_archived`.
  Result<std::vector<Person>> list(bool with_archived);

 private:
  Database& db_;
};

}  // namespace hoego
