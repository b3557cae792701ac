#include "feed_fixture_server.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <ctime>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace hoego::testing {
namespace {

using std::chrono::milliseconds;

constexpr size_t kHugeBytes = size_t{50} * 1000 * 1000;
constexpr size_t kHugeChunkBytes = size_t{64} * 1024;
constexpr milliseconds kTrickleEvery{200};
constexpr std::time_t kFirstLastModified = 1796083200;  // 2026-12-01T00:00:00Z

const std::string& huge_chunk() {
  static const std::string chunk(kHugeChunkBytes, 'x');
  return chunk;
}

// A feed of 300 bytes: a minute at one byte every 200 ms.
std::string trickled_feed() {
  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
      "<title>느린 블로그</title>";
  const std::string end = "</channel></rss>";
  text.append(300 - text.size() - end.size(), ' ');
  return text + end;
}

const char* kSmallFeed =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
    "<title>늦게 답하는 블로그</title></channel></rss>";

std::string http_date(std::time_t time) {
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return text;
}

std::string etag_of(const std::string& text) {
  char hex[32];
  std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>{}(text));
  return "\"" + std::string(hex) + "\"";
}

std::string trimmed(std::string text) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

// If-None-Match: "*" or a list of tags, weak ones ("W/…") compared by their tag.
bool names_etag(const std::string& if_none_match, const std::string& etag) {
  size_t start = 0;
  while (start <= if_none_match.size()) {
    const size_t comma = std::min(if_none_match.find(',', start), if_none_match.size());
    std::string tag = trimmed(if_none_match.substr(start, comma - start));
    if (tag.starts_with("W/")) tag.erase(0, 2);
    if (tag == "*" || tag == etag) return true;
    start = comma + 1;
  }
  return false;
}

}  // namespace

struct FeedFixtureServer::State {
  // What a registered path answers.
  struct Route {
    enum class Kind { kFeed, kRedirect, kFailure };
    Kind kind = Kind::kFeed;
    FixtureFeed feed;
    std::string etag;
    std::string last_modified;
    std::string location;
    int status = 0;
    FixtureFailure failure = FixtureFailure::kServerError;
  };

  httplib::Server server;
  std::thread thread;
  int port = 0;

  mutable std::mutex mutex;
  std::condition_variable stopping_signal;
  bool stopping = false;
  std::map<std::string, Route> routes;
  std::map<std::string, FixtureCounts> counts;
  std::map<std::string, std::map<std::string, std::string>> last_headers;
  milliseconds slow_for{3000};
  std::time_t next_last_modified = kFirstLastModified;

  // Waits `wait`, or less when the server stops: false then.
  bool pause(milliseconds wait) {
    std::unique_lock lock(mutex);
    return !stopping_signal.wait_for(lock, wait, [this] { return stopping; });
  }
  bool is_stopping() const {
    std::lock_guard lock(mutex);
    return stopping;
  }
  void count_sent(const std::string& path, size_t bytes) {
    std::lock_guard lock(mutex);
    counts[path].bytes_sent += bytes;
  }

  // The route for the request's path, counted and its headers kept; nullopt when none.
  std::optional<Route> take_request(const httplib::Request& request) {
    std::map<std::string, std::string> headers;
    for (const auto& [name, value] : request.headers) {
      std::string lowered = name;
      std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      headers[lowered] = value;
    }
    std::lock_guard lock(mutex);
    counts[request.path].requests += 1;
    last_headers[request.path] = std::move(headers);
    const auto found = routes.find(request.path);
    if (found == routes.end()) return std::nullopt;
    return found->second;
  }

  void answer(const httplib::Request& request, httplib::Response& response) {
    const auto route = take_request(request);
    if (!route) {
      response.status = 404;
      response.set_content("<html><body>찾을 수 없습니다</body></html>", "text/html");
      return;
    }
    switch (route->kind) {
      case Route::Kind::kFeed:
        return answer_feed(request, *route, response);
      case Route::Kind::kRedirect:
        response.status = route->status;
        response.set_header("Location", route->location);
        return;
      case Route::Kind::kFailure:
        return answer_failure(request.path, route->failure, response);
    }
  }

  void answer_feed(const httplib::Request& request, const Route& route,
                   httplib::Response& response) {
    const bool send_etag = route.feed.send_etag;
    const bool send_last_modified = route.feed.send_last_modified;
    if (send_etag) response.set_header("ETag", route.etag);
    if (send_last_modified) response.set_header("Last-Modified", route.last_modified);
    bool unchanged = false;
    if (request.has_header("If-None-Match"))
      unchanged = send_etag && names_etag(request.get_header_value("If-None-Match"), route.etag);
    else if (request.has_header("If-Modified-Since"))
      unchanged = send_last_modified &&
                  request.get_header_value("If-Modified-Since") == route.last_modified;
    if (unchanged) {
      response.status = 304;
      std::lock_guard lock(mutex);
      counts[request.path].not_modified += 1;
      return;
    }
    response.set_content(route.feed.xml, route.feed.content_type);
  }

