// /api/v1/entries, history and undo against a real server: what the web view's timeline and
// forms rely on.
#include <hoego/core/plugin_environment.h>

#include "server_fixture.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

class EntriesApi : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    add_person("김민지");
    add_person("이준호");
  }

  int64_t add(const json& entry) {
    Answer added = post("/entries", entry);
    EXPECT_EQ(added.status, 201) << added;
    return added.body.value("id", int64_t{0});
  }

  std::vector<std::string> titles(const std::string& query) {
    Answer listed = get("/entries" + query);
    EXPECT_EQ(listed.status, 200) << listed;
    std::vector<std::string> found;
    for (const auto& entry : listed.body.at("entries")) found.push_back(entry.at("title"));
    return found;
  }
};

TEST_F(EntriesApi, CreatesReadsUpdatesAndDeletesWithUndo) {
  const int64_t id = add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담"));
  Answer read = get("/entries/" + std::to_string(id));
  ASSERT_EQ(read.status, 200) << read;
  EXPECT_EQ(read.body.at("title"), "취업 상담");
  EXPECT_EQ(read.body.at("people"), json::array({"김민지"}));
  EXPECT_EQ(read.body.at("when"), "2022-10-05T20:00:00+09:00");

  Answer edited = patch("/entries/" + std::to_string(id),
                        {{"title", "취업 상담 (1차)"}, {"fields", {{"duration_min", 90}}}});
  ASSERT_EQ(edited.status, 200) << edited;
  EXPECT_EQ(edited.body.at("revision"), 2);
  EXPECT_EQ(edited.body.at("fields").at("duration_min"), 90);
  Answer history = get("/entries/" + std::to_string(id) + "/history");
  ASSERT_EQ(history.status, 200) << history;
  ASSERT_EQ(history.body.at("revisions").size(), 2u);
  EXPECT_EQ(history.body.at("revisions")[0].at("title"), "취업 상담");

  Answer deleted = del("/entries/" + std::to_string(id));
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_FALSE(deleted.body.at("deleted_at").is_null());
  EXPECT_EQ(get("/entries/" + std::to_string(id)).status, 404);
  EXPECT_TRUE(titles("").empty());

  Answer undone = post("/undo");
  ASSERT_EQ(undone.status, 200) << undone;
  EXPECT_EQ(undone.body.at("action"), "delete");
  EXPECT_EQ(titles(""), std::vector<std::string>{"취업 상담 (1차)"});
}

TEST_F(EntriesApi, FiltersByPluginKindPersonTagTrackAndDates) {
  json tagged = session("2022-10-05T20:00+09:00", "김민지", 60, "first");
  tagged["tags"] = {"cv"};
  add(tagged);
  add(session("2022-11-05T20:00+09:00", "이준호", 30, "second"));
  add({{"plugin", "writing"}, {"kind", "post"}, {"when", "2022-11-06"}, {"title", "post"}});
  EXPECT_EQ(titles("?plugin=mentoring"), (std::vector<std::string>{"second", "first"}));
  EXPECT_EQ(titles("?kind=post"), std::vector<std::string>{"post"});
  EXPECT_EQ(titles("?person=%EC%9D%B4%EC%A4%80%ED%98%B8"), std::vector<std::string>{"second"});
  EXPECT_EQ(titles("?tag=cv"), std::vector<std::string>{"first"});
  EXPECT_EQ(titles("?since=2022-11-01&until=2022-11-05"), std::vector<std::string>{"second"});
  EXPECT_EQ(titles("?limit=1"), std::vector<std::string>{"post"});
  EXPECT_TRUE(titles("?track=none").empty());
}

TEST_F(EntriesApi, SearchFindsAKoreanWordInsideALongerOne) {
  json entry = session("2022-10-05T20:00+09:00", "김민지", 60, "회고록 첨삭");
  entry["notes"] = "포트폴리오 피드백을 주었다";
  add(entry);
  add(session("2022-10-06T20:00+09:00", "이준호", 60, "Mock interview"));
  EXPECT_EQ(titles("?q=" + encode("회고")), std::vector<std::string>{"회고록 첨삭"});
  EXPECT_EQ(titles("?q=" + encode("피드백")), std::vector<std::string>{"회고록 첨삭"});
  EXPECT_EQ(titles("?q=INTERVIEW"), std::vector<std::string>{"Mock interview"});
  EXPECT_EQ(titles("?q=" + encode("이준호")), std::vector<std::string>{"Mock interview"});
  EXPECT_TRUE(titles("?q=%25").empty()) << "% is searched for, not a wildcard";
}

