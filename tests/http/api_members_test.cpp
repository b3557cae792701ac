// A track's members and the feeds' rounds over HTTP on a real server: members added, refused,
// imported from a CSV sent as JSON, removed; GET /feeds and a round asked for with POST
// /feeds/poll, followed to its end against blogs this file serves on loopback; and a server
// stopped before its first scheduled round stops without fetching.
#include <gtest/gtest.h>
#include <hoego/core/track_service.h>

#include <chrono>
#include <thread>

#include "../support/feed_fixture_server.h"
#include "server_fixture.h"

namespace hoego::testing {
namespace {

class MembersApi : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    ASSERT_TRUE(TrackService(*db, plugins)
                    .add({"글또 10기", "writing", "2026-09-01", "2027-02-28", "", {}})
                    .ok());
  }

  // Asks GET /feeds until the round is over: at most about 20 s, the fetch limits of the slowest
  // feed here being far shorter.
  nlohmann::json feeds_after_the_round() {
    Answer answer;
    for (int attempt = 0; attempt < 200; ++attempt) {
      answer = get("/feeds");
      if (answer.status == 200 && !answer.body.at("polling").at("running").get<bool>())
        return answer.body;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "the round did not end: " << answer;
    return answer.body;
  }

  const std::string members_path = "/tracks/" + encode("글또 10기") + "/members";
  FeedFixtureServer blogs;
};

TEST_F(MembersApi, AddsChangesAndRemovesAMember) {
  const Answer added = post(members_path, {{"name", "김민준"}, {"feed", blogs.url("/rss")}});
  ASSERT_EQ(added.status, 200) << added;
  EXPECT_EQ(added.body.at("person_created"), true);
  EXPECT_EQ(added.body.at("track").at("members"), nlohmann::json::array({"김민준"}));
  EXPECT_EQ(added.body.at("track").at("feeds"), (nlohmann::json{{"김민준", blogs.url("/rss")}}));

  const Answer kept = post(members_path, {{"name", "김민준"}, {"feed", nullptr}});
  ASSERT_EQ(kept.status, 200) << kept;
  EXPECT_EQ(kept.body.at("person_created"), false);
  EXPECT_EQ(kept.body.at("track").at("feeds").at("김민준"), blogs.url("/rss"));
  const Answer absent = post(members_path, {{"name", "김민준"}});
  ASSERT_EQ(absent.status, 200) << absent;
  EXPECT_EQ(absent.body.at("track").at("feeds").at("김민준"), blogs.url("/rss"));
  const Answer cleared = post(members_path, {{"name", "김민준"}, {"feed", ""}});
  ASSERT_EQ(cleared.status, 200) << cleared;
  EXPECT_TRUE(cleared.body.at("track").at("feeds").empty());
  EXPECT_EQ(cleared.body.at("track").at("members"), nlohmann::json::array({"김민준"}));

  const Answer removed = del(members_path + "/" + encode("김민준"));
  ASSERT_EQ(removed.status, 200) << removed;
  EXPECT_TRUE(removed.body.at("track").at("members").empty());
  EXPECT_TRUE(removed.body.at("track").at("feeds").empty());
  const Answer again = del(members_path + "/" + encode("김민준"), {{"Accept-Language", "ko"}});
  EXPECT_EQ(again.status, 404) << again;
  EXPECT_EQ(again.body.at("error").at("message"), "'김민준'은(는) '글또 10기'의 멤버가 아닙니다");
  const Answer unknown = post("/tracks/" + encode("글또 99기") + "/members", {{"name", "김민준"}});
  EXPECT_EQ(unknown.status, 404) << unknown;
}

TEST_F(MembersApi, ABadFeedIsRefusedAtItsFieldInTheRequestsLanguage) {
  const Answer english = post(members_path, {{"name", "김민준"}, {"feed", "ftp://minjun.example"}});
  EXPECT_EQ(english.status, 422) << english;
  EXPECT_EQ(english.body.at("error").at("code"), "invalid_input");
  EXPECT_EQ(english.body.at("error").at("fields").at(0).at("field"), "feed");
  EXPECT_EQ(english.body.at("error").at("message"),
            "'ftp://minjun.example' is not a feed address (http:// or https:// and a host)");
  const Answer korean = post(members_path, {{"name", "김민준"}, {"feed", "https://"}},
                             {{"Accept-Language", "ko-KR"}});
  EXPECT_EQ(korean.status, 422) << korean;
  EXPECT_NE(korean.body.at("error").at("message").get<std::string>().find("피드 주소가 아닙니다"),
            std::string::npos);
  const Answer not_text = post(members_path, {{"name", "김민준"}, {"feed", 42}});
  EXPECT_EQ(not_text.status, 422) << not_text;
  const Answer extra = post(members_path, {{"name", "김민준"}, {"blog", "https://x.example"}});
  EXPECT_EQ(extra.status, 422) << extra;

  const Answer track = get("/tracks/" + encode("글또 10기"));
  ASSERT_EQ(track.status, 200) << track;
  EXPECT_TRUE(track.body.at("members").empty());
  EXPECT_TRUE(get("/people").body.dump().find("김민준") == std::string::npos);
}

TEST_F(MembersApi, ImportsACsvSentAsJsonOrNamesTheBadRow) {
  const std::string import_path = members_path + "/import";
  const Answer imported =
      post(import_path, {{"csv",
                          "\xEF\xBB\xBF이름,피드\r\n김민준,https://minjun.example/rss\r\n"
                          "\"최, 유나\",https://velog.io/rss/yuna\r\n"}});
  ASSERT_EQ(imported.status, 200) << imported;
  EXPECT_EQ(imported.body.at("added"), 2);
  EXPECT_EQ(imported.body.at("updated"), 0);
  EXPECT_EQ(imported.body.at("unchanged"), 0);
  EXPECT_EQ(imported.body.at("people_created"), 2);
  EXPECT_EQ(imported.body.at("track").at("feeds").at("최, 유나"), "https://velog.io/rss/yuna");

  const Answer before = get("/tracks/" + encode("글또 10기"));
  const Answer refused =
      post(import_path,
           {{"csv", "name,feed\n박지호,https://jiho.example/rss\n,https://x.example/rss\n"}});
  EXPECT_EQ(refused.status, 422) << refused;
  EXPECT_EQ(refused.body.at("error").at("message"),
            "nothing was imported: row 3: the name is empty");
  EXPECT_EQ(refused.body.at("error").at("fields").at(0).at("field"), "row 3");
  const Answer korean = post(import_path, {{"csv", "이름,피드\n\"박지호,https://jiho.example\n"}},
                             {{"Accept-Language", "ko"}});
  EXPECT_EQ(korean.status, 422) << korean;
  EXPECT_EQ(korean.body.at("error").at("message"), "2번째 행: 따옴표가 닫히지 않았습니다");

  // The file itself as the body is refused: writes take JSON only (the cross-site guard).
  const auto raw = client().Post(("/api/v1" + import_path).c_str(),
                                 "name,feed\n박지호,https://jiho.example/rss\n", "text/csv");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 415) << raw->body;
  EXPECT_EQ(get("/tracks/" + encode("글또 10기")).body, before.body);
}

