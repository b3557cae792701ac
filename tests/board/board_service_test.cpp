// The board through the database: the cohort of board_cohort.h set up as an organiser does
// (members, a goal with the published due dates, one moved, a pause), its posts written with
// their own offsets, and read back cell by cell; the CSV; and the refusals.
#include <gtest/gtest.h>
#include <hoego/core/board_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/local_days.h>
#include <hoego/core/people_service.h>
#include <hoego/core/track_service.h>

#include <sstream>

#include "../support/mentoring_fixture.h"
#include "board_cohort.h"

namespace hoego {
namespace {

using testing::kCohortOnNovember8;

class BoardOverEntries : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    ASSERT_NE(plugins.find("writing"), nullptr);
    for (const char* name : {"김민준", "박지호", "이서연", "최유나", "한도윤", "정하늘"})
      ASSERT_TRUE(PeopleService(*db).add(name, "").ok());
    // Added in no particular order: the board sorts them. 정하늘 posts but is no member.
    ASSERT_TRUE(TrackService(*db, plugins)
                    .add({"글또 10기",
                          "writing",
                          "2024-09-01",
                          "2024-11-30",
                          "",
                          {"한도윤", "이서연", "김민준", "최유나", "박지호"}})
                    .ok());
    ASSERT_TRUE(TrackService(*db, plugins)
                    .add_member("글또 10기", "김민준", "https://minjun.example/feed.xml")
                    .ok());
    NewGoal goal;
    goal.title = "격주 글";
    goal.plugin = "writing";
    goal.kind = "post";
    goal.track = "글또 10기";
    goal.deadlines = testing::kCohortPublishedDueDates;
    goal.passes = 2;
    GoalService goals(*db, plugins, "Asia/Seoul");
    auto added = goals.add(goal);
    ASSERT_TRUE(added.ok()) << added.error().message;
    goal_id = added->id;
    ASSERT_TRUE(goals.move_deadline(goal_id, "2024-10-27", "2024-10-30").ok());
    ASSERT_TRUE(goals.pause(goal_id, {"2024-09-16", "2024-09-18"}).ok());
    // A goal without a cadence in the same track: not one a board can show.
    NewGoal total;
    total.title = "글 12편";
    total.plugin = "writing";
    total.kind = "post";
    total.track = "글또 10기";
    total.target = 12;
    auto added_total = goals.add(total);
    ASSERT_TRUE(added_total.ok());
    total_id = added_total->id;

    post("2024-09-10T21:00:00+09:00", "김민준");
    post("2024-09-20T21:00:00+09:00", "김민준");
    post("2024-10-05T21:00:00+09:00", "김민준");
    post("2024-10-29T21:00:00+09:00", "김민준");
    post("2024-11-05T21:00:00+09:00", "김민준", "https://minjun.example/5");
    post("2024-09-02T12:00:00+09:00", "박지호", "https://jiho.example/1");
    post("2024-09-14T12:00:00+09:00", "박지호", "https://jiho.example/2");
    post("2024-09-15T23:59:59+09:00", "이서연");
    post("2024-10-13T23:30:00-07:00", "이서연");  // 2024-10-14 15:30 in Seoul
    post("2024-10-31T00:00:00+09:00", "이서연");
    post("2024-09-17T10:00:00+09:00", "한도윤");
    post("2024-11-08T09:00:00+09:00", "한도윤");
    post("2024-11-12T09:00:00+09:00", "한도윤");
    // None of these is a member's post for the board: the user's own (naming no one), a
    // non-member's, one outside the track, and a deleted one.
    post("2024-11-01T09:00:00+09:00", "");
    post("2024-11-01T09:00:00+09:00", "정하늘");
    post("2024-11-02T09:00:00+09:00", "최유나", "", false);
    const int64_t deleted = post("2024-11-03T09:00:00+09:00", "박지호");
    ASSERT_TRUE(service->remove(deleted).ok());
    ASSERT_TRUE(align_local_days(*db, "Asia/Seoul").ok());
  }

  int64_t post(const std::string& when, const std::string& author, const std::string& url = "",
               bool in_track = true) {
    NewEntry entry;
    entry.plugin = "writing";
    entry.kind = "post";
    entry.when = when;
    entry.title = author + "의 글 " + when.substr(0, 10);
    if (!author.empty()) entry.people = {author};
    if (in_track) entry.track = "글또 10기";
    if (!url.empty()) entry.fields = {{"url", url}};
    auto added = service->add(entry);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? added->id : 0;
  }

  Result<Board> board(const std::optional<std::string>& as_of,
                      const std::optional<int64_t>& goal = std::nullopt,
                      const std::string& track = "글또 10기") {
    return BoardService(*db, "Asia/Seoul").board(track, goal, as_of);
  }

  int64_t goal_id = 0;
  int64_t total_id = 0;
};

