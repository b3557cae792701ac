// Entries through the service and store: round trips, history, soft delete and undo.
#include "../../core/src/store/entry_store.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

using nlohmann::json;
using EntryStorage = testing::MentoringFixture;

int64_t count_rows(Database& db, const char* table) {
  auto statement = db.prepare(std::string("SELECT count(*) FROM ") + table);
  EXPECT_TRUE(statement.ok());
  EXPECT_TRUE(*statement->step());
  return statement->integer(0);
}

TEST_F(EntryStorage, KoreanTextRoundTripsByteForByte) {
  NewEntry input =
      session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담 — 포트폴리오 🙂");
  input.notes = "## 피드백\n- 이력서: 프로젝트 성과를 숫자로\n- 다음 주까지 초안";
  input.tags = {"부트캠프", "커리어"};
  input.fields["followups"] = json::array({{{"text", "이력서 초안 보내기"}, {"done", false}}});
  auto added = service->add(input);
  ASSERT_TRUE(added.ok()) << added.error().message;

  auto read = service->get(added->id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->title, "취업 상담 — 포트폴리오 🙂");
  EXPECT_EQ(read->notes, input.notes);
  EXPECT_EQ(read->tags, (std::vector<std::string>{"부트캠프", "커리어"}));
  EXPECT_EQ(read->people, (std::vector<std::string>{"김민지"}));
  EXPECT_EQ(read->fields["followups"][0]["text"], "이력서 초안 보내기");
  EXPECT_EQ(read->when.iso, "2022-10-05T20:00:00+09:00");
  EXPECT_EQ(read->when.local_date, "2022-10-05");
  EXPECT_EQ(read->when.utc_seconds, 1664967600);  // 2022-10-05T11:00:00Z
}

TEST_F(EntryStorage, EditKeepsEveryEarlierRevision) {
  auto added = service->add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담"));
  ASSERT_TRUE(added.ok());
  EntryChanges retitle;
  retitle.title = "취업 상담 (1차)";
  ASSERT_TRUE(service->edit(added->id, retitle).ok());
  EntryChanges lengthen;
  lengthen.fields = {{"duration_min", 90}};
  auto edited = service->edit(added->id, lengthen);
  ASSERT_TRUE(edited.ok()) << edited.error().message;
  EXPECT_EQ(edited->revision, 3);

  auto history = service->history(added->id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].title, "취업 상담");
  EXPECT_EQ((*history)[0].fields["duration_min"], 60);
  EXPECT_EQ((*history)[1].title, "취업 상담 (1차)");
  EXPECT_EQ((*history)[2].fields["duration_min"], 90);
}

TEST_F(EntryStorage, AnEditThatChangesNothingAddsNoRevision) {
  auto added = service->add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담"));
  ASSERT_TRUE(added.ok());
  EntryChanges same;
  same.title = "취업 상담";
  auto edited = service->edit(added->id, same);
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->revision, 1);
  EXPECT_EQ(count_rows(*db, "entry_history"), 0) << "the entry row is its only revision";
}

TEST_F(EntryStorage, AnEditOverARevisionAnotherProcessReplacedIsRefused) {
  auto added = service->add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담"));
  ASSERT_TRUE(added.ok());
  // This process read revision 1; meanwhile another one edited the entry to revision 2.
  EntryChanges theirs;
  theirs.title = "진로 상담";
  ASSERT_TRUE(service->edit(added->id, theirs).ok());
  Entry ours = *added;
  ours.title = "취업 상담 (1차)";
  ours.revision = 2;
  Transaction transaction(*db);
  ASSERT_TRUE(transaction.begin().ok());
  auto status = EntryStore(*db).update(ours);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kConflict);
  EXPECT_NE(status.error().message.find("was changed meanwhile"), std::string::npos);
  ASSERT_TRUE(transaction.commit().ok());
  auto history = service->history(added->id);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].title, "진로 상담") << "their revision stays";
}

TEST_F(EntryStorage, AHistoryThatAlsoKeptTheCurrentRevisionReadsEachOnce) {
  // Databases before lazy history kept every revision, the current one included.
  auto added = service->add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담"));
  ASSERT_TRUE(added.ok());
  ASSERT_TRUE(db->execute_script("INSERT INTO entry_history (entry_id, revision, snapshot, "
                                 "recorded_at) SELECT id, 1, '{\"id\": 1, \"revision\": 1, "
                                 "\"plugin\": \"mentoring\", \"kind\": \"session\", "
                                 "\"title\": \"취업 상담\"}', created_at FROM entries")
                  .ok());
  ASSERT_EQ(service->history(added->id)->size(), 1u);
  EntryChanges retitle;
  retitle.title = "진로 상담";
  ASSERT_TRUE(service->edit(added->id, retitle).ok());
  auto history = service->history(added->id);
  ASSERT_TRUE(history.ok()) << history.error().message;
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].title, "취업 상담");
  EXPECT_EQ((*history)[1].title, "진로 상담");
  EXPECT_EQ(count_rows(*db, "entry_history"), 1) << "the kept first revision is not written twice";
}

