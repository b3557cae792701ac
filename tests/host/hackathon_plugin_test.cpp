// The hackathon plugin through the real host: normalisation, rejections and milestones.
#include <gtest/gtest.h>
#include <hoego/core/plugin_host.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace hoego {
namespace {

using nlohmann::json;

class HackathonPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    host.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    plugin = host.find("hackathon");
    ASSERT_NE(plugin, nullptr);
  }

  Result<json> normalized(const std::string& kind, json fields, std::string title = "") {
    json people = kind == "event" ? json({"이준호", "정하늘"}) : json::array();
    return plugin->normalize_entry(json{{"kind", kind},
                                        {"kind_version", 1},
                                        {"title", std::move(title)},
                                        {"notes", ""},
                                        {"when", "2024-05-11T10:00:00+09:00"},
                                        {"people", people},
                                        {"tags", json::array()},
                                        {"fields", std::move(fields)}});
  }

  static json stored(int64_t id, const std::string& kind, const std::string& date, json fields) {
    return json{{"id", id},
                {"kind", kind},
                {"when", date + "T18:00:00+09:00"},
                {"local_date", date},
                {"title", ""},
                {"people", json::array()},
                {"tags", json::array()},
                {"fields", std::move(fields)}};
  }

  // "first_award#8" for each milestone the plugin derives from `entries`, in its order.
  std::vector<std::string> milestones(const json& entries) {
    auto answer = plugin->derive_milestones(json{{"entries", entries}});
    EXPECT_TRUE(answer.ok()) << answer.error().message;
    std::vector<std::string> reached;
    if (!answer.ok()) return reached;
    for (const auto& milestone : (*answer)["milestones"])
      reached.push_back(milestone["id"].get<std::string>() + "#" +
                        std::to_string(milestone["entry_id"].get<int64_t>()));
    return reached;
  }

  static std::vector<std::string> field_names(const Error& error) {
    std::vector<std::string> names;
    for (const auto& field : error.fields) names.push_back(field.field);
    return names;
  }

  PluginHost host;
  const LoadedPlugin* plugin = nullptr;
};

TEST_F(HackathonPlugin, TrimsAnEventsTextsAndNamesItHackathon) {
  auto answer = normalized("event", {{"organiser", " 서울특별시 "},
                                     {"starts_on", "2024-05-11"},
                                     {"ends_on", "2024-05-12"},
                                     {"role", " 백엔드 · 프롬프트 설계 "},
                                     {"result", "award"},
                                     {"award", " 최우수상 "}});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ((*answer)["fields"]["organiser"], "서울특별시");
  EXPECT_EQ((*answer)["fields"]["role"], "백엔드 · 프롬프트 설계");
  EXPECT_EQ((*answer)["fields"]["award"], "최우수상");
  EXPECT_EQ((*answer)["title"], "해커톤");
}

TEST_F(HackathonPlugin, AcceptsAOneDayEventAndDropsABlankAward) {
  auto answer = normalized("event",
                           {{"starts_on", "2024-05-11"},
                            {"ends_on", "2024-05-11"},
                            {"result", "finalist"},
                            {"award", "  "}},
                           "2024 Seoul Prompton");
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_FALSE((*answer)["fields"].contains("award"));
  EXPECT_FALSE(answer->contains("title"));
}

TEST_F(HackathonPlugin, NamesAnUntitledPhaseAfterItsPhaseInKorean) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"registration", "참가 신청"}, {"idea", "아이디어"},  {"prototype", "프로토타입"},
      {"submission", "제출"},        {"demo", "데모 발표"}, {"result", "결과 발표"}};
  for (const auto& [phase, title] : cases) {
    auto answer = normalized("phase", {{"phase", phase}, {"deadline", "2024-05-12"}});
    ASSERT_TRUE(answer.ok()) << phase << ": " << answer.error().message;
    EXPECT_EQ((*answer)["title"], title) << phase;
  }
}

TEST_F(HackathonPlugin, RejectsAnEventThatEndsBeforeItStarts) {
  auto answer = normalized("event", {{"starts_on", "2024-05-12"}, {"ends_on", "2024-05-11"}});
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(field_names(answer.error()), std::vector<std::string>{"ends_on"});
  EXPECT_EQ(answer.error().fields[0].message, "ends_on is before starts_on");
}

TEST_F(HackathonPlugin, RejectsAnAwardNameUnlessTheResultIsAward) {
  auto finalist = normalized("event", {{"result", "finalist"}, {"award", "우수상"}});
  ASSERT_FALSE(finalist.ok());
  EXPECT_EQ(field_names(finalist.error()), std::vector<std::string>{"award"});
  auto no_result = normalized("event", {{"award", "우수상"}});
  ASSERT_FALSE(no_result.ok());
  EXPECT_EQ(field_names(no_result.error()), std::vector<std::string>{"award"});
}

TEST_F(HackathonPlugin, ReportsEveryProblemOfAnEventAtOnce) {
  auto answer = normalized("event", {{"starts_on", "2024-11-02"},
                                     {"ends_on", "2024-10-31"},
                                     {"result", "entered"},
                                     {"award", "인기상"}});
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(field_names(answer.error()), (std::vector<std::string>{"ends_on", "award"}));
}

TEST_F(HackathonPlugin, DerivesTheFirstSubmissionAndTheFirstAward) {
  json entries = json::array({
      // 2024 Seoul Prompton: finalist.
      stored(1, "phase", "2024-04-22", {{"phase", "registration"}}),
      stored(2, "phase", "2024-05-03", {{"phase", "idea"}, {"deadline", "2024-05-03"}}),
      stored(3, "event", "2024-05-11", {{"result", "finalist"}, {"starts_on", "2024-05-11"}}),
      stored(4, "phase", "2024-05-12", {{"phase", "submission"}, {"deadline", "2024-05-12"}}),
      stored(5, "phase", "2024-05-20", {{"phase", "result"}}),
      // 공공데이터 활용 공모전: an award, then another contest's award.
      stored(6, "phase", "2024-08-01", {{"phase", "registration"}}),
      stored(7, "phase", "2024-09-13", {{"phase", "submission"}}),
      stored(8, "event", "2024-10-25", {{"result", "award"}, {"award", "장려상"}}),
      stored(9, "event", "2024-11-30", {{"result", "award"}, {"award", "대상"}}),
  });
  std::vector<std::string> reached = milestones(entries);
  std::sort(reached.begin(), reached.end());
  EXPECT_EQ(reached, (std::vector<std::string>{"first_award#8", "first_submission#4"}));
}

}  // namespace
}  // namespace hoego

namespace hoego {
namespace {

// The event is written at registration and only later marked "award": the award was recorded by
// the track's result phase, so the milestone is dated by that entry, after the first submission.
TEST_F(HackathonPlugin, TheFirstAwardIsDatedByTheEntryThatRecordedIt) {
  auto in_track = [](json entry) {
    entry["track"] = "2024 Seoul Prompton";
    return entry;
  };
  json entries = json::array({
      in_track(stored(1, "event", "2024-08-01", {{"result", "award"}, {"award", "우수상"}})),
      in_track(stored(2, "phase", "2024-09-07", {{"phase", "submission"}})),
      in_track(stored(3, "phase", "2024-09-20", {{"phase", "result"}})),
  });
  const std::vector<std::string> reached = milestones(entries);
  EXPECT_EQ(reached, (std::vector<std::string>{"first_submission#2", "first_award#3"}));
}

}  // namespace
}  // namespace hoego
