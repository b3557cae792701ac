// hoego settings: a stored time zone reads times without an offset; bad settings change nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace hoego::testing {
namespace {

using nlohmann::json;

// No --tz and no $HOEGO_TZ, so that the stored setting decides.
const std::map<std::string, std::string> kNoZoneOverride{{"HOEGO_TZ", ""}};

TEST(CliSettings, AStoredTimeZoneReadsTimesWithoutAnOffset) {
  CliRunner hoego;
  ASSERT_EQ(hoego.run({"people", "add", "김민지"}).exit_code, 0);
  RunResult set = hoego.run({"settings", "set", "time_zone", "America/New_York"});
  ASSERT_EQ(set.exit_code, 0) << set;
  RunResult added = hoego.run({"add", "mentoring", "session", "--when", "2024-01-15T09:00",
                               "--with", "김민지", "--field", "duration_min=30", "--json"},
                              kNoZoneOverride);
  ASSERT_EQ(added.exit_code, 0) << added;
  EXPECT_EQ(json::parse(added.out).at("when"), "2024-01-15T09:00:00-05:00");
  RunResult shown = hoego.run({"settings", "--json"}, kNoZoneOverride);
  EXPECT_EQ(json::parse(shown.out).at("time_zone"), "America/New_York") << shown;
  // $HOEGO_TZ still wins over the stored setting, for one command.
  RunResult overridden = hoego.run({"settings", "--json"});
  EXPECT_EQ(json::parse(overridden.out).at("time_zone"), "Asia/Seoul") << overridden;
}

TEST(CliSettings, BadSettingsAreNamedAndChangeNothing) {
  CliRunner hoego;
  ASSERT_EQ(hoego.run({"settings", "set", "language", "ko"}).exit_code, 0);
  const std::string before = hoego.database_fingerprint();
  RunResult zone = hoego.run({"settings", "set", "time_zone", "Asia/Busan"});
  EXPECT_EQ(zone.exit_code, 1) << zone;
  EXPECT_TRUE(contains(zone.err, "unknown time zone 'Asia/Busan'"));
  RunResult language = hoego.run({"settings", "set", "language", "fr"});
  EXPECT_EQ(language.exit_code, 1) << language;
  EXPECT_TRUE(contains(language.err, "language must be ko or en"));
  RunResult key = hoego.run({"settings", "unset", "colour"});
  EXPECT_EQ(key.exit_code, 1) << key;
  EXPECT_TRUE(contains(key.err, "unknown setting 'colour'"));
  EXPECT_EQ(hoego.database_fingerprint(), before);
}

}  // namespace
}  // namespace hoego::testing
