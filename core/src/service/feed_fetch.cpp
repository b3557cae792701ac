#include "feed_fetch.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include "web_address.h"

namespace hoego {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* kUserAgent = "hoego/1 feed reader";
constexpr const char* kAccept =
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

// cpp-httplib's timeouts are per connect and per read: a server that answers a little at a time
// (headers included, which no content receiver sees) is only stopped by shutting its socket from
// another thread when the fetch's deadline passes.
class DeadlineWatchdog {
 public:
  explicit DeadlineWatchdog(Clock::time_point deadline)
      : thread_([this, deadline] { watch_until(deadline); }) {}
  ~DeadlineWatchdog() {
    {
      std::lock_guard lock(mutex_);
      finished_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  DeadlineWatchdog(const DeadlineWatchdog&) = delete;
  DeadlineWatchdog& operator=(const DeadlineWatchdog&) = delete;

  // The client whose request is running now, or nullptr once it is done (before it is destroyed).
  void guard(httplib::Client* client) {
    std::lock_guard lock(mutex_);
    client_ = client;
  }
  bool fired() const {
    std::lock_guard lock(mutex_);
    return fired_;
  }

 private:
  void watch_until(Clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    if (wake_.wait_until(lock, deadline, [this] { return finished_; })) return;
    fired_ = true;
    // Again and again: a request that was about to start when the deadline passed has no socket
    // to shut yet, and stop() before a request changes nothing for it.
    while (!finished_) {
      if (client_) client_->stop();
      wake_.wait_for(lock, milliseconds(20), [this] { return finished_; });
    }
  }

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  httplib::Client* client_ = nullptr;
  bool finished_ = false;
  bool fired_ = false;
  std::thread thread_;  // last: it starts once everything it uses exists
};

struct Reason {
  std::string english;
  std::string korean;
};

std::string seconds_text(milliseconds duration) {
  if (duration.count() % 1000 == 0) return std::to_string(duration.count() / 1000);
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(duration.count()) / 1000.0);
  return text;
}

std::string size_text(size_t bytes) {
  constexpr size_t kKiB = 1024;
  constexpr size_t kMiB = 1024 * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

FeedFetchResult failed(FeedFetchFailure failure, const std::string& url, const Reason& reason,
                       int http_status = 0) {
  return {failure,
          Error::invalid("could not fetch '" + url + "': " + reason.english,
                         "피드를 가져오지 못했습니다: '" + url + "' (" + reason.korean + ")"),
          http_status};
}

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// One request to one address, no redirect followed.
struct Answer {
  int status = 0;  // 0 when no answer came
  std::optional<std::string> location;
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::string body;  // of a 200 only
  FeedFetchFailure failure = FeedFetchFailure::kNone;
  Reason reason;
};

Answer failed_answer(FeedFetchFailure failure, Reason reason) {
  Answer answer;
  answer.failure = failure;
  answer.reason = std::move(reason);
  return answer;
}

std::optional<std::string> header(const httplib::Response& response, const char* name) {
  if (!response.has_header(name)) return std::nullopt;
  return response.get_header_value(name);
}

std::optional<size_t> content_length(const httplib::Response& response) {
  const std::string text = response.get_header_value("Content-Length");
  size_t length = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return length;
}

Answer ask(const WebAddress& address, const FeedFetchRequest& request,
           const FeedFetchLimits& limits, Clock::time_point deadline, DeadlineWatchdog& watchdog) {
  httplib::Client client(address.origin());
  if (!client.is_valid())
    return failed_answer(FeedFetchFailure::kAddress,
                         {"'" + address.text() + "' is not an address hoego can fetch",
                          "hoego가 가져올 수 없는 주소입니다: '" + address.text() + "'"});
  const Clock::time_point started = Clock::now();
  const auto left = std::chrono::duration_cast<milliseconds>(deadline - started);
  client.set_connection_timeout(std::min(limits.connect, std::max(left, milliseconds(1))));
  client.set_read_timeout(limits.read);
  client.set_write_timeout(limits.read);
  client.set_follow_location(false);
  client.set_keep_alive(false);
  client.set_decompress(true);

  httplib::Headers headers{{"User-Agent", kUserAgent}, {"Accept", kAccept}};
  // Only what this cpp-httplib (built with zlib) undoes as it receives: the size limit then
  // counts the feed's own bytes, and a small gzip bomb cannot get past it.
  headers.emplace("Accept-Encoding", "gzip");
  if (request.etag) headers.emplace("If-None-Match", *request.etag);
  if (request.last_modified) headers.emplace("If-Modified-Since", *request.last_modified);

  Answer answer;
  bool over_limit = false;
  bool past_deadline = false;
  Clock::time_point last_received = started;
  watchdog.guard(&client);
  auto result = client.Get(
      address.target, headers,
      [&](const httplib::Response& response) {
        answer.status = response.status;
        answer.location = header(response, "Location");
        answer.etag = header(response, "ETag");
        answer.last_modified = header(response, "Last-Modified");
        if (response.status != 200) return false;  // no body read but a feed's
        const auto length = content_length(response);
        if (length && *length > limits.max_bytes) over_limit = true;
        return !over_limit;
      },
      [&](const char* data, size_t length) {
        const Clock::time_point now = Clock::now();
        if (now >= deadline) past_deadline = true;
        if (length > limits.max_bytes - answer.body.size()) over_limit = true;
        if (past_deadline || over_limit) return false;
        answer.body.append(data, length);
        last_received = now;
        return true;
      });
  watchdog.guard(nullptr);

  if (result) return answer;
  answer.body.clear();
  if (over_limit)
    return failed_answer(FeedFetchFailure::kTooLarge,
                         {"the feed is larger than " + size_text(limits.max_bytes),
                          "피드가 " + size_text(limits.max_bytes) + "보다 큽니다"});
  if (past_deadline || watchdog.fired())
    return failed_answer(FeedFetchFailure::kTimeout,
                         {"the fetch took longer than " + seconds_text(limits.total) + " s",
                          seconds_text(limits.total) + "초 안에 다 받지 못했습니다"});
  if (answer.status != 0 && result.error() == httplib::Error::Canceled) return answer;

  const auto quiet_for = Clock::now() - last_received;
  switch (result.error()) {
    case httplib::Error::ConnectionTimeout:
      return failed_answer(
          FeedFetchFailure::kTimeout,
          {"the server did not accept a connection within " + seconds_text(limits.connect) + " s",
           seconds_text(limits.connect) + "초 안에 서버에 연결하지 못했습니다"});
    case httplib::Error::Connection:
      return failed_answer(FeedFetchFailure::kConnection,
                           {"could not connect to the server", "서버에 연결하지 못했습니다"});
    case httplib::Error::Read:
      // The same error for a read that timed out and a connection the server closed.
      if (quiet_for >= limits.read * 9 / 10)
        return failed_answer(FeedFetchFailure::kTimeout,
                             {"the server sent nothing for " + seconds_text(limits.read) + " s",
                              "서버가 " + seconds_text(limits.read) +
                                  "초 동안 아무것도 보내지 "
                                  "않았습니다"});
      return failed_answer(FeedFetchFailure::kConnection,
                           {"the connection broke off", "연결이 도중에 끊겼습니다"});
    case httplib::Error::SSLServerVerification:
      return failed_answer(
          FeedFetchFailure::kConnection,
          {"the server's certificate could not be verified", "서버 인증서를 확인할 수 없습니다"});
    case httplib::Error::SSLConnection:
    case httplib::Error::SSLLoadingCerts:
      return failed_answer(FeedFetchFailure::kConnection,
                           {"the secure connection (TLS) failed", "보안 연결(TLS)에 실패했습니다"});
    case httplib::Error::Compression:
      return failed_answer(
          FeedFetchFailure::kConnection,
          {"the compressed answer could not be decoded", "압축된 응답을 풀 수 없습니다"});
    default: {
      const std::string what = httplib::to_string(result.error());
      return failed_answer(FeedFetchFailure::kConnection, {"the request failed (" + what + ")",
                                                           "요청이 실패했습니다 (" + what + ")"});
    }
  }
}

// Where a failure happened, when redirects led away from the address asked for.
Reason at(Reason reason, const std::string& url, const WebAddress& address) {
  if (address.text() == url) return reason;
  reason.english += " (at '" + address.text() + "', where it redirected)";
  reason.korean += ", 넘겨받은 주소: '" + address.text() + "'";
  return reason;
}

std::string chain_text(const std::vector<std::string>& chain) {
  std::string text;
  for (const std::string& url : chain) text += (text.empty() ? "" : " → ") + url;
  return text;
}

}  // namespace

const char* to_string(FeedFetchFailure failure) {
  switch (failure) {
    case FeedFetchFailure::kNone:
      return "";
    case FeedFetchFailure::kAddress:
      return "address";
    case FeedFetchFailure::kConnection:
      return "connection";
    case FeedFetchFailure::kTimeout:
      return "timeout";
    case FeedFetchFailure::kHttpStatus:
      return "http_status";
    case FeedFetchFailure::kTooLarge:
      return "too_large";
    case FeedFetchFailure::kRedirect:
      return "redirect";
  }
  return "";
}

FeedFetchResult fetch_feed(const FeedFetchRequest& request, const FeedFetchLimits& limits) {
  const std::string& url = request.url;
  auto address = parse_web_address(url);
  if (!address)
    return failed(FeedFetchFailure::kAddress, url,
                  {"it is not an http or https address with a host",
                   "호스트가 있는 http 또는 https 주소가 아닙니다"});

  const Clock::time_point deadline = Clock::now() + limits.total;
  DeadlineWatchdog watchdog(deadline);
  std::vector<std::string> visited{address->text()};
  std::optional<std::string> moved_to;
  bool only_permanent_redirects = true;
  while (true) {
    Answer answer = ask(*address, request, limits, deadline, watchdog);
    if (answer.failure != FeedFetchFailure::kNone)
      return failed(answer.failure, url, at(answer.reason, url, *address));

    if (answer.status == 200 || answer.status == 304) {
      FeedFetched fetched;
      fetched.not_modified = answer.status == 304;
      fetched.body = std::move(answer.body);
      fetched.etag = answer.etag;
      fetched.last_modified = answer.last_modified;
      if (fetched.not_modified) {
        if (!fetched.etag) fetched.etag = request.etag;
        if (!fetched.last_modified) fetched.last_modified = request.last_modified;
      }
      fetched.final_url = address->text();
      fetched.moved_to = std::move(moved_to);
      return fetched;
    }

    const std::string status = std::to_string(answer.status);
    if (!is_redirect(answer.status))
      return failed(
          FeedFetchFailure::kHttpStatus, url,
          at({"the server answered HTTP " + status, "서버 응답: HTTP " + status}, url, *address),
          answer.status);
    if (!answer.location || answer.location->empty())
      return failed(FeedFetchFailure::kRedirect, url,
                    at({"the server answered HTTP " + status + " without saying where to",
                        "서버가 HTTP " + status + "(으)로 답했지만 옮겨 간 주소가 없습니다"},
                       url, *address));
    const std::string next_text = resolve_web_reference(*address, *answer.location);
    const auto next = parse_web_address(next_text);
    if (!next)
      return failed(
          FeedFetchFailure::kAddress, url,
          {"it redirects to '" + next_text + "', which is not an http or https address with a host",
           "넘겨준 주소가 호스트가 있는 http 또는 https 주소가 아닙니다: '" + next_text + "'"});
    visited.push_back(next->text());
    if (std::find(visited.begin(), visited.end() - 1, next->text()) != visited.end() - 1)
      return failed(FeedFetchFailure::kRedirect, url,
                    {"it redirects in a loop: " + chain_text(visited),
                     "같은 주소로 되돌아가며 넘겨줍니다: " + chain_text(visited)});
    if (static_cast<int>(visited.size()) - 1 > limits.max_redirects) {
      const std::string most = std::to_string(limits.max_redirects);
      return failed(FeedFetchFailure::kRedirect, url,
                    {"it redirects more than " + most + " times: " + chain_text(visited),
                     "다른 주소로 " + most + "번 넘게 넘겨줍니다: " + chain_text(visited)});
    }
    if (only_permanent_redirects && (answer.status == 301 || answer.status == 308))
      moved_to = next->text();
    else
      only_permanent_redirects = false;
    address = next;
  }
}

}  // namespace hoego
