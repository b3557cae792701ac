// Changing what was set up from the command line, with the command names scripts rely on: goal
// edit|delete|pause|move-deadline|finish, track edit|reopen|delete, people rename|merge|delete,
// plugins disable|enable; each undone by `hoego undo`; bad input refused, changing nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using Arguments = std::vector<std::string>;

class CliChanges : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const Arguments& arguments : std::vector<Arguments>{
             {"people", "add", "김민지"},
             {"people", "add", "민지"},
             {"track", "add", "글또 7기", "--from", "2022-03-06", "--until", "2022-08-27",
              "--member", "김민지"},
             {"goal", "add", "--title", "격주 글", "--plugin", "writing", "--kind", "post",
              "--track", "글또 7기", "--every", "14d", "--passes", "2"},
             {"add", "mentoring", "session", "--when", "2022-03-10T20:00+09:00", "--with", "민지",
              "--field", "duration_min=60", "--track", "글또 7기"}})
      ASSERT_EQ(ok(arguments), 0);
  }

  int ok(const Arguments& arguments) {
    const RunResult result = hoego.run(arguments);
    EXPECT_EQ(result.exit_code, 0) << result;
    return result.exit_code;
  }

  nlohmann::json json_of(const Arguments& arguments) {
    const RunResult result = hoego.run(arguments);
    EXPECT_EQ(result.exit_code, 0) << result;
    return nlohmann::json::parse(result.out, nullptr, false);
  }

  CliRunner hoego;
};

// Everything the user keeps, as the lossless export writes it, but the journal's own record of
// the steps (which undo marks, never erases).
std::string kept_data(const CliRunner& hoego) {
  const RunResult exported = hoego.run({"export", "--format", "jsonl"});
  EXPECT_EQ(exported.exit_code, 0) << exported;
  std::string kept;
  std::istringstream lines(exported.out);
  for (std::string line; std::getline(lines, line);)
    if (line.find("\"table\":\"operations\"") == std::string::npos) kept += line + "\n";
  return kept;
}

TEST_F(CliChanges, EveryChangeIsUndoneNewestFirstBackToTheSameData) {
  const std::string before = kept_data(hoego);
  const std::vector<Arguments> changes{
      {"goal", "edit", "1", "--title", "2주에 한 편", "--passes", "1", "--until", "none"},
      {"goal", "pause", "1", "--from", "2022-05-01", "--until", "2022-05-20"},
      {"goal", "finish", "1", "--on", "2022-06-30"},
      {"track", "edit", "글또 7기", "--name", "글또 8기", "--member", "김민지", "--member", "민지"},
      {"track", "close", "글또 8기"},
      {"track", "reopen", "글또 8기"},
      {"people", "rename", "김민지", "김민지 (4기)"},
      {"people", "merge", "민지", "김민지 (4기)"},
      {"plugins", "disable", "writing"},
      {"plugins", "enable", "writing"},
      {"goal", "delete", "1"},
      {"track", "delete", "글또 8기"},
  };
  for (const auto& change : changes) ASSERT_EQ(ok(change), 0);
  const nlohmann::json journal = json_of({"journal", "--json", "--limit", "12"});
  ASSERT_EQ(journal.at("steps").size(), 12u);
  EXPECT_EQ(journal["steps"][0].at("action"), "track.delete");
  EXPECT_EQ(journal["steps"][11].at("action"), "goal.edit");
  for (size_t i = 0; i < changes.size(); ++i) {
    const RunResult undone = hoego.run({"undo"});
    ASSERT_EQ(undone.exit_code, 0) << undone;
    EXPECT_TRUE(contains(undone.out, "undone: "));
  }
  EXPECT_EQ(kept_data(hoego), before);
}

TEST_F(CliChanges, GoalsSayWhatTheyNeedInTheUsersLanguage) {
  ASSERT_EQ(ok({"goal", "edit", "1", "--deadlines", "2022-03-13,2022-03-27,2022-04-10", "--every",
                "none"}),
            0);
  const RunResult korean = hoego.run({"goals", "--as-of", "2022-03-20"}, {{"HOEGO_LANG", "ko"}});
  ASSERT_EQ(korean.exit_code, 0) << korean;
  EXPECT_TRUE(contains(korean.out, "[위험]"));
  EXPECT_TRUE(contains(korean.out, "→ 글 1개 더 · 3월 27일(일)까지 D-7 · 남은 패스 1"));
  const RunResult english = hoego.run({"goals", "--as-of", "2022-03-20"});
  EXPECT_TRUE(contains(english.out, "→ 1 more post · by Sun, Mar 27 (7 days left) · 1 pass left"));
  ASSERT_EQ(ok({"goal", "move-deadline", "1", "--from", "2022-03-27", "--to", "2022-03-29"}), 0);
  const nlohmann::json goals = json_of({"goals", "--json", "--as-of", "2022-03-20"});
  EXPECT_EQ(goals["goals"][0].at("deadlines"),
            nlohmann::json({"2022-03-13", "2022-03-29", "2022-04-10"}));
}

