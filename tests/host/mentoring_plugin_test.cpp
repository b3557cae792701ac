// The mentoring plugin through the real host: normalisation, milestones and its year section.
#include <gtest/gtest.h>
#include <hoego/core/plugin_host.h>

#include <algorithm>

namespace hoego {
namespace {

using nlohmann::json;

class MentoringPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    host.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    plugin = host.find("mentoring");
    ASSERT_NE(plugin, nullptr);
  }

  json session_request(json fields, std::vector<std::string> people, std::string title = "") {
    return json{{"kind", "session"},
                {"kind_version", 1},
                {"title", title},
                {"notes", ""},
                {"when", "2022-10-05T20:00:00+09:00"},
                {"people", people},
                {"tags", json::array()},
                {"fields", fields}};
  }

  static json stored(int64_t id, const std::string& kind, const std::string& person, int minutes) {
    return json{{"id", id},
                {"kind", kind},
                {"when", "2022-10-05T20:00:00+09:00"},
                {"local_date", "2022-10-05"},
                {"title", ""},
                {"people", {person}},
                {"tags", json::array()},
                {"fields", {{"duration_min", minutes}}}};
  }

  PluginHost host;
  const LoadedPlugin* plugin = nullptr;
};

TEST_F(MentoringPlugin, TidiesTopicsAndFollowupsAndNamesUntitledSessions) {
  auto answer = plugin->normalize_entry(session_request(
      {{"duration_min", 60},
       {"topics", {" CV ", "cv", "커리어", ""}},
       {"followups",
        {{{"text", "  이력서 초안 보내기 "}, {"done", false}}, {{"text", " "}, {"done", false}}}}},
      {"김민지", "이준호"}));
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ((*answer)["fields"]["topics"], json({"cv", "커리어"}));
  EXPECT_EQ((*answer)["fields"]["followups"],
            json::array({{{"text", "이력서 초안 보내기"}, {"done", false}}}));
  EXPECT_EQ((*answer)["title"], "멘토링 — 김민지, 이준호");
}

TEST_F(MentoringPlugin, RejectsATopicTooLongToBeATopic) {
  auto answer = plugin->normalize_entry(
      session_request({{"duration_min", 60}, {"topics", {std::string(65, 'x')}}}, {"김민지"}));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(answer.error().fields.at(0).field, "topics");
}

TEST_F(MentoringPlugin, DerivesFirstSessionsTheTenthSessionAndTenHoursWithOneMentee) {
  json entries = json::array();
  // Seven 90-minute sessions with 김민지 reach 630 minutes at the seventh; 이준호 joins at 3.
  for (int64_t id = 1; id <= 11; ++id) {
    const bool minji = id <= 7 || id == 9;
    entries.push_back(
        stored(id, id == 8 ? "feedback" : "session", minji ? "김민지" : "이준호", minji ? 90 : 30));
  }
  entries[2] = stored(3, "session", "이준호", 30);
  auto answer = plugin->derive_milestones(json{{"entries", entries}});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  std::vector<std::string> reached;
  for (const auto& milestone : (*answer)["milestones"])
    reached.push_back(milestone["id"].get<std::string>() + "#" +
                      std::to_string(milestone["entry_id"].get<int64_t>()) + ":" +
                      milestone.value("person", std::string{}));
  std::sort(reached.begin(), reached.end());
  // 김민지: sessions 1, 2, 4, 5, 6, 7, 9 (6 × 90 = 540 by #7, 630 at #9). The feedback entry #8
  // is not a session, so the tenth session is #11.
  EXPECT_EQ(reached, (std::vector<std::string>{
                         "first_session_with_mentee#1:김민지", "first_session_with_mentee#3:이준호",
                         "ten_hours_with_mentee#9:김민지", "tenth_session#11:"}));
}

// The section written from the whole year at once (hoego.year_report.v1, as an SDK 1.0 host
// asks) reads the same as the one added up a month at a time, with a state that holds.
TEST_F(MentoringPlugin, WritesTheSameSectionFromTheWholeYearAndMonthByMonth) {
  json march = stored(1, "session", "김민지", 90), june = stored(2, "session", "이준호", 45);
  march["local_date"] = "2022-03-05";
  june["local_date"] = "2022-06-05";
  june["fields"]["followups"] = json::array({{{"text", "이력서 보내기"}, {"done", false}}});
  json second_march = march;
  second_march["id"] = 3;
  auto whole = plugin->year_report_section(
      {{"year", 2022}, {"language", "en"}, {"entries", json::array({march, second_march, june})}});
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  ASSERT_TRUE(plugin->resumes_year_report());
  json state;
  for (const json& month : {json::array({march, second_march}), json::array({june})}) {
    auto resumed = plugin->resume_year_report(
        {{"year", 2022}, {"month", 1}, {"state", state}, {"entries", month}});
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    state = *resumed;
  }
  auto by_month =
      plugin->year_report_from_state({{"year", 2022}, {"language", "en"}, {"state", state}});
  ASSERT_TRUE(by_month.ok()) << by_month.error().message;
  EXPECT_EQ(**whole, *by_month);
  EXPECT_EQ((*by_month)["paragraphs"],
            // 225 minutes are 3.75 hours: rounded as the host's hours metric is, to 3.8.
            json({"You held 3 sessions with 2 mentees, 3.8 hours in all.",
                  "You met 김민지 most often.", "1 follow-up you promised is still open."}));
}

TEST_F(MentoringPlugin, WritesNoParagraphsForAYearWithoutSessions) {
  auto section =
      plugin->year_report_from_state({{"year", 2022}, {"language", "ko"}, {"state", nullptr}});
  ASSERT_TRUE(section.ok()) << section.error().message;
  EXPECT_EQ((*section)["title"], "멘토링을 돌아보며");
  EXPECT_TRUE((*section)["paragraphs"].empty());
}

}  // namespace
}  // namespace hoego
