// The exercise plugin through the real host: a distance only where one goes somewhere, titles and
// refusals in the user's language, milestones (resumed or not) and its year-in-review section,
// whose weeks are counted once even when they run over two months.
#include "../support/bundled_plugin_fixture.h"

namespace hoego {
namespace {

using nlohmann::json;

class ExercisePlugin : public testing::BundledPluginTest {
 protected:
  ExercisePlugin() : BundledPluginTest("exercise") {}

  // 2022's last run, then 2023: a week from Monday 01-30 to Sunday 02-05 with three check-ins
  // over two months, yoga in March, a run on Sunday 2023-12-31 (the week of Monday 12-25).
  static json check_ins() {
    return json::array({
        stored(1, "check_in", "2022-12-30", {{"type", "running"}, {"minutes", 30}}),
        stored(2, "check_in", "2023-01-30", {{"type", "running"}, {"minutes", 40}}),
        stored(3, "check_in", "2023-01-31", {{"type", "meditation"}, {"minutes", 10}}),
        stored(4, "check_in", "2023-02-05", {{"type", "running"}, {"minutes", 45}}),
        stored(5, "check_in", "2023-03-08", {{"type", "yoga"}, {"minutes", 60}}),
        stored(6, "check_in", "2023-03-09", {{"type", "other"}}),
        stored(7, "check_in", "2023-12-31", {{"type", "running"}, {"minutes", 30}}),
    });
  }

  static json check_ins_of_2023() {
    json year = check_ins();
    year.erase(0);
    return year;
  }
};

TEST_F(ExercisePlugin, NamesAnUntitledCheckInAfterItsTypeAndMinutes) {
  language = "ko";
  auto run = normalized("check_in", {{"type", "running"}, {"minutes", 30}, {"distance_km", 5.2}});
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ((*run)["title"], "달리기 30분");
  EXPECT_EQ((*run)["fields"]["distance_km"], 5.2);
  language = "en";
  auto yoga = normalized("check_in", {{"type", "yoga"}, {"minutes", 60}});
  ASSERT_TRUE(yoga.ok()) << yoga.error().message;
  EXPECT_EQ((*yoga)["title"], "Yoga, 60 min");
  auto meditation = normalized("check_in", {{"type", "meditation"}});
  ASSERT_TRUE(meditation.ok()) << meditation.error().message;
  EXPECT_EQ((*meditation)["title"], "Meditation");
  auto titled = normalized("check_in", {{"type", "climbing"}}, "더클라임 양재");
  ASSERT_TRUE(titled.ok()) << titled.error().message;
  EXPECT_FALSE(titled->contains("title"));
}

TEST_F(ExercisePlugin, RefusesADistanceOnATypeThatGoesNowhere) {
  language = "ko";
  auto yoga = normalized("check_in", {{"type", "yoga"}, {"distance_km", 3}});
  ASSERT_FALSE(yoga.ok());
  EXPECT_EQ(yoga.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(field_names(yoga.error()), std::vector<std::string>{"distance_km"});
  EXPECT_EQ(yoga.error().fields[0].message,
            "거리는 달리기, 걷기, 자전거, 수영, 등산, 기타에만 적을 수 있습니다 (요가에는 적지 "
            "않습니다)");
  language = "en";
  auto strength = normalized("check_in", {{"type", "strength"}, {"distance_km", 1}});
  ASSERT_FALSE(strength.ok());
  EXPECT_EQ(strength.error().fields[0].message,
            "a distance goes only with running, walking, cycling, swimming, hiking or other, not "
            "with strength");
}

// The first check-in of each year; each type taken up after the very first check-in ("other"
// is none). Resumed a few entries at a time, the same.
TEST_F(ExercisePlugin, DerivesTheFirstCheckInOfEachYearAndEachNewType) {
  const std::vector<std::string> expected{"first_check_in_of_year#1", "first_check_in_of_year#2",
                                          "new_type#3", "new_type#5"};
  EXPECT_EQ(milestones(check_ins()), expected);
  for (std::size_t chunk : {1u, 2u, 5u})
    EXPECT_EQ(milestones_resumed(check_ins(), chunk), expected);
}

TEST_F(ExercisePlugin, WritesTheSameSectionFromTheWholeYearAndMonthByMonth) {
  for (const char* in : {"ko", "en"})
    EXPECT_EQ(section_of_year(check_ins_of_2023(), in),
              section_month_by_month(check_ins_of_2023(), in));
  // 185 minutes are 3.1 hours, rounded as the hours metric is. Weeks: 01-30..02-05 once,
  // 03-06..03-12, 12-25..12-31.
  EXPECT_EQ(section_month_by_month(check_ins_of_2023(), "ko")["paragraphs"],
            json({"올해 6번 체크인했고, 모두 3.1시간을 들였습니다.",
                  "체크인이 있었던 주는 모두 3주입니다."}));
  EXPECT_EQ(section_month_by_month(check_ins_of_2023(), "en")["paragraphs"],
            json({"You checked in 6 times this year, 3.1 hours in all.",
                  "You checked in during 3 different weeks."}));
}

TEST_F(ExercisePlugin, WritesNoParagraphsForAYearWithoutCheckIns) {
  const json section = section_month_by_month(json::array(), "ko");
  EXPECT_EQ(section["title"], "운동과 습관을 돌아보며");
  EXPECT_TRUE(section["paragraphs"].empty());
}

}  // namespace
}  // namespace hoego
