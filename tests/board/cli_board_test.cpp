// hoego board TRACK from the command line: the cohort of board_cohort.h set up as an organiser
// types it, read back as a grid in ko and en, as JSON, CSV and the summary line; and refusals
// that change nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../cli/cli_runner.h"
#include "board_cohort.h"

namespace hoego::testing {
namespace {

using Arguments = std::vector<std::string>;

class CliBoard : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string published;
    for (const auto& due : kCohortPublishedDueDates)
      published += (published.empty() ? "" : ",") + due;
    std::vector<Arguments> setup;
    for (const char* name : {"김민준", "박지호", "이서연", "최유나", "한도윤"})
      setup.push_back({"people", "add", name});
    setup.push_back({"track", "add", "글또 10기", "--from", "2024-09-01", "--until", "2024-11-30",
                     "--member", "한도윤", "--member", "이서연", "--member", "김민준", "--member",
                     "최유나", "--member", "박지호"});
    setup.push_back({"goal", "add", "--title", "격주 글", "--plugin", "writing", "--kind", "post",
                     "--track", "글또 10기", "--deadlines", published, "--passes", "2"});
    setup.push_back({"goal", "move-deadline", "1", "--from", "2024-10-27", "--to", "2024-10-30"});
    setup.push_back({"goal", "pause", "1", "--from", "2024-09-16", "--until", "2024-09-18"});
    setup.push_back({"goal", "add", "--title", "글 12편", "--plugin", "writing", "--kind", "post",
                     "--track", "글또 10기", "--target", "12"});
    const std::vector<std::pair<std::string, std::string>> posts{
        {"2024-09-10T21:00:00+09:00", "김민준"}, {"2024-09-20T21:00:00+09:00", "김민준"},
        {"2024-10-05T21:00:00+09:00", "김민준"}, {"2024-10-29T21:00:00+09:00", "김민준"},
        {"2024-11-05T21:00:00+09:00", "김민준"}, {"2024-09-02T12:00:00+09:00", "박지호"},
        {"2024-09-14T12:00:00+09:00", "박지호"}, {"2024-09-15T23:59:59+09:00", "이서연"},
        {"2024-10-13T23:30:00-07:00", "이서연"}, {"2024-10-31T00:00:00+09:00", "이서연"},
        {"2024-09-17T10:00:00+09:00", "한도윤"}, {"2024-11-08T09:00:00+09:00", "한도윤"},
        {"2024-11-12T09:00:00+09:00", "한도윤"}};
    for (const auto& [when, author] : posts)
      setup.push_back({"add", "writing", "post", "--when", when, "--with", author, "--track",
                       "글또 10기", "--field", "url=https://blog.example/" + when.substr(0, 10)});
    for (const auto& arguments : setup) {
      const RunResult result = hoego.run(arguments);
      ASSERT_EQ(result.exit_code, 0) << result;
    }
  }

  CliRunner hoego;
};

TEST_F(CliBoard, PrintsTheGridTheLegendAndTheSummaryInKorean) {
  const RunResult result =
      hoego.run({"board", "글또 10기", "--as-of", "2024-11-08", "--lang", "ko"});
  ASSERT_EQ(result.exit_code, 0) << result;
  // Names take two columns a syllable, so each row's symbols line up under the due dates.
  const std::string expected =
      "글또 10기 — 격주 글 (#1), 2024-11-08 기준\n"
      "\n"
      "멤버    09-15  09-29  10-13  10-30  11-10* 11-24  남은 패스\n"
      "김민준    ✓      ✓      ✓      ✓      ✓      ·    2\n"
      "박지호    ✓      ‖      P      P      ·      ·    0\n"
      "이서연    ✓      ‖      P      ✓      ✓      ·    1\n"
      "최유나    P      ‖      P      ✗      ·      ·    0\n"
      "한도윤    P      ✓      P      ✗      ✓      ·    0\n"
      "\n"
      "✓ 올림   P 패스   ✗ 놓침   ‖ 쉼   · 마감 전   * 이번 주기\n"
      "\n" +
      std::string(kCohortSummaryKo) + "\n";
  EXPECT_EQ(result.out, expected);
}

TEST_F(CliBoard, SpeaksEnglishAndPrintsOnlyTheSummaryWhenAsked) {
  const RunResult grid = hoego.run({"board", "글또 10기", "--as-of", "2024-11-08", "--lang", "en"});
  ASSERT_EQ(grid.exit_code, 0) << grid;
  EXPECT_TRUE(contains(grid.out, "as of 2024-11-08"));
  EXPECT_TRUE(contains(grid.out, "passes left"));
  EXPECT_TRUE(contains(grid.out, "✓ posted   P passed   ✗ missed   ‖ paused   · not yet due"));
  EXPECT_TRUE(contains(grid.out, kCohortSummaryEn));
  const RunResult summary =
      hoego.run({"board", "글또 10기", "--as-of", "2024-11-08", "--summary", "--lang", "ko"});
  ASSERT_EQ(summary.exit_code, 0) << summary;
  EXPECT_EQ(summary.out, std::string(kCohortSummaryKo) + "\n");
}

