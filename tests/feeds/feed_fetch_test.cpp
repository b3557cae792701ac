// Fetching one feed against blogs served on loopback by the test itself: conditional requests,
// redirects, and every way a server can fail or stretch a fetch. The limits are small so that
// each test ends in about a second; the tests check what kind of failure it was, never the time.
#include "../../core/src/service/feed_fetch.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../support/feed_fixture_server.h"

namespace hoego {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const std::string kMinjunFeed =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\"><channel><title>김민준의 개발 일지</title>"
    "<link>https://minjun.example/</link>"
    "<item><title>글또 첫 글: 회고를 시작하며</title>"
    "<link>https://minjun.example/posts/1</link>"
    "<pubDate>Thu, 03 Dec 2026 21:30:00 +0900</pubDate></item>"
    "</channel></rss>\n";

FeedFetchLimits quick_limits() {
  FeedFetchLimits limits;
  limits.connect = seconds(1);
  limits.read = seconds(1);
  limits.total = seconds(2);
  limits.max_bytes = size_t{1024} * 1024;
  return limits;
}

FeedFetchRequest plain_request(const std::string& url) { return {url, std::nullopt, std::nullopt}; }

class FeedFetch : public ::testing::Test {
 protected:
  testing::FeedFixtureServer server;
};

TEST_F(FeedFetch, AnswersTheFeedWithItsValidatorsAndAsksForAFeed) {
  server.serve_feed("/blog/rss", kMinjunFeed);
  auto fetched = fetch_feed(plain_request(server.url("/blog/rss")), quick_limits());
  ASSERT_TRUE(fetched.ok()) << fetched.error().message;
  EXPECT_FALSE(fetched->not_modified);
  EXPECT_EQ(fetched->body, kMinjunFeed);
  EXPECT_EQ(fetched->etag, server.etag("/blog/rss"));
  EXPECT_EQ(fetched->last_modified, server.last_modified("/blog/rss"));
  EXPECT_EQ(fetched->final_url, server.url("/blog/rss"));
  EXPECT_FALSE(fetched->moved_to.has_value());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kNone);

  const auto headers = server.last_request_headers("/blog/rss");
  ASSERT_TRUE(headers.has_value());
  EXPECT_EQ(headers->at("user-agent"), "hoego/1 feed reader");
  EXPECT_EQ(headers->at("accept").rfind("application/rss+xml, application/atom+xml", 0), 0u);
  EXPECT_EQ(headers->at("accept-encoding"), "gzip");
  EXPECT_EQ(headers->count("if-none-match"), 0u);
  EXPECT_EQ(headers->count("if-modified-since"), 0u);
}

TEST_F(FeedFetch, AnUnchangedFeedAnswersNotModifiedWithNoBody) {
  server.serve_feed("/blog/rss", kMinjunFeed);
  auto first = fetch_feed(plain_request(server.url("/blog/rss")), quick_limits());
  ASSERT_TRUE(first.ok()) << first.error().message;

  auto again =
      fetch_feed({server.url("/blog/rss"), first->etag, first->last_modified}, quick_limits());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->not_modified);
  EXPECT_EQ(again->body, "");
  EXPECT_EQ(again->etag, first->etag);
  EXPECT_EQ(again->last_modified, first->last_modified);
  EXPECT_EQ(server.last_request_headers("/blog/rss")->at("if-none-match"), *first->etag);

  // A server that sends only Last-Modified is asked with If-Modified-Since alone.
  auto by_date =
      fetch_feed({server.url("/blog/rss"), std::nullopt, first->last_modified}, quick_limits());
  ASSERT_TRUE(by_date.ok()) << by_date.error().message;
  EXPECT_TRUE(by_date->not_modified);
  EXPECT_EQ(server.counts("/blog/rss").not_modified, 2u);
}

