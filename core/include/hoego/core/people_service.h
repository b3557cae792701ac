// People shared across plugins: mentees, study members, teammates. Each change to a person is
// one step of the undo journal. Adding one is not: entries come to name them, and a person
// named by entries (even deleted ones) cannot be taken back; `delete` archives such a person.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>
#include <hoego/core/result.h>

#include <functional>
#include <string>
#include <vector>

namespace hoego {

class RowRecorder;  // the journal's, in the store

class PeopleService {
 public:
  explicit PeopleService(Database& db) : db_(db) {}

  // Adds a person. The name must be one line of valid UTF-8, at most 100 characters, and not
  // taken already (kConflict).
  Result<Person> add(const std::string& name, const std::string& note);
  // Archived people only `with_archived`.
  Result<std::vector<Person>> list(bool with_archived = false);
  // A person by name, archived or not, or kNotFound.
  Result<Person> get(const std::string& name);
  // Renames a person and/or changes the note: every entry and track naming them follows.
  Result<Person> edit(const std::string& name, const std::optional<std::string>& new_name,
                      const std::optional<std::string>& note);
  // Merges person `name` into `into`: entries, tracks and goals by person follow; `name` goes.
  // Answers the person kept.
  Result<Person> merge(const std::string& name, const std::string& into);
  // Deletes a person no entry names; one that entries name is archived instead, off the lists
  // and pickers but kept on those entries. `deleted` says which.
  Result<Person> remove(const std::string& name, bool& deleted);

 private:
  // Runs `apply` on person `name` in one transaction, recorded as one step of the journal with
  // the person's row, tracks and entries watched (`apply` may watch more).
  Result<Person> change(const std::string& name, const std::string& action,
                        const std::function<Status(const Person&, RowRecorder&)>& apply);

  Database& db_;
};

}  // namespace hoego
