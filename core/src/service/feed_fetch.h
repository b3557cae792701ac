// Fetches one feed over http(s), bounded in every way a stranger's server could stretch it: the
// time to connect, each read, the whole fetch, the size of the answer and the redirects followed.
// Both `hoego import feed URL` and the scheduled poll of members' feeds go through it.
#pragma once

#include <hoego/core/result.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace hoego {

struct FeedFetchLimits {
  std::chrono::milliseconds connect{std::chrono::seconds(5)};  // to open each connection
  std::chrono::milliseconds read{std::chrono::seconds(10)};    // waiting for each piece
  // The whole fetch, redirects included: a server sending a byte a second still ends here.
  std::chrono::milliseconds total{std::chrono::seconds(30)};
  size_t max_bytes = size_t{5} * 1024 * 1024;  // of the body as received, after gzip is undone
  int max_redirects = 3;
};

struct FeedFetchRequest {
  std::string url;  // http:// or https://
  // What the last successful fetch answered (FeedFetched::etag and last_modified), sent as
  // If-None-Match and If-Modified-Since so that an unchanged feed answers 304 with no body.
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
};

struct FeedFetched {
  bool not_modified = false;  // the server answered 304: `body` is empty, nothing changed
  std::string body;           // the feed's text when the server answered 200
  // The validators to send next time: the server's new ones, or the request's own when a 304
  // did not repeat them.
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::string final_url;  // where the answer came from, after redirects
  // Where the feed says it has moved for good: the address reached by the permanent redirects
  // (301, 308) that the fetch met before any temporary one. Absent when the first answer was
  // not a permanent redirect. The caller may tell the user, or fetch from there next time.
  std::optional<std::string> moved_to;
};

// What kind of failure, for programs (the feeds list, backoff); the Error says it to people.
enum class FeedFetchFailure {
  kNone,
  kAddress,     // not an http(s) address with a host, or a redirect to one (ftp:, file:…)
  kConnection,  // could not connect (refused, no such host, TLS failed) or the connection broke
  kTimeout,     // connect, a read or the whole fetch took longer than its limit
  kHttpStatus,  // an answer other than 200 or 304 (http_status() says which)
  kTooLarge,    // the body is larger than max_bytes
  kRedirect,    // a redirect loop, too many redirects, or a redirect that says not where to
};

// "address", "connection", "timeout", "http_status", "too_large", "redirect" ("" for kNone).
const char* to_string(FeedFetchFailure failure);

// The feed's answer, or an Error (code kInvalidInput; `message` and `message_ko` name the URL
// and what went wrong) with the kind of failure beside it.
class [[nodiscard]] FeedFetchResult : public Result<FeedFetched> {
 public:
  FeedFetchResult(FeedFetched fetched) : Result(std::move(fetched)) {}
  FeedFetchResult(FeedFetchFailure failure, Error error, int http_status = 0)
      : Result(std::move(error)), failure_(failure), http_status_(http_status) {}

  FeedFetchFailure failure() const { return failure_; }
  int http_status() const { return http_status_; }  // the status of a kHttpStatus failure, else 0

 private:
  FeedFetchFailure failure_ = FeedFetchFailure::kNone;
  int http_status_ = 0;
};

// Fetches `request.url`, following up to `limits.max_redirects` redirects by hand (each must stay
// http or https), and asking for gzip. Sends User-Agent "hoego/1 feed reader". Blocks the calling
// thread for at most about `limits.total`; safe to call from several threads at once.
FeedFetchResult fetch_feed(const FeedFetchRequest& request, const FeedFetchLimits& limits = {});

}  // namespace hoego