TEST_F(FeedFetch, AChangedFeedAnswersItsNewTextAndValidators) {
  server.serve_feed("/blog/rss", kMinjunFeed);
  auto first = fetch_feed(plain_request(server.url("/blog/rss")), quick_limits());
  ASSERT_TRUE(first.ok()) << first.error().message;

  const std::string changed = kMinjunFeed + "<!-- 두 번째 글 -->";
  server.serve_feed("/blog/rss", changed);
  auto again =
      fetch_feed({server.url("/blog/rss"), first->etag, first->last_modified}, quick_limits());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->not_modified);
  EXPECT_EQ(again->body, changed);
  EXPECT_NE(again->etag, first->etag);
  EXPECT_EQ(again->etag, server.etag("/blog/rss"));
}

TEST_F(FeedFetch, NamesTheStatusOfAnAnswerOtherThanAFeed) {
  const std::string missing = server.url("/없는/rss");
  auto not_found = fetch_feed(plain_request(missing), quick_limits());
  ASSERT_FALSE(not_found.ok());
  EXPECT_EQ(not_found.failure(), FeedFetchFailure::kHttpStatus);
  EXPECT_EQ(not_found.http_status(), 404);
  EXPECT_EQ(not_found.error().message,
            "could not fetch '" + missing + "': the server answered HTTP 404");
  EXPECT_EQ(not_found.error().message_ko,
            "피드를 가져오지 못했습니다: '" + missing + "' (서버 응답: HTTP 404)");

  server.serve_failure("/broken", testing::FixtureFailure::kServerError);
  auto broken = fetch_feed(plain_request(server.url("/broken")), quick_limits());
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.failure(), FeedFetchFailure::kHttpStatus);
  EXPECT_EQ(broken.http_status(), 500);
  EXPECT_NE(broken.error().message.find("HTTP 500"), std::string::npos);
}

TEST_F(FeedFetch, FollowsAChainOfRelativeRedirectsAndReportsAPermanentMove) {
  server.serve_feed("/blog/rss", kMinjunFeed);
  server.serve_redirect("/old/feed", "moved", 301);  // relative to /old/
  server.serve_redirect("/old/moved", "/feeds/../blog/rss", 302);
  auto fetched = fetch_feed(plain_request(server.url("/old/feed")), quick_limits());
  ASSERT_TRUE(fetched.ok()) << fetched.error().message;
  EXPECT_EQ(fetched->body, kMinjunFeed);
  EXPECT_EQ(fetched->final_url, server.url("/blog/rss"));
  // Only the permanent step counts as the feed's new home: the temporary one may change back.
  EXPECT_EQ(fetched->moved_to, server.url("/old/moved"));
}

TEST_F(FeedFetch, ATemporaryRedirectIsNoMove) {
  server.serve_feed("/blog/rss", kMinjunFeed);
  server.serve_redirect("/feed", server.url("/blog/rss"), 307);
  auto fetched = fetch_feed(plain_request(server.url("/feed")), quick_limits());
  ASSERT_TRUE(fetched.ok()) << fetched.error().message;
  EXPECT_EQ(fetched->final_url, server.url("/blog/rss"));
  EXPECT_FALSE(fetched->moved_to.has_value());
}

TEST_F(FeedFetch, RefusesARedirectLoop) {
  server.serve_redirect("/a", "/b");
  server.serve_redirect("/b", "/a");
  auto fetched = fetch_feed(plain_request(server.url("/a")), quick_limits());
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kRedirect);
  EXPECT_NE(fetched.error().message.find("in a loop"), std::string::npos)
      << fetched.error().message;
  EXPECT_NE(fetched.error().message_ko.find("되돌아가며"), std::string::npos);
  EXPECT_EQ(server.counts("/a").requests, 1u);
  EXPECT_EQ(server.counts("/b").requests, 1u);
}

