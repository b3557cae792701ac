// The study plugin through the real host: normalisation, rejections and milestones.
#include <gtest/gtest.h>
#include <hoego/core/plugin_host.h>

#include <algorithm>
#include <string>
#include <vector>

namespace hoego {
namespace {

using nlohmann::json;

class StudyPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    host.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    plugin = host.find("study");
    ASSERT_NE(plugin, nullptr);
  }

  static json request(const std::string& kind, json fields, std::string title = "") {
    return json{{"kind", kind},
                {"kind_version", 1},
                {"title", title},
                {"notes", ""},
                {"when", "2023-03-02T20:00:00+09:00"},
                {"people", {"박서연", "최우진"}},
                {"tags", json::array()},
                {"fields", fields}};
  }

  // The id-th session of the weekly 경량화 스터디, Thursday evenings from 2023-03-02.
  static json session(int64_t id, json fields) {
    static const char* const kThursdays[] = {"2023-03-02", "2023-03-09", "2023-03-16", "2023-03-23",
                                             "2023-03-30", "2023-04-06", "2023-04-13", "2023-04-20",
                                             "2023-04-27", "2023-05-04", "2023-05-11", "2023-05-18",
                                             "2023-05-25", "2023-06-01"};
    const std::string date = kThursdays[id - 1];
    return json{{"id", id},
                {"kind", "session"},
                {"when", date + "T20:00:00+09:00"},
                {"local_date", date},
                {"title", ""},
                {"people", {"박서연"}},
                {"tags", json::array()},
                {"fields", fields}};
  }

  static std::vector<std::string> reached(const json& answer) {
    std::vector<std::string> milestones;
    for (const auto& milestone : answer["milestones"])
      milestones.push_back(milestone["id"].get<std::string>() + "#" +
                           std::to_string(milestone["entry_id"].get<int64_t>()));
    std::sort(milestones.begin(), milestones.end());
    return milestones;
  }

  PluginHost host;
  const LoadedPlugin* plugin = nullptr;
};

TEST_F(StudyPlugin, TrimsTextsAndNamesAnUntitledSessionAfterItsPaper) {
  auto answer = plugin->normalize_entry(
      request("session", {{"topic", "  지식 증류 "},
                          {"paper_title", " Distilling the Knowledge in a Neural Network  "},
                          {"presented", false},
                          {"presenter", " 박서연 "}}));
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ((*answer)["fields"]["topic"], "지식 증류");
  EXPECT_EQ((*answer)["fields"]["paper_title"], "Distilling the Knowledge in a Neural Network");
  EXPECT_EQ((*answer)["fields"]["presenter"], "박서연");
  EXPECT_EQ((*answer)["title"], "논문: Distilling the Knowledge in a Neural Network");
}

TEST_F(StudyPlugin, NamesASessionWithoutAPaperAfterItsTopicAndDropsBlankTexts) {
  auto answer = plugin->normalize_entry(
      request("session", {{"topic", "양자화 입문"}, {"paper_title", "   "}, {"presenter", ""}}));
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ((*answer)["fields"], json({{"topic", "양자화 입문"}}));
  EXPECT_EQ((*answer)["title"], "양자화 입문");
}

TEST_F(StudyPlugin, KeepsTheTitleTheUserGave) {
  auto answer = plugin->normalize_entry(
      request("session", {{"topic", "LoRA"}, {"paper_title", "LoRA"}}, "7주차 — 저랭크 적응"));
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_FALSE(answer->contains("title"));
}

TEST_F(StudyPlugin, NamesAnUntitledMilestoneAfterItsNote) {
  auto noted = plugin->normalize_entry(request("milestone", {{"note", " 스터디 리더 맡음 "}}));
  ASSERT_TRUE(noted.ok()) << noted.error().message;
  EXPECT_EQ((*noted)["title"], "스터디 리더 맡음");
  auto bare = plugin->normalize_entry(request("milestone", json::object()));
  ASSERT_TRUE(bare.ok()) << bare.error().message;
  EXPECT_EQ((*bare)["title"], "스터디 이정표");
}

TEST_F(StudyPlugin, RejectsAPresenterWhenIPresented) {
  auto answer = plugin->normalize_entry(
      request("session", {{"topic", "가지치기"}, {"presented", true}, {"presenter", "김민지"}}));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(answer.error().fields.size(), 1u);
  EXPECT_EQ(answer.error().fields[0].field, "presenter");
  EXPECT_EQ(answer.error().fields[0].message, "leave presenter empty when you presented");
}

TEST_F(StudyPlugin, AcceptsABlankPresenterWhenIPresented) {
  auto answer = plugin->normalize_entry(
      request("session", {{"topic", "가지치기"}, {"presented", true}, {"presenter", "  "}}));
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_FALSE((*answer)["fields"].contains("presenter"));
}

TEST_F(StudyPlugin, RejectsATopicThatIsOnlyWhiteSpace) {
  auto answer = plugin->normalize_entry(request("session", {{"topic", " \t "}}));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(answer.error().fields.at(0).field, "topic");
}

TEST_F(StudyPlugin, DerivesTheFirstPresentationAndTheTenthDistinctPaper) {
  const std::vector<std::string> papers = {
      "Distilling the Knowledge in a Neural Network",
      "Deep Compression",
      "",  // #3: an overview session, no paper
      "Learning both Weights and Connections for Efficient Neural Networks",
      "",                                               // #5: a hand-entered milestone, see below
      "distilling the knowledge in a  neural network",  // #6: #1 again, read a second time
      "MobileNets",
      "Quantization and Training of Neural Networks for Efficient Integer-Arithmetic-Only "
      "Inference",
      "The Lottery Ticket Hypothesis",
      "EfficientNet",
      "Once-for-All",
      "TinyBERT",
      "LoRA",
      "QLoRA"};
  json entries = json::array();
  for (int64_t id = 1; id <= static_cast<int64_t>(papers.size()); ++id) {
    json fields{{"topic", "경량화 " + std::to_string(id) + "주차"}};
    if (!papers[id - 1].empty()) fields["paper_title"] = papers[id - 1];
    if (id == 4 || id == 8) fields["presented"] = true;
    entries.push_back(session(id, fields));
  }
  entries[4] = session(5, {{"note", "발표 순서 정함"}});
  entries[4]["kind"] = "milestone";
  entries[4]["people"] = json::array();
  auto answer = plugin->derive_milestones(json{{"entries", entries}});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  // Distinct papers: #1, 2, 4, 7, 8, 9, 10, 11, 12, 13 — the tenth is #13. Counting #6 as a new
  // paper would put it at #12.
  EXPECT_EQ(reached(*answer), (std::vector<std::string>{"first_presentation#4", "tenth_paper#13"}));
}

TEST_F(StudyPlugin, DerivesNothingFromSessionsWithoutPapersOrPresentations) {
  json entries = json::array();
  for (int64_t id = 1; id <= 12; ++id)
    entries.push_back(session(id, {{"topic", "논문 고르기"}, {"presented", false}}));
  auto answer = plugin->derive_milestones(json{{"entries", entries}});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_TRUE((*answer)["milestones"].empty());
}

}  // namespace
}  // namespace hoego
