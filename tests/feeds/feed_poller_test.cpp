// A round of the members' feeds against blogs served on loopback by the test itself: every way a
// feed can fail is recorded as that feed's error (in en and ko), writes none of its posts and
// keeps the other members' feeds going; conditional requests, backoff, posts on their local day,
// and a round asked to stop. The fetch limits are about a second, so that the file ends in
// seconds; no assertion is about time.
#include <gtest/gtest.h>
#include <hoego/core/database.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/feed_poller.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/local_time.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/track_service.h>

#include <atomic>
#include <ctime>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "../support/feed_fixture_server.h"
#include "../support/temporary_directory.h"

namespace hoego::feed_poller_test {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::FeedFixtureServer;
using testing::FixtureFailure;

struct PostItem {
  std::string title;
  std::string guid;
  std::string link;
  std::string published;  // RFC 822, as RSS writes it; empty: the item has no date
};

std::string rss_of(const std::string& blog, const std::vector<PostItem>& items) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + blog +
      "</title><link>https://blog.example/</link>\n";
  for (const auto& item : items) {
    xml += "<item><title>" + item.title + "</title><guid isPermaLink=\"false\">" + item.guid +
           "</guid><link>" + item.link + "</link>";
    if (!item.published.empty()) xml += "<pubDate>" + item.published + "</pubDate>";
    xml += "</item>\n";
  }
  return xml + "</channel></rss>\n";
}

// `when` (UTC seconds) written as a Korean blog's RSS writes it, in +0900.
std::string rfc822_in_seoul(std::time_t when) {
  const std::time_t shifted = when + 9 * 60 * 60;
  std::tm parts{};
  gmtime_r(&shifted, &parts);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0900", &parts);
  return text;
}

int64_t seconds_of(const std::optional<std::string>& utc) {
  if (!utc) return 0;
  auto moment = parse_moment(*utc, "UTC");
  EXPECT_TRUE(moment.ok()) << *utc;
  return moment.ok() ? moment->utc_seconds : 0;
}

const std::vector<PostItem> kMinjunPosts = {
    {"글또 10기를 시작하며", "minjun-1", "https://minjun.example/posts/1",
     "Tue, 10 Nov 2026 21:30:00 +0900"},
    {"두 번째 글: 회고 쓰는 법", "minjun-2", "https://minjun.example/posts/2",
     "Fri, 20 Nov 2026 08:15:00 +0900"},
};

class FeedPollerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins.load_directory(HOEGO_BUNDLED_PLUGIN_DIRECTORY);
    ASSERT_NE(plugins.find("writing"), nullptr) << "the bundled writing plugin did not load";
    auto opened = Database::open(directory.path() / "hoego.db");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db.emplace(std::move(opened.value()));
    ASSERT_TRUE(TrackService(*db, plugins)
                    .add({kTrack, "writing", "2026-09-01", "2027-02-28", "", {}})
                    .ok());
    NewGoal goal;
    goal.title = "2주에 한 편";
    goal.plugin = "writing";
    goal.kind = "post";
    goal.track = kTrack;
    goal.every = "14d";
    goal.passes = 2;
    auto added = GoalService(*db, plugins, "Asia/Seoul").add(goal);
    ASSERT_TRUE(added.ok()) << added.error().message;
    server.set_slow_for(milliseconds(1500));
  }

  void add_member(const std::string& name, const std::string& path,
                  const std::string& track = kTrack) {
    auto added = TrackService(*db, plugins).add_member(track, name, server.url(path));
    ASSERT_TRUE(added.ok()) << added.error().message;
  }

  // Limits of about a second, so that a feed that stalls ends the round soon.
  static PollOptions quick_options() {
    PollOptions options;
    options.read_timeout = seconds(1);
    options.total_timeout = seconds(1);
    options.max_bytes = size_t{1024} * 1024;
    options.backoff_base = minutes(60);
    return options;
  }

  PollRound poll(const PollOptions& options = quick_options()) {
    auto round = FeedPoller(*db, plugins, "Asia/Seoul").poll(options);
    EXPECT_TRUE(round.ok()) << round.error().message;
    return round.ok() ? *round : PollRound{};
  }

  FeedState state_of(const std::string& person) {
    auto feeds = FeedPoller(*db, plugins, "Asia/Seoul").list(std::nullopt);
    EXPECT_TRUE(feeds.ok());
    if (feeds.ok())
      for (const auto& feed : *feeds)
        if (feed.person == person) return feed.state;
    ADD_FAILURE() << "no feed of " << person;
    return {};
  }

  std::vector<Entry> posts(const std::optional<std::string>& person = std::nullopt) {
    EntryFilter filter;
    filter.plugin = "writing";
    filter.person = person;
    filter.include_deleted = true;
    auto list = EntryService(*db, plugins, "Asia/Seoul").list(filter);
    EXPECT_TRUE(list.ok());
    return list.ok() ? *list : std::vector<Entry>{};
  }

  static constexpr const char* kTrack = "글또 10기";
  testing::TemporaryDirectory directory;
  PluginHost plugins;
  std::optional<Database> db;
  FeedFixtureServer server{16};
};