TEST_F(FeedFetch, RefusesMoreRedirectsThanItsLimit) {
  server.serve_feed("/feed", kMinjunFeed);
  server.serve_redirect("/r1", "/r2");
  server.serve_redirect("/r2", "/r3");
  server.serve_redirect("/r3", "/r4");
  server.serve_redirect("/r4", "/feed");
  auto fetched = fetch_feed(plain_request(server.url("/r1")), quick_limits());
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kRedirect);
  EXPECT_NE(fetched.error().message.find("more than 3 times"), std::string::npos)
      << fetched.error().message;
  EXPECT_EQ(server.counts("/feed").requests, 0u);

  FeedFetchLimits more = quick_limits();
  more.max_redirects = 4;
  EXPECT_TRUE(fetch_feed(plain_request(server.url("/r1")), more).ok());
}

TEST_F(FeedFetch, RefusesARedirectAwayFromHttp) {
  server.serve_failure("/to-ftp", testing::FixtureFailure::kRedirectToFtp);
  auto fetched = fetch_feed(plain_request(server.url("/to-ftp")), quick_limits());
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kAddress);
  EXPECT_NE(fetched.error().message.find("'ftp://127.0.0.1/feed.xml'"), std::string::npos)
      << fetched.error().message;

  server.serve_redirect("/to-file", "file:///etc/passwd");
  auto to_file = fetch_feed(plain_request(server.url("/to-file")), quick_limits());
  ASSERT_FALSE(to_file.ok());
  EXPECT_EQ(to_file.failure(), FeedFetchFailure::kAddress);
}

TEST_F(FeedFetch, StopsAnAnnouncedHugeBodyBeforeReadingIt) {
  server.serve_failure("/huge", testing::FixtureFailure::kHuge);
  auto fetched = fetch_feed(plain_request(server.url("/huge")), quick_limits());
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kTooLarge);
  EXPECT_NE(fetched.error().message.find("larger than 1 MiB"), std::string::npos)
      << fetched.error().message;
  EXPECT_LT(server.counts("/huge").bytes_sent, 25'000'000u);
}

TEST_F(FeedFetch, StopsAnUnannouncedHugeBodyAtTheLimit) {
  server.serve_failure("/huge", testing::FixtureFailure::kHugeUnannounced);
  auto fetched = fetch_feed(plain_request(server.url("/huge")), quick_limits());
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kTooLarge);
  EXPECT_EQ(fetched.error().message_ko,
            "피드를 가져오지 못했습니다: '" + server.url("/huge") + "' (피드가 1 MiB보다 큽니다)");
  // 50 MB were on offer; what the client took stops near its limit, socket buffers aside.
  EXPECT_LT(server.counts("/huge").bytes_sent, 25'000'000u);
}

TEST_F(FeedFetch, UndoesTheGzipAServerSends) {
  testing::FixtureFeed feed;
  feed.xml = kMinjunFeed;
  feed.content_type = "application/xml";
  server.serve_feed("/gzip/rss", feed);
  // The fixture really sends it gzipped to a client that asks so.
  httplib::Client raw("127.0.0.1", server.port());
  raw.set_decompress(false);
  auto answer = raw.Get("/gzip/rss", httplib::Headers{{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->get_header_value("Content-Encoding"), "gzip");

  auto fetched = fetch_feed(plain_request(server.url("/gzip/rss")), quick_limits());
  ASSERT_TRUE(fetched.ok()) << fetched.error().message;
  EXPECT_EQ(fetched->body, kMinjunFeed);
}

TEST_F(FeedFetch, AServerSilentLongerThanTheReadLimitTimesOut) {
  server.set_slow_for(seconds(5));
  server.serve_failure("/slow", testing::FixtureFailure::kSlow);
  FeedFetchLimits limits = quick_limits();
  limits.read = milliseconds(500);
  limits.total = seconds(3);
  auto fetched = fetch_feed(plain_request(server.url("/slow")), limits);
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kTimeout);
  EXPECT_NE(fetched.error().message.find("sent nothing for 0.5 s"), std::string::npos)
      << fetched.error().message;
}

TEST_F(FeedFetch, ATricklingServerIsCutAtTheDeadline) {
  server.serve_failure("/trickle", testing::FixtureFailure::kTrickle);
  FeedFetchLimits limits = quick_limits();
  limits.total = seconds(1);
  auto fetched = fetch_feed(plain_request(server.url("/trickle")), limits);
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kTimeout);
  EXPECT_NE(fetched.error().message.find("took longer than 1 s"), std::string::npos)
      << fetched.error().message;
}

