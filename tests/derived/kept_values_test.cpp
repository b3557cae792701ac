// Goal contributions and metric values kept between calls (migration 3): reused while none of
// the days they were computed from changed, computed again as soon as one did.
#include <gtest/gtest.h>
#include <hoego/core/dashboard_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/local_days.h>
#include <hoego/core/metric_service.h>
#include <hoego/core/milestone_service.h>
#include <hoego/core/report.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

using nlohmann::json;

class KeptValues : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    NewGoal goal;
    goal.title = "2024 멘토링 10회";
    goal.plugin = "mentoring";
    goal.kind = "session";
    goal.year = 2024;
    goal.target = 10;
    ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(goal).ok());
    first = add(session("2024-03-01T19:00:00+09:00", "김민지", 30));
    add(session("2024-03-08T19:00:00+09:00", "이준호", 30));
  }

  int64_t add(const NewEntry& entry) {
    auto added = service->add(entry);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? added->id : 0;
  }

  double goal_progress(const std::string& zone = "Asia/Seoul") {
    auto reports = GoalService(*db, plugins, zone).evaluate(std::nullopt, false, "2025-01-01");
    EXPECT_TRUE(reports.ok() && reports->size() == 1u);
    return reports.ok() && !reports->empty() ? reports->front().state.progress : -1;
  }

  double metric(const std::string& id) {
    auto values = MetricService(*db, plugins).compute("mentoring", {"2024-01-01", "2024-12-31"});
    EXPECT_TRUE(values.ok());
    if (values.ok())
      for (const auto& value : *values)
        if (value.id == id) return value.value;
    return -1;
  }

  // Overwrites every kept value whose key starts with `prefix`: a call that returns it did not
  // compute again.
  void tamper(const std::string& prefix, const std::string& value) {
    auto statement = db->prepare("UPDATE derived_values SET value = ? WHERE key LIKE ? || '%'");
    ASSERT_TRUE(statement.ok());
    ASSERT_TRUE(statement->bind(1, value).bind(2, prefix).run().ok());
    ASSERT_GT(db->changes(), 0) << "nothing kept under " << prefix;
  }

  // Overwrites the kept mentoring section of the report (kept beside the goals it was handed).
  void tamper_section(const std::string& section) {
    auto statement = db->prepare(
        "UPDATE derived_values SET value = json_set(value, '$.section', json(?)) "
        "WHERE key LIKE 'report section mentoring %'");
    ASSERT_TRUE(statement.ok());
    ASSERT_TRUE(statement->bind(1, section).run().ok());
    ASSERT_GT(db->changes(), 0) << "no mentoring section kept";
  }

  // The first paragraph of the mentoring plugin's section of the 2024 report.
  std::string mentoring_section() {
    auto report = build_year_report(*db, plugins, 2024, "Asia/Seoul", "en");
    EXPECT_TRUE(report.ok());
    if (report.ok())
      for (const auto& section : report->sections)
        if (section.plugin == "mentoring") return section.paragraphs.front();
    return "(none)";
  }

  int64_t first = 0;
};

TEST_F(KeptValues, AGoalIsReadAgainOnlyWhenADayInItsPeriodChanges) {
  EXPECT_EQ(goal_progress(), 2);
  tamper("goal ", R"({"2024-03-01": 7})");
  EXPECT_EQ(goal_progress(), 7) << "the kept contributions were not used";
  add(session("2025-02-01T19:00:00+09:00", "김민지", 30));
  EXPECT_EQ(goal_progress(), 7) << "a day outside the goal's period changed nothing it read";
  add(session("2024-05-01T19:00:00+09:00", "김민지", 30));
  EXPECT_EQ(goal_progress(), 8) << "only the days around the changed one are read again";
}

