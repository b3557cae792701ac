// Fetches the feeds of tracks' members and imports their new posts as those members' posts: one
// round of every feed, a few at a time. `hoego feeds poll` runs one; `hoego serve` runs them on a
// schedule (feed_schedule.h).
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

// What the last fetches of one feed address found.
struct FeedState {
  std::optional<std::string> etag;  // the validators for the next conditional request
  std::optional<std::string> last_modified;
  std::optional<std::string> last_fetch_at;    // UTC, 2026-12-04T09:00:00Z
  std::optional<std::string> last_success_at;  // UTC
  std::optional<std::string> result;           // new, not_modified or failed; absent: never fetched
  int64_t new_posts = 0;                       // posts the last fetch added
  std::optional<std::string> error;            // why the last fetch failed, while it fails
  std::optional<std::string> error_ko;
  int64_t failures = 0;                         // failed fetches in a row
  std::optional<std::string> next_fetch_after;  // UTC; while failing, the backoff's end
};

// A member of a track whose blog has a feed, and what its fetches found.
struct MemberFeed {
  std::string track;
  std::string person;
  std::string url;
  FeedState state;
};

nlohmann::json to_json(const MemberFeed& feed);

struct PollOptions {
  std::optional<std::string> track;  // only this track's members' feeds
  // Fetch feeds whose backoff has not ended too (`hoego feeds poll --all`).
  bool ignore_backoff = false;
  // Leave feeds fetched less than this long ago for a later round, so that a server restarted
  // within its interval does not fetch everything again; zero fetches them all.
  std::chrono::minutes fresh_for{0};
  // Base of the backoff: a feed that failed n times in a row waits base · 2^(n-1), at most a day.
  std::chrono::minutes backoff_base{60};
  size_t concurrency = 6;  // fetches at a time
  std::chrono::milliseconds read_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds total_timeout{std::chrono::seconds(30)};  // per feed
  size_t max_bytes = 5 * 1024 * 1024;                                 // per feed
  // Told after each feed: how many are done, of how many.
  std::function<void(size_t done, size_t total)> progress;
  // When it turns true, no further feed is fetched; those being fetched are still recorded.
  const std::atomic<bool>* stop = nullptr;
};

// What a round did.
struct PollRound {
  size_t feeds = 0;         // members' feeds (of the track asked for)
  size_t fetched = 0;       // fetched and read, new posts or not
  size_t not_modified = 0;  // of those, answered 304 (nothing new)
  size_t failed = 0;
  size_t waiting = 0;  // left for later: backing off, or fetched recently
  size_t new_posts = 0;
  std::vector<MemberFeed> failures;  // the feeds that failed this round, with their errors
};

nlohmann::json to_json(const PollRound& round);

class FeedPoller {
 public:
  // `time_zone` places each post on its day. When `database_lock` is given, each write to `db`
  // (reading which feeds are due, importing a feed's posts, recording its state) holds it, and
  // the network never does: the server shares its connection this way.
  FeedPoller(Database& db, const PluginHost& plugins, std::string time_zone,
             std::mutex* database_lock = nullptr);

  // Fetches every due feed, `options.concurrency` at a time, and imports each one's new posts
  // as `hoego import feed URL --person MEMBER --track TRACK` would (the same dedupe; the post on
  // its day in the user's zone; in the track when within its dates). A feed that fails (network,
  // HTTP status, size, time, not a feed, a bad item) changes no entries and is recorded with its
  // error; the others go on. Items dated more than ten minutes ahead are left for a later round.
  Result<PollRound> poll(const PollOptions& options);

  // Every member's feed (of `track`) and its state.
  Result<std::vector<MemberFeed>> list(const std::optional<std::string>& track);

 private:
  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
  std::mutex* database_lock_;
};

}  // namespace hoego
