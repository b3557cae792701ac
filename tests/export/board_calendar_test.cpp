// A board's calendars, over the hand-computed cohort of tests/board/board_cohort.h on 2024-11-08:
// the organiser's (every due date, who posted and who has not, reminders only while someone
// still has to post) and one member's own (their open due dates, with reminders).
#include <hoego/core/board_calendar.h>

#include <sstream>

#include "../board/board_cohort.h"
#include "calendar_lines.h"

namespace hoego {
namespace {

using testing::content_lines;
using testing::events_of;
using testing::ParsedCalendar;

BoardPost cohort_post(const std::string& day, int64_t id) {
  BoardPost post;
  post.entry_id = id;
  post.title = "글 " + std::to_string(id);
  post.local_date = day;
  return post;
}

Board cohort_board() {
  BoardGoal goal;
  goal.id = 7;
  goal.title = "격주 글";
  goal.definition.starts_on = "2024-09-01";
  goal.definition.ends_on = "2024-11-30";
  goal.definition.cadence.unit = CadenceUnit::kDates;
  goal.definition.cadence.due_dates = testing::kCohortDueDates;
  goal.definition.cadence.passes = 2;
  goal.definition.pauses = {{"2024-09-16", "2024-09-18"}};
  std::vector<BoardMemberPosts> members{
      {"김민준",
       std::nullopt,
       {cohort_post("2024-09-10", 11), cohort_post("2024-09-20", 12), cohort_post("2024-10-05", 13),
        cohort_post("2024-10-29", 14), cohort_post("2024-11-05", 15)}},
      {"박지호", std::nullopt, {cohort_post("2024-09-02", 21), cohort_post("2024-09-14", 22)}},
      {"이서연",
       std::nullopt,
       {cohort_post("2024-09-15", 31), cohort_post("2024-10-14", 32),
        cohort_post("2024-10-31", 33)}},
      {"최유나", std::nullopt, {}},
      {"한도윤",
       std::nullopt,
       {cohort_post("2024-09-17", 51), cohort_post("2024-11-08", 52),
        cohort_post("2024-11-12", 53)}},
  };
  return build_board({"글또 10기", "2024-09-01", "2024-11-30"}, goal, std::move(members),
                     "2024-11-08");
}

std::string calendar_text(const DayCalendar& calendar) {
  std::ostringstream out;
  write_day_calendar(calendar, 1731024000, out);  // 2024-11-08T00:00:00Z
  return out.str();
}

TEST(BoardCalendar, EveryDueDateSaysWhoPostedAndWhoHasNot) {
  const Board board = cohort_board();
  ASSERT_EQ(board.cycles.size(), 6u) << "the cohort of board_cohort.h";
  const DayCalendar korean = board_calendar(board, "ko");
  EXPECT_EQ(korean.name, "글또 10기 마감");
  ASSERT_EQ(korean.events.size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(korean.events[i].date, testing::kCohortDueDates[i]);
    EXPECT_EQ(korean.events[i].uid, "board-7-" + testing::kCohortDueDates[i] + "@hoego.local");
    EXPECT_EQ(korean.events[i].remind, i >= 4) << "only due dates to come, with someone to post";
  }
  EXPECT_EQ(korean.events[0].summary, "마감: 격주 글 (1/6) — 올림 3/5");
  EXPECT_EQ(korean.events[0].description,
            "올림 (3): 김민준, 박지호, 이서연\n패스 (2): 최유나, 한도윤\n2024-11-08 기준");
  EXPECT_EQ(korean.events[1].description,
            "올림 (2): 김민준, 한도윤\n쉼 (3): 박지호, 이서연, 최유나\n2024-11-08 기준");
  EXPECT_EQ(korean.events[4].summary, "마감: 격주 글 (5/6) — 아직 2명");
  EXPECT_EQ(korean.events[4].description,
            "올림 (3): 김민준, 이서연, 한도윤\n아직 (2): 박지호, 최유나\n2024-11-08 기준");
  EXPECT_EQ(korean.events[5].summary, "마감: 격주 글 (6/6) — 아직 5명")
      << "한도윤's post of 11-12 comes after the board's day";

  const DayCalendar english = board_calendar(board, "en");
  EXPECT_EQ(english.name, "글또 10기 due dates");
  EXPECT_EQ(english.events[3].summary, "Due: 격주 글 (4/6) — 2/5 posted");
  EXPECT_EQ(english.events[3].description,
            "posted (2): 김민준, 이서연\npassed (1): 박지호\nmissed (2): 최유나, 한도윤\n"
            "as of 2024-11-08");
  EXPECT_EQ(english.events[4].summary, "Due: 격주 글 (5/6) — 2 still to post");
}

TEST(BoardCalendar, AMembersOwnDueDatesAreThoseStillOpenForThem) {
  const Board board = cohort_board();
  auto jiho = member_calendar(board, "박지호", "ko");
  ASSERT_TRUE(jiho.ok()) << jiho.error().message;
  EXPECT_EQ(jiho->name, "글또 10기 마감 — 박지호");
  ASSERT_EQ(jiho->events.size(), 2u);
  EXPECT_EQ(jiho->events[0].date, "2024-11-10");
  EXPECT_EQ(jiho->events[0].uid, "board-7-2024-11-10-EBB095ECA780ED98B8@hoego.local");
  EXPECT_EQ(jiho->events[0].summary, "마감: 격주 글 (5/6)");
  EXPECT_EQ(jiho->events[0].description, "박지호 · 남은 패스 0\n2024-11-08 기준");
  EXPECT_TRUE(jiho->events[0].remind);
  EXPECT_EQ(jiho->events[1].date, "2024-11-24");

  auto minjun = member_calendar(board, "김민준", "en");
  ASSERT_TRUE(minjun.ok());
  ASSERT_EQ(minjun->events.size(), 1u) << "the current cycle is met already";
  EXPECT_EQ(minjun->events[0].date, "2024-11-24");
  EXPECT_EQ(minjun->events[0].description, "김민준 · 2 passes left\nas of 2024-11-08");

  auto stranger = member_calendar(board, "홍길동", "ko");
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(stranger.error().message_ko, "'홍길동'은(는) 트랙 '글또 10기'의 멤버가 아닙니다");
}

TEST(BoardCalendar, LibicalReadsTheOrganisersCalendarWithItsEscapedLists) {
  Board board = cohort_board();
  board.goal.title = "격주 글, 한 편; 꼭";
  const std::string text = calendar_text(board_calendar(board, "ko"));
  const auto events = events_of(content_lines(text));
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(events[4].properties.at("DESCRIPTION").value,
            "올림 (3): 김민준\\, 이서연\\, 한도윤\\n아직 (2): 박지호\\, 최유나\\n2024-11-08 기준");
  EXPECT_TRUE(events[0].triggers.empty());
  EXPECT_EQ(events[5].triggers.size(), 2u);

  ParsedCalendar parsed(text);
  ASSERT_NE(parsed.component, nullptr) << text;
  EXPECT_EQ(icalcomponent_count_errors(parsed.component), 0) << text;
  EXPECT_EQ(icalcomponent_count_components(parsed.component, ICAL_VEVENT_COMPONENT), 6);
  icalcomponent* first = icalcomponent_get_first_component(parsed.component, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(std::string(icalcomponent_get_summary(first)),
            "마감: 격주 글, 한 편; 꼭 (1/6) — 올림 3/5");
  EXPECT_EQ(std::string(icalcomponent_get_description(first)),
            "올림 (3): 김민준, 박지호, 이서연\n패스 (2): 최유나, 한도윤\n2024-11-08 기준");
}

}  // namespace
}  // namespace hoego
