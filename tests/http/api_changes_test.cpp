// Changing what was set up over the API: PATCH and DELETE of goals, tracks and people, pauses
// and due dates, plugins switched off and on, follow-ups ticked, and POST /undo for each.
#include "server_fixture.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

class ChangesApi : public ServerTest {
 protected:
  int64_t add_goal(json body) {
    Answer added = post("/goals", body);
    EXPECT_EQ(added.status, 201) << added;
    return added.body.value("id", int64_t{0});
  }
  json undo() {
    Answer undone = post("/undo");
    EXPECT_EQ(undone.status, 200) << undone;
    return undone.body;
  }
};

TEST_F(ChangesApi, AGoalIsPatchedPausedAndDeletedAndEachStepUndone) {
  const int64_t id = add_goal({{"title", "격주 멘토링"},
                               {"plugin", "mentoring"},
                               {"kind", "session"},
                               {"from", "2022-03-06"},
                               {"every", "14d"},
                               {"passes", 2}});
  const std::string path = "/goals/" + std::to_string(id);
  Answer patched =
      patch(path, {{"title", "매주 멘토링"}, {"every", "week"}, {"until", "2022-12-31"}});
  ASSERT_EQ(patched.status, 200) << patched;
  EXPECT_EQ(patched.body.at("title"), "매주 멘토링");
  EXPECT_EQ(patched.body.at("every"), "week");
  EXPECT_TRUE(patched.body.at("state").is_object()) << "answered with how it stands";

  Answer cleared = patch(path, {{"until", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared;
  EXPECT_TRUE(cleared.body.at("ends_on").is_null());

  Answer refused = patch(path, {{"passes", -1}}, {{"Accept-Language", "ko"}});
  ASSERT_EQ(refused.status, 422) << refused;
  EXPECT_EQ(refused.body["error"]["fields"][0]["field"], "passes");
  EXPECT_NE(refused.text.find("패스"), std::string::npos);
  EXPECT_EQ(patch(path, {{"passes", "two"}}).status, 422);
  EXPECT_EQ(patch("/goals/999", {{"title", "x"}}).status, 404);

  Answer paused = post(path + "/pauses", {{"from", "2022-05-01"}, {"until", "2022-05-31"}});
  ASSERT_EQ(paused.status, 200) << paused;
  EXPECT_EQ(paused.body.at("pauses").size(), 1u);
  EXPECT_EQ(post(path + "/pauses", {{"from", "2022-06-10"}, {"until", "2022-06-01"}}).status, 422);
  Answer unpaused = del(path + "/pauses/2022-05-01");
  ASSERT_EQ(unpaused.status, 200) << unpaused;
  EXPECT_TRUE(unpaused.body.at("pauses").empty());
  EXPECT_EQ(del(path + "/pauses/2022-05-01").status, 404);

  ASSERT_EQ(del(path).status, 200);
  EXPECT_TRUE(get("/goals").body.at("goals").empty());
  EXPECT_EQ(del(path).status, 404);

  json undone = undo();
  EXPECT_EQ(undone.at("action"), "goal.delete");
  EXPECT_EQ(undone.at("subject"), "goal");
  EXPECT_EQ(undone.at("subject_id"), std::to_string(id));
  EXPECT_EQ(undone.at("summary").at("ko"), "목표 ‘매주 멘토링’ 삭제");
  EXPECT_TRUE(undone.at("entry").is_null());
  EXPECT_EQ(undo().at("action"), "goal.unpause");
  EXPECT_EQ(undo().at("action"), "goal.pause");
  EXPECT_EQ(undo().at("action"), "goal.edit");
  EXPECT_EQ(undo().at("action"), "goal.edit");
  Answer original = get("/goals");
  ASSERT_EQ(original.body.at("goals").size(), 1u);
  EXPECT_EQ(original.body["goals"][0].at("title"), "격주 멘토링");
  EXPECT_EQ(original.body["goals"][0].at("every"), "14d");

  Answer journal = get("/journal?subject=goal&id=" + std::to_string(id));
  ASSERT_EQ(journal.status, 200) << journal;
  EXPECT_EQ(journal.body.at("steps").size(), 6u);
  EXPECT_EQ(get("/journal?subject=goals").status, 422);
}

TEST_F(ChangesApi, ADueDateListIsAddedAndOneDateMoved) {
  Answer refused = post("/goals", {{"title", "글또 마감"},
                                   {"plugin", "writing"},
                                   {"kind", "post"},
                                   {"from", "2022-04-01"},
                                   {"deadlines", {"2022-04-24", "2022-04-10"}}});
  ASSERT_EQ(refused.status, 422) << refused;
  EXPECT_EQ(refused.body["error"]["fields"][0]["field"], "deadlines");
  const int64_t id = add_goal({{"title", "글또 마감"},
                               {"plugin", "writing"},
                               {"kind", "post"},
                               {"from", "2022-04-01"},
                               {"deadlines", {"2022-04-10", "2022-04-24", "2022-05-08"}}});
  const std::string path = "/goals/" + std::to_string(id);
  Answer moved = post(path + "/deadlines/move", {{"from", "2022-05-08"}, {"to", "2022-05-15"}});
  ASSERT_EQ(moved.status, 200) << moved;
  EXPECT_EQ(moved.body.at("deadlines"), json({"2022-04-10", "2022-04-24", "2022-05-15"}));
  EXPECT_EQ(moved.body.at("cadence_unit"), "dates");
  EXPECT_EQ(post(path + "/deadlines/move", {{"from", "2022-04-10"}, {"to", "2022-04-30"}}).status,
            422)
      << "out of order";
}

TEST_F(ChangesApi, ATrackIsPatchedDeletedAndBroughtBack) {
  add_person("김민지");
  ASSERT_EQ(post("/tracks", {{"name", "글또 7기"}, {"from", "2022-03-06"}}).status, 201);
  Answer added = post("/entries", session("2022-03-10T20:00:00+09:00", "김민지", 60));
  ASSERT_EQ(added.status, 201) << added;
  const int64_t entry = added.body.at("id");
  ASSERT_EQ(patch("/entries/" + std::to_string(entry), {{"track", "글또 7기"}}).status, 200);

  const std::string path = "/tracks/" + encode("글또 7기");
  Answer patched =
      patch(path, {{"name", "글또 8기"}, {"members", {"김민지"}}, {"until", "2022-08-27"}});
  ASSERT_EQ(patched.status, 200) << patched;
  EXPECT_EQ(patched.body.at("name"), "글또 8기");
  EXPECT_EQ(get("/entries/" + std::to_string(entry)).body.at("track"), "글또 8기");
  EXPECT_EQ(patch(path, {{"note", "x"}}).status, 404) << "renamed";

  const std::string renamed = "/tracks/" + encode("글또 8기");
  ASSERT_EQ(post(renamed + "/close").status, 200);
  Answer reopened = post(renamed + "/reopen");
  ASSERT_EQ(reopened.status, 200) << reopened;
  EXPECT_TRUE(reopened.body.at("closed_at").is_null());

  Answer removed = del(renamed);
  ASSERT_EQ(removed.status, 200) << removed;
  EXPECT_EQ(removed.body.at("entries_unlinked"), 1);
  EXPECT_TRUE(get("/entries/" + std::to_string(entry)).body.at("track").is_null());
  EXPECT_EQ(undo().at("action"), "track.delete");
  EXPECT_EQ(get("/entries/" + std::to_string(entry)).body.at("track"), "글또 8기");
}

TEST_F(ChangesApi, PeopleAreRenamedMergedAndDeleted) {
  add_person("김민지");
  add_person("민지");
  ASSERT_EQ(post("/entries", session("2022-03-10T20:00:00+09:00", "민지", 60)).status, 201);
  Answer renamed = patch("/people/" + encode("김민지"), {{"name", "김민지 (4기)"}});
  ASSERT_EQ(renamed.status, 200) << renamed;
  Answer self =
      post("/people/" + encode("민지") + "/merge", {{"into", "민지"}}, {{"Accept-Language", "ko"}});
  ASSERT_EQ(self.status, 422) << self;
  EXPECT_NE(self.text.find("같은 사람"), std::string::npos);
  Answer merged = post("/people/" + encode("민지") + "/merge", {{"into", "김민지 (4기)"}});
  ASSERT_EQ(merged.status, 200) << merged;
  EXPECT_EQ(merged.body.at("entry_count"), 1);
  Answer removed = del("/people/" + encode("김민지 (4기)"));
  ASSERT_EQ(removed.status, 200) << removed;
  EXPECT_EQ(removed.body.at("outcome"), "archived");
  EXPECT_TRUE(get("/people").body.at("people").empty());
  EXPECT_EQ(get("/people?archived=1").body.at("people").size(), 1u);
  EXPECT_EQ(del("/people/" + encode("없는 사람")).status, 404);
  EXPECT_EQ(undo().at("action"), "person.archive");
  EXPECT_EQ(undo().at("action"), "person.merge");
  EXPECT_EQ(get("/people").body.at("people").size(), 2u);
}

TEST_F(ChangesApi, APluginSwitchedOffKeepsItsEntriesCountedApart) {
  add_person("김민지");
  ASSERT_EQ(post("/entries", session("2022-03-10T20:00:00+09:00", "김민지", 60)).status, 201);
  Answer off = post("/plugins/mentoring/disable");
  ASSERT_EQ(off.status, 200) << off;
  EXPECT_EQ(post("/plugins/mentoring/disable").status, 409);
  EXPECT_EQ(post("/plugins/nothing/disable").status, 404);
  Answer plugins = get("/plugins");
  EXPECT_EQ(plugins.body.at("disabled")[0].at("id"), "mentoring");
  EXPECT_EQ(plugins.body.at("unloaded")[0],
            json({{"plugin", "mentoring"}, {"entries", 1}, {"reason", "disabled"}}));
  Answer dashboard = get("/dashboard?year=2022");
  EXPECT_EQ(dashboard.body.at("unloaded")[0].at("entries"), 1);
  for (const auto& card : dashboard.body.at("cards")) EXPECT_NE(card.at("plugin"), "mentoring");
  EXPECT_EQ(get("/entries?plugin=mentoring").body.at("entries").size(), 1u);
  EXPECT_EQ(get("/report?year=2022").body.at("unloaded")[0].at("plugin"), "mentoring");
  ASSERT_EQ(post("/plugins/mentoring/enable").status, 200);
  EXPECT_TRUE(get("/plugins").body.at("unloaded").empty());
  EXPECT_EQ(undo().at("action"), "plugin.enable");
  EXPECT_EQ(get("/plugins").body.at("disabled").size(), 1u);
}

TEST_F(ChangesApi, AFollowUpIsTickedAndTheDashboardSaysWhatIsDueFirst) {
  add_person("김민지");
  json body = session("2022-03-10T20:00:00+09:00", "김민지", 60);
  body["fields"]["followups"] = {{{"text", "이력서 링크 보내기"}}};
  Answer added = post("/entries", body);
  ASSERT_EQ(added.status, 201) << added;
  const int64_t id = added.body.at("id");
  Answer open = get("/follow-ups");
  ASSERT_EQ(open.body.at("follow_ups").size(), 1u);
  EXPECT_EQ(open.body["follow_ups"][0].at("text"), "이력서 링크 보내기");
  const std::string tick = "/entries/" + std::to_string(id) + "/checklist";
  EXPECT_EQ(post(tick, {{"field", "followups"}, {"index", 3}, {"done", true}}).status, 422);
  EXPECT_EQ(post(tick, {{"field", "followups"}, {"index", 0}}).status, 422);
  ASSERT_EQ(post(tick, {{"field", "followups"}, {"index", 0}, {"done", true}}).status, 200);
  EXPECT_TRUE(get("/follow-ups").body.at("follow_ups").empty());
  EXPECT_EQ(get("/follow-ups?all=1").body.at("follow_ups").size(), 1u);
  EXPECT_EQ(get("/entries/" + std::to_string(id) + "/history").body.at("revisions").size(), 2u);

  // A goal due sooner comes before one due later; a hackathon deadline in between.
  add_goal({{"title", "주간 멘토링"},
            {"plugin", "mentoring"},
            {"kind", "session"},
            {"from", "2022-03-07"},
            {"every", "week"}});
  add_goal({{"title", "월간 글"},
            {"plugin", "writing"},
            {"kind", "post"},
            {"from", "2022-03-01"},
            {"every", "month"}});
  ASSERT_EQ(post("/entries", {{"plugin", "hackathon"},
                              {"kind", "phase"},
                              {"when", "2022-03-01T10:00:00+09:00"},
                              {"title", "프롬프톤 제출"},
                              {"fields", {{"phase", "submission"}, {"deadline", "2022-03-18"}}}})
                .status,
            201);
  Answer dashboard = get("/dashboard?year=2022&as_of=2022-03-15");
  ASSERT_EQ(dashboard.status, 200) << dashboard;
  const json& week = dashboard.body.at("this_week");
  ASSERT_EQ(week.size(), 3u) << week.dump();
  // The nearest day first: the deadline in 3 days, the week's session in 5, the month's post.
  EXPECT_EQ(week[0].at("type"), "deadline");
  EXPECT_EQ(week[0].at("due_on"), "2022-03-18");
  EXPECT_EQ(week[0].at("days_left"), 3);
  EXPECT_EQ(week[1]["goal"].at("title"), "주간 멘토링");
  EXPECT_EQ(week[1].at("days_left"), 5);
  EXPECT_EQ(week[1]["goal"]["state"]["needs"]["text"]["ko"],
            "멘토링 세션 1개 더 · 3월 20일(일)까지 D-5 · 남은 패스 0 · 놓치면 1회 연속이 끊깁니다");
  EXPECT_EQ(week[1]["goal"]["state"]["needs"]["text"]["en"],
            "1 more mentoring session · by Sun, Mar 20 (5 days left) · 0 passes left · a miss "
            "breaks a streak of 1");
  EXPECT_EQ(week[2]["goal"].at("title"), "월간 글");
  // Each goal once: the cards' goal widgets leave out those listed this week.
  for (const auto& card : dashboard.body.at("cards"))
    for (const auto& widget : card.at("widgets"))
      if (widget.at("type") == "goals") {
        EXPECT_TRUE(widget.at("goals").empty()) << widget.dump();
      }
}

}  // namespace
}  // namespace hoego::testing
