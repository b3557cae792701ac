// Importing feeds as writing posts: once each, all or nothing, per group member.
#include <gtest/gtest.h>
#include <hoego/core/database.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/feed_import.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/milestone_service.h>
#include <hoego/core/people_service.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/track_service.h>

#include <map>
#include <optional>

#include "../support/temporary_directory.h"

namespace hoego {
namespace {

using testing::TemporaryDirectory;

class FeedImport : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    ASSERT_NE(plugins.find("writing"), nullptr) << "the bundled writing plugin did not load";
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db.emplace(std::move(opened.value()));
    for (const char* name : {"김민지", "이준호"})
      ASSERT_TRUE(PeopleService(*db).add(name, "").ok());
    NewTrack cohort{"글또 7기", "writing", "2024-09-01", "2025-02-28", "", {"김민지", "이준호"}};
    ASSERT_TRUE(TrackService(*db, plugins).add(cohort).ok());
  }

  Result<FeedImportOutcome> import(const std::string& file, FeedImportOptions options = {}) {
    auto text = read_feed_source(std::string(HOEGO_TEST_DATA_DIRECTORY) + "/feeds/" + file);
    if (!text) return text.error();
    return FeedImportService(*db, plugins, "Asia/Seoul").import(*text, options);
  }

  std::vector<Entry> posts() {
    EntryFilter filter;
    filter.plugin = "writing";
    filter.include_deleted = true;
    auto list = EntryService(*db, plugins, "Asia/Seoul").list(filter);
    EXPECT_TRUE(list.ok());
    return list.ok() ? *list : std::vector<Entry>{};
  }

  TemporaryDirectory directory;
  PluginHost plugins;
  std::optional<Database> db;
};

TEST_F(FeedImport, AddsEachItemAsAPostOfTheTrackAndPerson) {
  auto outcome = import("tistory.xml", {"글또 7기", "김민지"});
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->feed_title, "민지의 개발 일지");
  ASSERT_EQ(outcome->added.size(), 2u);
  EXPECT_EQ(outcome->already_there, 0u);
  const Entry& post = outcome->added[1];
  EXPECT_EQ(post.title, "글또 7기를 시작하며");
  EXPECT_EQ(post.when.iso, "2024-09-08T21:13:05+09:00");
  EXPECT_EQ(post.track, "글또 7기");
  EXPECT_EQ(post.people, std::vector<std::string>{"김민지"});
  EXPECT_EQ(post.fields.value("url", ""), "https://minji-dev.tistory.com/41");
  EXPECT_EQ(post.fields.value("platform", ""), "tistory");
  EXPECT_EQ(post.request_id, "https://minji-dev.tistory.com/41");
}

TEST_F(FeedImport, ImportingAgainAddsNothing) {
  ASSERT_TRUE(import("tistory.xml").ok());
  auto again = import("tistory.xml");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->added.empty());
  EXPECT_EQ(again->already_there, 2u);
  EXPECT_EQ(posts().size(), 2u);
}

TEST_F(FeedImport, FindsAPostWhoseIdChangedByItsAddress) {
  ASSERT_TRUE(import("velog.xml").ok());
  auto outcome = import("velog_updated.xml");
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  ASSERT_EQ(outcome->added.size(), 1u);
  EXPECT_EQ(outcome->added[0].title, "두 번째 글: 회고록 쓰는 법");
  EXPECT_EQ(outcome->already_there, 1u);
  EXPECT_EQ(posts().size(), 2u);
}

TEST_F(FeedImport, FindsAPostAddedByHandByItsAddress) {
  NewEntry by_hand;
  by_hand.plugin = "writing";
  by_hand.kind = "post";
  by_hand.when = "2024-09-08T21:00+09:00";
  by_hand.fields = {{"url", "https://minji-dev.tistory.com/41"}};
  ASSERT_TRUE(EntryService(*db, plugins, "Asia/Seoul").add(by_hand).ok());
  auto outcome = import("tistory.xml");
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->added.size(), 1u);
  EXPECT_EQ(outcome->already_there, 1u);
}

TEST_F(FeedImport, AFeedWithOneBadItemWritesNothing) {
  for (const char* bad : {"bad_date.xml", "malformed.xml", "no_date.xml", "rdf.xml"}) {
    auto outcome = import(bad);
    ASSERT_FALSE(outcome.ok()) << bad;
    EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(outcome.error().message.rfind("line ", 0), 0u) << outcome.error().message;
  }
  EXPECT_TRUE(posts().empty());
}