// One member for each way a feed fails, and 김민준 whose blog works.
struct FailingFeed {
  std::string person;
  std::string path;
  std::string english;  // what the error says, in part
  std::string korean;
};

class FailingFeeds : public FeedPollerTest {
 protected:
  void SetUp() override {
    FeedPollerTest::SetUp();
    server.serve_feed("/minjun/rss", rss_of("김민준의 개발 일지", kMinjunPosts));
    add_member("김민준", "/minjun/rss");
    server.serve_failure("/slow/rss", FixtureFailure::kSlow);
    server.serve_failure("/trickle/rss", FixtureFailure::kTrickle);
    server.serve_failure("/broken/rss", FixtureFailure::kServerError);
    server.serve_redirect("/loop/a", "/loop/b");
    server.serve_redirect("/loop/b", "/loop/a");
    server.serve_failure("/html", FixtureFailure::kNotXml);
    server.serve_failure("/huge/rss", FixtureFailure::kHuge);
    server.serve_failure("/huge/chunked", FixtureFailure::kHugeUnannounced);
    server.serve_feed("/undated/rss",
                      rss_of("날짜 없는 블로그",
                             {{"날짜가 있는 글", "undated-1", "https://undated.example/1",
                               "Wed, 11 Nov 2026 10:00:00 +0900"},
                              {"날짜가 없는 글", "undated-2", "https://undated.example/2", ""}}));
    for (const auto& feed : failing) add_member(feed.person, feed.path);
  }

  const std::vector<FailingFeed> failing = {
      {"박지호", "/slow/rss", " 1 s", "1초"},
      {"임도윤", "/trickle/rss", " 1 s", "1초"},
      {"이서연", "/missing/rss", "the server answered HTTP 404", "서버 응답: HTTP 404"},
      {"최유진", "/broken/rss", "the server answered HTTP 500", "서버 응답: HTTP 500"},
      {"정하늘", "/loop/a", "it redirects in a loop", "같은 주소로 되돌아가며 넘겨줍니다"},
      {"강다은", "/html", "line ", "번째 줄"},
      {"윤서준", "/huge/rss", "the feed is larger than 1 MiB", "피드가 1 MiB보다 큽니다"},
      {"한지민", "/huge/chunked", "the feed is larger than 1 MiB", "피드가 1 MiB보다 큽니다"},
      {"오세훈", "/undated/rss", "line ", "번째 줄"},
  };
};

