// GET /api/v1/tracks/{name}/board and board.csv on a real server: the answer's shape and
// language, the CSV download, and the refusals as JSON errors.
#include <gtest/gtest.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/track_service.h>

#include "../http/server_fixture.h"

namespace hoego::testing {
namespace {

class BoardApi : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    for (const char* name : {"김민준", "박지호"}) add_person(name);
    ASSERT_TRUE(
        TrackService(*db, plugins)
            .add({"글또 10기", "writing", "2024-09-01", "2024-11-30", "", {"박지호", "김민준"}})
            .ok());
    NewGoal goal;
    goal.title = "격주 글";
    goal.plugin = "writing";
    goal.kind = "post";
    goal.track = "글또 10기";
    goal.every = "14d";
    goal.passes = 2;
    ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(goal).ok());
    NewEntry post;
    post.plugin = "writing";
    post.kind = "post";
    post.when = "2024-09-03T21:00:00+09:00";
    post.title = "첫 글";
    post.people = {"김민준"};
    post.track = "글또 10기";
    post.fields = {{"url", "https://minjun.example/first"}};
    ASSERT_TRUE(EntryService(*db, plugins, "Asia/Seoul").add(post).ok());
  }

  const std::string board_path = "/tracks/" + encode("글또 10기") + "/board";
};

TEST_F(BoardApi, AnswersTheBoardInTheLanguageAskedFor) {
  const Answer korean = get(board_path + "?as_of=2024-09-10&lang=ko");
  ASSERT_EQ(korean.status, 200) << korean;
  EXPECT_EQ(korean.body.at("track").at("name"), "글또 10기");
  EXPECT_EQ(korean.body.at("as_of"), "2024-09-10");
  // Every 14 days from 09-01 until 11-30: 09-14, 09-28, …, 11-23, and 11-24..11-30 cut short.
  EXPECT_EQ(korean.body.at("cycles").size(), 7u);
  EXPECT_EQ(
      korean.body.at("cycles").at(0),
      (nlohmann::json{{"starts_on", "2024-09-01"}, {"ends_on", "2024-09-14"}, {"current", true}}));
  EXPECT_EQ(korean.body.at("members").at(0).at("name"), "김민준");
  EXPECT_EQ(korean.body.at("members").at(0).at("cells").at(0).at("posts").at(0).at("url"),
            "https://minjun.example/first");
  EXPECT_EQ(korean.body.at("next"),
            (nlohmann::json{{"due", "2024-09-14"}, {"days_left", 4}, {"missing", {"박지호"}}}));
  EXPECT_EQ(korean.body.at("summary"), "9월 14일(토) 마감, 4일 남음 — 아직 1명: 박지호");

  const Answer english = get(board_path + "?as_of=2024-09-10", {{"Accept-Language", "en-US"}});
  ASSERT_EQ(english.status, 200) << english;
  EXPECT_EQ(english.header("Content-Language"), "en");
  EXPECT_EQ(english.body.at("summary"),
            "Due Sat, September 14, 4 days left — 1 still to post: 박지호");
  const Answer picked = get(board_path + "?as_of=2024-09-10&goal=1&lang=en");
  EXPECT_EQ(picked.status, 200) << picked;
}

TEST_F(BoardApi, TheTrackItselfIsStillItsOwnRoute) {
  const Answer track = get("/tracks/" + encode("글또 10기"));
  ASSERT_EQ(track.status, 200) << track;
  EXPECT_EQ(track.body.at("name"), "글또 10기");
}

TEST_F(BoardApi, CsvIsADownloadExcelReads) {
  const auto result =
      client().Get(("/api/v1" + board_path + ".csv?as_of=2024-09-10&lang=ko").c_str());
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  // The server sends the name percent-encoded (RFC 5987); cpp-httplib's client decodes %XX in
  // every header value it reads, so the test sees it decoded.
  EXPECT_EQ(result->get_header_value("Content-Disposition"),
            "attachment; filename=\"board-2024-09-10.csv\"; filename*=UTF-8''글또 10기 board "
            "2024-09-10.csv");
  EXPECT_EQ(result->body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(result->body.find("\r\n김민준,,2,https://minjun.example/first,마감 전,"),
            std::string::npos)
      << result->body;
  EXPECT_NE(result->body.find("\r\n박지호,,2,마감 전,"), std::string::npos) << result->body;
}

TEST_F(BoardApi, RefusalsAreJsonErrorsInTheRequestsLanguage) {
  const Answer unknown =
      get("/tracks/" + encode("글또 99기") + "/board", {{"Accept-Language", "ko"}});
  EXPECT_EQ(unknown.status, 404) << unknown;
  EXPECT_EQ(unknown.body.at("error").at("code"), "not_found");
  EXPECT_NE(unknown.body.at("error").at("message").get<std::string>().find(
                "이름이 '글또 99기'인 트랙이 없습니다"),
            std::string::npos);

  const Answer bad_day = get(board_path + "?as_of=2024-9-1&lang=ko", {{"Accept-Language", "en"}});
  EXPECT_EQ(bad_day.status, 422) << bad_day;
  EXPECT_EQ(bad_day.header("Content-Language"), "ko") << "lang= is the answer's language";
  EXPECT_EQ(bad_day.body.at("error").at("message"),
            "날짜는 YYYY-MM-DD 형식으로 써 주세요: '2024-9-1'");
  const Answer bad_goal = get(board_path + "?goal=first");
  EXPECT_EQ(bad_goal.status, 422) << bad_goal;
  EXPECT_EQ(bad_goal.body.at("error").at("fields").at(0).at("field"), "goal");
  const Answer missing_goal = get(board_path + "?goal=42");
  EXPECT_EQ(missing_goal.status, 404) << missing_goal;
  const Answer bad_language = get(board_path + ".csv?lang=fr");
  EXPECT_EQ(bad_language.status, 422) << bad_language;
  EXPECT_EQ(bad_language.body.at("error").at("fields").at(0).at("field"), "lang");
}

}  // namespace
}  // namespace hoego::testing