TEST_F(EntriesApi, ValidationErrorsNameEachFieldAndWriteNothing) {
  json bad = session("2022-02-30T20:00+09:00", "박서연", -5);
  Answer refused = post("/entries", bad);
  EXPECT_EQ(refused.status, 422) << refused;
  EXPECT_EQ(refused.body.at("error").at("code"), "invalid_input");
  EXPECT_EQ(refused.body.at("error").at("fields")[0].at("field"), "when");

  bad["when"] = "2022-10-05T20:00+09:00";
  refused = post("/entries", bad);
  ASSERT_EQ(refused.status, 422) << refused;
  std::set<std::string> fields;
  for (const auto& problem : refused.body.at("error").at("fields"))
    fields.insert(problem.at("field"));
  EXPECT_EQ(fields, (std::set<std::string>{"people", "duration_min"}));

  refused = post("/entries",
                 {{"plugin", "mentoring"}, {"kind", "session"}, {"title", 5}, {"colour", "red"}});
  ASSERT_EQ(refused.status, 422) << refused;
  EXPECT_EQ(refused.body.at("error").at("fields").size(), 2u) << refused;
  EXPECT_EQ(post("/entries", {{"plugin", "nope"}, {"kind", "x"}}).status, 422);
  EXPECT_EQ(post("/entries", json::object()).status, 422);
  EXPECT_TRUE(titles("?include_deleted=true").empty());
}

// A plugin's own refusal follows the request's language too, not the one the user stored: the
// reading plugin asked from a Korean page on a server set to English refuses in Korean.
TEST_F(EntriesApi, APluginRefusesInTheLanguageTheRequestAsksFor) {
  DatabasePluginEnvironment stored_english([this] { return &*db; }, [] { return "en"; },
                                           [] { return "Asia/Seoul"; });
  plugins.set_environment(&stored_english);
  const json untitled = {{"plugin", "reading"},
                         {"kind", "book"},
                         {"when", "2026-03-01T21:00:00+09:00"},
                         {"title", " "},
                         {"fields", {{"author", "한강"}}}};
  Answer korean = post("/entries", untitled, {{"Accept-Language", "ko"}});
  ASSERT_EQ(korean.status, 422) << korean;
  const std::string in_korean = korean.body.at("error").at("fields")[0].at("message");
  Answer english = post("/entries", untitled, {{"Accept-Language", "en"}});
  ASSERT_EQ(english.status, 422) << english;
  const std::string in_english = english.body.at("error").at("fields")[0].at("message");
  EXPECT_NE(in_korean, in_english);
  EXPECT_NE(in_korean.find("제목"), std::string::npos) << in_korean;
  EXPECT_NE(in_english.find("title"), std::string::npos) << in_english;
  EXPECT_EQ(stored_english.language(), "en") << "outside a request, the stored language";
  plugins.set_environment(nullptr);
}

// Codes and field ids stay the same for programs; the messages follow Accept-Language and name a
// field by its label in that language (the mentoring manifest's duration_min is ‘진행 시간’).
TEST_F(EntriesApi, ErrorsAnswerInTheRequestedLanguageNamingFieldsByTheirLabels) {
  json untimed = session("2022-10-05T20:00+09:00", "김민지", 60);
  untimed["fields"] = json::object();
  auto message_for = [](const Answer& answer, const std::string& field) {
    for (const auto& problem : answer.body.at("error").at("fields"))
      if (problem.at("field") == field) return problem.at("message").get<std::string>();
    return std::string("(no problem with ") + field + ")";
  };
  Answer korean = post("/entries", untimed, {{"Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8"}});
  ASSERT_EQ(korean.status, 422) << korean;
  EXPECT_EQ(korean.header("Content-Language"), "ko");
  EXPECT_EQ(message_for(korean, "duration_min"), "‘진행 시간’ 값이 필요합니다") << korean;
  Answer english = post("/entries", untimed, {{"Accept-Language", "en-GB"}});
  ASSERT_EQ(english.status, 422) << english;
  EXPECT_EQ(message_for(english, "duration_min"), "‘Duration’ is required") << english;

  Answer mistyped = post("/entries", {{"plugin", "mentoring"}, {"kind", "session"}, {"title", 5}},
                         {{"Accept-Language", "ko"}});
  ASSERT_EQ(mistyped.status, 422) << mistyped;
  EXPECT_EQ(mistyped.body.at("error").at("message"), "title 값은 문자열이어야 합니다");
  Answer flag = get("/entries?include_deleted=maybe", {{"Accept-Language", "ko"}});
  ASSERT_EQ(flag.status, 422) << flag;
  EXPECT_EQ(flag.body.at("error").at("message"),
            "include_deleted 값은 true 또는 false여야 합니다: 'maybe'");
  EXPECT_EQ(flag.body.at("error").at("fields")[0].at("field"), "include_deleted");
  EXPECT_TRUE(titles("?include_deleted=true").empty());
}

