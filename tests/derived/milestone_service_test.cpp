// Milestones kept between calls (migrations 3 and 6): a plugin that resumes is given only entries
// it has not seen, anything that touches a seen entry takes it back to the last checkpoint before
// that entry (or to its start), and whatever happens the answer is the one a derivation from
// nothing would give.
#include <gtest/gtest.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/milestone_service.h>

#include <random>
#include <string>
#include <vector>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

using nlohmann::json;

class KeptMilestones : public testing::MentoringFixture {
 public:
  using MentoringFixture::session;

  std::vector<ReachedMilestone> derive(
      Database& database, int entries_per_checkpoint = MilestoneService::kEntriesPerCheckpoint) {
    auto reached = MilestoneService(database, plugins, "Asia/Seoul", entries_per_checkpoint)
                       .derive(std::nullopt);
    EXPECT_TRUE(reached.ok()) << reached.error().message;
    if (reached.ok()) EXPECT_TRUE(reached->failed.empty());
    return reached.ok() ? reached->reached : std::vector<ReachedMilestone>{};
  }

  // "tenth_session#12" for each milestone, in the order reached.
  std::vector<std::string> names(
      int entries_per_checkpoint = MilestoneService::kEntriesPerCheckpoint) {
    std::vector<std::string> result;
    for (const auto& milestone : derive(*db, entries_per_checkpoint))
      result.push_back(milestone.id + "#" + std::to_string(milestone.entry_id) +
                       (milestone.person.empty() ? "" : ":" + milestone.person));
    return result;
  }

  static bool has(const std::vector<std::string>& reached, const std::string& prefix) {
    for (const auto& name : reached)
      if (name.rfind(prefix, 0) == 0) return true;
    return false;
  }

  void sql(const std::string& text) {
    auto statement = db->prepare(text);
    ASSERT_TRUE(statement.ok()) << statement.error().message;
    ASSERT_TRUE(statement->run().ok());
  }

  // Pretends the mentoring plugin already counted nine sessions with both mentees: only a
  // plugin that resumes from the kept state reaches a tenth session with the next one.
  void pretend_nine_sessions_were_seen() {
    sql(R"(UPDATE milestone_progress SET state = '{"sessions":9,"minutes":{"김민지":30,"이준호":30}}'
           WHERE plugin = 'mentoring')");
  }

  int64_t add(const NewEntry& entry) {
    auto added = service->add(entry);
    EXPECT_TRUE(added.ok()) << added.error().message;
    return added.ok() ? added->id : 0;
  }
};

TEST_F(KeptMilestones, ANewerEntryIsGivenToThePluginWithTheStateItLeft) {
  add(session("2024-03-01T19:00:00+09:00", "김민지", 30));
  add(session("2024-03-08T19:00:00+09:00", "이준호", 30));
  EXPECT_FALSE(has(names(), "tenth_session"));
  pretend_nine_sessions_were_seen();

  const int64_t next = add(session("2024-03-15T19:00:00+09:00", "김민지", 30));
  const auto reached = names();
  EXPECT_TRUE(has(reached, "tenth_session#" + std::to_string(next)))
      << "the plugin was not resumed from the kept state";
  EXPECT_EQ(
      std::count_if(reached.begin(), reached.end(),
                    [](const auto& name) { return has({name}, "first_session_with_mentee"); }),
      2)
      << "the kept milestones are kept, and the state knew both mentees";
}

// Each way of touching an entry the plugin has seen makes it start over from nothing (there is no
// checkpoint before it), which forgets the pretended nine sessions.
struct Change {
  const char* name;
  void (*apply)(KeptMilestones& test, EntryService& service, int64_t first, int64_t last);
};

class StartingOver : public KeptMilestones, public ::testing::WithParamInterface<Change> {};

TEST_P(StartingOver, ForgetsTheKeptState) {
  const int64_t first = add(session("2024-03-01T19:00:00+09:00", "김민지", 30));
  const int64_t last = add(session("2024-03-08T19:00:00+09:00", "이준호", 30));
  names();
  pretend_nine_sessions_were_seen();
  GetParam().apply(*this, *service, first, last);
  add(session("2024-04-01T19:00:00+09:00", "이준호", 30));
  EXPECT_FALSE(has(names(), "tenth_session")) << GetParam().name << " did not start over";
}

