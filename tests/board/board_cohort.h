// The writing cohort the board's tests share, computed by hand once, here, for the pure test
// and the one through the database alike.
//
// Track "글또 10기", 2024-09-01 to 2024-11-30; goal "격주 글": a post by each due date, 2 passes,
// published due dates 09-15, 09-29, 10-13, 10-27, 11-10, 11-24, of which the organiser moved
// 10-27 to 10-30; paused (goal-wide) for 추석, 09-16 to 09-18. The six cycles:
//   C1 09-01..09-15   C2 09-16..09-29 (overlaps the pause)   C3 09-30..10-13
//   C4 10-14..10-30 (moved: 10-28..10-30 belong to it, not to C5)
//   C5 10-31..11-10   C6 11-11..11-24
// The board is read on Friday 2024-11-08: C1–C4 are closed, C5 holds the day (2 days left),
// C6 is to come.
//
// Posts, on their day in Asia/Seoul, and what each member's row comes to:
//   김민준 09-10, 09-20, 10-05, 10-29 (after the published 10-27, before the moved 10-30), 11-05
//          → ✓ ✓ ✓ ✓ ✓ ·   met 5, passes 2 left, streak 5
//   박지호 09-02 and 09-14 (two posts in C1), nothing since
//          → ✓ ‖ P P · ·   C2 is paused (no pass used), C3 and C4 use both passes; streak 1
//            (passes and pauses freeze it); due for C5
//   이서연 09-15 23:59:59 +09:00 (C1's last second), 10-13 23:30 -07:00 (its own day is C3's due
//          date, but in Seoul it is 10-14 15:30: C4), 10-31 00:00 +09:00 (C5's first moment)
//          → ✓ ‖ P ✓ ✓ ·   C3 uses a pass (1 left); streak 3
//   최유나 nothing
//          → P ‖ P ✗ · ·   C1 and C3 use the passes, C4 is missed; streak 0; due for C5
//   한도윤 09-17 (inside the pause: a post still counts), 11-08 (the board's day), 11-12 (after it:
//          not there yet on 11-08)
//          → P ✓ P ✗ ✓ ·   passes on C1 and C3, C4 missed, streak 1 again after C5
// Next: C5, due Sunday 2024-11-10, 2 days left, missing 박지호 and 최유나.
#pragma once

#include <string>
#include <vector>

namespace hoego::testing {

inline const std::vector<std::string> kCohortPublishedDueDates{
    "2024-09-15", "2024-09-29", "2024-10-13", "2024-10-27", "2024-11-10", "2024-11-24"};
inline const std::vector<std::string> kCohortDueDates{"2024-09-15", "2024-09-29", "2024-10-13",
                                                      "2024-10-30", "2024-11-10", "2024-11-24"};

// Each member's row on 2024-11-08, as computed above: name, then each cell's status.
struct ExpectedRow {
  std::string name;
  std::string cells;  // cell statuses, space-separated
  int met, passes_used, passes_left, missed, streak;
};

inline const std::vector<ExpectedRow> kCohortOnNovember8{
    {"김민준", "posted posted posted posted posted not_yet_due", 5, 0, 2, 0, 5},
    {"박지호", "posted paused passed passed not_yet_due not_yet_due", 1, 2, 0, 0, 1},
    {"이서연", "posted paused passed posted posted not_yet_due", 3, 1, 1, 0, 3},
    {"최유나", "passed paused passed missed not_yet_due not_yet_due", 0, 2, 0, 1, 0},
    {"한도윤", "passed posted passed missed posted not_yet_due", 2, 2, 0, 1, 1},
};

inline const char kCohortSummaryKo[] = "11월 10일(일) 마감, 2일 남음 — 아직 2명: 박지호, 최유나";
inline const char kCohortSummaryEn[] =
    "Due Sun, November 10, 2 days left — 2 still to post: 박지호, 최유나";

}  // namespace hoego::testing
