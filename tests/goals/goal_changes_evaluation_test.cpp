// Pauses, due-date lists and finishing, on dates alone, with answers worked out by hand.
#include <gtest/gtest.h>
#include <hoego/core/goal.h>

#include "goal_test_helpers.h"

namespace hoego {
namespace {

using testing::on;
using testing::outcomes;

// "A post every 14 days from 2022-03-06, one pass" (cycles 03-06..03-19, 03-20..04-02,
// 04-03..04-16, 04-17..04-30, 05-01..05-14).
GoalDefinition biweekly_with_one_pass() {
  GoalDefinition goal;
  goal.starts_on = "2022-03-06";
  goal.ends_on = "2022-08-27";
  goal.cadence = {CadenceUnit::kDays, 14, 1, 1, {}};
  return goal;
}

TEST(GoalPauses, ACyclePausedNeitherCountsUsesAPassNorBreaksTheStreak) {
  GoalDefinition goal = biweekly_with_one_pass();
  // Ill from 03-25 to 04-05: the second and third cycles overlap it and have no post.
  goal.pauses = {{"2022-03-25", "2022-04-05"}};
  const GoalState state =
      evaluate_goal(goal, on({"2022-03-10", "2022-04-20", "2022-05-03"}), "2022-05-14");
  EXPECT_EQ(outcomes(state), "met paused paused met met ");
  EXPECT_EQ(state.cycles_met, 3);
  EXPECT_EQ(state.cycles_passed, 0) << "a paused cycle uses no pass";
  EXPECT_EQ(state.passes_left, 1);
  EXPECT_EQ(state.cycles_missed, 0);
  EXPECT_EQ(state.current_streak, 3) << "met, (paused), (paused), met, met: frozen, not broken";
  EXPECT_EQ(state.longest_streak, 3);
  EXPECT_FALSE(state.at_risk) << "the cycle holding today is met already";
}

TEST(GoalPauses, WithoutThePauseTheSameYearUsesThePassAndBreaksTheStreak) {
  const GoalState state = evaluate_goal(
      biweekly_with_one_pass(), on({"2022-03-10", "2022-04-20", "2022-05-03"}), "2022-05-14");
  EXPECT_EQ(outcomes(state), "met passed missed met met ");
  EXPECT_EQ(state.current_streak, 2);
  EXPECT_EQ(state.longest_streak, 2);
  EXPECT_EQ(state.cycles_missed, 1);
}

TEST(GoalPauses, TodayInsideAPauseIsPausedNotAtRisk) {
  GoalDefinition goal = biweekly_with_one_pass();
  goal.pauses = {{"2022-03-25", "2022-04-05"}};
  const GoalState state = evaluate_goal(goal, on({"2022-03-10"}), "2022-03-28");
  EXPECT_EQ(state.status, "paused");
  EXPECT_TRUE(state.paused);
  EXPECT_FALSE(state.at_risk);
  EXPECT_FALSE(state.needs.has_value());
  EXPECT_EQ(state.next_deadline, "2022-04-16") << "the cycle after the paused one";
}

TEST(GoalPauses, AMetCycleInsideAPauseStillCounts) {
  GoalDefinition goal = biweekly_with_one_pass();
  goal.pauses = {{"2022-03-20", "2022-04-02"}};
  const GoalState state = evaluate_goal(goal, on({"2022-03-10", "2022-03-30"}), "2022-04-03");
  EXPECT_EQ(outcomes(state), "met met open ");
  EXPECT_EQ(state.current_streak, 2);
}

// 글또's published dates: the 2nd and 4th Sunday of each month, the 2nd Sunday of May moved a
// week for a holiday (05-08 → 05-15).
GoalDefinition due_dates() {
  GoalDefinition goal;
  goal.starts_on = "2022-04-01";
  goal.cadence.unit = CadenceUnit::kDates;
  goal.cadence.per_cycle = 1;
  goal.cadence.passes = 0;
  goal.cadence.due_dates = {"2022-04-10", "2022-04-24", "2022-05-15", "2022-05-22"};
  return goal;
}

TEST(GoalDueDates, EachCycleRunsFromTheDayAfterThePreviousDueDate) {
  const GoalState state =
      evaluate_goal(due_dates(), on({"2022-04-10", "2022-05-12"}), "2022-05-16");
  ASSERT_EQ(state.cycles.size(), 4u);
  EXPECT_EQ(state.cycles[0].starts_on, "2022-04-01");
  EXPECT_EQ(state.cycles[0].ends_on, "2022-04-10");
  EXPECT_EQ(state.cycles[1].starts_on, "2022-04-11");
  EXPECT_EQ(state.cycles[1].ends_on, "2022-04-24");
  EXPECT_EQ(state.cycles[2].starts_on, "2022-04-25");
  EXPECT_EQ(state.cycles[2].ends_on, "2022-05-15") << "the moved date closes the third cycle";
  EXPECT_EQ(state.cycles[3].starts_on, "2022-05-16");
  EXPECT_EQ(outcomes(state), "met missed met open ");
  EXPECT_EQ(state.next_deadline, "2022-05-22");
  ASSERT_TRUE(state.needs.has_value());
  EXPECT_EQ(state.needs->by, "2022-05-22");
  EXPECT_EQ(state.needs->days_left, 6);
  EXPECT_EQ(state.needs->amount, 1);
  EXPECT_EQ(state.needs->streak, 1);
  EXPECT_TRUE(state.needs->breaks_streak) << "no pass left, a streak of one at stake";
}

TEST(GoalDueDates, TheGoalEndsWithItsLastDueDate) {
  const GoalState state = evaluate_goal(
      due_dates(), on({"2022-04-10", "2022-04-20", "2022-05-12", "2022-05-20"}), "2022-06-01");
  EXPECT_EQ(outcomes(state), "met met met met ");
  EXPECT_EQ(state.status, "ended");
  EXPECT_FALSE(state.next_deadline.has_value());
}

TEST(GoalFinish, AFinishedGoalStopsCountingCyclesOnItsFinishingDay) {
  GoalDefinition goal = biweekly_with_one_pass();
  goal.ends_on.reset();  // the goal that ran on for years
  goal.finished_on = "2022-04-02";
  const GoalState state = evaluate_goal(goal, on({"2022-03-10"}), "2026-12-04");
  EXPECT_EQ(outcomes(state), "met passed ");
  EXPECT_EQ(state.status, "finished");
  EXPECT_FALSE(state.at_risk);
}

TEST(GoalNeeds, ATargetWithoutCadenceNeedsWhatIsLeftByItsEnd) {
  GoalDefinition goal;
  goal.starts_on = "2022-01-01";
  goal.ends_on = "2022-12-31";
  goal.target = 6;
  const GoalState state = evaluate_goal(goal, on({"2022-02-01", "2022-05-01"}), "2022-12-25");
  ASSERT_TRUE(state.needs.has_value());
  EXPECT_EQ(state.needs->amount, 4);
  EXPECT_EQ(state.needs->by, "2022-12-31");
  EXPECT_EQ(state.needs->days_left, 6);
}

}  // namespace
}  // namespace hoego
