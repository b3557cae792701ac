// The rules of cycles, passes, streaks and deadlines, on dates alone.
#include <gtest/gtest.h>
#include <hoego/core/goal.h>

#include "goal_test_helpers.h"

namespace hoego {
namespace {

// "≥ 1 post in every 14-day cycle from 2022-03-06, 2 passes allowed" (a 글또 cohort).
GoalDefinition biweekly(int passes = 2) {
  GoalDefinition goal;
  goal.starts_on = "2022-03-06";
  goal.ends_on = "2022-08-27";  // twelve cycles
  goal.cadence = {CadenceUnit::kDays, 14, 1, passes, {}};
  return goal;
}

using testing::on;
using testing::outcomes;

TEST(GoalEvaluation, CyclesAreFixedWindowsFromTheStart) {
  const GoalState state = evaluate_goal(biweekly(), on({"2022-03-19", "2022-03-20"}), "2022-04-02");
  ASSERT_EQ(state.cycles.size(), 2u);
  EXPECT_EQ(state.cycles[0].starts_on, "2022-03-06");
  EXPECT_EQ(state.cycles[0].ends_on, "2022-03-19");
  EXPECT_EQ(state.cycles[1].starts_on, "2022-03-20");
  EXPECT_EQ(state.cycles[1].ends_on, "2022-04-02");
  EXPECT_EQ(outcomes(state), "met met ");
  EXPECT_EQ(state.current_streak, 2);
  EXPECT_EQ(state.next_deadline, "2022-04-16") << "both cycles met: the next cycle's end";
  EXPECT_FALSE(state.at_risk);
  EXPECT_EQ(state.status, "on_track");
}

TEST(GoalEvaluation, AnOpenCycleWithNothingYetIsAtRiskUntilItsLastDay) {
  const GoalState state = evaluate_goal(biweekly(), on({"2022-03-10"}), "2022-04-02");
  EXPECT_EQ(outcomes(state), "met open ");
  EXPECT_TRUE(state.at_risk);
  EXPECT_EQ(state.next_deadline, "2022-04-02");
  EXPECT_EQ(state.status, "at_risk");
  EXPECT_EQ(state.current_streak, 1) << "an open cycle does not break the streak";
}

TEST(GoalEvaluation, PassesAreUsedInOrderAndFreezeTheStreak) {
  // Cycles: 03-06 met, 03-20 empty, 04-03 met, 04-17 empty, 05-01 empty, 05-15 met.
  const GoalState state =
      evaluate_goal(biweekly(2), on({"2022-03-07", "2022-04-05", "2022-05-20"}), "2022-05-28");
  EXPECT_EQ(outcomes(state), "met passed met passed missed met ");
  EXPECT_EQ(state.cycles_passed, 2);
  EXPECT_EQ(state.cycles_missed, 1);
  EXPECT_EQ(state.passes_left, 0);
  EXPECT_EQ(state.longest_streak, 2) << "met, pass, met: a pass neither breaks nor adds";
  EXPECT_EQ(state.current_streak, 1) << "the miss broke it";
}

TEST(GoalEvaluation, AGapBreaksTheStreakWithoutPasses) {
  const GoalState state =
      evaluate_goal(biweekly(0), on({"2022-03-07", "2022-03-21", "2022-04-20"}), "2022-05-14");
  EXPECT_EQ(outcomes(state), "met met missed met open ");
  EXPECT_EQ(state.longest_streak, 2);
  EXPECT_EQ(state.current_streak, 1);
}

TEST(GoalEvaluation, CalendarWeeksRunMondayToSunday) {
  GoalDefinition weekly;
  weekly.starts_on = "2022-09-07";  // a Wednesday
  weekly.cadence = {CadenceUnit::kWeek, 0, 1, 0, {}};
  const GoalState state = evaluate_goal(weekly, on({"2022-09-11", "2022-09-12"}), "2022-09-14");
  ASSERT_EQ(state.cycles.size(), 2u);
  EXPECT_EQ(state.cycles[0].ends_on, "2022-09-11");  // Sunday
  EXPECT_EQ(state.cycles[1].starts_on, "2022-09-12");
  EXPECT_EQ(outcomes(state), "met met ");
}

TEST(GoalEvaluation, CalendarMonthsAndNumericSums) {
  GoalDefinition hours;
  hours.starts_on = "2022-01-15";
  hours.cadence = {CadenceUnit::kMonth, 0, 120, 0, {}};  // 120 minutes a month
  const GoalState state = evaluate_goal(
      hours, {{"2022-01-20", 60}, {"2022-01-31", 60}, {"2022-02-10", 90}}, "2022-03-01");
  ASSERT_EQ(state.cycles.size(), 3u);
  EXPECT_EQ(state.cycles[0].ends_on, "2022-01-31");
  EXPECT_EQ(outcomes(state), "met missed open ");
  EXPECT_EQ(state.progress, 210);
}

TEST(GoalEvaluation, AYearGoalCountsOnlyThatYear) {
  GoalDefinition sixteen;
  sixteen.starts_on = "2022-01-01";
  sixteen.ends_on = "2022-12-31";
  sixteen.target = 16;
  std::vector<Contribution> posts = on({"2021-12-31", "2023-01-01"});
  for (int month = 1; month <= 12; ++month)
    posts.push_back(
        {"2022-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-15", 1});
  const GoalState during = evaluate_goal(sixteen, posts, "2022-12-20");
  EXPECT_EQ(during.progress, 12);
  EXPECT_TRUE(during.at_risk) << "12 of 16 with 11 days left is behind pace";
  const GoalState after = evaluate_goal(sixteen, posts, "2023-02-01");
  EXPECT_EQ(after.progress, 12);
  EXPECT_EQ(after.status, "missed");
  for (int extra = 0; extra < 4; ++extra) posts.push_back({"2022-12-24", 1});
  EXPECT_EQ(evaluate_goal(sixteen, posts, "2023-02-01").status, "achieved");
}

TEST(GoalEvaluation, BeforeTheStartNothingIsAtRisk) {
  const GoalState state = evaluate_goal(biweekly(), {}, "2022-03-01");
  EXPECT_EQ(state.status, "not_started");
  EXPECT_FALSE(state.at_risk);
  EXPECT_EQ(state.next_deadline, "2022-03-19");
}

TEST(GoalEvaluation, TheLastCycleIsCutAtTheEnd) {
  GoalDefinition goal = biweekly();
  goal.ends_on = "2022-03-25";
  const GoalState state = evaluate_goal(goal, on({"2022-03-08", "2022-03-25"}), "2022-04-30");
  ASSERT_EQ(state.cycles.size(), 2u);
  EXPECT_EQ(state.cycles[1].ends_on, "2022-03-25");
  EXPECT_EQ(state.status, "ended");
  EXPECT_FALSE(state.next_deadline.has_value());
}

}  // namespace
}  // namespace hoego
