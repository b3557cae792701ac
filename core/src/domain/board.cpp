#include <date/date.h>
#include <hoego/core/board.h>
#include <hoego/core/local_time.h>

#include <algorithm>
#include <map>

#include "json_text.h"
#include "number_json.h"

namespace hoego {
namespace {

using nlohmann::json;

CellStatus status_of(CycleOutcome outcome) {
  switch (outcome) {
    case CycleOutcome::kMet:
      return CellStatus::kPosted;
    case CycleOutcome::kPassed:
      return CellStatus::kPassed;
    case CycleOutcome::kMissed:
      return CellStatus::kMissed;
    case CycleOutcome::kPaused:
      return CellStatus::kPaused;
    case CycleOutcome::kOpen:
      break;
  }
  return CellStatus::kNotYetDue;  // the cycle holding the board's day, not met yet
}

// Whether one of the goal's pauses (goal-wide) overlaps the cycle: then nobody must post for it.
bool paused(const GoalDefinition& goal, const BoardCycle& cycle) {
  return std::any_of(goal.pauses.begin(), goal.pauses.end(), [&](const Pause& pause) {
    return pause.from <= cycle.ends_on && pause.until >= cycle.starts_on;
  });
}

// What the member's posts add on each day, as evaluate_goal takes them.
std::vector<Contribution> contributions_of(const std::vector<BoardPost>& posts) {
  std::map<std::string, double> per_day;
  for (const auto& post : posts) per_day[post.local_date] += post.amount;
  std::vector<Contribution> contributions;
  contributions.reserve(per_day.size());
  for (const auto& [day, amount] : per_day) contributions.push_back({day, amount});
  return contributions;
}

date::sys_days day_of(const std::string& text) {
  return date::sys_days{date::year{std::stoi(text.substr(0, 4))} /
                        date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))} /
                        date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
}

