// hoego board TRACK: a writing group's members × cycles, as a grid in the terminal, JSON, CSV, a
// calendar of its due dates or the one line an organiser pastes into the group's chat.
#include <hoego/core/board_calendar.h>
#include <hoego/core/board_service.h>
#include <hoego/core/local_time.h>
#include <hoego/core/utf8.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {
namespace {

// Columns a terminal gives `text`: Hangul, CJK and full-width forms take two, so that Korean
// names line up with the symbols under each due date.
size_t display_width(const std::string& text) {
  const auto points = code_points(text);
  if (!points) return text.size();
  size_t width = 0;
  for (char32_t point : *points) {
    const bool wide =
        (point >= 0x1100 && point <= 0x115F) || (point >= 0x2E80 && point <= 0xA4CF) ||
        (point >= 0xAC00 && point <= 0xD7A3) || (point >= 0xF900 && point <= 0xFAFF) ||
        (point >= 0xFE30 && point <= 0xFE4F) || (point >= 0xFF00 && point <= 0xFF60) ||
        (point >= 0xFFE0 && point <= 0xFFE6);
    width += wide ? 2 : 1;
  }
  return width;
}

std::string padded(const std::string& text, size_t width) {
  const size_t used = display_width(text);
  return text + std::string(used < width ? width - used : 0, ' ');
}

const char* symbol_of(CellStatus status) {
  switch (status) {
    case CellStatus::kPosted:
      return "✓";
    case CellStatus::kPassed:
      return "P";
    case CellStatus::kMissed:
      return "✗";
    case CellStatus::kPaused:
      return "‖";
    case CellStatus::kNotYetDue:
      break;
  }
  return "·";
}

// Each cycle's column: its due date (MM-DD, * on the current cycle) over the members' symbols.
constexpr size_t kCycleColumn = 7;

void print_grid(const Board& board, const Words& words) {
  std::cout << board.track.name << " — " << board.goal.title << " (#" << board.goal.id << "), "
            << (words.korean() ? board.as_of + " 기준" : "as of " + board.as_of) << "\n\n";
  const std::string member_label = words.pick("멤버", "member");
  size_t name_width = display_width(member_label);
  for (const auto& member : board.members)
    name_width = std::max(name_width, display_width(member.name));
  name_width += 2;

  std::string header = padded(member_label, name_width);
  for (const auto& cycle : board.cycles)
    header += padded(cycle.ends_on.substr(5) + (cycle.current ? "*" : ""), kCycleColumn);
  std::cout << header << words.pick("남은 패스", "passes left") << "\n";
  for (const auto& member : board.members) {
    std::string row = padded(member.name, name_width);
    for (const auto& cell : member.cells)
      row += padded("  " + std::string(symbol_of(cell.status)), kCycleColumn);
    std::cout << row << member.passes_left << "\n";
  }
  std::cout << "\n";
  std::string legend;
  for (CellStatus status : {CellStatus::kPosted, CellStatus::kPassed, CellStatus::kMissed,
                            CellStatus::kPaused, CellStatus::kNotYetDue})
    legend +=
        std::string(symbol_of(status)) + " " + cell_status_label(status, words.language) + "   ";
  std::cout << legend << words.pick("* 이번 주기", "* current cycle") << "\n\n";
  std::cout << board_summary(board, words.language) << "\n";
}

}  // namespace

void register_board_command(CLI::App& app, Context& context) {
  static std::string track;
  static std::optional<int64_t> goal;
  static std::optional<std::string> as_of;
  static bool as_json = false, as_csv = false, summary_only = false, as_ics = false;
  static std::optional<std::string> member;
  auto* board = app.add_subcommand(
      "board",
      "A track's members × its goal's cycles: who posted, passed or missed, and who is due");
  board->add_option("track", track, "The track (a writing group's cohort)")->required();
  board->add_option("--goal", goal, "The goal with a cadence to show (default: the track's first)");
  board->add_option("--as-of", as_of, "As on this date (YYYY-MM-DD; default today)");
  auto* json_flag = board->add_flag("--json", as_json, "Print JSON");
  auto* csv_flag = board->add_flag("--csv", as_csv, "Print CSV for a spreadsheet");
  auto* summary_flag =
      board->add_flag("--summary", summary_only, "Print only the line to paste into a chat");
  auto* ics_flag = board->add_flag(
      "--ics", as_ics, "Print the due dates as a calendar (.ics) with who has posted for each");
  board->add_option("--member", member, "With --ics: this member's own due dates, to send them")
      ->needs(ics_flag);
  json_flag->excludes(csv_flag)->excludes(summary_flag)->excludes(ics_flag);
  csv_flag->excludes(summary_flag)->excludes(ics_flag);
  summary_flag->excludes(ics_flag);
  board->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto read = BoardService(*db, context.time_zone()).board(track, goal, as_of);
    if (!context.succeeded(read)) return;
    const Words words = context.words();
    if (as_ics) {
      auto calendar = member ? member_calendar(*read, *member, words.language)
                             : Result<DayCalendar>(board_calendar(*read, words.language));
      if (!context.succeeded(calendar)) return;
      write_day_calendar(*calendar, now_in("UTC").utc_seconds, std::cout);
    } else if (as_json)
      context.print_json(to_json(*read, words.language));
    else if (as_csv)
      write_board_csv(*read, words.language, std::cout);
    else if (summary_only)
      std::cout << board_summary(*read, words.language) << "\n";
    else
      print_grid(*read, words);
  });
}

}  // namespace hoego::cli
