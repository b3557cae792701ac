// The deadlines calendar: which days a goal's reminders fall on (the open cycle once met, paused
// cycles and ended goals left out; half a year ahead, at most a month of a daily goal), and text
// that calendar apps read back: CRLF lines of at most 75 octets folded between characters,
// escaped commas, semicolons and line breaks, all-day starts, alarms at 09:00 the day before and
// on the day. libical parses it back as a second reader.
#include <hoego/core/day_calendar.h>
#include <hoego/core/deadline_calendar.h>
#include <hoego/core/goal_deadlines.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/local_days.h>
#include <libical/ical.h>

#include <map>
#include <sstream>

#include "../support/mentoring_fixture.h"
#include "calendar_lines.h"

namespace hoego {
namespace {

using testing::content_lines;
using testing::ContentLine;
using testing::EventLines;
using testing::events_of;
using testing::ParsedCalendar;

class DeadlineCalendar : public testing::MentoringFixture {
 protected:
  Goal add_goal(const NewGoal& goal) {
    auto added = GoalService(*db, plugins, "Asia/Seoul").add(goal);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? *added : Goal{};
  }
  void post(const std::string& when, const std::string& title) {
    NewEntry entry;
    entry.plugin = "writing";
    entry.kind = "post";
    entry.when = when;
    entry.title = title;
    auto added = service->add(entry);
    ASSERT_TRUE(added.ok()) << added.error().message;
  }
  DayCalendar calendar(const std::string& today, const std::string& language = "ko") {
    EXPECT_TRUE(align_local_days(*db, "Asia/Seoul").ok());
    auto made = deadline_calendar(*db, plugins, "Asia/Seoul", language, today);
    EXPECT_TRUE(made.ok()) << made.error().message;
    return made.ok() ? *made : DayCalendar{};
  }
  static std::string text_of(const DayCalendar& calendar) {
    std::ostringstream out;
    write_day_calendar(calendar, 1732060800, out);  // 2024-11-20T00:00:00Z
    return out.str();
  }
  // A writing cohort: a post every 14 days from 2024-10-06 to 2025-03-29 (13 cycles), 2 passes,
  // a break over the new year.
  static NewGoal cohort() {
    NewGoal goal;
    goal.title = "글또 10기, 격주; 1글";
    goal.plugin = "writing";
    goal.kind = "post";
    goal.starts_on = "2024-10-06";
    goal.ends_on = "2025-03-29";
    goal.every = "14d";
    goal.passes = 2;
    goal.pauses = {{"2024-12-20", "2025-01-05"}};
    return goal;
  }
};

TEST_F(DeadlineCalendar, ACohortsComingDueDaysLeaveOutTheMetCycleAndThePausedOnes) {
  const Goal goal = add_goal(cohort());
  for (const char* day : {"2024-10-07", "2024-10-21", "2024-11-04"})
    post(std::string(day) + "T21:00+09:00", "지난 주기의 글");
  post("2024-11-18T21:00+09:00", "넷째 주기의 글");  // meets the cycle of 11-17..11-30
  const DayCalendar made = calendar("2024-11-20");
  EXPECT_EQ(made.name, "hoego 마감");
  std::vector<std::string> days;
  for (const DayEvent& event : made.events) days.push_back(event.date);
  // 12-15..12-28 and 12-29..01-11 overlap the break; the cycle holding today is met.
  EXPECT_EQ(days, (std::vector<std::string>{"2024-12-14", "2025-01-25", "2025-02-08", "2025-02-22",
                                            "2025-03-08", "2025-03-22", "2025-03-29"}));
  const DayEvent& first = made.events.front();
  EXPECT_EQ(first.uid, "deadline-" + std::to_string(goal.id) + "-2024-12-14@hoego.local");
  EXPECT_EQ(first.summary, "글 마감: 글또 10기, 격주; 1글 (5/13)");
  EXPECT_EQ(first.description,
            "글 1개 더 · 12월 14일(토)까지 D-24 · 남은 패스 2 · 놓치면 패스 1개를 씁니다\n"
            "2024-11-20 기준");
  EXPECT_TRUE(first.remind);
  EXPECT_EQ(made.events.back().summary, "글 마감: 글또 10기, 격주; 1글 (13/13)")
      << "the last cycle is cut short by the goal's end";

  const DayCalendar english = calendar("2024-11-20", "en");
  EXPECT_EQ(english.name, "hoego deadlines");
  EXPECT_EQ(english.events.front().summary, "Post due: 글또 10기, 격주; 1글 (5/13)");
  EXPECT_EQ(english.events.front().description,
            "1 more post · by Sat, Dec 14 (24 days left) · 2 passes left · a miss uses a pass\n"
            "as of 2024-11-20");
}

TEST_F(DeadlineCalendar, TheOpenCycleSaysWhatItLacksAndWhatAMissCosts) {
  NewGoal goal = cohort();
  goal.passes = 0;
  goal.pauses.clear();
  add_goal(goal);
  post("2024-10-07T21:00+09:00", "첫 글");
  post("2024-10-21T21:00+09:00", "둘째 글");
  const DayCalendar made = calendar("2024-11-05");
  ASSERT_FALSE(made.events.empty());
  EXPECT_EQ(made.events.front().date, "2024-11-16");
  EXPECT_EQ(made.events.front().description,
            "글 1개 더 · 11월 16일(토)까지 D-11 · 남은 패스 0 · 놓치면 2회 연속이 끊깁니다\n"
            "2024-11-05 기준");
}

TEST_F(DeadlineCalendar, DueDatesAsPublishedAndATargetsEnd) {
  NewGoal dates;
  dates.title = "글쓰기 모임";
  dates.plugin = "writing";
  dates.kind = "post";
  dates.starts_on = "2024-11-01";
  dates.deadlines = {"2024-11-10", "2024-11-24", "2024-12-08", "2024-12-22"};
  const Goal published = add_goal(dates);
  NewGoal year;
  year.title = "올해 글 16편";
  year.plugin = "writing";
  year.kind = "post";
  year.year = 2024;
  year.target = 16;
  const Goal yearly = add_goal(year);
  post("2024-11-03T09:00+09:00", "11월의 글");
  post("2024-11-10T23:00+09:00", "또 하나");

  const DayCalendar made = calendar("2024-11-12");
  std::vector<std::string> uids;
  for (const DayEvent& event : made.events) uids.push_back(event.uid);
  const std::string dated = "deadline-" + std::to_string(published.id) + "-";
  EXPECT_EQ(uids, (std::vector<std::string>{
                      dated + "2024-11-24@hoego.local", dated + "2024-12-08@hoego.local",
                      dated + "2024-12-22@hoego.local",
                      "goal-end-" + std::to_string(yearly.id) + "-2024-12-31@hoego.local"}));
  EXPECT_EQ(made.events[0].summary, "글 마감: 글쓰기 모임 (2/4)");
  EXPECT_EQ(made.events[3].summary, "목표 기한: 올해 글 16편");
  EXPECT_EQ(made.events[3].description, "글 14개 더 · 12월 31일(화)까지 D-49\n2024-11-12 기준")
      << "a target's deadline speaks of neither passes nor streaks";

  // Reached, finished or over: nothing left to remind of.
  for (int i = 0; i < 14; ++i) post("2024-11-12T10:00+09:00", "글 " + std::to_string(i));
  GoalChanges finish;
  finish.finished_on = "2024-11-12";
  ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").edit(published.id, finish).ok());
  EXPECT_TRUE(calendar("2024-11-12").events.empty());
  EXPECT_TRUE(calendar("2025-01-01").events.empty());
}

TEST(GoalDeadlines, HalfAYearAheadAndAtMostAMonthOfADailyGoal) {
  GoalDefinition biweekly;
  biweekly.starts_on = "2024-01-07";
  biweekly.cadence.unit = CadenceUnit::kDays;
  biweekly.cadence.days = 14;
  const GoalState open = evaluate_goal(biweekly, {}, "2024-11-20");
  const auto ahead = upcoming_deadlines(biweekly, open, "2024-11-20");
  ASSERT_EQ(ahead.size(), 13u) << "an open-ended cadence lists kDeadlineHorizonDays ahead";
  EXPECT_EQ(ahead.front().date, "2024-11-23");
  EXPECT_EQ(ahead.front().cycle, 23);
  EXPECT_FALSE(ahead.front().cycles.has_value()) << "an open-ended goal has no last cycle";
  EXPECT_LE(ahead.back().date, "2025-05-21");

  GoalDefinition daily = biweekly;
  daily.cadence.unit = CadenceUnit::kDays;
  daily.cadence.days = 1;
  const auto days = upcoming_deadlines(daily, evaluate_goal(daily, {}, "2024-11-20"), "2024-11-20");
  ASSERT_EQ(days.size(), static_cast<size_t>(kMostDeadlinesPerGoal));
  EXPECT_EQ(days.front().date, "2024-11-20") << "today's own deadline is still ahead";
  EXPECT_EQ(days.back().date, "2024-12-20");

  GoalDefinition not_started = biweekly;
  not_started.starts_on = "2025-01-06";
  not_started.ends_on = "2025-02-02";
  const auto first =
      upcoming_deadlines(not_started, evaluate_goal(not_started, {}, "2024-11-20"), "2024-11-20");
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].date, "2025-01-19");
  EXPECT_EQ(first[0].cycle, 1);
  EXPECT_EQ(first[0].cycles, 2);
  EXPECT_EQ(first[1].date, "2025-02-02");
}