// "12월 5일(토)" or "Sat, December 5"; the year too when it is not that of `as_of`.
std::string due_day_text(const std::string& due, const std::string& as_of,
                         std::string_view language) {
  const date::sys_days day = day_of(due);
  const date::year_month_day ymd{day};
  const unsigned weekday = date::weekday{day}.c_encoding();  // 0: Sunday
  const bool other_year = due.substr(0, 4) != as_of.substr(0, 4);
  const std::string year = std::to_string(static_cast<int>(ymd.year()));
  const std::string month_day = std::to_string(static_cast<unsigned>(ymd.day()));
  if (language == "ko") {
    static const char* const weekdays[] = {"일", "월", "화", "수", "목", "금", "토"};
    return (other_year ? year + "년 " : "") + std::to_string(static_cast<unsigned>(ymd.month())) +
           "월 " + month_day + "일(" + weekdays[weekday] + ")";
  }
  static const char* const weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const months[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
  return std::string(weekdays[weekday]) + ", " + months[static_cast<unsigned>(ymd.month()) - 1] +
         " " + month_day + (other_year ? ", " + year : "");
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

json to_json(const BoardPost& post) {
  return {{"entry_id", post.entry_id},
          {"title", post.title},
          {"url", post.url ? json(*post.url) : json(nullptr)},
          {"date", post.local_date}};
}

json optional_text(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
}

}  // namespace

Board build_board(const BoardTrack& track, const BoardGoal& goal,
                  std::vector<BoardMemberPosts> members, const std::string& as_of) {
  Board board{track, goal, as_of, {}, {}, std::nullopt};
  for (const auto& cycle : goal_cycles(goal.definition, as_of))
    board.cycles.push_back(
        {cycle.starts_on, cycle.ends_on, cycle.starts_on <= as_of && as_of <= cycle.ends_on});

  std::sort(members.begin(), members.end(),
            [](const BoardMemberPosts& a, const BoardMemberPosts& b) { return a.name < b.name; });
  board.members.reserve(members.size());
  for (auto& member : members) {
    // A post written after the board's day is not there yet.
    std::erase_if(member.posts, [&](const BoardPost& post) { return post.local_date > as_of; });
    const GoalState state = evaluate_goal(goal.definition, contributions_of(member.posts), as_of);
    BoardMember row{
        member.name,      member.feed,         state.passes_left,    state.cycles_passed,
        state.cycles_met, state.cycles_missed, state.current_streak, {}};
    row.cells.resize(board.cycles.size());
    // evaluate_goal's cycles are the board's, up to the one holding `as_of`.
    for (size_t i = 0; i < state.cycles.size() && i < row.cells.size(); ++i)
      row.cells[i].status = status_of(state.cycles[i].outcome);
    for (auto& post : member.posts) {
      const auto cycle = std::lower_bound(
          board.cycles.begin(), board.cycles.end(), post.local_date,
          [](const BoardCycle& cycle, const std::string& day) { return cycle.ends_on < day; });
      if (cycle == board.cycles.end() || cycle->starts_on > post.local_date) continue;
      row.cells[static_cast<size_t>(cycle - board.cycles.begin())].posts.push_back(std::move(post));
    }
    board.members.push_back(std::move(row));
  }

  for (size_t i = 0; i < board.cycles.size(); ++i) {
    const BoardCycle& cycle = board.cycles[i];
    if (cycle.ends_on < as_of || paused(goal.definition, cycle)) continue;
    BoardNext next{cycle.ends_on, days_between(as_of, cycle.ends_on), {}};
    for (const auto& member : board.members)
      if (member.cells[i].status != CellStatus::kPosted) next.missing.push_back(member.name);
    board.next = std::move(next);
    break;
  }
  return board;
}

std::string_view cell_status_name(CellStatus status) {
  switch (status) {
    case CellStatus::kPosted:
      return "posted";
    case CellStatus::kPassed:
      return "passed";
    case CellStatus::kMissed:
      return "missed";
    case CellStatus::kPaused:
      return "paused";
    case CellStatus::kNotYetDue:
      break;
  }
  return "not_yet_due";
}

std::string cell_status_label(CellStatus status, std::string_view language) {
  const bool korean = language == "ko";
  switch (status) {
    case CellStatus::kPosted:
      return korean ? "올림" : "posted";
    case CellStatus::kPassed:
      return korean ? "패스" : "passed";
    case CellStatus::kMissed:
      return korean ? "놓침" : "missed";
    case CellStatus::kPaused:
      return korean ? "쉼" : "paused";
    case CellStatus::kNotYetDue:
      break;
  }
  return korean ? "마감 전" : "not yet due";
}

std::string board_summary(const Board& board, std::string_view language) {
  const bool korean = language == "ko";
  if (board.members.empty())
    return korean ? "트랙 '" + board.track.name + "'에 멤버가 없습니다"
                  : "The track '" + board.track.name + "' has no members";
  if (!board.next) {
    const bool ended = board.cycles.empty() || board.cycles.back().ends_on < board.as_of;
    if (!ended) return korean ? "남은 주기는 모두 쉬는 기간입니다" : "Every cycle left is paused";
    const std::string last = due_day_text(board.cycles.back().ends_on, board.as_of, language);
    return korean ? "목표가 끝났습니다. 마지막 마감: " + last
                  : "The goal has ended. Last due date: " + last;
  }
  const BoardNext& next = *board.next;
  const std::string day = due_day_text(next.due, board.as_of, language);
  const std::string count = std::to_string(next.missing.size());
  const std::string days_left = std::to_string(next.days_left);
  if (korean)
    return day + " 마감, " + (next.days_left == 0 ? "오늘까지" : days_left + "일 남음") + " — " +
           (next.missing.empty() ? "모두 올렸습니다"
                                 : "아직 " + count + "명: " + joined(next.missing));
  return (next.days_left == 0 ? "Due today (" + day + ")"
                              : "Due " + day + ", " + days_left +
                                    (next.days_left == 1 ? " day left" : " days left")) +
         " — " +
         (next.missing.empty() ? "everyone has posted"
                               : count + " still to post: " + joined(next.missing));
}

json to_json(const Board& board, std::string_view language) {
  json cycles = json::array();
  for (const auto& cycle : board.cycles)
    cycles.push_back(
        {{"starts_on", cycle.starts_on}, {"ends_on", cycle.ends_on}, {"current", cycle.current}});
  json members = json::array();
  for (const auto& member : board.members) {
    json cells = json::array();
    for (const auto& cell : member.cells) {
      json posts = json::array();
      for (const auto& post : cell.posts) posts.push_back(to_json(post));
      cells.push_back({{"status", cell_status_name(cell.status)}, {"posts", std::move(posts)}});
    }
    members.push_back({{"name", member.name},
                       {"feed", optional_text(member.feed)},
                       {"passes_left", member.passes_left},
                       {"passes_used", member.passes_used},
                       {"met", member.met},
                       {"missed", member.missed},
                       {"streak", member.streak},
                       {"cells", std::move(cells)}});
  }
  json next = nullptr;
  if (board.next)
    next = {{"due", board.next->due},
            {"days_left", board.next->days_left},
            {"missing", board.next->missing}};
  const GoalDefinition& definition = board.goal.definition;
  return {{"track",
           {{"name", board.track.name},
            {"starts_on", optional_text(board.track.starts_on)},
            {"ends_on", optional_text(board.track.ends_on)}}},
          {"goal",
           {{"id", board.goal.id},
            {"title", board.goal.title},
            {"per_cycle", number_json(definition.cadence.per_cycle)},
            {"passes", definition.cadence.passes}}},
          {"as_of", board.as_of},
          {"cycles", std::move(cycles)},
          {"members", std::move(members)},
          {"next", std::move(next)},
          {"summary", board_summary(board, language)}};
}

namespace {

void append_optional_string(std::string& out, const std::optional<std::string>& text) {
  if (text)
    append_json_string(out, *text);
  else
    out += "null";
}

void append_member(std::string& out, const BoardMember& member) {
  out += "{\"cells\":[";
  for (size_t i = 0; i < member.cells.size(); ++i) {
    const BoardCell& cell = member.cells[i];
    out += i == 0 ? "{\"posts\":[" : ",{\"posts\":[";
    for (size_t j = 0; j < cell.posts.size(); ++j) {
      const BoardPost& post = cell.posts[j];
      out += j == 0 ? "{\"date\":" : ",{\"date\":";
      append_json_string(out, post.local_date);
      out += ",\"entry_id\":" + std::to_string(post.entry_id) + ",\"title\":";
      append_json_string(out, post.title);
      out += ",\"url\":";
      append_optional_string(out, post.url);
      out += '}';
    }
    out += "],\"status\":";
    append_json_string(out, cell_status_name(cell.status));
    out += '}';
  }
  out += "],\"feed\":";
  append_optional_string(out, member.feed);
  out += ",\"met\":" + std::to_string(member.met) + ",\"missed\":" + std::to_string(member.missed) +
         ",\"name\":";
  append_json_string(out, member.name);
  out += ",\"passes_left\":" + std::to_string(member.passes_left) +
         ",\"passes_used\":" + std::to_string(member.passes_used) +
         ",\"streak\":" + std::to_string(member.streak) + '}';
}

}  // namespace

std::string board_json_text(const Board& board, std::string_view language) {
  // Everything but the members from the tree, which is small; the members written directly.
  Board without_members{board.track, board.goal, board.as_of, board.cycles, {}, board.next};
  json head = to_json(without_members, language);
  head["summary"] = board_summary(board, language);  // it counts the members
  std::string out;
  out.reserve(256 * (board.members.size() + 1));
  out += '{';
  bool first = true;
  for (const auto& [key, value] : head.items()) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, key);
    out += ':';
    if (key != "members") {
      out += value.dump();
      continue;
    }
    out += '[';
    for (size_t i = 0; i < board.members.size(); ++i) {
      if (i > 0) out += ',';
      append_member(out, board.members[i]);
    }
    out += ']';
  }
  out += '}';
  return out;
}

}  // namespace hoego
