// People, tracks, goals, metrics, milestones, the dashboard, the heatmap, settings and plugins
// over the API.
#include <hoego/core/entry_service.h>

#include "server_fixture.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

class ProgressApi : public ServerTest {};

TEST_F(ProgressApi, PeopleAreListedAndAddedOnce) {
  Answer added = post("/people", {{"name", "김민지"}, {"note", "Boostcamp 4기 CV"}});
  ASSERT_EQ(added.status, 201) << added;
  EXPECT_EQ(added.body.at("name"), "김민지");
  EXPECT_EQ(post("/people", {{"name", "김민지"}}).status, 409);
  EXPECT_EQ(post("/people", {{"name", ""}}).status, 422);
  EXPECT_EQ(post("/people", {{"name", "a\nb"}}).status, 422);
  Answer listed = get("/people");
  ASSERT_EQ(listed.body.at("people").size(), 1u);
  EXPECT_EQ(listed.body.at("people")[0].at("note"), "Boostcamp 4기 CV");
}

TEST_F(ProgressApi, TracksAreAddedShownAndClosed) {
  add_person("김민지");
  Answer added = post("/tracks", {{"name", "글또 7기"},
                                  {"plugin", "writing"},
                                  {"from", "2022-03-06"},
                                  {"until", "2022-08-27"},
                                  {"members", {"김민지"}}});
  ASSERT_EQ(added.status, 201) << added;
  const std::string path = "/tracks/" + encode("글또 7기");
  Answer shown = get(path);
  ASSERT_EQ(shown.status, 200) << shown;
  EXPECT_EQ(shown.body.at("members"), json::array({"김민지"}));
  Answer closed = post(path + "/close");
  ASSERT_EQ(closed.status, 200) << closed;
  EXPECT_FALSE(closed.body.at("closed_at").is_null());
  EXPECT_EQ(get("/tracks").body.at("tracks").size(), 1u);
  EXPECT_EQ(get("/tracks/" + encode("없는 트랙")).status, 404);
  ASSERT_EQ(post("/tracks", {{"name", "AI/ML 스터디"}}).status, 201);
  Answer slashed = get("/tracks/" + encode("AI/ML 스터디"));
  EXPECT_EQ(slashed.status, 200) << slashed;
  EXPECT_EQ(post("/tracks/" + encode("AI/ML 스터디") + "/close").status, 200);
  EXPECT_EQ(
      post("/tracks", {{"name", "x"}, {"from", "2022-03-06"}, {"until", "2022-01-01"}}).status,
      422);
}

TEST_F(ProgressApi, AWritingGoalMovesWhenAPostIsAdded) {
  Answer goal = post("/goals", {{"title", "2022년 16편"},
                                {"plugin", "writing"},
                                {"kind", "post"},
                                {"year", 2022},
                                {"target", 16}});
  ASSERT_EQ(goal.status, 201) << goal;
  EXPECT_EQ(goal.body.at("state").at("progress"), 0);
  ASSERT_EQ(
      post("/entries", {{"plugin", "writing"}, {"kind", "post"}, {"when", "2022-03-19"}}).status,
      201);
  Answer goals = get("/goals?as_of=2022-03-20");
  ASSERT_EQ(goals.status, 200) << goals;
  EXPECT_EQ(goals.body.at("goals")[0].at("state").at("progress"), 1);
  EXPECT_EQ(
      post("/goals",
           {{"title", "x"}, {"plugin", "writing"}, {"kind", "post"}, {"every", "fortnightly"}})
          .status,
      422);
  EXPECT_EQ(get("/goals?by_person=perhaps").status, 422);
}

TEST_F(ProgressApi, DashboardCardsFollowEachManifestsWidgetsAndPutRiskFirst) {
  add_person("김민지");
  ASSERT_EQ(post("/entries", session("2024-10-05T20:00+09:00", "김민지", 90, "상담")).status, 201);
  ASSERT_EQ(post("/goals", {{"title", "격주 글쓰기"},
                            {"plugin", "writing"},
                            {"kind", "post"},
                            {"from", "2024-09-01"},
                            {"every", "14d"}})
                .status,
            201);
  Answer dashboard = get("/dashboard?year=2024&as_of=2024-10-06");
  ASSERT_EQ(dashboard.status, 200) << dashboard;
  ASSERT_EQ(dashboard.body.at("at_risk").size(), 1u);
  EXPECT_EQ(dashboard.body.at("at_risk")[0].at("title"), "격주 글쓰기");
  json mentoring;
  for (const auto& card : dashboard.body.at("cards"))
    if (card.at("plugin") == "mentoring") mentoring = card;
  ASSERT_FALSE(mentoring.is_null());
  std::vector<std::string> types;
  for (const auto& widget : mentoring.at("widgets")) types.push_back(widget.at("type"));
  EXPECT_EQ(types, (std::vector<std::string>{"stats", "goals", "recent", "milestones"}));
  const json& stats = mentoring.at("widgets")[0].at("metrics");
  EXPECT_EQ(stats[0].at("id"), "sessions");
  EXPECT_EQ(stats[0].at("value"), 1);
  EXPECT_EQ(stats[1].at("value"), 1.5);  // hours
  EXPECT_EQ(mentoring.at("widgets")[2].at("entries")[0].at("title"), "상담");
  EXPECT_EQ(mentoring.at("widgets")[3].at("milestones")[0].at("id"), "first_session_with_mentee");
  EXPECT_EQ(get("/dashboard?year=24").status, 422);
}