TEST_F(EntriesApi, IntegerFieldsTakeOnlyWholeNumbersWithinInt64) {
  const int64_t id = add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담"));
  const json post_of = {
      {"plugin", "writing"}, {"kind", "post"}, {"when", "2022-11-06T21:00+09:00"}};
  for (const json& words : {json(1e300), json(1200.0), json(UINT64_MAX)}) {
    json post_entry = post_of;
    post_entry["fields"] = {{"word_count", words}};
    Answer refused = post("/entries", post_entry);
    ASSERT_EQ(refused.status, 422) << refused;
    EXPECT_EQ(refused.body.at("error").at("fields")[0].at("field"), "word_count") << refused;
    EXPECT_NE(refused.text.find("whole number"), std::string::npos) << refused;
  }
  Answer refused = patch("/entries/" + std::to_string(id), {{"fields", {{"duration_min", 1e300}}}});
  ASSERT_EQ(refused.status, 422) << refused;
  EXPECT_EQ(refused.body.at("error").at("fields")[0].at("field"), "duration_min");
  EXPECT_EQ(get("/entries/" + std::to_string(id)).body.at("fields").at("duration_min"), 60);
  EXPECT_EQ(titles(""), std::vector<std::string>{"취업 상담"});
}

TEST_F(EntriesApi, UnknownIdsAndBadQueriesAreNamed) {
  EXPECT_EQ(get("/entries/999").status, 404);
  EXPECT_EQ(patch("/entries/999", {{"title", "x"}}).status, 404);
  EXPECT_EQ(del("/entries/999").status, 404);
  EXPECT_EQ(get("/entries/999/history").status, 404);
  EXPECT_EQ(get("/entries/abc").status, 404);
  Answer limit = get("/entries?limit=-1");
  EXPECT_EQ(limit.status, 422) << limit;
  EXPECT_EQ(limit.body.at("error").at("fields")[0].at("field"), "limit");
  EXPECT_EQ(get("/entries?include_deleted=maybe").status, 422);
  EXPECT_EQ(get("/entries?since=yesterday").status, 422);
  Answer nothing = post("/undo");
  EXPECT_EQ(nothing.status, 409) << nothing;
  EXPECT_EQ(nothing.body.at("error").at("code"), "conflict");
}

TEST_F(EntriesApi, PatchRemovesAFieldWithNullAndATrackWithEmptyText) {
  const int64_t id =
      add({{"plugin", "writing"},
           {"kind", "post"},
           {"when", "2022-11-06"},
           {"fields", {{"url", "https://minji.tistory.com/3"}, {"word_count", 900}}}});
  Answer edited = patch("/entries/" + std::to_string(id),
                        {{"fields", {{"word_count", nullptr}}}, {"track", ""}});
  ASSERT_EQ(edited.status, 200) << edited;
  EXPECT_FALSE(edited.body.at("fields").contains("word_count"));
  EXPECT_EQ(edited.body.at("fields").at("url"), "https://minji.tistory.com/3");
}

TEST_F(EntriesApi, MarkupInTextIsStoredAndAnsweredAsText) {
  const std::string markup = "<img src=x onerror=alert(1)>";
  const int64_t id = add(session("2022-10-05T20:00+09:00", "김민지", 60, markup));
  Answer read = get("/entries/" + std::to_string(id));
  EXPECT_EQ(read.body.at("title"), markup);
  EXPECT_EQ(read.headers.find("Content-Type")->second, "application/json; charset=utf-8");
}

}  // namespace
}  // namespace hoego::testing