TEST_F(FailingFeeds, EachFailureIsThatFeedsErrorAndTheOthersStillImport) {
  const PollRound round = poll();
  EXPECT_EQ(round.feeds, failing.size() + 1);
  EXPECT_EQ(round.fetched, 1u);
  EXPECT_EQ(round.failed, failing.size());
  EXPECT_EQ(round.new_posts, 2u);
  EXPECT_EQ(round.waiting, 0u);
  std::set<std::string> failed_people;
  for (const auto& feed : round.failures) failed_people.insert(feed.person);
  EXPECT_EQ(failed_people.size(), failing.size());

  for (const auto& feed : failing) {
    SCOPED_TRACE(feed.person + " " + feed.path);
    const FeedState state = state_of(feed.person);
    EXPECT_EQ(state.result, "failed");
    ASSERT_TRUE(state.error.has_value());
    ASSERT_TRUE(state.error_ko.has_value());
    EXPECT_NE(state.error->find(feed.english), std::string::npos) << *state.error;
    EXPECT_NE(state.error_ko->find(feed.korean), std::string::npos) << *state.error_ko;
    EXPECT_NE(*state.error, *state.error_ko);
    EXPECT_EQ(state.failures, 1);
    EXPECT_EQ(state.new_posts, 0);
    EXPECT_FALSE(state.last_success_at.has_value());
    EXPECT_FALSE(state.etag.has_value());
    // The first failure waits one backoff_base.
    EXPECT_EQ(seconds_of(state.next_fetch_after) - seconds_of(state.last_fetch_at), 60 * 60);
    EXPECT_TRUE(posts(feed.person).empty()) << "a failing feed wrote posts";
  }
  // A bad item names the item's line in the feed: the undated feed's first item stays out too.
  EXPECT_NE(state_of("오세훈").error->find("날짜가 없는 글"), std::string::npos)
      << *state_of("오세훈").error;

  const FeedState minjun = state_of("김민준");
  EXPECT_EQ(minjun.result, "new");
  EXPECT_EQ(minjun.new_posts, 2);
  EXPECT_EQ(minjun.failures, 0);
  EXPECT_FALSE(minjun.error.has_value());
  EXPECT_FALSE(minjun.next_fetch_after.has_value());
  EXPECT_EQ(minjun.etag, server.etag("/minjun/rss"));
  EXPECT_EQ(minjun.last_modified, server.last_modified("/minjun/rss"));
  const auto minjun_posts = posts("김민준");
  ASSERT_EQ(minjun_posts.size(), 2u);
  EXPECT_EQ(posts().size(), 2u);
  for (const auto& post : minjun_posts) {
    EXPECT_EQ(post.track, kTrack);
    EXPECT_EQ(post.people, std::vector<std::string>{"김민준"});
  }
  // A huge answer was cut off near the limit, not read to its 50 MB.
  EXPECT_LT(server.counts("/huge/chunked").bytes_sent, size_t{10} * 1000 * 1000);
}

TEST_F(FailingFeeds, BackoffDoublesOnTheNextFailureAndWaitsOtherwise) {
  poll();
  // Within the backoff, failing feeds wait and are not asked at all; the working one is.
  const size_t broken_requests = server.counts("/broken/rss").requests;
  const PollRound waiting = poll();
  EXPECT_EQ(waiting.waiting, failing.size());
  EXPECT_EQ(waiting.fetched, 1u);
  EXPECT_EQ(waiting.failed, 0u);
  EXPECT_EQ(server.counts("/broken/rss").requests, broken_requests);
  EXPECT_EQ(state_of("최유진").failures, 1);

  // `ignore_backoff` (hoego feeds poll --all) fetches them anyway: the second failure in a row
  // waits twice as long.
  PollOptions all = quick_options();
  all.ignore_backoff = true;
  const PollRound again = poll(all);
  EXPECT_EQ(again.failed, failing.size());
  EXPECT_EQ(again.waiting, 0u);
  EXPECT_EQ(server.counts("/broken/rss").requests, broken_requests + 1);
  for (const auto& feed : failing) {
    SCOPED_TRACE(feed.person);
    const FeedState state = state_of(feed.person);
    EXPECT_EQ(state.failures, 2);
    EXPECT_EQ(seconds_of(state.next_fetch_after) - seconds_of(state.last_fetch_at), 2 * 60 * 60);
    EXPECT_TRUE(posts(feed.person).empty());
  }
  EXPECT_EQ(posts().size(), 2u);

  // A feed that works again is back to no failures, and its posts come in.
  server.serve_feed("/broken/rss",
                    rss_of("고친 블로그", {{"다시 열었습니다", "yujin-1", "https://yujin.example/1",
                                            "Mon, 16 Nov 2026 20:00:00 +0900"}}));
  poll(all);
  const FeedState mended = state_of("최유진");
  EXPECT_EQ(mended.result, "new");
  EXPECT_EQ(mended.failures, 0);
  EXPECT_FALSE(mended.error.has_value());
  EXPECT_FALSE(mended.next_fetch_after.has_value());
  EXPECT_EQ(posts("최유진").size(), 1u);
}

