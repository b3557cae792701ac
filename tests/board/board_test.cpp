// The board's rules without a database: the cohort of board_cohort.h, computed by hand, cell by
// cell; the next deadline, who is missing and the summary in both languages.
#include <gtest/gtest.h>
#include <hoego/core/board.h>

#include "board_cohort.h"

namespace hoego {
namespace {

using testing::kCohortDueDates;
using testing::kCohortOnNovember8;

BoardPost post_on(const std::string& day, int64_t id, const std::string& url = "") {
  BoardPost post;
  post.entry_id = id;
  post.title = "글 " + std::to_string(id);
  if (!url.empty()) post.url = url;
  post.local_date = day;
  return post;
}

BoardGoal cohort_goal() {
  BoardGoal goal;
  goal.id = 7;
  goal.title = "격주 글";
  goal.definition.starts_on = "2024-09-01";
  goal.definition.ends_on = "2024-11-30";
  goal.definition.cadence.unit = CadenceUnit::kDates;
  goal.definition.cadence.due_dates = kCohortDueDates;
  goal.definition.cadence.passes = 2;
  goal.definition.pauses = {{"2024-09-16", "2024-09-18"}};
  return goal;
}

const BoardTrack kTrack{"글또 10기", "2024-09-01", "2024-11-30"};

// The members in no particular order (the board sorts them), their posts on their local days.
std::vector<BoardMemberPosts> cohort_members() {
  return {
      {"한도윤",
       std::nullopt,
       {post_on("2024-09-17", 51), post_on("2024-11-08", 52), post_on("2024-11-12", 53)}},
      {"최유나", "https://yuna.example/rss", {}},
      {"이서연",
       std::nullopt,
       {post_on("2024-09-15", 31), post_on("2024-10-14", 32), post_on("2024-10-31", 33)}},
      {"박지호",
       std::nullopt,
       {post_on("2024-09-02", 21, "https://jiho.example/1"),
        post_on("2024-09-14", 22, "https://jiho.example/2")}},
      {"김민준",
       "https://minjun.example/feed",
       {post_on("2024-09-10", 11), post_on("2024-09-20", 12), post_on("2024-10-05", 13),
        post_on("2024-10-29", 14), post_on("2024-11-05", 15, "https://minjun.example/5")}},
  };
}

std::string cells_of(const BoardMember& member) {
  std::string text;
  for (const auto& cell : member.cells)
    text += (text.empty() ? "" : " ") + std::string(cell_status_name(cell.status));
  return text;
}

TEST(Board, CohortIsAsComputedByHandCellByCell) {
  const Board board = build_board(kTrack, cohort_goal(), cohort_members(), "2024-11-08");
  ASSERT_EQ(board.cycles.size(), 6u);
  const std::vector<std::pair<std::string, std::string>> bounds{
      {"2024-09-01", "2024-09-15"}, {"2024-09-16", "2024-09-29"}, {"2024-09-30", "2024-10-13"},
      {"2024-10-14", "2024-10-30"}, {"2024-10-31", "2024-11-10"}, {"2024-11-11", "2024-11-24"}};
  for (size_t i = 0; i < bounds.size(); ++i) {
    EXPECT_EQ(board.cycles[i].starts_on, bounds[i].first) << i;
    EXPECT_EQ(board.cycles[i].ends_on, bounds[i].second) << i;
    EXPECT_EQ(board.cycles[i].current, i == 4) << i;
  }
  ASSERT_EQ(board.members.size(), kCohortOnNovember8.size());
  for (size_t i = 0; i < kCohortOnNovember8.size(); ++i) {
    const auto& expected = kCohortOnNovember8[i];
    const BoardMember& member = board.members[i];
    EXPECT_EQ(member.name, expected.name) << "sorted by name";
    EXPECT_EQ(cells_of(member), expected.cells) << expected.name;
    EXPECT_EQ(member.met, expected.met) << expected.name;
    EXPECT_EQ(member.passes_used, expected.passes_used) << expected.name;
    EXPECT_EQ(member.passes_left, expected.passes_left) << expected.name;
    EXPECT_EQ(member.missed, expected.missed) << expected.name;
    EXPECT_EQ(member.streak, expected.streak) << expected.name;
  }
  ASSERT_TRUE(board.next.has_value());
  EXPECT_EQ(board.next->due, "2024-11-10");
  EXPECT_EQ(board.next->days_left, 2);
  EXPECT_EQ(board.next->missing, (std::vector<std::string>{"박지호", "최유나"}));
  EXPECT_EQ(board_summary(board, "ko"), testing::kCohortSummaryKo);
  EXPECT_EQ(board_summary(board, "en"), testing::kCohortSummaryEn);
}

TEST(Board, CellsHoldEachPostOfTheirCycleAndNothingAfterTheBoardsDay) {
  const Board board = build_board(kTrack, cohort_goal(), cohort_members(), "2024-11-08");
  const BoardMember& jiho = board.members[1];
  ASSERT_EQ(jiho.cells[0].posts.size(), 2u) << "two posts in one cycle: both listed, one met";
  EXPECT_EQ(jiho.cells[0].posts[0].entry_id, 21);
  EXPECT_EQ(jiho.cells[0].posts[1].url, "https://jiho.example/2");
  const BoardMember& minjun = board.members[0];
  EXPECT_EQ(minjun.feed, "https://minjun.example/feed");
  ASSERT_EQ(minjun.cells[3].posts.size(), 1u);
  EXPECT_EQ(minjun.cells[3].posts[0].local_date, "2024-10-29") << "the moved deadline's cycle";
  const BoardMember& doyun = board.members[4];
  EXPECT_EQ(doyun.cells[4].posts.size(), 1u) << "11-08, the board's day, is there";
  EXPECT_TRUE(doyun.cells[5].posts.empty()) << "11-12 is not written yet on 11-08";
  EXPECT_TRUE(board.members[3].cells[3].posts.empty());
}

TEST(Board, OnTheDueDateItSaysTodayAndTheFirstPostMeetsIt) {
  auto members = cohort_members();
  members[3].posts.push_back(post_on("2024-11-10", 23));  // 박지호 posts on the due date
  const Board board = build_board(kTrack, cohort_goal(), std::move(members), "2024-11-10");
  EXPECT_EQ(board.members[1].cells[4].status, CellStatus::kPosted);
  ASSERT_TRUE(board.next.has_value());
  EXPECT_EQ(board.next->days_left, 0);
  EXPECT_EQ(board_summary(board, "ko"), "11월 10일(일) 마감, 오늘까지 — 아직 1명: 최유나");
  EXPECT_EQ(board_summary(board, "en"), "Due today (Sun, November 10) — 1 still to post: 최유나");
}

TEST(Board, EveryoneHavingPostedIsSaidPlainly) {
  std::vector<BoardMemberPosts> members{{"김민준", std::nullopt, {post_on("2024-11-01", 1)}},
                                        {"박지호", std::nullopt, {post_on("2024-11-02", 2)}}};
  const Board board = build_board(kTrack, cohort_goal(), std::move(members), "2024-11-09");
  ASSERT_TRUE(board.next.has_value());
  EXPECT_TRUE(board.next->missing.empty());
  EXPECT_EQ(board_summary(board, "ko"), "11월 10일(일) 마감, 1일 남음 — 모두 올렸습니다");
  EXPECT_EQ(board_summary(board, "en"), "Due Sun, November 10, 1 day left — everyone has posted");
}

TEST(Board, AfterTheLastDueDateEveryCycleIsClosedAndTheGoalHasEnded) {
  const Board board = build_board(kTrack, cohort_goal(), cohort_members(), "2024-12-01");
  EXPECT_FALSE(board.next.has_value());
  // On 12-01 C5 and C6 are closed: 박지호 and 최유나 have no pass left for them; 한도윤's 11-12
  // post is there now and meets C6.
  EXPECT_EQ(cells_of(board.members[1]), "posted paused passed passed missed missed");
  EXPECT_EQ(cells_of(board.members[3]), "passed paused passed missed missed missed");
  EXPECT_EQ(cells_of(board.members[4]), "passed posted passed missed posted posted");
  EXPECT_EQ(cells_of(board.members[0]), "posted posted posted posted posted passed")
      << "김민준 kept both passes until C6, which uses one";
  EXPECT_EQ(board.members[0].passes_left, 1);
  for (const auto& cycle : board.cycles) EXPECT_FALSE(cycle.current);
  EXPECT_EQ(board_summary(board, "ko"), "목표가 끝났습니다. 마지막 마감: 11월 24일(일)");
  EXPECT_EQ(board_summary(board, "en"), "The goal has ended. Last due date: Sun, November 24");
}

TEST(Board, APausedCurrentCycleIsNobodysDeadline) {
  // On 09-17 the board's day is inside C2, which the pause excuses: the next deadline to post
  // for is C3's, and no one has posted for it yet.
  const Board board = build_board(kTrack, cohort_goal(), cohort_members(), "2024-09-17");
  EXPECT_TRUE(board.cycles[1].current);
  EXPECT_EQ(cells_of(board.members[0]),
            "posted paused not_yet_due not_yet_due not_yet_due not_yet_due")
      << "09-20 is not written yet; an unmet cycle overlapping a pause is paused, open or not";
  EXPECT_EQ(board.members[4].cells[1].status, CellStatus::kPosted) << "한도윤's 09-17 post";
  ASSERT_TRUE(board.next.has_value());
  EXPECT_EQ(board.next->due, "2024-10-13");
  EXPECT_EQ(board.next->days_left, 26);
  EXPECT_EQ(board.next->missing.size(), 5u);
}

TEST(Board, BeforeTheStartEveryCycleIsToComeAndEveryoneIsDue) {
  const Board board = build_board(kTrack, cohort_goal(), cohort_members(), "2024-08-25");
  EXPECT_EQ(board.cycles.size(), 6u);
  for (const auto& member : board.members) {
    EXPECT_EQ(cells_of(member),
              "not_yet_due not_yet_due not_yet_due not_yet_due not_yet_due not_yet_due");
    EXPECT_EQ(member.passes_left, 2);
  }
  ASSERT_TRUE(board.next.has_value());
  EXPECT_EQ(board.next->due, "2024-09-15");
  EXPECT_EQ(board.next->days_left, 21);
}

TEST(Board, AnOpenEndedGoalShowsItsCyclesUpToTheCurrentOne) {
  BoardGoal goal;
  goal.id = 1;
  goal.title = "2주에 한 편";
  goal.definition.starts_on = "2025-01-06";
  goal.definition.cadence.unit = CadenceUnit::kDays;
  goal.definition.cadence.days = 14;
  const Board board = build_board({"글쓰기 모임", std::nullopt, std::nullopt}, goal,
                                  {{"김민준", std::nullopt, {}}}, "2025-02-04");
  ASSERT_EQ(board.cycles.size(), 3u);
  EXPECT_EQ(board.cycles[2].starts_on, "2025-02-03");
  EXPECT_TRUE(board.cycles[2].current);
  // The due date is in another year than the board's day: the summary names the year.
  const Board year_end = build_board({"글쓰기 모임", std::nullopt, std::nullopt}, goal,
                                     {{"김민준", std::nullopt, {}}}, "2024-12-30");
  EXPECT_EQ(board_summary(year_end, "ko"),
            "2025년 1월 19일(일) 마감, 20일 남음 — 아직 1명: 김민준");
  EXPECT_EQ(board_summary(year_end, "en"),
            "Due Sun, January 19, 2025, 20 days left — 1 still to post: 김민준");
}

TEST(Board, ATrackWithoutMembersSaysSo) {
  const Board board = build_board(kTrack, cohort_goal(), {}, "2024-11-08");
  EXPECT_TRUE(board.members.empty());
  EXPECT_EQ(board_summary(board, "ko"), "트랙 '글또 10기'에 멤버가 없습니다");
  EXPECT_EQ(board_summary(board, "en"), "The track '글또 10기' has no members");
}

TEST(Board, JsonHasTheDocumentedShape) {
  const nlohmann::json json =
      to_json(build_board(kTrack, cohort_goal(), cohort_members(), "2024-11-08"), "ko");
  EXPECT_EQ(json.at("track"),
            (nlohmann::json{
                {"name", "글또 10기"}, {"starts_on", "2024-09-01"}, {"ends_on", "2024-11-30"}}));
  EXPECT_EQ(json.at("goal"),
            (nlohmann::json{{"id", 7}, {"title", "격주 글"}, {"per_cycle", 1}, {"passes", 2}}));
  EXPECT_EQ(json.at("as_of"), "2024-11-08");
  EXPECT_EQ(
      json.at("cycles").at(4),
      (nlohmann::json{{"starts_on", "2024-10-31"}, {"ends_on", "2024-11-10"}, {"current", true}}));
  const auto& jiho = json.at("members").at(1);
  EXPECT_EQ(jiho.at("name"), "박지호");
  EXPECT_TRUE(jiho.at("feed").is_null());
  EXPECT_EQ(jiho.at("passes_left"), 0);
  EXPECT_EQ(jiho.at("passes_used"), 2);
  EXPECT_EQ(jiho.at("cells").size(), 6u);
  EXPECT_EQ(jiho.at("cells").at(0).at("status"), "posted");
  EXPECT_EQ(jiho.at("cells").at(0).at("posts").at(0),
            (nlohmann::json{{"entry_id", 21},
                            {"title", "글 21"},
                            {"url", "https://jiho.example/1"},
                            {"date", "2024-09-02"}}));
  EXPECT_EQ(json.at("members").at(3).at("cells").at(3),
            (nlohmann::json{{"status", "missed"}, {"posts", nlohmann::json::array()}}));
  EXPECT_EQ(
      json.at("next"),
      (nlohmann::json{{"due", "2024-11-10"}, {"days_left", 2}, {"missing", {"박지호", "최유나"}}}));
  EXPECT_EQ(json.at("summary"), testing::kCohortSummaryKo);
}

// The API writes the board's JSON directly; it must say exactly what the tree says, quotes,
// backslashes and control characters in titles too.
TEST(Board, JsonTextIsTheTreeWrittenOut) {
  auto members = cohort_members();
  members.front().posts.front().title = "따옴표 \"인용\" \\ 백슬래시\t탭 \x01";
  members.front().feed = "https://example.com/rss?a=1&b=\"2\"";
  for (const char* language : {"ko", "en"})
    for (const char* day : {"2024-09-10", "2024-11-08", "2025-01-01"}) {
      const Board board = build_board(kTrack, cohort_goal(), members, day);
      EXPECT_EQ(nlohmann::json::parse(board_json_text(board, language)), to_json(board, language))
          << language << " " << day;
    }
}

}  // namespace
}  // namespace hoego
