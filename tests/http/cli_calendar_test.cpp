// The calendars from the command line: `hoego export --format ics --deadlines` and `hoego board
// TRACK --ics [--member NAME]` write the text the API serves; misused flags and an unknown member
// are refused, changing nothing.
#include <gtest/gtest.h>

#include "../cli/cli_runner.h"

namespace hoego::testing {
namespace {

using CalendarArguments = std::vector<std::string>;

class CliCalendar : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<CalendarArguments> setup{
        {"people", "add", "김민준"},
        {"people", "add", "박지호"},
        {"track", "add", "글또 10기", "--from", "2024-10-06", "--until", "2025-03-29", "--member",
         "김민준", "--member", "박지호"},
        {"goal", "add", "--title", "격주 1글", "--plugin", "writing", "--kind", "post", "--track",
         "글또 10기", "--every", "14d", "--passes", "2"},
        // Open-ended and weekly: it has a deadline ahead whatever day the test runs on.
        {"goal", "add", "--title", "주간 글", "--plugin", "writing", "--kind", "post", "--from",
         "2020-01-06", "--every", "week"},
        {"add", "writing", "post", "--when", "2024-10-07T21:00+09:00", "--title", "첫 글", "--with",
         "김민준", "--track", "글또 10기"}};
    for (const auto& arguments : setup) {
      const RunResult result = hoego.run(arguments);
      ASSERT_EQ(result.exit_code, 0) << result;
    }
  }

  CliRunner hoego;
};

TEST_F(CliCalendar, DeadlinesAreExportedWithRemindersInTheCliLanguage) {
  const RunResult english = hoego.run({"export", "--format", "ics", "--deadlines"});
  ASSERT_EQ(english.exit_code, 0) << english;
  EXPECT_TRUE(contains(english.out, "BEGIN:VCALENDAR\r\n"));
  EXPECT_TRUE(contains(english.out, "X-WR-CALNAME:hoego deadlines\r\n"));
  EXPECT_TRUE(contains(english.out, "SUMMARY:Post due: 주간 글 (cycle "));
  EXPECT_TRUE(contains(english.out, "TRIGGER;RELATED=START:-PT15H\r\n"));
  const RunResult korean = hoego.run({"--lang", "ko", "export", "--format", "ics", "--deadlines"});
  EXPECT_TRUE(contains(korean.out, "SUMMARY:글 마감: 주간 글 ("));

  const std::string before = hoego.database_fingerprint();
  const RunResult misused = hoego.run({"export", "--format", "csv", "--deadlines"});
  EXPECT_EQ(misused.exit_code, 1) << misused;
  EXPECT_TRUE(contains(misused.err, "--deadlines goes with --format ics"));
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

TEST_F(CliCalendar, ABoardsCalendarForTheOrganiserAndForOneMember) {
  const RunResult organiser =
      hoego.run({"--lang", "ko", "board", "글또 10기", "--as-of", "2024-10-10", "--ics"});
  ASSERT_EQ(organiser.exit_code, 0) << organiser;
  EXPECT_TRUE(contains(organiser.out, "X-WR-CALNAME:글또 10기 마감\r\n"));
  EXPECT_TRUE(contains(organiser.out, "SUMMARY:마감: 격주 1글 (1/13) — 아직 1명\r\n"));

  const RunResult member =
      hoego.run({"board", "글또 10기", "--as-of", "2024-10-10", "--ics", "--member", "박지호"});
  ASSERT_EQ(member.exit_code, 0) << member;
  EXPECT_TRUE(contains(member.out, "X-WR-CALNAME:글또 10기 due dates — 박지호\r\n"));
  EXPECT_TRUE(contains(member.out, "DTSTART;VALUE=DATE:20241019\r\n"));

  const RunResult stranger =
      hoego.run({"--lang", "ko", "board", "글또 10기", "--ics", "--member", "홍길동"});
  EXPECT_EQ(stranger.exit_code, 1) << stranger;
  EXPECT_TRUE(contains(stranger.err, "'홍길동'은(는) 트랙 '글또 10기'의 멤버가 아닙니다"));
  EXPECT_NE(hoego.run({"board", "글또 10기", "--member", "박지호"}).exit_code, 0)
      << "--member belongs to --ics";
}

}  // namespace
}  // namespace hoego::testing