INSTANTIATE_TEST_SUITE_P(
    KeptMilestones, StartingOver,
    ::testing::Values(Change{"an edit",
                             [](KeptMilestones&, EntryService& service, int64_t first, int64_t) {
                               EntryChanges changes;
                               changes.title = "다시 쓴 제목";
                               ASSERT_TRUE(service.edit(first, changes).ok());
                             }},
                      Change{"a changed mentee",
                             [](KeptMilestones&, EntryService& service, int64_t first, int64_t) {
                               EntryChanges changes;
                               changes.people = std::vector<std::string>{"이준호"};
                               ASSERT_TRUE(service.edit(first, changes).ok());
                             }},
                      Change{"a deletion",
                             [](KeptMilestones&, EntryService& service, int64_t first, int64_t) {
                               ASSERT_TRUE(service.remove(first).ok());
                             }},
                      Change{"an undone add", [](KeptMilestones&, EntryService& service, int64_t,
                                                 int64_t) { ASSERT_TRUE(service.undo().ok()); }},
                      Change{"an earlier entry",
                             [](KeptMilestones& test, EntryService&, int64_t, int64_t) {
                               test.add(test.session("2024-02-01T19:00:00+09:00", "김민지", 30));
                             }},
                      Change{"a renamed mentee",
                             [](KeptMilestones& test, EntryService&, int64_t, int64_t) {
                               test.sql("UPDATE people SET name = '김민지2' WHERE name = '김민지'");
                             }}),
    [](const auto& info) {
      std::string name = info.param.name;
      for (char& c : name)
        if (c == ' ') c = '_';
      return name;
    });

// With a checkpoint every two entries, a change goes back to the last checkpoint before the
// changed entry: the pretended count kept there is built on, and what later entries reached is
// derived again. A change before every checkpoint starts over.
TEST_F(KeptMilestones, AChangeGoesBackToTheLastCheckpointBeforeIt) {
  constexpr int kEvery = 2;
  std::vector<int64_t> ids;
  for (int day = 1; day <= 6; ++day)
    ids.push_back(add(session("2024-03-0" + std::to_string(day) + "T19:00:00+09:00",
                              day % 2 == 0 ? "김민지" : "이준호", 30)));
  EXPECT_FALSE(has(names(kEvery), "tenth_session"));
  {
    auto count = db->prepare("SELECT count(*) FROM milestone_checkpoints");
    ASSERT_TRUE(count.ok() && count->step().ok());
    EXPECT_EQ(count->integer(0), 3) << "one after each two entries";
  }
  sql("UPDATE milestone_checkpoints SET state = "
      R"('{"sessions":8,"minutes":{"김민지":60,"이준호":60}}' WHERE last_id = )" +
      std::to_string(ids[3]));

  EntryChanges changes;
  changes.title = "다시 쓴 제목";
  ASSERT_TRUE(service->edit(ids[4], changes).ok());
  auto reached = names(kEvery);
  EXPECT_TRUE(has(reached, "tenth_session#" + std::to_string(ids[5])))
      << "the change did not go back to the checkpoint after the fourth session";
  EXPECT_EQ(
      std::count_if(reached.begin(), reached.end(),
                    [](const auto& name) { return has({name}, "first_session_with_mentee"); }),
      2)
      << "milestones before the checkpoint are kept";

  ASSERT_TRUE(service->edit(ids[0], changes).ok());
  EXPECT_FALSE(has(names(kEvery), "tenth_session")) << "a change before every checkpoint";
}

// A user adds entries one at a time: each derivation gives the plugin one entry, and a checkpoint
// is kept each time two have come since the last.
TEST_F(KeptMilestones, EntriesGivenOneAtATimeReachCheckpointsToo) {
  constexpr int kEvery = 2;
  for (int day = 1; day <= 5; ++day) {
    add(session("2024-03-0" + std::to_string(day) + "T19:00:00+09:00", "김민지", 30));
    names(kEvery);
  }
  auto kept = db->prepare(
      "SELECT group_concat(e.local_date, ' ') FROM milestone_checkpoints c "
      "JOIN entries e ON e.id = c.last_id ORDER BY c.last_utc");
  ASSERT_TRUE(kept.ok() && kept->step().ok());
  EXPECT_EQ(kept->text(0), "2024-03-02 2024-03-04");
}

TEST_F(KeptMilestones, AnotherPluginsWritesLeaveTheKeptStateAlone) {
  add(session("2024-03-01T19:00:00+09:00", "김민지", 30));
  names();
  pretend_nine_sessions_were_seen();
  NewEntry post;
  post.plugin = "writing";
  post.kind = "post";
  post.when = "2023-01-01T10:00:00+09:00";  // earlier than every session, but another plugin's
  post.title = "첫 글";
  post.fields = {{"url", "https://example.github.io/first"}};
  add(post);
  add(session("2024-03-15T19:00:00+09:00", "김민지", 30));
  EXPECT_TRUE(has(names(), "tenth_session"));
}

TEST_F(KeptMilestones, InsideAnOpenTransactionTheyAreDerivedButNotKept) {
  for (int day = 1; day <= 10; ++day)
    add(session(
        "2024-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T19:00:00+09:00",
        "김민지", 30));
  ASSERT_TRUE(db->execute_script("BEGIN").ok());
  EXPECT_TRUE(has(names(), "tenth_session"));
  ASSERT_TRUE(db->execute_script("ROLLBACK").ok());
  auto kept = db->prepare("SELECT count(*) FROM milestone_progress");
  ASSERT_TRUE(kept.ok() && kept->step().ok());
  EXPECT_EQ(kept->integer(0), 0);
}