// Changing the user's zone dates the stored days again, and what was kept from a day an entry
// left or reached is computed again: nothing made under the old zone is served.
TEST_F(KeptValues, ChangingTheZoneComputesAgainWhatTheMovedEntriesTouched) {
  // 01:00 on New Year's Day in Seoul is 17:00 on 2023-12-31 in Berlin.
  add(session("2024-01-01T01:00:00+09:00", "김민지", 30));
  EXPECT_EQ(goal_progress(), 3);
  tamper("goal ", R"({"2024-01-01": 5, "2024-03-01": 1, "2024-03-08": 1})");
  EXPECT_EQ(goal_progress(), 7) << "the kept contributions were not used";
  ASSERT_TRUE(align_local_days(*db, "Europe/Berlin").ok());
  EXPECT_EQ(goal_progress("Europe/Berlin"), 2)
      << "the kept contributions of Seoul's days were used";
  ASSERT_TRUE(align_local_days(*db, "Asia/Seoul").ok());
  EXPECT_EQ(goal_progress(), 3);
}

TEST_F(KeptValues, AnEditOrDeletionInThePeriodIsSeen) {
  EXPECT_EQ(goal_progress(), 2);
  EXPECT_EQ(metric("sessions"), 2);
  tamper("goal ", R"({"2024-03-01": 7, "2024-03-08": 1})");
  tamper("metric mentoring/sessions ", R"({"2024-03-01": 6, "2024-03-08": 1})");
  ASSERT_TRUE(service->remove(first).ok());
  EXPECT_EQ(goal_progress(), 1);
  EXPECT_EQ(metric("sessions"), 1);
}

TEST_F(KeptValues, AMetricIsComputedAgainOnlyWhenADayInItsPeriodChanges) {
  EXPECT_EQ(metric("sessions"), 2);
  EXPECT_EQ(metric("mentees"), 2);
  tamper("metric mentoring/sessions ", R"({"2024-03-01": 41, "2024-03-08": 1})");
  tamper("metric mentoring/mentees ", "42");
  EXPECT_EQ(metric("sessions"), 42);
  add(session("2023-12-30T19:00:00+09:00", "김민지", 30));
  EXPECT_EQ(metric("sessions"), 42);
  // Changing who an entry was with changes the days it is on, for the distinct-people metric.
  EntryChanges changes;
  changes.people = std::vector<std::string>{"이준호"};
  ASSERT_TRUE(service->edit(first, changes).ok());
  EXPECT_EQ(metric("sessions"), 2);
  EXPECT_EQ(metric("mentees"), 1);
}

TEST_F(KeptValues, AHeatmapIsCountedAgainOnlyWhenADayOfItsYearChanges) {
  auto counts = [&] {
    auto heatmap = DashboardService(*db, plugins, "Asia/Seoul").heatmap(2024, std::nullopt);
    EXPECT_TRUE(heatmap.ok());
    int64_t total = 0;
    if (heatmap.ok())
      for (const auto& day : heatmap->days) total += day.count;
    return total;
  };
  EXPECT_EQ(counts(), 2);
  tamper("heatmap 2024", R"({"2024-03-01": 8, "2024-03-08": 1})");
  EXPECT_EQ(counts(), 9);
  add(session("2025-01-05T19:00:00+09:00", "김민지", 30));
  EXPECT_EQ(counts(), 9) << "another year's day changed nothing the heatmap counted";
  add(session("2024-12-31T19:00:00+09:00", "김민지", 30));
  EXPECT_EQ(counts(), 10) << "only the changed day is counted again";
  ASSERT_TRUE(service->remove(first).ok());
  EXPECT_EQ(counts(), 2);
}

TEST_F(KeptValues, APluginsReportSectionIsWrittenAgainOnlyWhenItsYearChanges) {
  EXPECT_NE(mentoring_section().find("2 sessions"), std::string::npos) << mentoring_section();
  tamper_section(R"({"title":"kept","paragraphs":["kept"]})");
  EXPECT_EQ(mentoring_section(), "kept");
  add(session("2024-06-01T19:00:00+09:00", "김민지", 30));
  EXPECT_NE(mentoring_section().find("3 sessions"), std::string::npos) << mentoring_section();
  // Sections name people: renaming one is a change to every day they are named on.
  tamper_section(R"({"title":"kept","paragraphs":["kept"]})");
  auto rename = db->prepare("UPDATE people SET name = '김민지 (멘티)' WHERE name = '김민지'");
  ASSERT_TRUE(rename.ok() && rename->run().ok());
  EXPECT_NE(mentoring_section().find("3 sessions"), std::string::npos) << mentoring_section();
}