TEST_F(FeedImport, NamesAMissingTrackOrPersonBeforeReadingTheFeed) {
  auto no_track = import("tistory.xml", {"글또 8기", std::nullopt});
  ASSERT_FALSE(no_track.ok());
  EXPECT_EQ(no_track.error().message,
            "no track named '글또 8기' (add it first: hoego track add \"글또 8기\")");
  auto no_person = import("tistory.xml", {std::nullopt, "박서연"});
  ASSERT_FALSE(no_person.ok());
  EXPECT_EQ(no_person.error().message,
            "no person named '박서연' (add them first: hoego people add \"박서연\")");
  EXPECT_TRUE(posts().empty());
}

TEST_F(FeedImport, AnItemTheCoreRefusesNamesItsLineAndWritesNothing) {
  const std::string xml = R"(<rss version="2.0"><channel><title>t</title>
<item><title>ok</title><guid>a</guid><pubDate>Sun, 08 Sep 2024 21:13:05 +0900</pubDate></item>
<item><title>bell &#7; in title</title><guid>b</guid><pubDate>Sun, 08 Sep 2024 21:13:05 +0900</pubDate></item>
</channel></rss>)";
  auto outcome = FeedImportService(*db, plugins, "Asia/Seoul").import(xml, {});
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().message.rfind("line 3: item 'bell", 0), 0u) << outcome.error().message;
  EXPECT_TRUE(posts().empty());
}

TEST_F(FeedImport, GoalsByPersonShowWhoHasPostedInTheOpenCycle) {
  NewGoal cadence;
  cadence.title = "2주에 한 편";
  cadence.plugin = "writing";
  cadence.kind = "post";
  cadence.track = "글또 7기";
  cadence.every = "14d";
  ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(cadence).ok());
  ASSERT_TRUE(import("tistory.xml", {"글또 7기", "김민지"}).ok());
  ASSERT_TRUE(import("velog.xml", {"글또 7기", "이준호"}).ok());

  // The second cycle runs 2024-09-15..09-28: 김민지 posted on the 22nd, so her next deadline
  // is the third cycle's end; 이준호 has not posted yet.
  auto reports = GoalService(*db, plugins, "Asia/Seoul").evaluate("글또 7기", true, "2024-09-24");
  ASSERT_TRUE(reports.ok()) << reports.error().message;
  ASSERT_EQ(reports->size(), 2u);
  for (const auto& report : *reports) {
    ASSERT_TRUE(report.person);
    EXPECT_EQ(report.state.at_risk, *report.person == "이준호") << *report.person;
    EXPECT_EQ(report.state.next_deadline, *report.person == "이준호" ? "2024-09-28" : "2024-10-12");
  }
}

TEST_F(FeedImport, AMembersPostsCountTowardTheirOwnMilestones) {
  ASSERT_TRUE(import("tistory.xml", {"글또 7기", "김민지"}).ok());
  auto milestones = MilestoneService(*db, plugins, "Asia/Seoul").derive(std::nullopt);
  ASSERT_TRUE(milestones.ok()) << milestones.error().message;
  ASSERT_EQ(milestones->reached.size(), 1u);
  EXPECT_EQ(milestones->reached[0].id, "first_post_in_track");
  EXPECT_EQ(milestones->reached[0].person, "김민지");
}

TEST_F(FeedImport, APostKeepsItsSummaryAsNotesAndItsCategoriesAsTags) {
  auto outcome = import("tistory_summaries.xml", {"글또 7기", "김민지"});
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  ASSERT_EQ(outcome->added.size(), 2u);
  const Entry& study = outcome->added[0];
  EXPECT_EQ(study.notes.rfind("이번 주에는 Lottery Ticket Hypothesis를 읽었다. 핵심은", 0), 0u)
      << study.notes;
  EXPECT_EQ(study.notes.find("<"), study.notes.find("<10%")) << "the only '<' is the text's own";
  EXPECT_EQ(study.tags, std::vector<std::string>{"스터디/경량화"});
  EXPECT_EQ(outcome->added[1].tags, (std::vector<std::string>{"회고", "멘토링"}));
  // As stored, not only as answered.
  for (const Entry& post : posts()) {
    EXPECT_FALSE(post.notes.empty()) << post.title;
    EXPECT_EQ(post.notes.find("<p"), std::string::npos) << post.title;
    EXPECT_EQ(post.notes.find("&quot;"), std::string::npos) << post.title;
  }
  EntryFilter tagged;
  tagged.tag = "멘토링";
  auto found = EntryService(*db, plugins, "Asia/Seoul").list(tagged);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().title, "멘토링 반년 회고");
}