TEST_F(DeadlineCalendar, TextIsFoldedEscapedAndRemindsTheDayBeforeAndOnTheDay) {
  // A long Korean title with a comma and a semicolon, folded across several lines.
  NewGoal goal = cohort();
  goal.title = "글또 10기, 데이터 엔지니어링 채널; 격주로 한 편씩 꾸준히 쓰는 모임의 약속";
  goal.pauses.clear();
  add_goal(goal);
  DayCalendar made = calendar("2024-11-20");
  ASSERT_FALSE(made.events.empty());
  const std::string text = text_of(made);
  const std::vector<ContentLine> lines = content_lines(text);
  ASSERT_GE(lines.size(), 10u);
  EXPECT_EQ(lines.front().name + ":" + lines.front().value, "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back().name + ":" + lines.back().value, "END:VCALENDAR");
  std::map<std::string, std::string> head;
  for (const ContentLine& line : lines) {
    if (line.name == "BEGIN" && line.value == "VEVENT") break;
    head[line.name + line.parameters] = line.value;
  }
  EXPECT_EQ(head["VERSION"], "2.0");
  EXPECT_EQ(head["X-WR-CALNAME"], "hoego 마감");
  EXPECT_EQ(head["NAME"], "hoego 마감");
  EXPECT_EQ(head["REFRESH-INTERVAL;VALUE=DURATION"], "PT1H");
  EXPECT_EQ(head["X-PUBLISHED-TTL"], "PT1H");

  const std::vector<EventLines> events = events_of(lines);
  ASSERT_EQ(events.size(), made.events.size());
  const EventLines& first = events.front();
  EXPECT_EQ(first.properties.at("SUMMARY").value,
            "글 마감: 글또 10기\\, 데이터 엔지니어링 채널\\; 격주로 한 편씩 꾸준히 쓰는 모임의 "
            "약속 (4/13)");
  EXPECT_EQ(first.properties.at("DTSTART").parameters, ";VALUE=DATE");
  EXPECT_EQ(first.properties.at("DTSTART").value, "20241130");
  EXPECT_EQ(first.properties.at("DTEND").value, "20241201");
  EXPECT_EQ(first.properties.at("DTSTAMP").value, "20241120T000000Z");
  EXPECT_EQ(first.properties.at("UID").value.substr(0, 9), "deadline-");
  EXPECT_EQ(first.properties.at("TRANSP").value, "TRANSPARENT");
  EXPECT_NE(first.properties.at("DESCRIPTION").value.find("\\n2024-11-20 기준"), std::string::npos)
      << "the description's line break is escaped";
  EXPECT_EQ(first.triggers,
            (std::vector<std::string>{";RELATED=START:-PT15H", ";RELATED=START:PT9H"}));
  EXPECT_EQ(first.alarm_actions, (std::vector<std::string>{"DISPLAY", "DISPLAY"}));

  // A title with a line break (as a board's member or a plugin's kind might carry) is escaped
  // too, never a line of its own.
  made.events.front().summary = "첫 줄,\n둘째 줄;";
  const auto escaped = events_of(content_lines(text_of(made)));
  EXPECT_EQ(escaped.front().properties.at("SUMMARY").value, "첫 줄\\,\\n둘째 줄\\;");
}

TEST_F(DeadlineCalendar, LibicalReadsTheAllDayEventsAndTheirAlarms) {
  NewGoal goal = cohort();
  goal.title = "글또 10기, 격주; 1글";
  add_goal(goal);
  const std::string text = text_of(calendar("2024-11-20"));
  ParsedCalendar parsed(text);
  ASSERT_NE(parsed.component, nullptr) << text;
  EXPECT_EQ(icalcomponent_count_errors(parsed.component), 0) << text;
  icalcomponent* event = icalcomponent_get_first_component(parsed.component, ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  EXPECT_EQ(std::string(icalcomponent_get_summary(event)), "글 마감: 글또 10기, 격주; 1글 (4/13)");
  EXPECT_EQ(std::string(icalcomponent_get_description(event)),
            "글 1개 더 · 11월 30일(토)까지 D-10 · 남은 패스 0\n2024-11-20 기준")
      << "two cycles passed and one missed before today";
  const icaltimetype start = icalcomponent_get_dtstart(event);
  EXPECT_TRUE(start.is_date);
  EXPECT_EQ(start.year * 10000 + start.month * 100 + start.day, 20241130);
  std::vector<int> triggers;
  for (icalcomponent* alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT);
       alarm != nullptr; alarm = icalcomponent_get_next_component(event, ICAL_VALARM_COMPONENT)) {
    icalproperty* trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
    ASSERT_NE(trigger, nullptr);
    triggers.push_back(icaldurationtype_as_int(icalproperty_get_trigger(trigger).duration));
    EXPECT_EQ(
        icalproperty_get_action(icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY)),
        ICAL_ACTION_DISPLAY);
  }
  // From the all-day start (local midnight): 09:00 the day before, 09:00 on the day.
  EXPECT_EQ(triggers, (std::vector<int>{-15 * 3600, 9 * 3600}));
}

}  // namespace
}  // namespace hoego