// No content receiver sees the wait for headers: only the deadline ends it when each read may
// wait longer than the whole fetch (without it this fetch would succeed after 5 s).
TEST_F(FeedFetch, TheDeadlineAlsoEndsAWaitForHeaders) {
  server.set_slow_for(seconds(5));
  server.serve_failure("/slow", testing::FixtureFailure::kSlow);
  FeedFetchLimits limits = quick_limits();
  limits.read = seconds(10);
  limits.total = seconds(1);
  auto fetched = fetch_feed(plain_request(server.url("/slow")), limits);
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kTimeout);
  EXPECT_NE(fetched.error().message_ko.find("1초 안에 다 받지 못했습니다"), std::string::npos)
      << fetched.error().message_ko;
}

TEST_F(FeedFetch, ATimeoutAfterARedirectNamesWhereItHappened) {
  server.set_slow_for(seconds(5));
  server.serve_failure("/slow", testing::FixtureFailure::kSlow);
  server.serve_redirect("/feed", "/slow");
  FeedFetchLimits limits = quick_limits();
  limits.read = milliseconds(300);
  auto fetched = fetch_feed(plain_request(server.url("/feed")), limits);
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kTimeout);
  EXPECT_NE(fetched.error().message.find("(at '" + server.url("/slow") + "'"), std::string::npos)
      << fetched.error().message;
}

// A loopback port nothing listens on: bound to learn a free number, then closed.
int unused_loopback_port() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
    ADD_FAILURE() << "could not bind a loopback port";
  ::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

TEST(FeedFetchConnection, NamesARefusedConnection) {
  const std::string url = "http://127.0.0.1:" + std::to_string(unused_loopback_port()) + "/rss";
  auto fetched = fetch_feed(plain_request(url), quick_limits());
  ASSERT_FALSE(fetched.ok());
  EXPECT_EQ(fetched.failure(), FeedFetchFailure::kConnection);
  EXPECT_EQ(fetched.error().message,
            "could not fetch '" + url + "': could not connect to the server");
  EXPECT_EQ(fetched.error().message_ko,
            "피드를 가져오지 못했습니다: '" + url + "' (서버에 연결하지 못했습니다)");
}

TEST(FeedFetchConnection, RefusesAddressesThatAreNotHttpWithAHost) {
  for (const std::string url : {"ftp://example.org/feed.xml", "file:///etc/passwd", "http://",
                                "http:///feed.xml", "https://:443/rss", "blog.example/rss",
                                "http://김민준:비밀@127.0.0.1/rss", "http://127.0.0.1:99999/rss"}) {
    auto fetched = fetch_feed(plain_request(url), quick_limits());
    ASSERT_FALSE(fetched.ok()) << url;
    EXPECT_EQ(fetched.failure(), FeedFetchFailure::kAddress) << url;
    EXPECT_EQ(fetched.error().message,
              "could not fetch '" + url + "': it is not an http or https address with a host");
  }
}

TEST(FeedFetchConnection, NamesEachKindOfFailureForPrograms) {
  EXPECT_STREQ(to_string(FeedFetchFailure::kTimeout), "timeout");
  EXPECT_STREQ(to_string(FeedFetchFailure::kHttpStatus), "http_status");
  EXPECT_STREQ(to_string(FeedFetchFailure::kTooLarge), "too_large");
  EXPECT_STREQ(to_string(FeedFetchFailure::kRedirect), "redirect");
  EXPECT_STREQ(to_string(FeedFetchFailure::kAddress), "address");
  EXPECT_STREQ(to_string(FeedFetchFailure::kConnection), "connection");
}

}  // namespace
}  // namespace hoego