// A seeded random history of adds (mostly newer, some earlier), edits, deletions and undos over
// two plugins: after each step the kept answer equals one derived from nothing in a copy of the
// database with nothing kept.
TEST_F(KeptMilestones, AfterAnyHistoryTheyEqualADerivationFromNothing) {
  std::mt19937 random(20261123);
  auto pick = [&](int below) { return std::uniform_int_distribution<int>(0, below - 1)(random); };
  std::vector<int64_t> ids;
  const auto copy_path = directory.path() / "fresh.db";
  for (int step = 0; step < 120; ++step) {
    const int action = ids.size() < 5 ? 0 : pick(10);
    if (action <= 5) {  // add; a third of them before the latest
      const int day = action <= 1 ? pick(300) : 300 + step;
      NewEntry entry = session("", pick(2) == 0 ? "김민지" : "이준호", 30 + pick(4) * 60);
      entry.when = [&] {
        char text[64];
        const int month = 1 + (day / 28) % 12, date = 1 + day % 28, year = 2023 + day / 336;
        std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:00:00+09:00", year, month, date,
                      8 + pick(12));
        return std::string(text);
      }();
      if (pick(4) == 0) {
        entry.plugin = "writing";
        entry.kind = "post";
        entry.people = pick(2) == 0 ? std::vector<std::string>{} : entry.people;
        entry.fields = {{"url", "https://example.github.io/" + std::to_string(step)}};
      }
      ids.push_back(add(entry));
    } else if (action <= 7) {  // edit the moment or the mentee of any entry
      EntryChanges changes;
      if (pick(2) == 0)
        changes.when = "2023-0" + std::to_string(1 + pick(9)) + "-15T12:00:00+09:00";
      else
        changes.title = "고친 제목 " + std::to_string(step);
      (void)service->edit(ids[static_cast<size_t>(pick(static_cast<int>(ids.size())))], changes);
    } else if (action == 8) {
      (void)service->remove(ids[static_cast<size_t>(pick(static_cast<int>(ids.size())))]);
    } else {
      (void)service->undo();
    }
    const auto kept = derive(*db, 3);  // checkpoints to go back to, every three entries

    std::filesystem::remove(copy_path);
    auto vacuum = db->prepare("VACUUM INTO ?");
    ASSERT_TRUE(vacuum.ok());
    ASSERT_TRUE(vacuum->bind(1, copy_path.string()).run().ok());
    auto fresh_db = Database::open(copy_path);
    ASSERT_TRUE(fresh_db.ok());
    ASSERT_TRUE(
        fresh_db
            ->execute_script("DELETE FROM milestone_progress; DELETE FROM reached_milestones; "
                             "DELETE FROM milestone_checkpoints")
            .ok());
    const auto fresh = derive(*fresh_db);

    ASSERT_EQ(kept.size(), fresh.size()) << "at step " << step;
    for (size_t i = 0; i < kept.size(); ++i)
      ASSERT_EQ(to_json(kept[i]), to_json(fresh[i])) << "at step " << step << ", milestone " << i;
  }
}

}  // namespace
}  // namespace hoego

namespace hoego {
namespace {

// The user's goal is the only target: "ten hours of mentoring in 2024" is reached by the session
// that took the year's minutes to 600, on its Seoul day, and by no other; a goal not yet
// reached, and a year without one, name no entry.
TEST_F(KeptMilestones, AGoalIsReachedByTheEntryWhoseAmountTookItToTheTarget) {
  NewGoal hours;
  hours.title = "멘토링 10시간";
  hours.plugin = "mentoring";
  hours.kind = "session";
  hours.year = 2024;
  hours.target = 600;
  hours.sum_field = "duration_min";
  ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(hours).ok());
  NewGoal twenty = hours;
  twenty.title = "멘토링 20시간";
  twenty.target = 1200;
  ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(twenty).ok());

  add(session("2023-12-31T20:00:00+09:00", "김민지", 300));  // the year before
  add(session("2024-01-05T20:00:00+09:00", "김민지", 240));
  add(session("2024-02-01T20:00:00+09:00", "이준호", 240));
  // 23:30 UTC on Feb 2 is 08:30 on Feb 3 in Seoul: later that day than the next one (07:00),
  // which takes the total from 480 to 600 first.
  const int64_t later = add(session("2024-02-02T23:30:00Z", "김민지", 120));
  const int64_t reaching = add(session("2024-02-03T07:00:00+09:00", "이준호", 120));
  ASSERT_NE(later, 0);

  std::vector<ReachedMilestone> goals;
  for (auto& milestone : derive(*db))
    if (milestone.id == "goal_reached") goals.push_back(milestone);
  ASSERT_EQ(goals.size(), 1u);
  EXPECT_EQ(goals[0].entry_id, reaching);
  EXPECT_EQ(goals[0].local_date, "2024-02-03");
  EXPECT_EQ(goals[0].label.ko, "목표 달성: 멘토링 10시간");
  EXPECT_EQ(goals[0].plugin, "mentoring");
  ASSERT_TRUE(goals[0].goal.has_value());
}

}  // namespace
}  // namespace hoego