std::string cells_text(const BoardMember& member) {
  std::string text;
  for (const auto& cell : member.cells)
    text += (text.empty() ? "" : " ") + std::string(cell_status_name(cell.status));
  return text;
}

TEST_F(BoardOverEntries, CohortReadsAsComputedByHand) {
  auto read = board("2024-11-08");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->goal.id, goal_id) << "the track's goal with a cadence, not the total";
  ASSERT_EQ(read->cycles.size(), 6u);
  EXPECT_EQ(read->cycles[3].starts_on, "2024-10-14");
  EXPECT_EQ(read->cycles[3].ends_on, "2024-10-30") << "the moved deadline";
  ASSERT_EQ(read->members.size(), kCohortOnNovember8.size()) << "members only, not 정하늘";
  EXPECT_EQ(read->members[0].feed, "https://minjun.example/feed.xml");
  EXPECT_FALSE(read->members[1].feed.has_value());
  for (size_t i = 0; i < kCohortOnNovember8.size(); ++i) {
    const auto& expected = kCohortOnNovember8[i];
    const BoardMember& member = read->members[i];
    EXPECT_EQ(member.name, expected.name);
    EXPECT_EQ(cells_text(member), expected.cells) << expected.name;
    EXPECT_EQ(member.met, expected.met) << expected.name;
    EXPECT_EQ(member.passes_used, expected.passes_used) << expected.name;
    EXPECT_EQ(member.passes_left, expected.passes_left) << expected.name;
    EXPECT_EQ(member.missed, expected.missed) << expected.name;
    EXPECT_EQ(member.streak, expected.streak) << expected.name;
  }
  ASSERT_TRUE(read->next.has_value());
  EXPECT_EQ(read->next->due, "2024-11-10");
  EXPECT_EQ(read->next->days_left, 2);
  EXPECT_EQ(read->next->missing, (std::vector<std::string>{"박지호", "최유나"}));
  EXPECT_EQ(board_summary(*read, "ko"), testing::kCohortSummaryKo);
  EXPECT_EQ(board_summary(*read, "en"), testing::kCohortSummaryEn);
}

TEST_F(BoardOverEntries, PostsKeepTheirTitleAddressAndLocalDay) {
  auto read = board("2024-11-08");
  ASSERT_TRUE(read.ok());
  const BoardMember& seoyeon = read->members[2];
  ASSERT_EQ(seoyeon.cells[0].posts.size(), 1u);
  EXPECT_EQ(seoyeon.cells[0].posts[0].local_date, "2024-09-15") << "23:59:59 is C1's last second";
  ASSERT_EQ(seoyeon.cells[3].posts.size(), 1u);
  EXPECT_EQ(seoyeon.cells[3].posts[0].local_date, "2024-10-14")
      << "written 10-13 23:30 -07:00: the next day in Seoul";
  EXPECT_EQ(seoyeon.cells[3].posts[0].title, "이서연의 글 2024-10-13");
  EXPECT_FALSE(seoyeon.cells[3].posts[0].url.has_value());
  const BoardMember& jiho = read->members[1];
  ASSERT_EQ(jiho.cells[0].posts.size(), 2u);
  EXPECT_EQ(jiho.cells[0].posts[0].url, "https://jiho.example/1");
  EXPECT_TRUE(jiho.cells[4].posts.empty()) << "the deleted post is gone";
  EXPECT_TRUE(read->members[3].cells[4].posts.empty()) << "최유나's post outside the track";
}

TEST_F(BoardOverEntries, InAnotherZoneThePostsMoveToTheirDayThere) {
  // In Los Angeles, 이서연's -07:00 post is on 10-13, C3's due date, and her post of 10-31 00:00
  // in Seoul is on 10-30 08:00, C4's due date: C3 and C4 are met, C5 still to do.
  ASSERT_TRUE(align_local_days(*db, "America/Los_Angeles").ok());
  auto read =
      BoardService(*db, "America/Los_Angeles").board("글또 10기", std::nullopt, "2024-11-08");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(cells_text(read->members[2]), "posted paused posted posted not_yet_due not_yet_due");
}

TEST_F(BoardOverEntries, CsvHasARowPerMemberAndLinksPostedCells) {
  auto read = board("2024-11-08");
  ASSERT_TRUE(read.ok());
  std::ostringstream csv;
  write_board_csv(*read, "ko", csv);
  const std::string expected =
      "\xEF\xBB\xBFmember,feed,passes_left,2024-09-15,2024-09-29,2024-10-13,2024-10-30,"
      "2024-11-10,2024-11-24\r\n"
      "김민준,https://minjun.example/feed.xml,2,올림,올림,올림,올림,https://minjun.example/5,"
      "마감 전\r\n"
      "박지호,,0,https://jiho.example/1,쉼,패스,패스,마감 전,마감 전\r\n"
      "이서연,,1,올림,쉼,패스,올림,올림,마감 전\r\n"
      "최유나,,0,패스,쉼,패스,놓침,마감 전,마감 전\r\n"
      "한도윤,,0,패스,올림,패스,놓침,올림,마감 전\r\n";
  EXPECT_EQ(csv.str(), expected);
  std::ostringstream english;
  write_board_csv(*read, "en", english);
  EXPECT_NE(
      english.str().find("\r\n최유나,,0,passed,paused,passed,missed,not yet due,not yet due\r\n"),
      std::string::npos)
      << english.str();
}

