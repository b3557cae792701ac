// Changing what a user set up — goals, tracks, people, plugins — each change one step of the
// same undo journal as entries, and bad input changing nothing.
#include <gtest/gtest.h>
#include <hoego/core/follow_up_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/journal_service.h>
#include <hoego/core/jsonl.h>
#include <hoego/core/local_days.h>
#include <hoego/core/plugin_switches.h>
#include <hoego/core/track_service.h>

#include <sstream>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

class SetupChanges : public testing::MentoringFixture {
 protected:
  void SetUp() override {
    MentoringFixture::SetUp();
    ASSERT_TRUE(align_local_days(*db, "Asia/Seoul").ok());
    goals.emplace(*db, plugins, "Asia/Seoul");
  }

  Goal biweekly() {
    NewGoal goal;
    goal.title = "격주 멘토링";
    goal.plugin = "mentoring";
    goal.kind = "session";
    goal.starts_on = "2022-03-06";
    goal.every = "14d";
    goal.passes = 1;
    auto added = goals->add(goal);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return *added;
  }

  std::string undo() {
    auto undone = service->undo();
    EXPECT_TRUE(undone.ok()) << undone.error().message;
    return undone.ok() ? undone->action : "";
  }

  // Everything a user keeps, as the lossless export writes it, but the journal.
  std::string everything() {
    std::ostringstream out;
    EXPECT_TRUE(export_jsonl(*db, out).ok());
    std::string kept;
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);)
      if (line.find("\"table\":\"operations\"") == std::string::npos) kept += line + "\n";
    return kept;
  }

  std::optional<GoalService> goals;
};

TEST_F(SetupChanges, AGoalEditIsUndoneToWhatItWas) {
  const Goal goal = biweekly();
  const std::string before = everything();
  GoalChanges changes;
  changes.title = "매주 멘토링";
  changes.every = "week";
  changes.passes = 0;
  changes.ends_on = "2022-06-30";
  auto edited = goals->edit(goal.id, changes);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->title, "매주 멘토링");
  EXPECT_EQ(edited->definition.cadence.unit, CadenceUnit::kWeek);
  EXPECT_EQ(edited->definition.ends_on, "2022-06-30");
  EXPECT_EQ(undo(), "goal.edit");
  EXPECT_EQ(everything(), before);
}

