// A track's board, read from the database: its members, its cadence goal and every post of
// theirs the goal counts, in the user's time zone. The CLI (`hoego board`) and the API
// (GET /api/v1/tracks/{name}/board and board.csv) both answer with it.
#pragma once

#include <hoego/core/board.h>
#include <hoego/core/database.h>
#include <hoego/core/result.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace hoego {

class BoardService {
 public:
  BoardService(Database& db, std::string time_zone) : db_(db), time_zone_(std::move(time_zone)) {}

  // The board of track `track` as of `as_of` (YYYY-MM-DD; today in the user's time zone when
  // absent). The goal is `goal_id` when given, which must be one of the track's goals and have
  // a cadence; otherwise the track's first goal with a cadence (by id), an unfinished one before
  // a finished one. Errors, each worded in English and Korean: kNotFound for an unknown track or
  // goal; kInvalidInput for a bad date, a goal of another track or without a cadence, and a
  // track with no goal with a cadence (saying how to add one). Reads everything in a few
  // queries whatever the number of members: one for all their posts.
  Result<Board> board(const std::string& track, const std::optional<int64_t>& goal_id,
                      const std::optional<std::string>& as_of);

 private:
  Database& db_;
  std::string time_zone_;
};

// The board as a spreadsheet, RFC 4180 (CRLF line ends, cells quoted as csv_cell does), UTF-8
// with a byte-order mark for Excel: a header `member,feed,passes_left,` then each cycle's due
// date; a row per member. A posted cell holds the first post's URL (the label of "posted" when
// it has none), any other the status's label in `language`.
void write_board_csv(const Board& board, std::string_view language, std::ostream& out);

}  // namespace hoego
