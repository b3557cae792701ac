// Study, writing and hackathon entries from the command line, with tracks and goals: the
// metrics, milestones and goal states a user would work out by hand.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

class CliActivities : public ::testing::Test {
 protected:
  RunResult succeed(const std::vector<std::string>& arguments) {
    RunResult result = hoego.run(arguments);
    EXPECT_EQ(result.exit_code, 0) << result;
    return result;
  }

  json succeed_with_json(std::vector<std::string> arguments) {
    arguments.emplace_back("--json");
    const RunResult result = succeed(arguments);
    json parsed = json::parse(result.out, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << result;
    return parsed;
  }

  // The list under `key` of what a read command printed ({"entries": […]} as the API answers),
  // as a value: a range-for over a member of a temporary would outlive the temporary.
  json succeed_with_list(std::vector<std::string> arguments, const char* key) {
    return succeed_with_json(std::move(arguments)).at(key);
  }

  // The metrics of one plugin, by id.
  std::map<std::string, double> metrics(const std::string& plugin) {
    std::map<std::string, double> values;
    for (const auto& metric : succeed_with_list({"stats", "--plugin", plugin}, "metrics"))
      values[metric.at("id")] = metric.at("value").get<double>();
    return values;
  }

  std::vector<std::string> milestones(const std::string& plugin) {
    std::vector<std::string> reached;
    for (const auto& milestone :
         succeed_with_list({"milestones", "--plugin", plugin}, "milestones"))
      reached.push_back(milestone.at("id").get<std::string>() + "#" +
                        std::to_string(milestone.at("entry_id").get<int64_t>()));
    return reached;
  }

  CliRunner hoego;
};

TEST_F(CliActivities, StudySessionsCountPapersAndPresentations) {
  succeed({"people", "add", "박서연"});
  succeed({"track", "add", "경량화 스터디", "--from", "2022-09-01", "--plugin", "study"});
  succeed({"add", "study", "session", "--when", "2022-09-07T19:30+09:00", "--track",
           "경량화 스터디", "--with", "박서연", "--field", "topic=양자화", "--field",
           "paper_title=LLM.int8()", "--field", "presenter=박서연"});
  succeed({"add", "study", "session", "--when", "2022-09-14T19:30+09:00", "--track",
           "경량화 스터디", "--field", "topic=가지치기", "--field",
           "paper_title=The Lottery Ticket Hypothesis", "--field", "presented=yes", "--field",
           "learned=작은 부분망으로도 충분하다"});
  succeed({"add", "study", "session", "--when", "2022-09-21T19:30+09:00", "--track",
           "경량화 스터디", "--field", "topic=회고"});
  const auto values = metrics("study");
  EXPECT_EQ(values.at("sessions"), 3);
  EXPECT_EQ(values.at("papers"), 2);
  EXPECT_EQ(values.at("presentations"), 1);
  EXPECT_EQ(milestones("study"), (std::vector<std::string>{"first_presentation#2"}));
  EXPECT_EQ(succeed_with_json({"show", "2"}).at("title"), "논문: The Lottery Ticket Hypothesis");
  EXPECT_EQ(succeed_with_list({"list", "--track", "경량화 스터디"}, "entries").size(), 3u);
}

TEST_F(CliActivities, WritingPostsPerMonthGapsAndTheFirstPostOfACohort) {
  succeed({"track", "add", "글또 7기", "--from", "2022-03-06", "--until", "2022-08-27"});
  succeed({"add", "writing", "post", "--when", "2022-03-10T22:00+09:00", "--track", "글또 7기",
           "--field", "url=https://minji.tistory.com/12"});
  succeed({"add", "writing", "post", "--when", "2022-03-30T22:00+09:00", "--track", "글또 7기",
           "--title", "부스트캠프 회고", "--field", "url=https://velog.io/@minji/boostcamp"});
  succeed({"add", "writing", "post", "--when", "2022-05-04T09:00+09:00", "--track", "글또 7기",
           "--title", "딥러닝 경량화 정리", "--field", "word_count=1800"});
  const auto values = metrics("writing");
  EXPECT_EQ(values.at("posts"), 3);
  EXPECT_DOUBLE_EQ(values.at("posts_per_month"), 1.0) << "3 posts over March, April and May";
  EXPECT_EQ(values.at("longest_gap"), 35) << "03-30 to 05-04";
  EXPECT_EQ(milestones("writing"), (std::vector<std::string>{"first_post_in_track#1"}));
  const json first = succeed_with_json({"show", "1"});
  EXPECT_EQ(first.at("fields").at("platform"), "tistory");
  EXPECT_EQ(succeed_with_json({"show", "2"}).at("fields").at("platform"), "velog");
}

TEST_F(CliActivities, HackathonAwardsAndDaysFromRegistrationToSubmission) {
  succeed({"people", "add", "김민지"});
  succeed({"track", "add", "2024 Seoul Prompton", "--from", "2024-08-01", "--until", "2024-09-08"});
  succeed({"add", "hackathon", "phase", "--when", "2024-08-01", "--track", "2024 Seoul Prompton",
           "--field", "phase=registration"});
  succeed({"add", "hackathon", "phase", "--when", "2024-09-07", "--track", "2024 Seoul Prompton",
           "--field", "phase=submission", "--field", "deadline=2024-09-07"});
  succeed({"add", "hackathon", "event", "--when", "2024-09-08", "--track", "2024 Seoul Prompton",
           "--title", "2024 서울 프롬프톤", "--with", "김민지", "--field", "result=award",
           "--field", "award=우수상", "--field", "repository=https://github.com/minji/prompton"});
  const auto values = metrics("hackathon");
  EXPECT_EQ(values.at("events"), 1);
  EXPECT_EQ(values.at("awards"), 1);
  EXPECT_EQ(values.at("days_to_submission"), 37);
  EXPECT_EQ(milestones("hackathon"),
            (std::vector<std::string>{"first_submission#2", "first_award#3"}));
}

TEST_F(CliActivities, AWritingGoalShowsCyclesPassesAndTheDeadlineAtRisk) {
  succeed({"track", "add", "글또 7기", "--from", "2022-03-06", "--until", "2022-08-27"});
  succeed({"goal", "add", "--title", "격주 글쓰기", "--plugin", "writing", "--kind", "post",
           "--track", "글또 7기", "--every", "14d", "--passes", "2"});
  succeed({"goal", "add", "--title", "2022년 16편", "--plugin", "writing", "--kind", "post",
           "--year", "2022", "--target", "16"});
  for (const char* when : {"2022-03-19T23:59:59+09:00", "2022-04-03T00:00:00+09:00"})
    succeed({"add", "writing", "post", "--when", when, "--track", "글또 7기", "--title", "글"});

  const json goals = succeed_with_json({"goals", "--as-of", "2022-04-20"}).at("goals");
  ASSERT_EQ(goals.size(), 2u);
  const json& cohort = goals.at(0);  // at risk first
  EXPECT_EQ(cohort.at("title"), "격주 글쓰기");
  const json& state = cohort.at("state");
  EXPECT_EQ(state.at("status"), "at_risk");
  EXPECT_EQ(state.at("cycles_met"), 2) << "03-06..03-19 and 04-03..04-16";
  EXPECT_EQ(state.at("cycles_passed"), 1) << "03-20..04-02 had nothing";
  EXPECT_EQ(state.at("passes_left"), 1);
  EXPECT_EQ(state.at("current_streak"), 2) << "a pass freezes the streak";
  EXPECT_EQ(state.at("next_deadline"), "2022-04-30") << "04-17..04-30 has nothing yet";
  EXPECT_EQ(goals.at(1).at("state").at("progress"), 2);

  const RunResult text = succeed({"goals", "--as-of", "2022-04-20"});
  EXPECT_TRUE(contains(text.out, "! 격주 글쓰기  [at_risk]"));
  const RunResult korean = succeed({"--lang", "ko", "goals", "--as-of", "2022-04-20"});
  EXPECT_TRUE(contains(korean.out, "! 격주 글쓰기  [위험]  2  주기 달성 2회, 놓침 0회, 패스 1회"));
  EXPECT_TRUE(contains(korean.out, "다음 마감 2022-04-30  #1\n    → "));
}

TEST_F(CliActivities, BadTracksAndGoalsAreRefusedAndWriteNothing) {
  succeed({"track", "add", "글또 7기", "--from", "2022-03-06"});
  const std::string before = hoego.database_fingerprint();
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"add", "writing", "post", "--track", "없는 트랙", "--when", "2022-03-10"},
       "no track named '없는 트랙'"},
      {{"track", "add", "글또 7기"}, "already exists"},
      {{"track", "add", "거꾸로", "--from", "2022-03-06", "--until", "2022-03-01"},
       "ends (2022-03-01) before it starts"},
      {{"goal", "add", "--title", "x", "--plugin", "writing", "--kind", "post", "--year", "2022",
        "--target", "0"},
       "more than zero"},
      {{"goal", "add", "--title", "x", "--plugin", "writing", "--kind", "post", "--year", "2022",
        "--target", "-1"},
       "more than zero"},
      {{"goal", "add", "--title", "x", "--plugin", "writing", "--kind", "post", "--from",
        "2022-03-06", "--every", "0d"},
       "no days"},
      {{"goal", "add", "--title", "x", "--plugin", "writing", "--kind", "post", "--from",
        "2022-05-01", "--until", "2022-04-01", "--target", "3"},
       "after it ends"},
      {{"goal", "add", "--title", "x", "--plugin", "writing", "--kind", "post", "--track",
        "없는 트랙", "--target", "3"},
       "no track named"},
      {{"goals", "--track", "없는 트랙"}, "no track named"},
  };
  for (const auto& [arguments, message] : cases) {
    const RunResult result = hoego.run(arguments);
    EXPECT_NE(result.exit_code, 0) << result;
    EXPECT_TRUE(contains(result.err, message)) << result;
  }
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

}  // namespace
}  // namespace hoego::testing