TEST_F(SetupChanges, AnEditThatWouldMakeTheGoalInvalidChangesNothing) {
  const Goal goal = biweekly();
  const std::string before = everything();
  GoalChanges bad;
  bad.ends_on = "2022-01-01";  // before it starts
  bad.passes = -1;
  auto edited = goals->edit(goal.id, bad);
  ASSERT_FALSE(edited.ok());
  EXPECT_EQ(edited.error().fields.front().field, "passes");
  EXPECT_NE(edited.error().in("ko").find("패스"), std::string::npos);
  GoalChanges backwards;
  backwards.ends_on = "2022-01-01";
  ASSERT_FALSE(goals->edit(goal.id, backwards).ok());
  EXPECT_EQ(goals->edit(goal.id, backwards).error().fields.front().field, "ends_on");
  GoalChanges no_cadence;
  no_cadence.every = "";  // neither a target nor a cadence left
  EXPECT_FALSE(goals->edit(goal.id, no_cadence).ok());
  EXPECT_EQ(goals->edit(999, GoalChanges{}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(everything(), before);
}

TEST_F(SetupChanges, ADeletedGoalComesBackWithUndo) {
  const Goal goal = biweekly();
  ASSERT_TRUE(goals->remove(goal.id).ok());
  EXPECT_TRUE(goals->list(std::nullopt)->empty());
  EXPECT_EQ(goals->remove(goal.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(undo(), "goal.delete");
  ASSERT_EQ(goals->list(std::nullopt)->size(), 1u);
}

TEST_F(SetupChanges, PausesAreCheckedAndUndone) {
  const Goal goal = biweekly();
  // A session in the first cycle only: the second is paused, not passed.
  ASSERT_TRUE(service->add(session("2022-03-08T19:00:00+09:00", "김민지", 60)).ok());
  const std::string before = everything();
  EXPECT_FALSE(goals->pause(goal.id, {"2022-04-10", "2022-04-01"}).ok()) << "ends before it starts";
  EXPECT_FALSE(goals->pause(goal.id, {"2022-04-01", "2022-13-01"}).ok());
  ASSERT_TRUE(goals->pause(goal.id, {"2022-03-20", "2022-04-02"}).ok());
  auto overlap = goals->pause(goal.id, {"2022-04-01", "2022-04-05"});
  ASSERT_FALSE(overlap.ok());
  EXPECT_NE(overlap.error().in("ko").find("겹칩니다"), std::string::npos);
  auto reports = goals->evaluate(std::nullopt, false, "2022-04-03");
  ASSERT_TRUE(reports.ok());
  EXPECT_EQ(std::string(outcome_name(reports->front().state.cycles[1].outcome)), "paused");
  EXPECT_EQ(reports->front().state.passes_left, 1);
  EXPECT_EQ(undo(), "goal.pause");
  EXPECT_EQ(everything(), before);
}

TEST_F(SetupChanges, ADueDateListRefusesDisorderAndMovesOneDate) {
  NewGoal input;
  input.title = "글또 마감";
  input.plugin = "mentoring";
  input.kind = "session";
  input.starts_on = "2022-04-01";
  input.deadlines = {"2022-04-10", "2022-04-24", "2022-04-20"};
  auto refused = goals->add(input);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.front().field, "deadlines");
  input.deadlines = {"2022-04-10", "2022-04-24", "2022-05-08", "2022-05-22"};
  auto added = goals->add(input);
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_FALSE(goals->move_deadline(added->id, "2022-05-08", "2022-05-30").ok())
      << "moved past the next due date, the list would be out of order";
  EXPECT_FALSE(goals->move_deadline(added->id, "2022-05-09", "2022-05-15").ok());
  auto moved = goals->move_deadline(added->id, "2022-05-08", "2022-05-15");
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->definition.cadence.due_dates[2], "2022-05-15");
  EXPECT_EQ(undo(), "goal.move_deadline");
  EXPECT_EQ(goals->get(added->id)->definition.cadence.due_dates[2], "2022-05-08");
}

TEST_F(SetupChanges, AnEditKeepsThePausesAndDueDatesItDoesNotName) {
  const Goal goal = biweekly();
  ASSERT_TRUE(goals->pause(goal.id, {"2022-03-20", "2022-04-02"}).ok());
  GoalChanges changes;
  changes.title = "격주 멘토링 (4기)";
  auto edited = goals->edit(goal.id, changes);
  ASSERT_TRUE(edited.ok());
  ASSERT_EQ(edited->definition.pauses.size(), 1u);
  EXPECT_EQ(edited->definition.pauses.front().from, "2022-03-20");
}

TEST_F(SetupChanges, AFinishedGoalLeavesTheListsButNotTheReport) {
  const Goal goal = biweekly();
  GoalChanges finish;
  finish.finished_on = "2022-04-02";
  ASSERT_TRUE(goals->edit(goal.id, finish).ok());
  EXPECT_TRUE(goals->evaluate(std::nullopt, false, "2022-05-01")->empty());
  auto kept = goals->evaluate(std::nullopt, false, "2022-05-01", true);
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ(kept->front().state.status, "finished");
  EXPECT_EQ(undo(), "goal.finish");
  EXPECT_EQ(goals->evaluate(std::nullopt, false, "2022-05-01")->size(), 1u);
}

TEST_F(SetupChanges, ADeletedTrackLeavesItsEntriesAndUndoLinksThemAgain) {
  TrackService tracks(*db, plugins);
  ASSERT_TRUE(
      tracks.add({"부스트캠프 4기", "mentoring", "2022-03-01", "2022-08-31", "", {"김민지"}}).ok());
  NewEntry entry = session("2022-03-08T19:00:00+09:00", "김민지", 60);
  entry.track = "부스트캠프 4기";
  auto added = service->add(entry);
  ASSERT_TRUE(added.ok());
  NewGoal input;
  input.title = "격주";
  input.plugin = "mentoring";
  input.kind = "session";
  input.track = "부스트캠프 4기";
  input.every = "14d";
  ASSERT_TRUE(goals->add(input).ok());
  const std::string before = everything();

  auto removed = tracks.remove("부스트캠프 4기");
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  EXPECT_EQ(removed->entries_unlinked, 1);
  EXPECT_EQ(removed->goals_deleted, 1);
  EXPECT_FALSE(service->get(added->id)->track.has_value()) << "the entry stays, in no track";
  EXPECT_TRUE(goals->list(std::nullopt)->empty());
  EXPECT_EQ(tracks.remove("부스트캠프 4기").error().code, ErrorCode::kNotFound);

  EXPECT_EQ(undo(), "track.delete");
  EXPECT_EQ(service->get(added->id)->track, "부스트캠프 4기");
  EXPECT_EQ(everything(), before);
}

TEST_F(SetupChanges, ATrackIsEditedClosedAndReopened) {
  TrackService tracks(*db, plugins);
  ASSERT_TRUE(tracks.add({"경량화 스터디", std::nullopt, "2022-03-01", std::nullopt, "", {}}).ok());
  TrackChanges changes;
  changes.name = "경량화 스터디 2기";
  changes.members = std::vector<std::string>{"김민지", "이준호"};
  changes.ends_on = "2022-02-01";
  EXPECT_FALSE(tracks.edit("경량화 스터디", changes).ok()) << "it would end before it starts";
  changes.ends_on = "2022-06-30";
  auto edited = tracks.edit("경량화 스터디", changes);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->members.size(), 2u);
  ASSERT_TRUE(tracks.close("경량화 스터디 2기").ok());
  EXPECT_EQ(tracks.close("경량화 스터디 2기").error().code, ErrorCode::kConflict);
  ASSERT_TRUE(tracks.reopen("경량화 스터디 2기").ok());
  EXPECT_EQ(undo(), "track.reopen");
  EXPECT_TRUE(tracks.get("경량화 스터디 2기")->closed_at.has_value());
  EXPECT_EQ(undo(), "track.close");
  EXPECT_EQ(undo(), "track.edit");
  auto original = tracks.get("경량화 스터디");
  ASSERT_TRUE(original.ok());
  EXPECT_TRUE(original->members.empty());
  EXPECT_FALSE(original->ends_on.has_value());
}

TEST_F(SetupChanges, MergingTwoPeopleMovesTheirEntriesAndGoalsByPerson) {
  ASSERT_TRUE(PeopleService(*db).add("민지", "피드에서 온 이름").ok());
  ASSERT_TRUE(service->add(session("2022-03-08T19:00:00+09:00", "김민지", 60)).ok());
  ASSERT_TRUE(service->add(session("2022-03-22T19:00:00+09:00", "민지", 60)).ok());
  NewEntry both = session("2022-04-05T19:00:00+09:00", "김민지", 60);
  both.people = {"민지", "김민지"};
  auto shared = service->add(both);
  ASSERT_TRUE(shared.ok());
  const Goal goal = biweekly();
  const std::string before = everything();

  PeopleService people(*db);
  EXPECT_EQ(people.merge("민지", "민지").error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(people.merge("없는 사람", "김민지").error().code, ErrorCode::kNotFound);
  auto kept = people.merge("민지", "김민지");
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_EQ(kept->entry_count, 3);
  EXPECT_EQ(service->get(shared->id)->people, std::vector<std::string>{"김민지"});
  auto by_person = goals->evaluate(std::nullopt, true, "2022-04-16");
  ASSERT_TRUE(by_person.ok());
  ASSERT_EQ(by_person->size(), 1u) << "one person now";
  EXPECT_EQ(by_person->front().person, "김민지");
  EXPECT_EQ(by_person->front().state.cycles_met, 3);

  EXPECT_EQ(undo(), "person.merge");
  EXPECT_EQ(everything(), before);
  EXPECT_EQ(service->get(shared->id)->people, (std::vector<std::string>{"민지", "김민지"}));
  EXPECT_EQ(goal.id, goals->list(std::nullopt)->front().id);
}

TEST_F(SetupChanges, APersonNamedByEntriesIsArchivedAndOneNamedByNoneIsDeleted) {
  ASSERT_TRUE(service->add(session("2022-03-08T19:00:00+09:00", "김민지", 60)).ok());
  PeopleService people(*db);
  bool deleted = true;
  ASSERT_TRUE(people.remove("김민지", deleted).ok());
  EXPECT_FALSE(deleted);
  ASSERT_TRUE(people.remove("이준호", deleted).ok());
  EXPECT_TRUE(deleted);
  EXPECT_TRUE(people.list()->empty());
  EXPECT_EQ(people.list(true)->size(), 1u);
  EXPECT_EQ(people.remove("이준호", deleted).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(undo(), "person.delete");
  EXPECT_EQ(undo(), "person.archive");
  EXPECT_EQ(people.list()->size(), 2u);
  auto renamed = people.edit("김민지", std::string("김민지 (4기)"), std::nullopt);
  ASSERT_TRUE(renamed.ok());
  EXPECT_EQ(service->list({})->front().people.front(), "김민지 (4기)");
  EXPECT_EQ(people.edit("김민지 (4기)", std::string("이준호"), std::nullopt).error().code,
            ErrorCode::kConflict);
}

TEST_F(SetupChanges, ADisabledPluginsEntriesStayReadableAndExportTheSame) {
  auto added = service->add(session("2022-03-08T19:00:00+09:00", "김민지", 60));
  ASSERT_TRUE(added.ok());
  std::ostringstream before;
  ASSERT_TRUE(export_jsonl(*db, before).ok());
  PluginSwitches switches(*db, plugins);
  ASSERT_TRUE(switches.disable("mentoring").ok());
  EXPECT_EQ(plugins.find("mentoring"), nullptr);
  EXPECT_EQ(switches.disable("mentoring").error().code, ErrorCode::kConflict);
  EXPECT_EQ(switches.disable("없는-플러그인").error().code, ErrorCode::kNotFound);
  EntryFilter filter;
  filter.plugin = "mentoring";
  auto listed = service->list(filter);
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  EXPECT_EQ(listed->size(), 1u);
  auto unloaded = switches.unloaded();
  ASSERT_EQ(unloaded->size(), 1u);
  EXPECT_EQ(unloaded->front().plugin, "mentoring");
  EXPECT_EQ(unloaded->front().entries, 1);
  EXPECT_EQ(unloaded->front().reason, "disabled");
  // The export holds the switch too; the entries' lines are the same bytes.
  std::ostringstream after;
  ASSERT_TRUE(export_jsonl(*db, after).ok());
  auto entry_lines = [](const std::string& text) {
    std::string kept;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      if (line.find("\"table\":\"entries\"") != std::string::npos ||
          line.find("\"table\":\"entry_people\"") != std::string::npos)
        kept += line + "\n";
    return kept;
  };
  EXPECT_EQ(entry_lines(after.str()), entry_lines(before.str()));
  EXPECT_EQ(undo(), "plugin.disable");
  ASSERT_TRUE(switches.apply().ok());
  EXPECT_NE(plugins.find("mentoring"), nullptr);
}

TEST_F(SetupChanges, AFollowUpTickedIsAnEditInTheEntrysHistory) {
  NewEntry entry = session("2022-03-08T19:00:00+09:00", "김민지", 60);
  entry.fields["followups"] = {{{"text", "이력서 링크 보내기"}},
                               {{"text", "책 추천"}, {"done", true}}};
  auto added = service->add(entry);
  ASSERT_TRUE(added.ok()) << added.error().message;
  FollowUpService follow_ups(*db, plugins, "Asia/Seoul");
  auto open = follow_ups.list(false);
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ(open->front().text, "이력서 링크 보내기");
  EXPECT_EQ(follow_ups.tick(added->id, "followups", 5, true).error().code,
            ErrorCode::kInvalidInput);
  EXPECT_EQ(follow_ups.tick(added->id, "duration_min", 0, true).error().code,
            ErrorCode::kInvalidInput);
  ASSERT_TRUE(follow_ups.tick(added->id, "followups", 0, true).ok());
  EXPECT_TRUE(follow_ups.list(false)->empty());
  auto history = service->history(added->id);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->back().fields["followups"][0]["done"], true);
  EXPECT_EQ(undo(), "edit");
  EXPECT_EQ(follow_ups.list(false)->size(), 1u);
}

TEST_F(SetupChanges, TheJournalListsEveryStepNewestFirst) {
  const Goal goal = biweekly();
  ASSERT_TRUE(goals->pause(goal.id, {"2022-03-20", "2022-04-02"}).ok());
  auto steps = JournalService(*db).steps("goal", std::to_string(goal.id), 10);
  ASSERT_TRUE(steps.ok());
  ASSERT_EQ(steps->size(), 2u);
  EXPECT_EQ(steps->front().action, "goal.pause");
  EXPECT_EQ(steps->front().summary.ko, "목표 ‘격주 멘토링’ 일시 중지");
  EXPECT_EQ(steps->back().summary.en, "goal ‘격주 멘토링’ added");
  EXPECT_FALSE(JournalService(*db).steps("goals", std::nullopt, 10).ok());
  EXPECT_FALSE(JournalService(*db).steps(std::nullopt, std::nullopt, 0).ok());
}

}  // namespace
}  // namespace hoego
