// The calendar export is valid RFC 5545: libical parses it back, finds every event with its
// times, and gets Korean text with commas, semicolons and line breaks back unchanged.
#include <hoego/core/ics_export.h>
#include <libical/ical.h>

#include <sstream>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

struct Calendar {
  icalcomponent* component = nullptr;
  explicit Calendar(const std::string& text) : component(icalparser_parse_string(text.c_str())) {}
  ~Calendar() {
    if (component != nullptr) icalcomponent_free(component);
  }
};

class IcsExport : public testing::MentoringFixture {
 protected:
  std::string exported(const std::optional<std::string>& plugin = std::nullopt) {
    std::ostringstream out;
    auto events = export_ics(*db, plugins, plugin, out);
    EXPECT_TRUE(events.ok()) << events.error().message;
    return out.str();
  }
};

TEST_F(IcsExport, SessionsAndDeadlinesParseBackWithLibical) {
  const std::string title =
      "취업 상담, 포트폴리오; 백슬래시 \\ 도 — 75바이트를 훌쩍 넘는 긴 제목이라 줄이 접힙니다";
  NewEntry session_entry = session("2024-10-05T20:00+09:00", "김민지", 90, title);
  session_entry.notes = "첫 줄\n둘째 줄";
  ASSERT_TRUE(service->add(session_entry).ok());
  NewEntry deadline;
  deadline.plugin = "hackathon";
  deadline.kind = "phase";
  deadline.when = "2024-09-01";
  deadline.title = "최종 제출";
  deadline.fields = {{"phase", "submission"}, {"deadline", "2024-09-10"}};
  ASSERT_TRUE(service->add(deadline).ok());
  NewEntry no_deadline = deadline;
  no_deadline.fields.erase("deadline");
  ASSERT_TRUE(service->add(no_deadline).ok());  // not in the calendar: no date to put it on

  const std::string text = exported();
  for (size_t start = 0; start < text.size();) {
    const size_t end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    EXPECT_LE(end - start, 75u) << text.substr(start, end - start);
    start = end + 2;
  }

  Calendar calendar(text);
  ASSERT_NE(calendar.component, nullptr) << text;
  EXPECT_EQ(icalcomponent_isa(calendar.component), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_count_errors(calendar.component), 0) << text;
  EXPECT_EQ(icalcomponent_count_components(calendar.component, ICAL_VEVENT_COMPONENT), 2);

  bool saw_session = false, saw_deadline = false;
  for (icalcomponent* event =
           icalcomponent_get_first_component(calendar.component, ICAL_VEVENT_COMPONENT);
       event != nullptr;
       event = icalcomponent_get_next_component(calendar.component, ICAL_VEVENT_COMPONENT)) {
    const std::string summary = icalcomponent_get_summary(event);
    const icaltimetype start = icalcomponent_get_dtstart(event);
    const icaltimetype end = icalcomponent_get_dtend(event);
    if (summary.rfind("취업 상담", 0) == 0) {
      saw_session = true;
      EXPECT_EQ(summary, title + " (김민지)");
      EXPECT_EQ(std::string(icalcomponent_get_description(event)), "첫 줄\n둘째 줄");
      EXPECT_TRUE(icaltime_is_utc(start));
      EXPECT_EQ(icaltime_as_timet(start), 1728126000);  // 2024-10-05T20:00+09:00
      EXPECT_EQ(icaltime_as_timet(end) - icaltime_as_timet(start), 90 * 60);
    } else {
      saw_deadline = true;
      EXPECT_EQ(summary, "최종 제출");
      EXPECT_TRUE(start.is_date);
      EXPECT_EQ(start.year, 2024);
      EXPECT_EQ(start.month, 9);
      EXPECT_EQ(start.day, 10);
      EXPECT_EQ(end.day, 11);
    }
  }
  EXPECT_TRUE(saw_session);
  EXPECT_TRUE(saw_deadline);
}

TEST_F(IcsExport, OnePluginsEventsAndUnknownPluginsNamed) {
  ASSERT_TRUE(service->add(session("2024-10-05T20:00+09:00", "김민지", 30)).ok());
  Calendar only_study(exported("study"));
  ASSERT_NE(only_study.component, nullptr);
  EXPECT_EQ(icalcomponent_count_components(only_study.component, ICAL_VEVENT_COMPONENT), 0);
  std::ostringstream out;
  EXPECT_FALSE(export_ics(*db, plugins, "gardening", out).ok());
}

TEST(IcsText, EscapesAndFoldsWithoutSplittingACharacter) {
  EXPECT_EQ(ics_text("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
  const std::string line = "SUMMARY:" + std::string(70, 'x') + "회고회고";
  const std::string folded = ics_line(line);
  EXPECT_EQ(folded,
            "SUMMARY:" + std::string(67, 'x') + "\r\n " + std::string(3, 'x') + "회고회고\r\n");
  EXPECT_EQ(ics_line(std::string(73, 'x') + "한"), std::string(73, 'x') + "\r\n 한\r\n")
      << "a three-byte character that would end past octet 75 moves to the next line";
}

}  // namespace
}  // namespace hoego
