// Blogs on a loopback port, for the tests and the bench of feed fetching: feeds registered by path
// while the server runs (with ETag and Last-Modified, answering 304 to a conditional request that
// matches), redirects, and the ways a real blog's server fails. Safe to use from several threads.
// A program using it compiles tests/support/feed_fixture_server.cpp and links cpp-httplib.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace hoego::testing {

// Ways a path can fail, each as a blog's server might.
enum class FixtureFailure {
  kServerError,      // HTTP 500 with a short HTML page
  kHuge,             // 200 with 50 MB announced in Content-Length, produced as it is sent
  kHugeUnannounced,  // the same 50 MB sent chunked, with no length the client could check first
  kSlow,             // answers a small feed only after slow_for (3 s unless set)
  kTrickle,          // 200 at once, then one byte of the feed every 200 ms for a minute
  kNotXml,           // 200 with an HTML page where the feed should be
  kRedirectToFtp,    // 302 to ftp://127.0.0.1/feed.xml
};

struct FixtureFeed {
  std::string xml;
  // application/rss+xml is sent as it is; application/xml and text/xml are gzipped for a client
  // that accepts gzip (cpp-httplib's server compresses those types).
  std::string content_type = "application/rss+xml";
  bool send_etag = true;
  bool send_last_modified = true;
};

// What one path was asked and answered since it was registered.
struct FixtureCounts {
  size_t requests = 0;
  size_t not_modified = 0;  // answered 304
  size_t bytes_sent = 0;    // of the body, for the kHuge kinds: how much a client took
};

// Paths never registered answer 404.
class FeedFixtureServer {
 public:
  // Listens on 127.0.0.1 on a free port at once, answering with `worker_threads` threads (each
  // request holds one while it is answered, a kSlow or kTrickle one for long). Throws
  // std::runtime_error when no port can be bound.
  explicit FeedFixtureServer(size_t worker_threads = 8);
  // Ends waiting and trickling answers at once, then stops.
  ~FeedFixtureServer();
  FeedFixtureServer(const FeedFixtureServer&) = delete;
  FeedFixtureServer& operator=(const FeedFixtureServer&) = delete;

  int port() const;
  // "http://127.0.0.1:PORT" + path.
  std::string url(const std::string& path) const;

  // Serves `feed` at `path` (replacing what was there, its counts reset). The ETag is drawn from
  // the text, so the same text keeps it; Last-Modified is a date later than any served before.
  // A request whose If-None-Match names the ETag (or, without If-None-Match, whose
  // If-Modified-Since repeats Last-Modified exactly) gets 304 with no body.
  void serve_feed(const std::string& path, FixtureFeed feed);
  void serve_feed(const std::string& path, std::string xml);
  // Answers `status` with `location` in the Location header, as given (it may be relative).
  void serve_redirect(const std::string& path, std::string location, int status = 302);
  void serve_failure(const std::string& path, FixtureFailure failure);
  // How long a kSlow path waits before answering.
  void set_slow_for(std::chrono::milliseconds wait);

  // The ETag and Last-Modified the feed at `path` is served with now (empty when none).
  std::string etag(const std::string& path) const;
  std::string last_modified(const std::string& path) const;

  FixtureCounts counts(const std::string& path) const;
  // The headers of the last request for `path` (names in lower case); nullopt before any.
  std::optional<std::map<std::string, std::string>> last_request_headers(
      const std::string& path) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace hoego::testing
