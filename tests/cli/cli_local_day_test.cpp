// An entry is counted on its day in the user's time zone, whatever offset it was written with,
// by every reader; a change of zone moves what is derived, never what was written. Expected
// numbers are worked out by hand in the comments.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

json parse(const RunResult& result) { return json::parse(result.out); }

// The entries of `hoego list --json`: {"entries": […]}.
json entries_of(const CliRunner& hoego, std::vector<std::string> arguments,
                const std::map<std::string, std::string>& environment = {}) {
  arguments.insert(arguments.begin(), "list");
  arguments.push_back("--json");
  const RunResult listed = hoego.run(arguments, environment);
  EXPECT_EQ(listed.exit_code, 0) << listed;
  const json answer = parse(listed);
  return answer.is_array() ? answer : answer.at("entries");
}

class LocalDay : public ::testing::Test {
 protected:
  void add_post(const std::string& when, const std::string& title) {
    const RunResult added = hoego.run({"add", "writing", "post", "--when", when, "--title", title,
                                       "--field", "url=https://minji.tistory.com/" + title});
    ASSERT_EQ(added.exit_code, 0) << added;
  }
  CliRunner hoego;  // HOEGO_TZ=Asia/Seoul
};

TEST_F(LocalDay, AnEntryWrittenInUtcIsDatedInTheUsersZone) {
  // 2023-03-31 16:10 UTC is 2023-04-01 01:10 in Seoul (+09:00).
  add_post("2023-03-31T16:10:00Z", "gmt");
  const json entries = entries_of(hoego, {});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["when"], "2023-03-31T16:10:00+00:00");  // shown as written
  EXPECT_EQ(entries[0]["local_date"], "2023-04-01");
  EXPECT_EQ(entries_of(hoego, {"--since", "2023-04-01"}).size(), 1u);
  EXPECT_EQ(entries_of(hoego, {"--until", "2023-03-31"}).size(), 0u);
}

TEST_F(LocalDay, APostAtSeoulNewYearCountsFor2023Everywhere) {
  // 2022-12-31 15:30 UTC is 2023-01-01 00:30 in Seoul.
  add_post("2022-12-31T15:30:00Z", "newyear");
  ASSERT_EQ(hoego
                .run({"goal", "add", "--title", "2023년 글", "--plugin", "writing", "--kind",
                      "post", "--year", "2023", "--target", "4"})
                .exit_code,
            0);
  ASSERT_EQ(hoego
                .run({"goal", "add", "--title", "2022년 글", "--plugin", "writing", "--kind",
                      "post", "--year", "2022", "--target", "4"})
                .exit_code,
            0);
  EXPECT_EQ(entries_of(hoego, {"--since", "2023-01-01"}).size(), 1u);
  EXPECT_EQ(entries_of(hoego, {"--until", "2022-12-31"}).size(), 0u);

  const RunResult csv = hoego.run({"export", "--format", "csv", "--plugin", "writing"});
  ASSERT_EQ(csv.exit_code, 0) << csv;
  EXPECT_TRUE(contains(csv.out, "2023-01-01"));
  EXPECT_FALSE(contains(csv.out, ",2022-12-31,"));

  const RunResult goals = hoego.run({"goals", "--json"});
  ASSERT_EQ(goals.exit_code, 0) << goals;
  json reports = parse(goals);
  if (reports.is_object()) reports = reports.at("goals");
  for (const auto& report : reports) {
    const double progress = report.at("state").at("progress").get<double>();
    if (report["title"] == "2023년 글") {
      EXPECT_EQ(progress, 1) << report;
    }
    if (report["title"] == "2022년 글") {
      EXPECT_EQ(progress, 0) << report;
    }
  }

  // The report of 2023 counts the post (in January); that of 2022 has none.
  const RunResult report_2023 = hoego.run({"report", "--year", "2023"});
  const RunResult report_2022 = hoego.run({"report", "--year", "2022"});
  ASSERT_EQ(report_2023.exit_code, 0) << report_2023;
  EXPECT_TRUE(contains(report_2023.out, "newyear"));
  EXPECT_FALSE(contains(report_2022.out, "newyear"));
}

TEST_F(LocalDay, OffsetsAtMidnightEdgesAllLandOnTheSeoulDay) {
  // Each is 2024-05-01 in Seoul: 00:00+09:00; 15:00Z on 04-30 is 00:00 on 05-01 in Seoul;
  // 2024-04-30T08:30-07:00 is 15:30Z, 00:30 on 05-01 in Seoul; 14:59:59+00:00 on 05-01 is
  // 23:59:59 in Seoul.
  add_post("2024-05-01T00:00:00+09:00", "a");
  add_post("2024-04-30T15:00:00Z", "b");
  add_post("2024-04-30T08:30:00-07:00", "c");
  add_post("2024-05-01T14:59:59+00:00", "d");
  // 15:00:00Z on 05-01 is 00:00 on 05-02 in Seoul.
  add_post("2024-05-01T15:00:00+00:00", "e");
  EXPECT_EQ(entries_of(hoego, {"--since", "2024-05-01", "--until", "2024-05-01"}).size(), 4u);
  EXPECT_EQ(entries_of(hoego, {"--since", "2024-05-02"}).size(), 1u);
}