TEST_F(FeedPollerTest, TheBackoffStopsGrowingAtADay) {
  add_member("이서연", "/없는/rss");
  PollOptions options = quick_options();
  options.backoff_base = minutes(20 * 60);
  options.ignore_backoff = true;
  poll(options);
  EXPECT_EQ(seconds_of(state_of("이서연").next_fetch_after) -
                seconds_of(state_of("이서연").last_fetch_at),
            20 * 60 * 60);
  for (int round = 0; round < 3; ++round) poll(options);
  const FeedState state = state_of("이서연");
  EXPECT_EQ(state.failures, 4);
  EXPECT_EQ(seconds_of(state.next_fetch_after) - seconds_of(state.last_fetch_at), 24 * 60 * 60);
}

TEST_F(FeedPollerTest, ANewRoundOfAnUnchangedFeedIsAnsweredNotModified) {
  server.serve_feed("/minjun/rss", rss_of("김민준의 개발 일지", kMinjunPosts));
  add_member("김민준", "/minjun/rss");
  ASSERT_EQ(poll().new_posts, 2u);

  const PollRound second = poll();
  EXPECT_EQ(second.fetched, 1u);
  EXPECT_EQ(second.not_modified, 1u);
  EXPECT_EQ(second.new_posts, 0u);
  const auto counts = server.counts("/minjun/rss");
  EXPECT_EQ(counts.requests, 2u);
  EXPECT_EQ(counts.not_modified, 1u);
  const auto headers = server.last_request_headers("/minjun/rss");
  ASSERT_TRUE(headers.has_value());
  EXPECT_EQ(headers->at("if-none-match"), server.etag("/minjun/rss"));
  EXPECT_EQ(headers->at("if-modified-since"), server.last_modified("/minjun/rss"));

  const FeedState state = state_of("김민준");
  EXPECT_EQ(state.result, "not_modified");
  EXPECT_EQ(state.new_posts, 0);
  EXPECT_EQ(state.etag, server.etag("/minjun/rss"));
  EXPECT_EQ(posts().size(), 2u);
}

TEST_F(FeedPollerTest, AFeedWithAPostDatedAheadIsReadWholeAgainNextRound) {
  const std::time_t in_three_days = std::time(nullptr) + 3 * 24 * 60 * 60;
  std::vector<PostItem> items = kMinjunPosts;
  items.push_back({"예약 발행한 글", "minjun-3", "https://minjun.example/posts/3",
                   rfc822_in_seoul(in_three_days)});
  server.serve_feed("/minjun/rss", rss_of("김민준의 개발 일지", items));
  add_member("김민준", "/minjun/rss");

  const PollRound first = poll();
  EXPECT_EQ(first.new_posts, 2u);
  EXPECT_EQ(first.failed, 0u);
  const FeedState state = state_of("김민준");
  EXPECT_EQ(state.result, "new");
  EXPECT_FALSE(state.etag.has_value()) << "the validators were kept: the post would never come";
  EXPECT_FALSE(state.last_modified.has_value());

  const PollRound second = poll();
  EXPECT_EQ(second.not_modified, 0u);
  EXPECT_EQ(second.new_posts, 0u);
  const auto headers = server.last_request_headers("/minjun/rss");
  ASSERT_TRUE(headers.has_value());
  EXPECT_EQ(headers->count("if-none-match"), 0u);
  EXPECT_EQ(headers->count("if-modified-since"), 0u);
  EXPECT_EQ(server.counts("/minjun/rss").not_modified, 0u);
  for (const auto& post : posts()) EXPECT_NE(post.title, "예약 발행한 글");
  EXPECT_EQ(posts().size(), 2u);
}

