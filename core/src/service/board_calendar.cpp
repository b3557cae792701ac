#include <hoego/core/board_calendar.h>

#include <algorithm>

namespace hoego {
namespace {

// "(2/13)" when the goal has an end (the board then holds all its cycles), else "(2회차)".
std::string cycle_number(const Board& board, size_t index, bool korean) {
  const GoalDefinition& goal = board.goal.definition;
  const bool has_end =
      goal.ends_on || goal.finished_on ||
      (goal.cadence.unit == CadenceUnit::kDates && !goal.cadence.due_dates.empty());
  const std::string number = std::to_string(index + 1);
  if (has_end) return "(" + number + "/" + std::to_string(board.cycles.size()) + ")";
  return korean ? "(" + number + "회차)" : "(cycle " + number + ")";
}

std::string due_summary(const Board& board, size_t index, bool korean) {
  return (korean ? "마감: " : "Due: ") + board.goal.title + " " +
         cycle_number(board, index, korean);
}

std::string as_of_line(const Board& board, bool korean) {
  return korean ? board.as_of + " 기준" : "as of " + board.as_of;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

// 김민준 → "EAB980EBAFBCECA480": a UID part of ASCII only, whatever the name holds.
std::string hex_of(const std::string& text) {
  static const char* digits = "0123456789ABCDEF";
  std::string hex;
  for (unsigned char c : text) {
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  return hex;
}

}  // namespace

DayCalendar board_calendar(const Board& board, std::string_view language) {
  const bool korean = language == "ko";
  DayCalendar calendar{board.track.name + (korean ? " 마감" : " due dates"), {}};
  // The order a reader expects: posted, then still to post, then what the past settled.
  static constexpr CellStatus kOrder[] = {CellStatus::kPosted, CellStatus::kNotYetDue,
                                          CellStatus::kPassed, CellStatus::kMissed,
                                          CellStatus::kPaused};
  for (size_t i = 0; i < board.cycles.size(); ++i) {
    const BoardCycle& cycle = board.cycles[i];
    std::vector<std::string> by_status[std::size(kOrder)];
    for (const BoardMember& member : board.members) {
      if (i >= member.cells.size()) continue;
      const auto status = std::find(std::begin(kOrder), std::end(kOrder), member.cells[i].status);
      by_status[status - std::begin(kOrder)].push_back(member.name);
    }
    const size_t posted = by_status[0].size(), waiting = by_status[1].size();
    const bool ahead = cycle.ends_on >= board.as_of;
    std::string summary = due_summary(board, i, korean);
    if (!board.members.empty()) {
      const std::string total = std::to_string(board.members.size());
      if (!ahead)
        summary += korean ? " — 올림 " + std::to_string(posted) + "/" + total
                          : " — " + std::to_string(posted) + "/" + total + " posted";
      else if (waiting > 0)
        summary += korean ? " — 아직 " + std::to_string(waiting) + "명"
                          : " — " + std::to_string(waiting) + " still to post";
      else if (posted == board.members.size())
        summary += korean ? " — 모두 올림" : " — everyone posted";
    }
    std::string description;
    for (size_t s = 0; s < std::size(kOrder); ++s) {
      if (by_status[s].empty()) continue;
      // Before its day a cycle not met is still to post, which says it better than "not yet due".
      const std::string label = kOrder[s] == CellStatus::kNotYetDue
                                    ? (korean ? "아직" : "still to post")
                                    : cell_status_label(kOrder[s], language);
      description +=
          label + " (" + std::to_string(by_status[s].size()) + "): " + joined(by_status[s]) + "\n";
    }
    description += as_of_line(board, korean);
    calendar.events.push_back(
        {"board-" + std::to_string(board.goal.id) + "-" + cycle.ends_on + "@hoego.local",
         cycle.ends_on, summary, description, ahead && waiting > 0});
  }
  return calendar;
}

Result<DayCalendar> member_calendar(const Board& board, const std::string& member,
                                    std::string_view language) {
  const bool korean = language == "ko";
  const auto found = std::find_if(board.members.begin(), board.members.end(),
                                  [&](const BoardMember& m) { return m.name == member; });
  if (found == board.members.end())
    return Error::not_found(
        "'" + member + "' is not a member of the track '" + board.track.name + "'",
        "'" + member + "'은(는) 트랙 '" + board.track.name + "'의 멤버가 아닙니다");
  DayCalendar calendar{board.track.name + (korean ? " 마감 — " : " due dates — ") + member, {}};
  const std::string passes = std::to_string(found->passes_left);
  const std::string description =
      member +
      (korean ? " · 남은 패스 " + passes
              : " · " + passes + (found->passes_left == 1 ? " pass left" : " passes left")) +
      "\n" + as_of_line(board, korean);
  for (size_t i = 0; i < board.cycles.size() && i < found->cells.size(); ++i) {
    const BoardCycle& cycle = board.cycles[i];
    // Not yet due is the cycle still open for them: not met, not paused, its day not passed.
    if (cycle.ends_on < board.as_of || found->cells[i].status != CellStatus::kNotYetDue) continue;
    calendar.events.push_back({"board-" + std::to_string(board.goal.id) + "-" + cycle.ends_on +
                                   "-" + hex_of(member) + "@hoego.local",
                               cycle.ends_on, due_summary(board, i, korean), description, true});
  }
  return calendar;
}

}  // namespace hoego
