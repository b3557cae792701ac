// Goals through the service: local midnights in the user's zone, tracks, deletions, people.
#include <gtest/gtest.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/local_days.h>
#include <hoego/core/track_service.h>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

class GoalsOverEntries : public testing::MentoringFixture {
 protected:
  // As every command does, the stored days are first dated in the zone the user has now.
  Goal add_goal(NewGoal goal, const std::string& zone = "Asia/Seoul") {
    EXPECT_TRUE(align_local_days(*db, zone).ok());
    auto added = GoalService(*db, plugins, zone).add(goal);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? *added : Goal{};
  }
  GoalState state(const std::string& today, const std::string& zone = "Asia/Seoul") {
    EXPECT_TRUE(align_local_days(*db, zone).ok());
    auto reports = GoalService(*db, plugins, zone).evaluate(std::nullopt, false, today);
    EXPECT_TRUE(reports.ok());
    EXPECT_EQ(reports->size(), 1u);
    return reports->front().state;
  }
  static NewGoal biweekly_sessions() {
    NewGoal goal;
    goal.title = "격주 멘토링";
    goal.plugin = "mentoring";
    goal.kind = "session";
    goal.starts_on = "2022-03-06";
    goal.every = "14d";
    goal.passes = 2;
    return goal;
  }
};

TEST_F(GoalsOverEntries, LastSecondOfTheDeadlineDayCountsAndMidnightDoesNot) {
  add_goal(biweekly_sessions());
  ASSERT_TRUE(service->add(session("2022-03-19T23:59:59+09:00", "김민지", 30)).ok());
  ASSERT_TRUE(service->add(session("2022-04-03T00:00:00+09:00", "김민지", 30)).ok());
  const GoalState now = state("2022-04-03");
  ASSERT_EQ(now.cycles.size(), 3u);
  EXPECT_EQ(now.cycles[0].amount, 1) << "23:59:59 on 03-19 is inside the first cycle";
  EXPECT_EQ(now.cycles[1].amount, 0) << "00:00:00 on 04-03 belongs to the third cycle";
  EXPECT_EQ(now.cycles[2].amount, 1);
  EXPECT_EQ(std::string(outcome_name(now.cycles[1].outcome)), "passed");
}

TEST_F(GoalsOverEntries, EntriesAreDatedInTheUsersZoneNotTheirOwnOffset) {
  add_goal(biweekly_sessions());
  // 01:00 in Seoul on 03-20 is still 03-19 in Berlin (17:00 +01:00).
  ASSERT_TRUE(service->add(session("2022-03-20T01:00:00+09:00", "김민지", 30)).ok());
  EXPECT_EQ(state("2022-03-25", "Asia/Seoul").cycles[0].amount, 0);
  EXPECT_EQ(state("2022-03-25", "Europe/Berlin").cycles[0].amount, 1);
}

TEST_F(GoalsOverEntries, BerlinCyclesStayOnLocalMidnightsAcrossDaylightSaving) {
  NewGoal weekly = biweekly_sessions();
  weekly.starts_on = "2022-10-24";
  weekly.every = "week";
  weekly.passes = 0;
  add_goal(weekly, "Europe/Berlin");
  // Summer time ends on 2022-10-30. 00:30 on Monday 10-31 in Berlin (+01:00) is 23:30 UTC on
  // Sunday: it must fall in the second week, not the first.
  ASSERT_TRUE(service->add(session("2022-10-31T00:30:00+01:00", "김민지", 30)).ok());
  // 23:30 on Sunday 10-30 in Berlin, after the change, is the first week's last half-hour.
  ASSERT_TRUE(service->add(session("2022-10-30T23:30:00+01:00", "이준호", 30)).ok());
  const GoalState now = state("2022-11-01", "Europe/Berlin");
  ASSERT_EQ(now.cycles.size(), 2u);
  EXPECT_EQ(now.cycles[0].ends_on, "2022-10-30");
  EXPECT_EQ(now.cycles[0].amount, 1);
  EXPECT_EQ(now.cycles[1].amount, 1);
}

TEST_F(GoalsOverEntries, DeletedEntriesNeverCount) {
  NewGoal year;
  year.title = "2022 멘토링 10회";
  year.plugin = "mentoring";
  year.kind = "session";
  year.year = 2022;
  year.target = 10;
  add_goal(year);
  auto kept = service->add(session("2022-05-01T20:00+09:00", "김민지", 60));
  auto dropped = service->add(session("2022-05-02T20:00+09:00", "김민지", 60));
  ASSERT_TRUE(service->add(session("2023-01-01T00:00+09:00", "김민지", 60)).ok());
  ASSERT_TRUE(service->remove(dropped->id).ok());
  EXPECT_EQ(state("2022-12-31").progress, 1);
}