TEST_F(ProgressApi, HeatmapCountsLiveEntriesPerLocalDay) {
  add_person("김민지");
  for (const char* when : {"2024-10-05T09:00+09:00", "2024-10-05T23:30+09:00",
                           "2024-10-06T00:10+09:00", "2023-12-31T12:00+09:00"})
    ASSERT_EQ(post("/entries", session(when, "김민지", 30)).status, 201);
  ASSERT_EQ(
      post("/entries", {{"plugin", "writing"}, {"kind", "post"}, {"when", "2024-10-06"}}).status,
      201);
  Answer all = get("/heatmap?year=2024");
  ASSERT_EQ(all.status, 200) << all;
  EXPECT_EQ(all.body.at("days"), json::parse(R"([{"date":"2024-10-05","count":2},
                                                 {"date":"2024-10-06","count":2}])"));
  EXPECT_EQ(all.body.at("max"), 2);
  Answer writing = get("/heatmap?year=2024&plugin=writing");
  EXPECT_EQ(writing.body.at("days"), json::parse(R"([{"date":"2024-10-06","count":1}])"));
  EXPECT_EQ(get("/heatmap?year=2024&plugin=nope").status, 422);
}

TEST_F(ProgressApi, AnswersFollowEveryWriterAtOnce) {
  add_person("김민지");
  auto live_entries = [&] { return get("/dashboard?year=2024").body.dump(); };
  auto heatmap_days = [&] { return get("/heatmap?year=2024").body.at("days").size(); };
  const std::string empty = live_entries();
  ASSERT_EQ(heatmap_days(), 0u);
  ASSERT_EQ(live_entries(), empty) << "nothing changed";

  // Through the API.
  ASSERT_EQ(post("/entries", session("2024-10-05T09:00+09:00", "김민지", 30)).status, 201);
  EXPECT_EQ(heatmap_days(), 1u);
  EXPECT_NE(live_entries(), empty);

  // Through the server's own connection, as a test or an embedding program might.
  EntryService same(*db, plugins, "Asia/Seoul");
  NewEntry input;
  input.plugin = "writing";
  input.kind = "post";
  input.when = "2024-10-06";
  ASSERT_TRUE(same.add(input).ok());
  EXPECT_EQ(heatmap_days(), 2u);

  // From another process's connection, as the CLI writes while the server runs.
  auto other = Database::open(directory.path() / "hoego.db");
  ASSERT_TRUE(other.ok());
  input.when = "2024-10-07";
  ASSERT_TRUE(EntryService(*other, plugins, "Asia/Seoul").add(input).ok());
  EXPECT_EQ(heatmap_days(), 3u);
  ASSERT_TRUE(EntryService(*other, plugins, "Asia/Seoul").undo().ok());
  EXPECT_EQ(heatmap_days(), 2u);
}

TEST_F(ProgressApi, MetricsAndMilestonesOfAYear) {
  add_person("김민지");
  ASSERT_EQ(post("/entries", session("2023-10-05T20:00+09:00", "김민지", 60)).status, 201);
  ASSERT_EQ(post("/entries", session("2024-10-05T20:00+09:00", "김민지", 60)).status, 201);
  Answer metrics = get("/metrics?year=2024&plugin=mentoring");
  ASSERT_EQ(metrics.status, 200) << metrics;
  EXPECT_EQ(metrics.body.at("metrics")[0].at("value"), 1);
  EXPECT_EQ(get("/milestones?year=2023").body.at("milestones").size(), 1u);
  EXPECT_EQ(get("/milestones?year=2024").body.at("milestones").size(), 0u);
  EXPECT_EQ(get("/milestones?year=abcd").status, 422);
}