TEST_F(EntryStorage, DeleteIsSoftAndUndoBringsTheEntryBack) {
  auto added = service->add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담"));
  ASSERT_TRUE(added.ok());
  ASSERT_TRUE(service->remove(added->id).ok());

  EXPECT_EQ(service->get(added->id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(service->list({})->empty());
  EXPECT_EQ(count_rows(*db, "entries"), 1) << "a delete must keep the row";
  EntryFilter with_deleted;
  with_deleted.include_deleted = true;
  EXPECT_EQ(service->list(with_deleted)->size(), 1u);

  auto undone = service->undo();
  ASSERT_TRUE(undone.ok()) << undone.error().message;
  EXPECT_EQ(undone->action, "delete");
  auto restored = service->get(added->id);
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(restored->title, "취업 상담");
}

TEST_F(EntryStorage, UndoWalksBackEditsThenTheAddInOrder) {
  auto added = service->add(session("2022-10-05T20:00+09:00", "김민지", 60, "취업 상담"));
  ASSERT_TRUE(added.ok());
  EntryChanges retitle;
  retitle.title = "진로 상담";
  ASSERT_TRUE(service->edit(added->id, retitle).ok());

  auto first = service->undo();
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->action, "edit");
  EXPECT_EQ(first->entry->title, "취업 상담");
  EXPECT_EQ(first->entry->revision, 3) << "an undone edit is a new revision; history keeps both";

  auto second = service->undo();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->action, "add");
  EXPECT_FALSE(service->get(added->id).ok());

  auto third = service->undo();
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().message, "nothing to undo");
}

TEST_F(EntryStorage, ARejectedEntryWritesNothing) {
  NewEntry unknown_person = session("2022-10-05T20:00+09:00", "박서준", 60);
  auto rejected = service->add(unknown_person);
  ASSERT_FALSE(rejected.ok());
  EXPECT_NE(rejected.error().message.find("no person named '박서준'"), std::string::npos);
  NewEntry bad_duration = session("2022-10-05T20:00+09:00", "김민지", 0);
  EXPECT_FALSE(service->add(bad_duration).ok());
  for (const char* table : {"entries", "entry_people", "entry_history", "operations"})
    EXPECT_EQ(count_rows(*db, table), 0) << table;
}

TEST_F(EntryStorage, ListFiltersByLocalDatePersonAndTag) {
  NewEntry september = session("2022-09-30T23:30+09:00", "김민지", 30, "9월");
  NewEntry october = session("2022-10-01T00:30+09:00", "이준호", 30, "10월");
  october.tags = {"커리어"};
  ASSERT_TRUE(service->add(september).ok());
  ASSERT_TRUE(service->add(october).ok());

  EntryFilter since_october;
  since_october.since = "2022-10-01";
  auto listed = service->list(since_october);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().title, "10월") << "the local date, not the UTC date, decides";

  EntryFilter by_person;
  by_person.person = "김민지";
  EXPECT_EQ(service->list(by_person)->front().title, "9월");
  EntryFilter by_tag;
  by_tag.tag = "커리어";
  EXPECT_EQ(service->list(by_tag)->size(), 1u);
}

// A day's entries are those whose moment falls on that day in the user's zone (Asia/Seoul here),
// whatever offset they were written with: those at the widest offsets land on the Seoul day of
// their moment, and Seoul's first and last second of a day stay on it.
TEST_F(EntryStorage, ADaysEntriesAtTheWidestOffsetsAreFoundOnThatDayAlone) {
  const std::vector<std::pair<std::string, std::string>> moments{
      {"2024-03-01T00:00:00+14:59", "2024-02-29"},  // 09:01 UTC, 18:01 in Seoul
      {"2024-03-01T23:59:59-14:59", "2024-03-02"},  // 14:58:59 UTC on 03-02
      {"2024-02-29T23:59:59+14:59", "2024-02-29"},
      {"2024-03-02T00:00:00-14:59", "2024-03-02"},  // 23:59 in Seoul
      {"2024-02-29T15:00:00Z", "2024-03-01"},       // Seoul's midnight
      {"2024-03-01T14:59:59Z", "2024-03-01"},       // Seoul's last second of 03-01
      {"2024-03-01T12:00:00+09:00", "2024-03-01"}};
  for (const auto& [when, day] : moments)
    ASSERT_TRUE(service->add(session(when, "김민지", 30, when)).ok());
  for (const char* day : {"2024-02-29", "2024-03-01", "2024-03-02"}) {
    EntryFilter on_day;
    on_day.since = day;
    on_day.until = day;
    auto listed = service->list(on_day);
    ASSERT_TRUE(listed.ok());
    std::vector<std::string> found, expected;
    for (const auto& entry : *listed) found.push_back(entry.title);
    for (const auto& [when, local_day] : moments)
      if (local_day == day) expected.push_back(when);
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(found, expected) << day;
  }
}

// An offset taken from a zone may be a historical local mean time past 15 hours: Juneau's was
// +15:02 until 1867, so a midnight there was the previous day at 08:58 UTC.
TEST_F(EntryStorage, AnEntryAtAZonesHistoricalOffsetIsFoundOnItsDay) {
  EntryService juneau(*db, plugins, "America/Juneau");
  auto added = juneau.add(session("1860-03-10T00:00", "김민지", 30, "알래스카"));
  ASSERT_TRUE(added.ok()) << added.error().message;
  ASSERT_EQ(added->when.local_date, "1860-03-10");
  EntryFilter on_day;
  on_day.since = "1860-03-10";
  on_day.until = "1860-03-10";
  auto listed = service->list(on_day);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().title, "알래스카");
}

}  // namespace
}  // namespace hoego