TEST_F(MembersApi, ARoundAskedForRunsWhileRequestsAreAnsweredAndIsFollowedToItsEnd) {
  blogs.serve_feed("/minjun/rss",
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                   "<title>김민준의 개발 일지</title>"
                   "<item><title>글또 첫 글</title><link>https://minjun.example/posts/1</link>"
                   "<pubDate>Tue, 10 Nov 2026 21:30:00 +0900</pubDate></item>"
                   "</channel></rss>");
  // A blog that answers only after a second and a half keeps the round going meanwhile.
  blogs.set_slow_for(std::chrono::milliseconds(1500));
  blogs.serve_failure("/slow/rss", FixtureFailure::kSlow);
  ASSERT_EQ(post(members_path, {{"name", "김민준"}, {"feed", blogs.url("/minjun/rss")}}).status,
            200);
  ASSERT_EQ(post(members_path, {{"name", "박지호"}, {"feed", blogs.url("/gone/rss")}}).status, 200);
  ASSERT_EQ(post(members_path, {{"name", "이서연"}, {"feed", blogs.url("/slow/rss")}}).status, 200);

  const Answer listed = get("/feeds");
  ASSERT_EQ(listed.status, 200) << listed;
  ASSERT_EQ(listed.body.at("feeds").size(), 3u);
  const auto& first = listed.body.at("feeds").at(0);
  for (const char* key : {"track", "person", "url", "result", "last_fetch_at", "last_success_at",
                          "new_posts", "failures", "next_fetch_after", "error"})
    EXPECT_TRUE(first.contains(key)) << key;
  EXPECT_EQ(first.at("person"), "김민준");
  EXPECT_TRUE(first.at("result").is_null());
  const auto& polling = listed.body.at("polling");
  EXPECT_EQ(polling.at("every_minutes"), 60);
  EXPECT_EQ(polling.at("running"), false);
  EXPECT_TRUE(polling.at("last_round_at").is_null());
  EXPECT_TRUE(polling.at("next_round_at").is_string());

  const Answer started = post("/feeds/poll");
  ASSERT_EQ(started.status, 202) << started;
  EXPECT_EQ(started.body, (nlohmann::json{{"started", true}}));
  // Asked for, the round is running from the answer on, and a second one is refused.
  const Answer during = get("/feeds");
  ASSERT_EQ(during.status, 200) << during;
  EXPECT_EQ(during.body.at("polling").at("running"), true);
  const Answer second = post("/feeds/poll", {}, {{"Accept-Language", "ko"}});
  EXPECT_EQ(second.status, 409) << second;
  EXPECT_EQ(second.body.at("error").at("code"), "conflict");
  // The server answers other requests while the slow blog holds the round.
  EXPECT_EQ(get("/tracks").status, 200);

  const nlohmann::json done = feeds_after_the_round();
  const auto& feeds = done.at("feeds");
  ASSERT_EQ(feeds.size(), 3u);
  EXPECT_EQ(feeds.at(0).at("result"), "new");
  EXPECT_EQ(feeds.at(0).at("new_posts"), 1);
  EXPECT_EQ(feeds.at(1).at("person"), "박지호");
  EXPECT_EQ(feeds.at(1).at("result"), "failed");
  EXPECT_EQ(feeds.at(1).at("failures"), 1);
  EXPECT_NE(feeds.at(1).at("error").at("en").get<std::string>().find("HTTP 404"),
            std::string::npos);
  EXPECT_NE(feeds.at(1).at("error").at("ko").get<std::string>().find("서버 응답: HTTP 404"),
            std::string::npos);
  EXPECT_EQ(feeds.at(2).at("result"), "new");
  EXPECT_TRUE(done.at("polling").at("last_round_at").is_string());
  const auto& round = done.at("polling").at("last_round");
  EXPECT_EQ(round.at("feeds"), 3);
  EXPECT_EQ(round.at("fetched"), 2);
  EXPECT_EQ(round.at("failed"), 1);
  EXPECT_EQ(round.at("new_posts"), 1);

  const Answer posts = get("/entries?plugin=writing&person=" + encode("김민준"));
  ASSERT_EQ(posts.status, 200) << posts;
  ASSERT_EQ(posts.body.at("entries").size(), 1u);
  EXPECT_EQ(posts.body.at("entries").at(0).at("track"), "글또 10기");
  EXPECT_EQ(posts.body.at("entries").at(0).at("fields").at("url"),
            "https://minjun.example/posts/1");

  // Asked again, a round fetches the failing feed too, before its backoff ends.
  ASSERT_EQ(post("/feeds/poll").status, 202);
  const nlohmann::json later = feeds_after_the_round();
  EXPECT_EQ(later.at("feeds").at(1).at("failures"), 2);
  EXPECT_EQ(later.at("feeds").at(0).at("result"), "not_modified");
  EXPECT_EQ(blogs.counts("/minjun/rss").not_modified, 1u);
}

TEST_F(MembersApi, AServerStoppedBeforeItsFirstRoundFetchesNothing) {
  blogs.serve_feed("/minjun/rss", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
  ASSERT_EQ(post(members_path, {{"name", "김민준"}, {"feed", blogs.url("/minjun/rss")}}).status,
            200);
  // The first scheduled round comes 10 s after the start; stopping now must not wait for it.
  stop();
  EXPECT_EQ(blogs.counts("/minjun/rss").requests, 0u);
}

}  // namespace
}  // namespace hoego::testing