TEST_F(CliChanges, ADisabledPluginsEntriesAreListedAndCountedApart) {
  ASSERT_EQ(ok({"plugins", "disable", "mentoring"}), 0);
  const RunResult listed = hoego.run({"list", "--plugin", "mentoring"});
  ASSERT_EQ(listed.exit_code, 0) << listed;
  EXPECT_TRUE(contains(listed.out, "mentoring/session"));
  const RunResult plugins = hoego.run({"plugins"}, {{"HOEGO_LANG", "ko"}});
  EXPECT_TRUE(contains(plugins.out, "기록 1개가 꺼진 플러그인 mentoring에 속합니다"));
  const RunResult adding =
      hoego.run({"add", "mentoring", "session", "--with", "민지", "--field", "duration_min=30"});
  EXPECT_NE(adding.exit_code, 0);
  EXPECT_TRUE(contains(adding.err, "switched off"));
}

struct BadChange {
  std::string name;
  Arguments arguments;
  std::string mentions;  // what the Korean message names
};

void PrintTo(const BadChange& change, std::ostream* stream) { *stream << change.name; }

class CliBadChange : public CliChanges, public ::testing::WithParamInterface<BadChange> {};

TEST_P(CliBadChange, IsRefusedInTheUsersLanguageAndChangesNothing) {
  const std::string before = hoego.database_fingerprint();
  const RunResult result = hoego.run(GetParam().arguments, {{"HOEGO_LANG", "ko"}});
  EXPECT_NE(result.exit_code, 0) << result;
  EXPECT_TRUE(contains(result.err, GetParam().mentions));
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

const BadChange kBadChanges[] = {
    {"goal_ending_before_it_starts", {"goal", "edit", "1", "--until", "2022-01-01"}, "늦습니다"},
    {"goal_negative_passes", {"goal", "edit", "1", "--passes", "-1"}, "패스"},
    {"goal_target_not_a_number", {"goal", "edit", "1", "--target", "열여섯"}, "--target"},
    {"goal_that_does_not_exist", {"goal", "delete", "99"}, "id가 99인 목표가 없습니다"},
    {"pause_ending_before_it_starts",
     {"goal", "pause", "1", "--from", "2022-05-10", "--until", "2022-05-01"},
     "일시 중지가"},
    {"deadlines_out_of_order",
     {"goal", "edit", "1", "--every", "none", "--deadlines", "2022-04-10,2022-03-27"},
     "순서"},
    {"deadline_that_is_not_there",
     {"goal", "move-deadline", "1", "--from", "2022-03-27", "--to", "2022-03-29"},
     "마감일"},
    {"merge_into_themselves", {"people", "merge", "민지", "민지"}, "같은 사람"},
    {"merge_of_nobody", {"people", "merge", "없는 사람", "민지"}, "없는 사람"},
    {"rename_onto_another", {"people", "rename", "민지", "김민지"}, "이미 있습니다"},
    {"delete_of_nobody", {"people", "delete", "없는 사람"}, "없는 사람"},
    {"track_that_does_not_exist", {"track", "delete", "없는 트랙"}, "없는 트랙"},
    {"track_ending_before_it_starts",
     {"track", "edit", "글또 7기", "--until", "2022-01-01"},
     "트랙"},
    {"reopen_of_an_open_track", {"track", "reopen", "글또 7기"}, "이미 열려"},
    {"disable_of_nothing", {"plugins", "disable", "nosuch"}, "nosuch"},
    {"enable_of_an_enabled_plugin", {"plugins", "enable", "writing"}, "꺼져 있지 않습니다"},
};
INSTANTIATE_TEST_SUITE_P(SetUp, CliBadChange, ::testing::ValuesIn(kBadChanges),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace hoego::testing
