// A writing group's board: a track's members × its cadence goal's cycles, each cell posted,
// passed, missed, paused or not yet due, with who has still to post for the next deadline and a
// line an organiser pastes into the group's chat. Pure: the service reads the posts, this says
// what they mean, so that every rule is testable without a database or a clock.
#pragma once

#include <hoego/core/goal.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoego {

// One of a member's posts that counts towards the goal: an entry of its plugin and kind (and
// track) naming the member.
struct BoardPost {
  int64_t entry_id = 0;
  std::string title;
  std::optional<std::string> url;  // the payload's `url`, when it has one
  std::string local_date;          // its day in the user's time zone
  double amount = 1;               // what it adds: 1, or the goal's summed field
};

// A member as the service read them: their feed, if any, and every post of theirs that the goal
// counts, in time order.
struct BoardMemberPosts {
  std::string name;
  std::optional<std::string> feed;
  std::vector<BoardPost> posts;
};

// What the board needs of the track and its goal.
struct BoardTrack {
  std::string name;
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;
};

struct BoardGoal {
  int64_t id = 0;
  std::string title;
  GoalDefinition definition;  // with a cadence
};

enum class CellStatus { kPosted, kPassed, kMissed, kPaused, kNotYetDue };

// One member's cycle. `posts`: theirs dated in the cycle (up to the board's day), even when they
// were too few to meet it.
struct BoardCell {
  CellStatus status = CellStatus::kNotYetDue;
  std::vector<BoardPost> posts;
};

struct BoardCycle {
  std::string starts_on;
  std::string ends_on;   // the due date: the end of this day
  bool current = false;  // holds the board's day
};

struct BoardMember {
  std::string name;
  std::optional<std::string> feed;
  int passes_left = 0;
  int passes_used = 0;
  int met = 0;
  int missed = 0;
  int streak = 0;                // the current streak, in cycles
  std::vector<BoardCell> cells;  // one per cycle of the board
};

// The next deadline still to post for: the first cycle ending on or after the board's day that
// no pause excuses, and the members who have not met it, in the board's order.
struct BoardNext {
  std::string due;
  int days_left = 0;  // 0 on the due date itself
  std::vector<std::string> missing;
};

struct Board {
  BoardTrack track;
  BoardGoal goal;
  std::string as_of;
  std::vector<BoardCycle> cycles;    // every cycle of the goal, those to come too
  std::vector<BoardMember> members;  // sorted by name
  std::optional<BoardNext> next;     // none once no cycle is left to post for
};

// The board as of `as_of` (YYYY-MM-DD, a valid date): each member evaluated with evaluate_goal
// over their own posts (the cycle holding `as_of` and every later one not yet due while not
// met; a paused cycle stays paused). Posts after `as_of` are left out, as if not yet written.
// The goal must have a cadence; members are sorted by name, whatever order they come in.
Board build_board(const BoardTrack& track, const BoardGoal& goal,
                  std::vector<BoardMemberPosts> members, const std::string& as_of);

// "posted", "passed", "missed", "paused", "not_yet_due", as the API names them.
std::string_view cell_status_name(CellStatus status);
// The status as a person reads it, in `language` ("ko" or "en"): "올림" or "posted"…
std::string cell_status_label(CellStatus status, std::string_view language);

// The line an organiser pastes into the group's chat, in `language`:
//   "12월 5일(토) 마감, 2일 남음 — 아직 3명: 김민준, 박지호, 이서연"
//   "Due December 5 (Sat), 2 days left — 3 still to post: 김민준, 박지호, 이서연"
// It says so plainly when everyone has posted, when the track has no members, when the goal has
// ended and when every cycle left is paused.
std::string board_summary(const Board& board, std::string_view language);

// The board as GET /api/v1/tracks/{name}/board answers it (docs/api.md), its summary in
// `language`.
nlohmann::json to_json(const Board& board, std::string_view language);
// The same JSON as to_json(board, language).dump(), written directly: a 500-member board's tree
// of nlohmann values took about 100 ms to build and write, most of what GET /board cost.
std::string board_json_text(const Board& board, std::string_view language);

}  // namespace hoego