TEST_F(BoardOverEntries, CsvQuotesNamesAndAddressesAsRfc4180Asks) {
  ASSERT_TRUE(PeopleService(*db).add("Kim, \"MJ\"", "").ok());
  TrackChanges members;
  members.members = std::vector<std::string>{"Kim, \"MJ\""};
  ASSERT_TRUE(TrackService(*db, plugins).edit("글또 10기", members).ok());
  post("2024-09-03T10:00:00+09:00", "Kim, \"MJ\"", "https://kim.example/a,b");
  ASSERT_TRUE(align_local_days(*db, "Asia/Seoul").ok());
  auto read = board("2024-09-05");
  ASSERT_TRUE(read.ok());
  std::ostringstream csv;
  write_board_csv(*read, "en", csv);
  EXPECT_NE(csv.str().find("\r\n\"Kim, \"\"MJ\"\"\",,2,\"https://kim.example/a,b\",not yet due"),
            std::string::npos)
      << csv.str();
}

TEST_F(BoardOverEntries, GoalCanBePickedAndIsCheckedToBeTheTracksWithACadence) {
  auto picked = board("2024-11-08", goal_id);
  ASSERT_TRUE(picked.ok());
  EXPECT_EQ(picked->goal.title, "격주 글");

  auto no_cadence = board("2024-11-08", total_id);
  ASSERT_FALSE(no_cadence.ok());
  EXPECT_EQ(no_cadence.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(no_cadence.error().message.find("has no cadence"), std::string::npos);
  EXPECT_NE(no_cadence.error().in("ko").find("주기가 없어"), std::string::npos);

  ASSERT_TRUE(TrackService(*db, plugins)
                  .add({"경량화 스터디", std::nullopt, "2024-09-01", "2024-12-31", "", {}})
                  .ok());
  auto other_track = board("2024-11-08", goal_id, "경량화 스터디");
  ASSERT_FALSE(other_track.ok());
  EXPECT_EQ(other_track.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(other_track.error().message,
            "goal #" + std::to_string(goal_id) + " is not a goal of the track '경량화 스터디'");

  auto missing_goal = board("2024-11-08", 999);
  ASSERT_FALSE(missing_goal.ok());
  EXPECT_EQ(missing_goal.error().code, ErrorCode::kNotFound);
}

TEST_F(BoardOverEntries, RefusesWhatItCannotDrawInBothLanguages) {
  auto unknown = board("2024-11-08", std::nullopt, "글또 99기");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_NE(unknown.error().in("ko").find("'글또 99기'인 트랙이 없습니다"), std::string::npos);

  ASSERT_TRUE(TrackService(*db, plugins)
                  .add({"경량화 스터디", std::nullopt, "2024-09-01", "2024-12-31", "", {}})
                  .ok());
  auto without_goal = board("2024-11-08", std::nullopt, "경량화 스터디");
  ASSERT_FALSE(without_goal.ok());
  EXPECT_EQ(without_goal.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(without_goal.error().message.find("has no goal with a cadence"), std::string::npos);
  EXPECT_NE(without_goal.error().message.find("hoego goal add --track \"경량화 스터디\""),
            std::string::npos)
      << "it says how to add one";
  EXPECT_NE(without_goal.error().in("ko").find("주기 있는 목표가 없습니다"), std::string::npos);

  auto bad_day = board("2024-11-31");
  ASSERT_FALSE(bad_day.ok());
  EXPECT_EQ(bad_day.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(bad_day.error().in("ko").find("YYYY-MM-DD"), std::string::npos);
}

TEST_F(BoardOverEntries, AFinishedGoalGivesWayToALiveOne) {
  GoalService goals(*db, plugins, "Asia/Seoul");
  GoalChanges finish;
  finish.finished_on = "2024-10-01";
  ASSERT_TRUE(goals.edit(goal_id, finish).ok());
  NewGoal weekly;
  weekly.title = "매주 글";
  weekly.plugin = "writing";
  weekly.kind = "post";
  weekly.track = "글또 10기";
  weekly.every = "week";
  auto added = goals.add(weekly);
  ASSERT_TRUE(added.ok());
  auto read = board("2024-11-08");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->goal.id, added->id);
  auto finished = board("2024-11-08", goal_id);
  ASSERT_TRUE(finished.ok()) << "a finished goal's board can still be asked for";
  EXPECT_EQ(finished->cycles.back().ends_on, "2024-10-01") << "it ends on its finishing day";
  EXPECT_FALSE(finished->next.has_value());
}

}  // namespace
}  // namespace hoego