TEST_F(GoalsOverEntries, SumsAFieldAndKeepsToItsTrack) {
  ASSERT_TRUE(TrackService(*db, plugins)
                  .add({"부스트캠프 4기", "mentoring", "2022-09-19", "2023-02-10", "", {"김민지"}})
                  .ok());
  NewGoal hours;
  hours.title = "멘토링 20시간";
  hours.plugin = "mentoring";
  hours.kind = "session";
  hours.track = "부스트캠프 4기";
  hours.target = 1200;
  hours.sum_field = "duration_min";
  const Goal goal = add_goal(hours);
  EXPECT_EQ(goal.definition.starts_on, "2022-09-19") << "the track's dates are the default";
  EXPECT_EQ(goal.definition.ends_on, "2023-02-10");
  NewEntry in_track = session("2022-10-05T20:00+09:00", "김민지", 90);
  in_track.track = "부스트캠프 4기";
  ASSERT_TRUE(service->add(in_track).ok());
  ASSERT_TRUE(service->add(session("2022-10-06T20:00+09:00", "김민지", 60)).ok());  // no track
  EXPECT_EQ(state("2022-11-01").progress, 90);
}

TEST_F(GoalsOverEntries, ByPersonShowsWhoIsAtRisk) {
  ASSERT_TRUE(
      TrackService(*db, plugins)
          .add({"글또 7기", std::nullopt, "2022-03-06", "2022-08-27", "", {"김민지", "이준호"}})
          .ok());
  NewGoal cohort = biweekly_sessions();
  cohort.track = "글또 7기";
  cohort.starts_on.reset();
  add_goal(cohort);
  NewEntry minji = session("2022-03-10T21:00+09:00", "김민지", 30);
  minji.track = "글또 7기";
  ASSERT_TRUE(service->add(minji).ok());
  auto reports = GoalService(*db, plugins, "Asia/Seoul").evaluate("글또 7기", true, "2022-03-15");
  ASSERT_TRUE(reports.ok());
  ASSERT_EQ(reports->size(), 2u);
  EXPECT_EQ(reports->at(0).person, "이준호") << "the one at risk comes first";
  EXPECT_TRUE(reports->at(0).state.at_risk);
  EXPECT_EQ(reports->at(1).person, "김민지");
  EXPECT_FALSE(reports->at(1).state.at_risk);
}

struct BadGoal {
  const char* name;
  void (*change)(NewGoal&);
  const char* message;
};

void PrintTo(const BadGoal& goal, std::ostream* out) { *out << goal.name; }

class GoalRejection : public GoalsOverEntries, public ::testing::WithParamInterface<BadGoal> {};

TEST_P(GoalRejection, NamesTheProblemAndWritesNothing) {
  NewGoal goal = biweekly_sessions();
  GetParam().change(goal);
  auto added = GoalService(*db, plugins, "Asia/Seoul").add(goal);
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.error().message.find(GetParam().message), std::string::npos)
      << added.error().message;
  EXPECT_TRUE(GoalService(*db, plugins, "Asia/Seoul").list(std::nullopt)->empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GoalRejection,
    ::testing::Values(
        BadGoal{"ZeroTarget", [](NewGoal& g) { g.target = 0; },
                "the target must be more than zero"},
        BadGoal{"NegativeTarget", [](NewGoal& g) { g.target = -3; },
                "the target must be more than zero"},
        BadGoal{"ZeroCycle", [](NewGoal& g) { g.every = "0d"; }, "has no days in it"},
        BadGoal{"NotACadence", [](NewGoal& g) { g.every = "fortnightly-ish"; }, "is not a cadence"},
        BadGoal{"StartAfterEnd", [](NewGoal& g) { g.ends_on = "2022-03-01"; },
                "starts (2022-03-06) after it ends (2022-03-01)"},
        BadGoal{"UnknownTrack", [](NewGoal& g) { g.track = "없는 트랙"; },
                "no track named '없는 트랙'"},
        BadGoal{"UnknownKind", [](NewGoal& g) { g.kind = "post"; }, "unknown kind 'post'"},
        BadGoal{"SumOfText", [](NewGoal& g) { g.sum_field = "topics"; },
                "‘Topics’ is not a numeric field"},
        BadGoal{"NoStart", [](NewGoal& g) { g.starts_on.reset(); }, "a goal needs a start"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace hoego
