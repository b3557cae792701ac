// A goal's progress line against its road, on dates alone; every number worked out by hand in
// the comments beside it.
#include <gtest/gtest.h>
#include <hoego/core/goal.h>

#include "goal_test_helpers.h"

namespace hoego {
namespace {

using testing::on;

std::vector<ProgressPoint> line_of(const GoalDefinition& goal,
                                   const std::vector<Contribution>& contributions,
                                   const std::string& today) {
  return progress_line(goal, contributions, evaluate_goal(goal, contributions, today), today);
}

// "≥ 1 post every 14 days from 2022-03-06", no target. Cycles: 03-06..03-19, 03-20..04-02,
// 04-03..04-16, 04-17..04-30, 05-01..05-14.
GoalDefinition biweekly_until_august(int passes) {
  GoalDefinition goal;
  goal.starts_on = "2022-03-06";
  goal.ends_on = "2022-08-27";
  goal.cadence = {CadenceUnit::kDays, 14, 1, passes, {}};
  return goal;
}

TEST(GoalProgressLine, ACadenceRoadRisesOnlyForCyclesMetOrMissed) {
  // Two posts in the first cycle, none in the second (a pass) and third (missed), one in the
  // fourth, none yet in the open fifth on 05-03.
  const auto contributions = on({"2022-03-07", "2022-03-08", "2022-04-20"});
  const auto line = line_of(biweekly_until_august(1), contributions, "2022-05-03");
  ASSERT_EQ(line.size(), 5u);
  const struct {
    const char* date;
    double progress, road;
    CycleOutcome outcome;
  } expected[] = {
      {"2022-03-19", 2, 1, CycleOutcome::kMet},     // 1 cycle owed
      {"2022-04-02", 2, 1, CycleOutcome::kPassed},  // a pass owes nothing
      {"2022-04-16", 2, 2, CycleOutcome::kMissed},  // a miss is owed: 2
      {"2022-04-30", 3, 3, CycleOutcome::kMet},     // 3
      {"2022-05-03", 3, 3, CycleOutcome::kOpen},    // the open cycle, as of today, owes nothing yet
  };
  for (size_t i = 0; i < line.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(line[i].date, expected[i].date);
    EXPECT_DOUBLE_EQ(line[i].progress, expected[i].progress);
    ASSERT_TRUE(line[i].road.has_value());
    EXPECT_DOUBLE_EQ(*line[i].road, expected[i].road);
    EXPECT_EQ(line[i].outcome, expected[i].outcome);
  }
}

TEST(GoalProgressLine, APausedCycleDoesNotRaiseTheRoad) {
  GoalDefinition goal = biweekly_until_august(0);
  goal.pauses = {{"2022-04-03", "2022-04-09"}};  // inside the third cycle
  const auto line = line_of(goal, on({"2022-03-07", "2022-04-20"}), "2022-04-30");
  ASSERT_EQ(line.size(), 4u);
  EXPECT_EQ(line[1].outcome, CycleOutcome::kMissed);
  EXPECT_EQ(line[2].outcome, CycleOutcome::kPaused);
  // met (1), missed (2), paused (still 2), met (3); progress 1, 1, 1, 2.
  EXPECT_DOUBLE_EQ(*line[0].road, 1);
  EXPECT_DOUBLE_EQ(*line[1].road, 2);
  EXPECT_DOUBLE_EQ(*line[2].road, 2);
  EXPECT_DOUBLE_EQ(*line[3].road, 3);
  EXPECT_DOUBLE_EQ(line[3].progress, 2);
}

TEST(GoalProgressLine, ATargetWithACadenceFollowsTheStraightRoad) {
  // 12 posts from 03-06 to 08-27: 175 days, so 12/175 a day.
  GoalDefinition goal = biweekly_until_august(2);
  goal.target = 12;
  const auto contributions = on({"2022-03-07", "2022-03-21"});
  const auto line = line_of(goal, contributions, "2022-04-02");
  ASSERT_EQ(line.size(), 2u);
  EXPECT_EQ(line[0].date, "2022-03-19");
  EXPECT_DOUBLE_EQ(*line[0].road, 12.0 * 14 / 175);  // 0.96 after 14 days
  EXPECT_EQ(line[1].date, "2022-04-02");
  EXPECT_DOUBLE_EQ(*line[1].road, 12.0 * 28 / 175);  // 1.92 after 28
  EXPECT_DOUBLE_EQ(line[1].progress, 2);
}

// "12 books from Jan 1 to Apr 30, 2023": 120 days, so the road climbs 0.1 a day.
GoalDefinition books() {
  GoalDefinition goal;
  goal.starts_on = "2023-01-01";
  goal.ends_on = "2023-04-30";
  goal.target = 12;
  return goal;
}

TEST(GoalProgressLine, ATargetWithoutCadenceHasAPointAtEachMonthEnd) {
  const std::vector<Contribution> contributions = {{"2022-12-31", 1},  // before the start
                                                   {"2023-01-15", 1}, {"2023-02-03", 2},
                                                   {"2023-02-20", 1}, {"2023-04-10", 1},
                                                   {"2023-04-20", 1}};  // after today
  const auto line = line_of(books(), contributions, "2023-04-15");
  ASSERT_EQ(line.size(), 4u);
  EXPECT_EQ(line[0].date, "2023-01-31");
  EXPECT_DOUBLE_EQ(line[0].progress, 1);
  EXPECT_NEAR(*line[0].road, 3.1, 1e-9);  // 31 days
  EXPECT_EQ(line[1].date, "2023-02-28");
  EXPECT_DOUBLE_EQ(line[1].progress, 4);
  EXPECT_NEAR(*line[1].road, 5.9, 1e-9);  // 59 days
  EXPECT_EQ(line[2].date, "2023-03-31");
  EXPECT_DOUBLE_EQ(line[2].progress, 4);
  EXPECT_NEAR(*line[2].road, 9.0, 1e-9);  // 90 days
  EXPECT_EQ(line[3].date, "2023-04-15");  // today
  EXPECT_DOUBLE_EQ(line[3].progress, 5);
  EXPECT_NEAR(*line[3].road, 10.5, 1e-9);  // 105 days
  EXPECT_FALSE(line[3].outcome.has_value());
}

TEST(GoalProgressLine, TheLineStopsAtTheEndAndItsLastPointIsTheProgress) {
  const auto contributions = on({"2023-01-15", "2023-04-30", "2023-05-01"});
  const auto goal = books();
  const GoalState state = evaluate_goal(goal, contributions, "2023-06-01");
  const auto line = progress_line(goal, contributions, state, "2023-06-01");
  ASSERT_EQ(line.size(), 4u);
  EXPECT_EQ(line.back().date, "2023-04-30");
  EXPECT_NEAR(*line.back().road, 12, 1e-9);
  EXPECT_DOUBLE_EQ(line.back().progress, 2);
  EXPECT_DOUBLE_EQ(line.back().progress, state.progress);
}

TEST(GoalProgressLine, AFinishedGoalStopsOnItsFinishingDayWithTheRoadToItsPlannedEnd) {
  GoalDefinition goal = books();
  goal.finished_on = "2023-02-10";
  const auto line = line_of(goal, on({"2023-02-01", "2023-03-01"}), "2023-04-15");
  ASSERT_EQ(line.size(), 2u);
  EXPECT_EQ(line[1].date, "2023-02-10");
  EXPECT_DOUBLE_EQ(line[1].progress, 1);
  EXPECT_NEAR(*line[1].road, 4.1, 1e-9);  // 41 days of 120
}

TEST(GoalProgressLine, NoRoadWithoutTargetOrCadenceAndNothingBeforeTheStart) {
  GoalDefinition goal = books();
  goal.target.reset();
  const auto line = line_of(goal, on({"2023-01-15"}), "2023-01-20");
  ASSERT_EQ(line.size(), 1u);
  EXPECT_FALSE(line[0].road.has_value());
  EXPECT_DOUBLE_EQ(line[0].progress, 1);
  EXPECT_TRUE(line_of(books(), {}, "2022-12-31").empty());
}

TEST(GoalProgressLine, DueDatesEndTheRoadOnTheLastOne) {
  // Due 03-13 and 03-27 from 03-01: cycles 03-01..03-13 and 03-14..03-27; 27 days to a target
  // of 2.
  GoalDefinition goal;
  goal.starts_on = "2022-03-01";
  goal.target = 2;
  goal.cadence = {CadenceUnit::kDates, 0, 1, 0, {"2022-03-13", "2022-03-27"}};
  const auto line = line_of(goal, on({"2022-03-02", "2022-03-20"}), "2022-04-10");
  ASSERT_EQ(line.size(), 2u);
  EXPECT_EQ(line[0].date, "2022-03-13");
  EXPECT_NEAR(*line[0].road, 2.0 * 13 / 27, 1e-9);
  EXPECT_EQ(line[1].date, "2022-03-27");
  EXPECT_NEAR(*line[1].road, 2, 1e-9);
  EXPECT_DOUBLE_EQ(line[1].progress, 2);
}

}  // namespace
}  // namespace hoego