TEST_F(LocalDay, AChangedZoneMovesEveryDerivedDayAndNothingWritten) {
  add_post("2024-05-01T00:30:00+09:00", "early");  // 2024-04-30 15:30 UTC
  EXPECT_EQ(entries_of(hoego, {"--since", "2024-05-01"}).size(), 1u);
  // In Los Angeles (PDT, -07:00) it is 2024-04-30 08:30.
  ASSERT_EQ(hoego.run({"settings", "set", "time_zone", "America/Los_Angeles"}).exit_code, 0);
  const std::map<std::string, std::string> unset_zone{{"HOEGO_TZ", ""}};
  json entries = entries_of(hoego, {"--until", "2024-04-30"}, unset_zone);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["local_date"], "2024-04-30");
  EXPECT_EQ(entries[0]["when"], "2024-05-01T00:30:00+09:00");
  // --tz on one command dates the days in its zone for that command.
  EXPECT_EQ(entries_of(hoego, {"--tz", "Asia/Seoul", "--since", "2024-05-01"}, unset_zone).size(),
            1u);
  EXPECT_EQ(entries_of(hoego, {"--since", "2024-05-01"}, unset_zone).size(), 0u);
}

TEST_F(LocalDay, DaylightSavingMovesTheDayByTheOffsetInForce) {
  // Europe/Berlin: 2024-03-31 02:00 CET becomes 03:00 CEST. 2024-03-30T23:30Z is 00:30 CET on
  // 03-31; 2024-03-31T22:30Z is 00:30 CEST on 04-01 (+02:00), though +01:00 would say 23:30.
  add_post("2024-03-30T23:30:00Z", "before");
  add_post("2024-03-31T22:30:00Z", "after");
  const std::map<std::string, std::string> berlin{{"HOEGO_TZ", "Europe/Berlin"}};
  EXPECT_EQ(entries_of(hoego, {"--since", "2024-03-31", "--until", "2024-03-31"}, berlin).size(),
            1u);
  EXPECT_EQ(entries_of(hoego, {"--since", "2024-04-01"}, berlin).size(), 1u);
}

TEST_F(LocalDay, AnUnknownZoneIsRefusedBeforeAnythingIsRead) {
  const RunResult refused = hoego.run({"--tz", "Mars/Olympus", "list"});
  EXPECT_EQ(refused.exit_code, 1) << refused;
  EXPECT_TRUE(contains(refused.err, "Mars/Olympus"));
}

// Commands that parse no time, and the server, are refused as they start, from --tz or
// $HOEGO_TZ alike, in the user's language; the database is not even created.
TEST(UnknownZone, IsRefusedWhenAnyCommandStartsAndNothingIsCreated) {
  CliRunner fresh;
  const std::map<std::string, std::string> in_korean{{"HOEGO_LANG", "ko"}};
  const std::map<std::string, std::string> on_mars{{"HOEGO_TZ", "Mars/Olympus"}};
  const std::map<std::string, std::string> on_mars_in_korean{{"HOEGO_TZ", "Mars/Olympus"},
                                                             {"HOEGO_LANG", "ko"}};
  const std::vector<std::pair<RunResult, std::string>> refusals{
      {fresh.run({"--tz", "Mars/Olympus", "people"}), "unknown time zone 'Mars/Olympus'"},
      {fresh.run({"--tz", "Mars/Olympus", "people"}, in_korean),
       "알 수 없는 시간대입니다: 'Mars/Olympus'"},
      {fresh.run({"serve", "--port", "0"}, on_mars), "unknown time zone 'Mars/Olympus'"},
      {fresh.run({"--tz", "Mars/Olympus", "serve", "--port", "0"}, in_korean),
       "알 수 없는 시간대입니다: 'Mars/Olympus'"},
      {fresh.run({"plugins"}, on_mars_in_korean), "알 수 없는 시간대입니다: 'Mars/Olympus'"},
      // Opens no database at all.
      {fresh.run({"--tz", "Mars/Olympus", "plugins", "check", "reading.so"}),
       "unknown time zone 'Mars/Olympus'"},
  };
  for (const auto& [refused, said] : refusals) {
    EXPECT_EQ(refused.exit_code, 1) << refused;
    EXPECT_TRUE(contains(refused.err, said));
    EXPECT_EQ(refused.out, "") << "the server must not have started";
  }
  EXPECT_EQ(fresh.database_fingerprint(), "(no database)");
}

// A database that exists is left exactly as it was, though the command would write.
TEST_F(LocalDay, AnUnknownZoneChangesNothingInAnExistingDatabase) {
  add_post("2024-05-01T00:30:00+09:00", "early");
  const std::string before = hoego.database_fingerprint();
  const RunResult refused = hoego.run({"--tz", "Mars/Olympus", "add", "writing", "post", "--title",
                                       "화성에서", "--when", "2024-05-02T10:00:00+09:00"});
  EXPECT_EQ(refused.exit_code, 1) << refused;
  EXPECT_TRUE(contains(refused.err, "unknown time zone 'Mars/Olympus'"));
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

}  // namespace
}  // namespace hoego::testing
