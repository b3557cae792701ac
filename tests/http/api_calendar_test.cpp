// The calendars over HTTP: text/calendar in the language asked for, the same URL answered in
// each language it is asked in, clear JSON errors for a bad query, and the access token still
// required where the server has one (a calendar app cannot bypass it with a query).
#include "server_fixture.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

// The text with its folded lines joined again (RFC 5545 §3.1), for searching whole lines.
std::string unfolded(std::string text) {
  for (size_t fold = text.find("\r\n "); fold != std::string::npos; fold = text.find("\r\n ", fold))
    text.erase(fold, 3);
  return text;
}

class CalendarApi : public ServerTest {
 protected:
  void add_cohort_goal() {
    Answer goal = post("/goals", {{"title", "글또 10기, 격주; 1글"},
                                  {"plugin", "writing"},
                                  {"kind", "post"},
                                  {"from", "2024-10-06"},
                                  {"until", "2025-03-29"},
                                  {"every", "14d"},
                                  {"passes", 2}});
    ASSERT_EQ(goal.status, 201) << goal;
  }
};

TEST_F(CalendarApi, DeadlinesAreACalendarInTheLanguageAsked) {
  add_cohort_goal();
  const std::string path = "/calendar/deadlines.ics?as_of=2024-11-20";
  Answer korean = get(path + "&lang=ko");
  ASSERT_EQ(korean.status, 200) << korean;
  EXPECT_EQ(korean.header("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(korean.header("Content-Language"), "ko");
  const std::string text = unfolded(korean.text);
  EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u) << text;
  EXPECT_NE(text.find("\r\nX-WR-CALNAME:hoego 마감\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nSUMMARY:글 마감: 글또 10기\\, 격주\\; 1글 (4/13)\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\r\nDTSTART;VALUE=DATE:20241130\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nTRIGGER;RELATED=START:-PT15H\r\n"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 15), "END:VCALENDAR\r\n");

  // Without lang, the request's Accept-Language decides, and one language's answer is never
  // handed to a request in the other.
  Answer english = get(path, {{"Accept-Language", "en-US,en;q=0.9"}});
  ASSERT_EQ(english.status, 200) << english;
  EXPECT_EQ(english.header("Content-Language"), "en");
  EXPECT_NE(
      unfolded(english.text).find("\r\nSUMMARY:Post due: 글또 10기\\, 격주\\; 1글 (4/13)\r\n"),
      std::string::npos)
      << english.text;
  Answer korean_again = get(path, {{"Accept-Language", "ko-KR"}});
  EXPECT_NE(unfolded(korean_again.text).find("SUMMARY:글 마감:"), std::string::npos);
}

TEST_F(CalendarApi, ABadQueryIsAJsonErrorNamingIt) {
  Answer language = get("/calendar/deadlines.ics?lang=fr", {{"Accept-Language", "ko"}});
  EXPECT_EQ(language.status, 422) << language;
  EXPECT_EQ(language.body.at("error").at("fields").at(0).at("field"), "lang");
  Answer day = get("/calendar/deadlines.ics?as_of=2024-13-01");
  EXPECT_EQ(day.status, 422) << day;
  EXPECT_EQ(day.header("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(CalendarApi, WithoutGoalsTheCalendarIsEmptyButValid) {
  Answer empty = get("/calendar/deadlines.ics?lang=en");
  ASSERT_EQ(empty.status, 200) << empty;
  EXPECT_EQ(empty.text.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_NE(empty.text.find("X-WR-CALNAME:hoego deadlines\r\n"), std::string::npos);
}

TEST_F(CalendarApi, ATracksBoardIsTheOrganisersCalendarOrOneMembersOwn) {
  for (const char* name : {"김민준", "박지호"}) add_person(name);
  ASSERT_EQ(post("/tracks", {{"name", "글또 10기"},
                             {"plugin", "writing"},
                             {"from", "2024-10-06"},
                             {"until", "2025-03-29"},
                             {"members", {"김민준", "박지호"}}})
                .status,
            201);
  ASSERT_EQ(post("/goals", {{"title", "격주 1글"},
                            {"plugin", "writing"},
                            {"kind", "post"},
                            {"track", "글또 10기"},
                            {"every", "14d"},
                            {"passes", 2}})
                .status,
            201);
  Answer posted = post("/entries", {{"plugin", "writing"},
                                    {"kind", "post"},
                                    {"when", "2024-10-07T21:00+09:00"},
                                    {"title", "첫 글"},
                                    {"people", {"김민준"}},
                                    {"track", "글또 10기"}});
  ASSERT_EQ(posted.status, 201) << posted;
  const std::string path = "/tracks/" + encode("글또 10기") + "/board.ics?as_of=2024-10-10";

  Answer organiser = get(path + "&lang=ko");
  ASSERT_EQ(organiser.status, 200) << organiser;
  EXPECT_EQ(organiser.header("Content-Type"), "text/calendar; charset=utf-8");
  const std::string text = unfolded(organiser.text);
  EXPECT_NE(text.find("\r\nX-WR-CALNAME:글또 10기 마감\r\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\r\nSUMMARY:마감: 격주 1글 (1/13) — 아직 1명\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDESCRIPTION:올림 (1): 김민준\\n아직 (1): 박지호\\n2024-10-10 기준\r\n"),
            std::string::npos);

  Answer member = get(path + "&lang=en&member=" + encode("박지호"));
  ASSERT_EQ(member.status, 200) << member;
  EXPECT_NE(unfolded(member.text).find("\r\nX-WR-CALNAME:글또 10기 due dates — 박지호\r\n"),
            std::string::npos)
      << member.text;
  EXPECT_NE(member.text.find("DTSTART;VALUE=DATE:20241019\r\n"), std::string::npos);

  Answer stranger = get(path + "&member=" + encode("홍길동"), {{"Accept-Language", "ko"}});
  EXPECT_EQ(stranger.status, 404) << stranger;
  EXPECT_EQ(stranger.body.at("error").at("message"),
            "'홍길동'은(는) 트랙 '글또 10기'의 멤버가 아닙니다");
  EXPECT_EQ(get("/tracks/" + encode("없는 트랙") + "/board.ics").status, 404);
  EXPECT_EQ(get("/tracks/" + encode("글또 10기") + "/board.ics?goal=abc").status, 422);
}

class TokenCalendarApi : public CalendarApi {
 protected:
  void SetUp() override {}
};

TEST_F(TokenCalendarApi, ATokenGuardsTheCalendarAsEveryOtherRoute) {
  ServerOptions options;
  options.bind_address = "0.0.0.0";
  options.token = "correct-horse-battery-staple";
  start(options);
  EXPECT_EQ(get("/calendar/deadlines.ics").status, 401);
  EXPECT_EQ(get("/calendar/deadlines.ics?token=correct-horse-battery-staple").status, 401)
      << "the token is never taken from the URL, where logs and shared links keep it";
  Answer allowed =
      get("/calendar/deadlines.ics", {{"Authorization", "Bearer correct-horse-battery-staple"}});
  EXPECT_EQ(allowed.status, 200) << allowed;
}

}  // namespace
}  // namespace hoego::testing