// The mentoring section is added up a month at a time (hoego.resumable_year_report.v1): a change
// hands the plugin the changed month and those after it, going on from the state kept after the
// last month before, which is taken as it is.
TEST_F(KeptValues, AReportSectionGoesOnFromTheLastMonthBeforeTheChangedOne) {
  EXPECT_NE(mentoring_section().find("2 sessions"), std::string::npos) << mentoring_section();
  tamper("report state mentoring ",
         R"({"sessions":40,"minutes":1200,"open_followups":0,"met":{"김민지":39,"이준호":1}})");
  add(session("2024-06-01T19:00:00+09:00", "김민지", 30));
  EXPECT_NE(mentoring_section().find("41 sessions with 2 mentees, 20.5 hours"), std::string::npos)
      << mentoring_section();
  // A session in February changes what the state after March was added up from.
  add(session("2024-02-01T19:00:00+09:00", "이준호", 30));
  EXPECT_NE(mentoring_section().find("4 sessions with 2 mentees, 2 hours"), std::string::npos)
      << mentoring_section();
}

// A seeded random history of adds, moves across midnight, deletions and undos: after each step
// the goals (in a zone with daylight saving), the heatmap, the figures and the year report equal
// those of a copy of the database with nothing kept.
TEST_F(KeptValues, AfterAnyHistoryGoalsFiguresAndTheReportEqualThoseComputedFromNothing) {
  NewGoal weekly;
  weekly.title = "매주 멘토링";
  weekly.plugin = "mentoring";
  weekly.kind = "session";
  weekly.starts_on = "2024-01-01";
  weekly.every = "week";
  ASSERT_TRUE(GoalService(*db, plugins, "Europe/Berlin").add(weekly).ok());
  NewGoal minutes;
  minutes.title = "멘토링 시간";
  minutes.plugin = "mentoring";
  minutes.kind = "session";
  minutes.year = 2024;
  minutes.target = 3000;
  minutes.sum_field = "duration_min";
  ASSERT_TRUE(GoalService(*db, plugins, "Europe/Berlin").add(minutes).ok());

  std::mt19937 random(7);
  auto pick = [&](int below) { return std::uniform_int_distribution<int>(0, below - 1)(random); };
  auto moment = [&] {
    char text[64];
    // Late evenings and early mornings, on both sides of midnight in Seoul and in Berlin.
    std::snprintf(text, sizeof text, "2024-%02d-%02dT%02d:30:00+09:00", 1 + pick(12), 1 + pick(28),
                  pick(2) == 0 ? 1 + pick(8) : 15 + pick(9));
    return std::string(text);
  };
  std::vector<int64_t> ids{first};
  const auto copy_path = directory.path() / "fresh.db";
  auto state_of = [&](Database& database) {
    json state = json::array();
    auto reports = GoalService(database, plugins, "Europe/Berlin")
                       .evaluate(std::nullopt, false, std::string("2024-12-31"));
    EXPECT_TRUE(reports.ok());
    if (reports.ok())
      for (const auto& report : *reports) state.push_back(to_json(report));
    auto heatmap = DashboardService(database, plugins, "Europe/Berlin").heatmap(2024, std::nullopt);
    EXPECT_TRUE(heatmap.ok());
    if (heatmap.ok()) state.push_back(to_json(*heatmap));
    auto figures =
        MetricService(database, plugins).compute(std::nullopt, {"2024-01-01", "2024-12-31"});
    EXPECT_TRUE(figures.ok());
    if (figures.ok())
      for (const auto& figure : *figures) state.push_back(to_json(figure));
    auto report = build_year_report(database, plugins, 2024, "Europe/Berlin", "en");
    EXPECT_TRUE(report.ok());
    if (report.ok()) state.push_back(to_json(*report));
    return state;
  };
  for (int step = 0; step < 80; ++step) {
    const int action = pick(10);
    const int64_t some = ids[static_cast<size_t>(pick(static_cast<int>(ids.size())))];
    if (action <= 4) {
      NewEntry entry = session(moment(), pick(2) == 0 ? "김민지" : "이준호", 30 + 30 * pick(4));
      if (pick(3) == 0) {  // a post, for the per-month and longest-gap figures
        entry.plugin = "writing";
        entry.kind = "post";
        entry.people.clear();
        entry.fields = {{"url", "https://example.github.io/" + std::to_string(step)}};
      }
      ids.push_back(add(entry));
    } else if (action <= 6) {
      EntryChanges changes;
      changes.when = moment();
      (void)service->edit(some, changes);
    } else if (action == 7) {
      EntryChanges changes;
      changes.fields = {{"duration_min", 15 + 15 * pick(8)}};
      (void)service->edit(some, changes);
    } else if (action == 8) {
      (void)service->remove(some);
    } else {
      (void)service->undo();
    }
    const json kept = state_of(*db);
    std::filesystem::remove(copy_path);
    auto vacuum = db->prepare("VACUUM INTO ?");
    ASSERT_TRUE(vacuum.ok() && vacuum->bind(1, copy_path.string()).run().ok());
    auto fresh = Database::open(copy_path);
    ASSERT_TRUE(fresh.ok());
    ASSERT_TRUE(fresh->execute_script("DELETE FROM derived_values").ok());
    ASSERT_EQ(kept, state_of(*fresh)) << "at step " << step;
  }
}

