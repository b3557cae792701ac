// Reads a board's posts: every entry a goal counts that names someone, with who it names.
#pragma once

#include <hoego/core/board.h>
#include <hoego/core/database.h>
#include <hoego/core/goal_service.h>

#include <map>
#include <string>
#include <vector>

namespace hoego {

class BoardStore {
 public:
  explicit BoardStore(Database& db) : db_(db) {}

  // The live entries of the goal's plugin and kind (and track) within its period, up to
  // `until` (a local date, inclusive), for each person they name, by name, in time order: one
  // query for the whole board, however many members it has. An entry naming two people is a
  // post of each; one naming no one (the user's own) is nobody's.
  Result<std::map<std::string, std::vector<BoardPost>>> posts_by_person(const Goal& goal,
                                                                        const std::string& until);

 private:
  Database& db_;
};

}  // namespace hoego