TEST_F(FeedPollerTest, AFeedThatChangesItsGuidsCountsNoPostTwice) {
  server.serve_feed("/minjun/rss", rss_of("김민준의 개발 일지", kMinjunPosts));
  add_member("김민준", "/minjun/rss");
  ASSERT_EQ(poll().new_posts, 2u);

  // The blog moved to another engine: the same posts at the same addresses, new GUIDs, and one
  // new post.
  std::vector<PostItem> moved = kMinjunPosts;
  for (auto& item : moved) item.guid = "tag:new-engine," + item.guid;
  moved.push_back({"세 번째 글", "tag:new-engine,minjun-3", "https://minjun.example/posts/3",
                   "Sun, 22 Nov 2026 22:00:00 +0900"});
  server.serve_feed("/minjun/rss", rss_of("김민준의 개발 일지", moved));
  const PollRound second = poll();
  EXPECT_EQ(second.failed, 0u);
  EXPECT_EQ(second.new_posts, 1u);
  const auto all = posts();
  ASSERT_EQ(all.size(), 3u);
  std::set<std::string> addresses;
  for (const auto& post : all) addresses.insert(post.fields.value("url", ""));
  EXPECT_EQ(addresses.size(), 3u);
  EXPECT_EQ(state_of("김민준").new_posts, 1);
}

TEST_F(FeedPollerTest, PostsLandOnTheirDayInSeoulAndInTheTrackOnlyWithinItsDates) {
  ASSERT_TRUE(TrackService(*db, plugins)
                  .add({"글또 9기", "writing", "2026-06-01", "2026-12-02", "", {}})
                  .ok());
  server.serve_feed("/seojun/rss",
                    rss_of("Seojun writes from Seattle",
                           {{"Late night in Seattle", "seojun-1", "https://seojun.example/late",
                             "Wed, 02 Dec 2026 23:30:00 -0700"},
                            {"서울에서 쓴 글", "seojun-2", "https://seojun.example/seoul",
                             "Tue, 01 Dec 2026 22:00:00 +0900"},
                            {"기수 시작 전 글", "seojun-3", "https://seojun.example/early",
                             "Sat, 30 May 2026 12:00:00 +0900"}}));
  add_member("윤서준", "/seojun/rss", "글또 9기");
  ASSERT_EQ(poll().new_posts, 3u);

  std::map<std::string, Entry> by_title;
  for (auto& post : posts("윤서준")) by_title[post.title] = post;
  ASSERT_EQ(by_title.size(), 3u);
  const Entry& late = by_title.at("Late night in Seattle");
  EXPECT_EQ(late.when.iso, "2026-12-02T23:30:00-07:00");
  EXPECT_EQ(late.when.local_date, "2026-12-03");
  EXPECT_FALSE(late.track.has_value()) << "its day in Seoul is after the track's last";
  const Entry& seoul = by_title.at("서울에서 쓴 글");
  EXPECT_EQ(seoul.when.local_date, "2026-12-01");
  EXPECT_EQ(seoul.track, "글또 9기");
  EXPECT_FALSE(by_title.at("기수 시작 전 글").track.has_value());
  for (const auto& [title, post] : by_title) {
    EXPECT_EQ(post.people, std::vector<std::string>{"윤서준"}) << title;
    EXPECT_EQ(post.plugin, "writing");
    EXPECT_EQ(post.kind, "post");
  }
}

