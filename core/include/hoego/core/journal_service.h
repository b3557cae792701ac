// The undo journal as a user reads it: each change made, to entries and to goals, tracks,
// people and plugins, with a line in each language saying what it was. `hoego undo` and
// POST /undo revert the newest step (EntryService::undo).
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/manifest.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

struct JournalLine {
  int64_t id = 0;
  std::string subject;     // entry, goal, track, person or plugin
  std::string subject_id;  // an entry's, goal's, track's or person's id; a plugin's id
  std::string action;      // add, edit, delete (an entry's); goal.edit, person.merge…
  LocalizedText summary;   // "목표 ‘16편 쓰기’ 수정" / "goal ‘16 posts’ edited"
  std::string performed_at;
  std::optional<std::string> undone_at;
};

nlohmann::json to_json(const JournalLine& line);

// What a step did, in both languages, from its action and what the user knows its subject by.
LocalizedText describe_step(const std::string& action, const std::string& label);

class JournalService {
 public:
  explicit JournalService(Database& db) : db_(db) {}

  // The newest `limit` steps (1 to 500), of one subject when given: an entry or goal by id, a
  // track or person by name (kNotFound when there is none), a plugin by id.
  Result<std::vector<JournalLine>> steps(const std::optional<std::string>& subject,
                                         const std::optional<std::string>& which, int limit);

 private:
  Database& db_;
};

}  // namespace hoego
