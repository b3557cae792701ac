// A writing group's due dates as calendars, made from its board (board.h): the organiser's, with
// who has posted and who has not for each due date, and one member's own, to send them.
#pragma once

#include <hoego/core/board.h>
#include <hoego/core/day_calendar.h>
#include <hoego/core/result.h>

#include <string>
#include <string_view>

namespace hoego {

// The organiser's calendar of `board`, in `language` ("ko" or "en"): an event on every cycle's
// due date, those past too, summed up as "마감: 글또 7기 (2/13) — 아직 3명" / "Due: 글또 7기 (2/13)
// — 3 still to post" ("— 올림 40/45" / "— 40/45 posted" once the day has passed), described by
// the members under each status ("올림 (2): 김민준, 박지호", "아직 (1): 이서연") as of the board's
// day. A due date on or after that day with someone still to post reminds (day_calendar.h).
// UIDs: "board-GOAL-YYYY-MM-DD@hoego.local".
DayCalendar board_calendar(const Board& board, std::string_view language);

// The calendar of `member`'s own due dates on the board, for them: each cycle ending on or after
// the board's day that they have not met and no pause excuses, with reminders, described by the
// passes they have left. kNotFound, in English and Korean, for a name not among the board's
// members. UIDs: "board-GOAL-YYYY-MM-DD-HEX@hoego.local", HEX the name's UTF-8 bytes.
Result<DayCalendar> member_calendar(const Board& board, const std::string& member,
                                    std::string_view language);

}  // namespace hoego