TEST_F(FeedPollerTest, MembersSharingOneFeedAreOneFetch) {
  server.serve_feed("/together/rss", rss_of("함께 쓰는 블로그", kMinjunPosts));
  add_member("김민준", "/together/rss");
  add_member("박지호", "/together/rss");
  const PollRound round = poll();
  EXPECT_EQ(round.feeds, 2u);
  EXPECT_EQ(round.fetched, 1u);
  EXPECT_EQ(round.new_posts, 2u);
  EXPECT_EQ(server.counts("/together/rss").requests, 1u);
  EXPECT_EQ(posts().size(), 2u) << "a post of a shared feed was counted twice";
  EXPECT_EQ(state_of("김민준").result, "new");
  EXPECT_EQ(state_of("박지호").result, "new");
  EXPECT_EQ(state_of("박지호").last_fetch_at, state_of("김민준").last_fetch_at);
}

TEST_F(FeedPollerTest, FeedsFetchedRecentlyWaitForALaterRound) {
  server.serve_feed("/minjun/rss", rss_of("김민준의 개발 일지", kMinjunPosts));
  add_member("김민준", "/minjun/rss");
  server.serve_feed("/jiho/rss", rss_of("지호의 블로그", {}));
  add_member("박지호", "/jiho/rss");
  poll();

  PollOptions fresh = quick_options();
  fresh.fresh_for = minutes(30);
  const PollRound round = poll(fresh);
  EXPECT_EQ(round.feeds, 2u);
  EXPECT_EQ(round.waiting, 2u);
  EXPECT_EQ(round.fetched, 0u);
  EXPECT_EQ(server.counts("/minjun/rss").requests, 1u);

  // Only the track asked for.
  PollOptions one_track = quick_options();
  one_track.track = "없는 기수";
  EXPECT_EQ(poll(one_track).feeds, 0u);
  EXPECT_EQ(server.counts("/minjun/rss").requests, 1u);
}

TEST_F(FeedPollerTest, AStoppedRoundEndsEarlyAndRecordsWhatItFetched) {
  // Feeds are fetched in order of their members' names: 김민준's blog answers at once, the
  // others only after the fetch's limit, so the round is asked to stop long before it could end.
  server.serve_feed("/minjun/rss", rss_of("김민준의 개발 일지", kMinjunPosts));
  add_member("김민준", "/minjun/rss");
  const std::vector<std::string> slow = {"박지호", "이서연", "정하늘", "최유진"};
  for (size_t i = 0; i < slow.size(); ++i) {
    const std::string path = "/slow/" + std::to_string(i) + "/rss";
    server.serve_failure(path, FixtureFailure::kSlow);
    add_member(slow[i], path);
  }
  std::atomic<bool> stop{false};
  PollOptions options = quick_options();
  options.concurrency = 1;
  options.stop = &stop;
  size_t told = 0;
  options.progress = [&](size_t done, size_t total) {
    told = done;
    EXPECT_EQ(total, slow.size() + 1);
    stop = true;
  };
  const PollRound round = poll(options);
  EXPECT_EQ(round.fetched, 1u);
  EXPECT_EQ(round.new_posts, 2u);
  // Every feed fetched was recorded and told, and the rest were never asked for.
  EXPECT_EQ(told, round.fetched + round.failed);
  size_t never_fetched = 0;
  for (const auto& person : slow)
    if (!state_of(person).result) ++never_fetched;
  EXPECT_EQ(never_fetched, slow.size() - round.failed);
  EXPECT_GE(never_fetched, 1u);
  EXPECT_EQ(posts().size(), 2u);

  // Stopped before it starts, a round fetches nothing.
  const size_t asked = server.counts("/minjun/rss").requests;
  const PollRound none = poll(options);
  EXPECT_EQ(none.fetched + none.failed, 0u);
  EXPECT_EQ(server.counts("/minjun/rss").requests, asked);
}

}  // namespace
}  // namespace hoego::feed_poller_test