TEST_F(CliBoard, JsonAndCsvCarryEveryCell) {
  const RunResult json_run =
      hoego.run({"board", "글또 10기", "--as-of", "2024-11-08", "--json", "--lang", "en"});
  ASSERT_EQ(json_run.exit_code, 0) << json_run;
  const auto board = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(board.at("goal").at("id"), 1);
  EXPECT_EQ(board.at("cycles").size(), 6u);
  ASSERT_EQ(board.at("members").size(), kCohortOnNovember8.size());
  for (size_t i = 0; i < kCohortOnNovember8.size(); ++i) {
    const auto& member = board.at("members").at(i);
    EXPECT_EQ(member.at("name"), kCohortOnNovember8[i].name);
    std::string cells;
    for (const auto& cell : member.at("cells"))
      cells += (cells.empty() ? "" : " ") + cell.at("status").get<std::string>();
    EXPECT_EQ(cells, kCohortOnNovember8[i].cells);
    EXPECT_EQ(member.at("passes_left"), kCohortOnNovember8[i].passes_left);
  }
  EXPECT_EQ(board.at("members").at(2).at("cells").at(3).at("posts").at(0).at("date"), "2024-10-14");
  EXPECT_EQ(board.at("summary"), kCohortSummaryEn);

  const RunResult csv =
      hoego.run({"board", "글또 10기", "--as-of", "2024-11-08", "--csv", "--lang", "ko"});
  ASSERT_EQ(csv.exit_code, 0) << csv;
  EXPECT_EQ(csv.out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_TRUE(contains(csv.out,
                       "member,feed,passes_left,2024-09-15,2024-09-29,2024-10-13,2024-10-30,"
                       "2024-11-10,2024-11-24\r\n"));
  EXPECT_TRUE(contains(csv.out, "\r\n최유나,,0,패스,쉼,패스,놓침,마감 전,마감 전\r\n"));
  EXPECT_TRUE(contains(csv.out, "\r\n박지호,,0,https://blog.example/2024-09-02,쉼,패스,패스,"));
}

TEST_F(CliBoard, RefusesClearlyAndChangesNothing) {
  const std::string before = hoego.database_fingerprint();
  struct Refusal {
    Arguments arguments;
    int exit_code;
    std::string says;
  };
  const std::vector<Refusal> refusals{
      {{"board", "글또 99기", "--lang", "ko"}, 1, "이름이 '글또 99기'인 트랙이 없습니다"},
      {{"board", "글또 10기", "--goal", "2", "--lang", "en"},
       1,
       "goal #2 ('글 12편') has no cadence"},
      {{"board", "글또 10기", "--goal", "9", "--lang", "ko"}, 1, "id가 9인 목표가 없습니다"},
      {{"board", "글또 10기", "--as-of", "2024-02-30", "--lang", "ko"},
       1,
       "날짜는 YYYY-MM-DD 형식으로 써 주세요: '2024-02-30'"},
      {{"board", "글또 10기", "--json", "--csv"}, 2, "--json excludes --csv"},
  };
  for (const auto& refusal : refusals) {
    const RunResult result = hoego.run(refusal.arguments);
    EXPECT_EQ(result.exit_code, refusal.exit_code) << result;
    EXPECT_TRUE(contains(result.err, refusal.says));
    EXPECT_TRUE(result.out.empty()) << result;
  }
  EXPECT_EQ(before, hoego.database_fingerprint());
  ASSERT_EQ(hoego.run({"track", "add", "경량화 스터디", "--from", "2024-09-01"}).exit_code, 0);
  const RunResult no_goal = hoego.run({"board", "경량화 스터디", "--lang", "ko"});
  EXPECT_EQ(no_goal.exit_code, 1) << no_goal;
  EXPECT_TRUE(contains(no_goal.err, "주기 있는 목표가 없습니다 (추가하려면: hoego goal add"));
  const RunResult other_track =
      hoego.run({"board", "경량화 스터디", "--goal", "1", "--lang", "en"});
  EXPECT_EQ(other_track.exit_code, 1) << other_track;
  EXPECT_TRUE(contains(other_track.err, "goal #1 is not a goal of the track '경량화 스터디'"));
}

}  // namespace
}  // namespace hoego::testing