TEST_F(KeptValues, AKeptValueOfAnotherShapeIsComputedAgainAndReplaced) {
  EXPECT_EQ(metric("sessions"), 2);
  EXPECT_EQ(goal_progress(), 2);
  tamper("metric mentoring/sessions ", "42");
  tamper("goal ", R"([["2024-03-01", 7]])");  // as hoego kept it before sharing one form
  EXPECT_EQ(metric("sessions"), 2);
  EXPECT_EQ(goal_progress(), 2);
  tamper("metric mentoring/sessions ", R"({"2024-03-01": 41, "2024-03-08": 1})");
  EXPECT_EQ(metric("sessions"), 42) << "the value computed again was not kept";
}

TEST_F(KeptValues, InsideAnOpenTransactionNothingIsKept) {
  ASSERT_TRUE(db->execute_script("BEGIN").ok());
  EXPECT_EQ(goal_progress(), 2);
  EXPECT_EQ(metric("sessions"), 2);
  ASSERT_TRUE(db->execute_script("ROLLBACK").ok());
  auto kept = db->prepare("SELECT count(*) FROM derived_values");
  ASSERT_TRUE(kept.ok() && kept->step().ok());
  EXPECT_EQ(kept->integer(0), 0);
}

TEST_F(KeptValues, WhileAnotherProcessWritesNothingIsKeptYetEverythingIsAnswered) {
  auto other = Database::open(directory.path() / "hoego.db");
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(other->execute_script("BEGIN IMMEDIATE").ok());  // its write lock, held
  EXPECT_EQ(goal_progress(), 2);
  EXPECT_EQ(metric("sessions"), 2);
  auto milestones = MilestoneService(*db, plugins, "Asia/Seoul").derive(std::nullopt);
  ASSERT_TRUE(milestones.ok()) << milestones.error().message;
  EXPECT_FALSE(milestones->reached.empty());
  auto count = [&](const char* table) {
    auto rows = db->prepare(std::string("SELECT count(*) FROM ") + table);
    EXPECT_TRUE(rows.ok() && rows->step().ok());
    return rows.ok() ? rows->integer(0) : -1;
  };
  EXPECT_EQ(count("derived_values"), 0) << "kept while another process held the write lock";
  EXPECT_EQ(count("reached_milestones"), 0);
  ASSERT_TRUE(other->execute_script("ROLLBACK").ok());
  EXPECT_EQ(goal_progress(), 2);
  EXPECT_GT(count("derived_values"), 0) << "kept once the lock was free";
}

}  // namespace
}  // namespace hoego