TEST_F(ProgressApi, TheYearInReview) {
  add_person("김민지");
  ASSERT_EQ(post("/entries", session("2022-10-05T20:00+09:00", "김민지", 90, "상담")).status, 201);
  Answer report = get("/report?year=2022");
  ASSERT_EQ(report.status, 200) << report;
  EXPECT_EQ(report.body.at("entries"), 1);
  EXPECT_EQ(report.body.at("months").size(), 12u);
  EXPECT_EQ(report.body.at("months")[9].at("highlights")[0].at("title"), "상담");
  EXPECT_EQ(report.body.at("people")[0].at("name"), "김민지");
  EXPECT_EQ(get("/report?year=2019").body.at("entries"), 0);
  EXPECT_EQ(get("/report?year=twenty").status, 422);
  Answer korean = get("/report?year=2022&lang=ko");
  ASSERT_EQ(korean.body.at("sections")[0].at("title"), "멘토링을 돌아보며") << korean;
  // Without lang, the language the request accepts.
  Answer accepted = get("/report?year=2022", {{"Accept-Language", "ko-KR,ko;q=0.9"}});
  ASSERT_EQ(accepted.body.at("sections")[0].at("title"), "멘토링을 돌아보며") << accepted;
  EXPECT_EQ(get("/report?year=2022&lang=fr").status, 422);
}

// A plugin that throws from its milestones and its report section, loaded beside the bundled ones.
class ThrowingPluginApi : public ServerTest {
 protected:
  void SetUp() override {
    plugins.load_file(std::filesystem::path(HOEGO_TEST_PLUGIN_DIRECTORY) / "throwing.so");
    ServerTest::SetUp();
  }
};

TEST_F(ThrowingPluginApi, TheOthersAnswerAndTheFailedPartIsNamed) {
  add_person("김민지");
  ASSERT_EQ(post("/entries", session("2022-10-05T20:00+09:00", "김민지", 90, "상담")).status, 201);
  const nlohmann::json failed_milestones = {
      {"plugin", "throwing"},
      {"name", {{"ko", "예외"}, {"en", "Throwing"}}},
      {"part", "milestones"},
      {"message",
       {{"ko", "플러그인 'throwing'의 derive_milestones 호출이 실패했습니다: unknown exception"},
        {"en", "plugin 'throwing' derive_milestones failed: unknown exception"}}}};

  Answer dashboard = get("/dashboard?year=2022&as_of=2022-12-31");
  ASSERT_EQ(dashboard.status, 200) << dashboard;
  EXPECT_EQ(dashboard.body.at("failed"), nlohmann::json::array({failed_milestones}));
  bool saw_mentoring = false;
  for (const auto& card : dashboard.body.at("cards")) {
    if (card.at("plugin") != "mentoring") continue;
    saw_mentoring = true;
    for (const auto& widget : card.at("widgets")) {
      if (widget.at("type") == "stats")
        EXPECT_EQ(widget.at("metrics")[0].at("value"), 1) << widget;  // sessions
      if (widget.at("type") == "milestones")
        EXPECT_EQ(widget.at("milestones").size(), 1u) << widget;
    }
  }
  EXPECT_TRUE(saw_mentoring) << dashboard;

  Answer milestones = get("/milestones?year=2022");
  ASSERT_EQ(milestones.status, 200) << milestones;
  EXPECT_EQ(milestones.body.at("milestones").size(), 1u);
  EXPECT_EQ(milestones.body.at("failed"), nlohmann::json::array({failed_milestones}));

  Answer report = get("/report?year=2022&lang=ko");
  ASSERT_EQ(report.status, 200) << report;
  EXPECT_EQ(report.body.at("entries"), 1);
  EXPECT_EQ(report.body.at("sections")[0].at("title"), "멘토링을 돌아보며");
  ASSERT_EQ(report.body.at("failed").size(), 2u) << report;
  EXPECT_EQ(report.body["failed"][0], failed_milestones);
  EXPECT_EQ(report.body["failed"][1]["part"], "report_section");
}

TEST_F(ProgressApi, SettingsAreShownAndCheckedBeforeAnyIsWritten) {
  Answer shown = get("/settings");
  ASSERT_EQ(shown.status, 200) << shown;
  EXPECT_EQ(shown.body.at("time_zone"), "Asia/Seoul");  // fixed for this run by the fixture
  EXPECT_EQ(shown.body.at("today").get<std::string>().size(), 10u);
  Answer bad = patch("/settings", {{"language", "ko"}, {"time_zone", "Mars/Olympus"}});
  EXPECT_EQ(bad.status, 422) << bad;
  EXPECT_EQ(get("/settings").body.at("language"), "en");
  Answer set = patch("/settings", {{"language", "ko"}});
  ASSERT_EQ(set.status, 200) << set;
  EXPECT_EQ(set.body.at("language"), "ko");
}

TEST_F(ProgressApi, PluginsComeWithTheirManifests) {
  Answer plugins = get("/plugins");
  ASSERT_EQ(plugins.status, 200) << plugins;
  std::set<std::string> ids;
  for (const auto& plugin : plugins.body.at("plugins")) {
    ids.insert(plugin.at("id"));
    EXPECT_TRUE(plugin.at("manifest").at("kinds").is_array());
  }
  EXPECT_EQ(ids, (std::set<std::string>{"events", "exercise", "hackathon", "mentoring", "reading",
                                        "study", "writing"}));
  EXPECT_EQ(get("/health").body.at("status"), "ok");
}

}  // namespace
}  // namespace hoego::testing