  void answer_failure(const std::string& path, FixtureFailure failure,
                      httplib::Response& response) {
    switch (failure) {
      case FixtureFailure::kServerError:
        response.status = 500;
        response.set_content("<html><body>서버 오류</body></html>", "text/html");
        return;
      case FixtureFailure::kHuge:
        response.set_content_provider(kHugeBytes, "application/rss+xml",
                                      [this, path](size_t, size_t length, httplib::DataSink& sink) {
                                        if (is_stopping()) return false;
                                        const size_t bytes = std::min(length, kHugeChunkBytes);
                                        if (!sink.write(huge_chunk().data(), bytes)) return false;
                                        count_sent(path, bytes);
                                        return true;
                                      });
        return;
      case FixtureFailure::kHugeUnannounced:
        response.set_chunked_content_provider(
            "application/rss+xml", [this, path](size_t offset, httplib::DataSink& sink) {
              if (is_stopping()) return false;
              if (offset >= kHugeBytes) {
                sink.done();
                return true;
              }
              const size_t bytes = std::min(kHugeBytes - offset, kHugeChunkBytes);
              if (!sink.write(huge_chunk().data(), bytes)) return false;
              count_sent(path, bytes);
              return true;
            });
        return;
      case FixtureFailure::kSlow: {
        const milliseconds wait = [this] {
          std::lock_guard lock(mutex);
          return slow_for;
        }();
        if (!pause(wait)) {
          response.status = 503;
          return;
        }
        response.set_content(kSmallFeed, "application/rss+xml");
        return;
      }
      case FixtureFailure::kTrickle:
        // application/rss+xml: a type cpp-httplib does not gzip, whose compressor would hold
        // the bytes back instead of sending each one.
        response.set_chunked_content_provider(
            "application/rss+xml",
            [this, text = trickled_feed()](size_t offset, httplib::DataSink& sink) {
              if (offset >= text.size()) {
                sink.done();
                return true;
              }
              if (!sink.write(text.data() + offset, 1)) return false;
              return pause(kTrickleEvery);
            });
        return;
      case FixtureFailure::kNotXml:
        response.set_content(
            "<!doctype html><html><body><h1>블로그</h1><p>피드가 아닙니다</p></body></html>",
            "text/html");
        return;
      case FixtureFailure::kRedirectToFtp:
        response.status = 302;
        response.set_header("Location", "ftp://127.0.0.1/feed.xml");
        return;
    }
  }
};

FeedFixtureServer::FeedFixtureServer(size_t worker_threads) : state_(std::make_unique<State>()) {
  State& state = *state_;
  state.server.set_tcp_nodelay(true);
  state.server.new_task_queue = [worker_threads] {
    return new httplib::ThreadPool(worker_threads);
  };
  state.server.Get("/.*", [&state](const httplib::Request& request, httplib::Response& response) {
    state.answer(request, response);
  });
  state.port = state.server.bind_to_any_port("127.0.0.1");
  if (state.port <= 0) throw std::runtime_error("the feed fixture server could not bind a port");
  state.thread = std::thread([&state] { state.server.listen_after_bind(); });
  // stop() does nothing to a server not yet running, which would then never stop.
  while (!state.server.is_running()) std::this_thread::sleep_for(milliseconds(1));
}

FeedFixtureServer::~FeedFixtureServer() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->stopping_signal.notify_all();
  state_->server.stop();
  state_->thread.join();
}

int FeedFixtureServer::port() const { return state_->port; }

std::string FeedFixtureServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(state_->port) + path;
}

void FeedFixtureServer::serve_feed(const std::string& path, FixtureFeed feed) {
  std::lock_guard lock(state_->mutex);
  State::Route route;
  route.etag = etag_of(feed.xml);
  route.last_modified = http_date(state_->next_last_modified);
  state_->next_last_modified += 60;
  route.feed = std::move(feed);
  state_->routes[path] = std::move(route);
  state_->counts[path] = {};
}

void FeedFixtureServer::serve_feed(const std::string& path, std::string xml) {
  FixtureFeed feed;
  feed.xml = std::move(xml);
  serve_feed(path, std::move(feed));
}

void FeedFixtureServer::serve_redirect(const std::string& path, std::string location, int status) {
  State::Route route;
  route.kind = State::Route::Kind::kRedirect;
  route.location = std::move(location);
  route.status = status;
  std::lock_guard lock(state_->mutex);
  state_->routes[path] = std::move(route);
  state_->counts[path] = {};
}

void FeedFixtureServer::serve_failure(const std::string& path, FixtureFailure failure) {
  State::Route route;
  route.kind = State::Route::Kind::kFailure;
  route.failure = failure;
  std::lock_guard lock(state_->mutex);
  state_->routes[path] = std::move(route);
  state_->counts[path] = {};
}

void FeedFixtureServer::set_slow_for(milliseconds wait) {
  std::lock_guard lock(state_->mutex);
  state_->slow_for = wait;
}

std::string FeedFixtureServer::etag(const std::string& path) const {
  std::lock_guard lock(state_->mutex);
  const auto found = state_->routes.find(path);
  if (found == state_->routes.end() || !found->second.feed.send_etag) return {};
  return found->second.etag;
}

std::string FeedFixtureServer::last_modified(const std::string& path) const {
  std::lock_guard lock(state_->mutex);
  const auto found = state_->routes.find(path);
  if (found == state_->routes.end() || !found->second.feed.send_last_modified) return {};
  return found->second.last_modified;
}

FixtureCounts FeedFixtureServer::counts(const std::string& path) const {
  std::lock_guard lock(state_->mutex);
  const auto found = state_->counts.find(path);
  return found == state_->counts.end() ? FixtureCounts{} : found->second;
}

std::optional<std::map<std::string, std::string>> FeedFixtureServer::last_request_headers(
    const std::string& path) const {
  std::lock_guard lock(state_->mutex);
  const auto found = state_->last_headers.find(path);
  if (found == state_->last_headers.end()) return std::nullopt;
  return found->second;
}

}  // namespace hoego::testing