// 글또 7기 runs 2024-09-01..2025-02-28 in Seoul; velog dates its posts in GMT.
TEST_F(FeedImport, APostOutsideTheTracksDatesGoesToNoTrackAndIsCounted) {
  auto outcome = import("velog_summaries.xml", {"글또 7기", "이준호"});
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  ASSERT_EQ(outcome->added.size(), 4u);
  std::map<std::string, std::optional<std::string>> track_of;
  for (const auto& post : outcome->added) track_of[post.title] = post.track;
  // 2025-02-28 15:10 GMT is 2025-03-01 00:10 in Seoul: the day after the cohort ended.
  EXPECT_EQ(track_of.at("글또 7기 마지막 글: 6개월을 돌아보며"), std::nullopt);
  EXPECT_EQ(track_of.at("React Query로 서버 상태 다루기"), "글또 7기");
  // 2024-08-31 15:30 GMT is 2024-09-01 00:30 in Seoul: the cohort's first day.
  EXPECT_EQ(track_of.at("글또 7기를 시작하며"), "글또 7기");
  // 2024-08-31 14:59:59 GMT is 23:59:59 in Seoul, the day before.
  EXPECT_EQ(track_of.at("부트캠프 수료 후기"), std::nullopt);
  EXPECT_EQ(outcome->outside_track, 2u);
  ASSERT_TRUE(outcome->track);
  EXPECT_EQ(outcome->track->name, "글또 7기");
  EXPECT_EQ(outcome->track->starts_on, "2024-09-01");
  EXPECT_EQ(outcome->track->ends_on, "2025-02-28");
  for (const auto& post : outcome->added)
    EXPECT_EQ(post.people, std::vector<std::string>{"이준호"}) << "still the member's post";

  const nlohmann::json summary = to_json(*outcome);
  EXPECT_EQ(summary.at("outside_track"), 2);
  EXPECT_EQ(summary.at("track"),
            nlohmann::json(
                {{"name", "글또 7기"}, {"starts_on", "2024-09-01"}, {"ends_on", "2025-02-28"}}));
  EXPECT_EQ(summary.at("added").size(), 4u);

  auto again = import("velog_summaries.xml", {"글또 7기", "이준호"});
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->already_there, 4u);
  EXPECT_EQ(again->outside_track, 0u) << "only what this import added is counted";
}

TEST_F(FeedImport, APostOutsideTheTrackDoesNotCountTowardItsCadence) {
  NewGoal cadence;
  cadence.title = "2주에 한 편";
  cadence.plugin = "writing";
  cadence.kind = "post";
  cadence.track = "글또 7기";
  cadence.every = "14d";
  ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(cadence).ok());
  // The user's own feed (no author named): the user's own goal counts its posts.
  ASSERT_TRUE(import("velog_summaries.xml", {"글또 7기", std::nullopt}).ok());
  auto reports = GoalService(*db, plugins, "Asia/Seoul").evaluate("글또 7기", false, "2025-06-30");
  ASSERT_TRUE(reports.ok()) << reports.error().message;
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ(reports->front().state.progress, 2) << "the two posts dated within the cohort";
  auto track = TrackService(*db, plugins).get("글또 7기");
  ASSERT_TRUE(track.ok()) << track.error().message;
  EXPECT_EQ(track->entry_count, 2);
}

// A member's posts (their feed, imported with their name) are theirs: the user's own goal on
// the track does not count them, and evaluated per person, they count for that member.
TEST_F(FeedImport, AMembersPostsCountForTheMemberNotTowardTheUsersOwnGoal) {
  NewGoal cadence;
  cadence.title = "2주에 한 편";
  cadence.plugin = "writing";
  cadence.kind = "post";
  cadence.track = "글또 7기";
  cadence.every = "14d";
  ASSERT_TRUE(GoalService(*db, plugins, "Asia/Seoul").add(cadence).ok());
  ASSERT_TRUE(import("velog_summaries.xml", {"글또 7기", "이준호"}).ok());
  GoalService goals(*db, plugins, "Asia/Seoul");
  auto own = goals.evaluate("글또 7기", false, "2025-06-30");
  ASSERT_TRUE(own.ok()) << own.error().message;
  ASSERT_EQ(own->size(), 1u);
  EXPECT_EQ(own->front().state.progress, 0);
  auto per_person = goals.evaluate("글또 7기", true, "2025-06-30");
  ASSERT_TRUE(per_person.ok()) << per_person.error().message;
  double members_posts = 0;
  for (const auto& report : *per_person)
    if (report.person == "이준호") members_posts = report.state.progress;
  EXPECT_EQ(members_posts, 2);
}

TEST_F(FeedImport, WithoutATrackNoPostIsLeftOut) {
  auto outcome = import("velog_summaries.xml", {std::nullopt, "이준호"});
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->outside_track, 0u);
  EXPECT_FALSE(outcome->track);
  EXPECT_TRUE(to_json(*outcome).at("track").is_null());
}

TEST_F(FeedImport, WithoutTheWritingPluginNothingIsImported) {
  PluginHost empty;
  auto outcome = FeedImportService(*db, empty, "Asia/Seoul").import("<rss/>", {});
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("writing plugin"), std::string::npos);
}

}  // namespace
}  // namespace hoego
