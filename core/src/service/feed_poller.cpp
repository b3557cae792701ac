#include <hoego/core/feed_import.h>
#include <hoego/core/feed_poller.h>
#include <hoego/core/local_time.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <thread>

#include "../store/feed_state_store.h"
#include "feed_fetch.h"

namespace hoego {
namespace {

using nlohmann::json;

constexpr int64_t kLongestBackoffSeconds = 24 * 60 * 60;

json optional_text(const std::optional<std::string>& text) {
  return text ? json(*text) : json(nullptr);
}

// One address to fetch, and the members whose feed it is (nearly always one).
struct FeedJob {
  std::string url;
  FeedState state;
  std::vector<const MemberFeed*> members;
};

struct Fetched {
  size_t job = 0;
  std::optional<FeedFetchResult> result;
};

// The feeds of `all` due now, grouped by address. Counts the others as waiting.
std::vector<FeedJob> due_jobs(const std::vector<MemberFeed>& all, const PollOptions& options,
                              int64_t now, PollRound& round) {
  const std::string now_text = utc_timestamp(now);
  const std::string fresh_after = utc_timestamp(now - options.fresh_for.count() * 60);
  std::map<std::string, size_t> job_of_url;
  std::vector<FeedJob> jobs;
  for (const auto& feed : all) {
    const FeedState& state = feed.state;
    const bool backing_off = state.next_fetch_after && *state.next_fetch_after > now_text;
    const bool fresh =
        options.fresh_for.count() > 0 && state.last_fetch_at && *state.last_fetch_at > fresh_after;
    if ((backing_off && !options.ignore_backoff) || fresh) {
      ++round.waiting;
      continue;
    }
    auto [place, added] = job_of_url.try_emplace(feed.url, jobs.size());
    if (added) jobs.push_back({feed.url, state, {}});
    jobs[place->second].members.push_back(&feed);
  }
  return jobs;
}

// A failed fetch or import: the error kept, the validators kept (the feed did not change as far
// as is known), and the next try put off by the backoff.
FeedState failed_state(FeedState state, const Error& error, int64_t now,
                       const PollOptions& options) {
  state.last_fetch_at = utc_timestamp(now);
  state.result = "failed";
  state.new_posts = 0;
  state.error = error.message;
  state.error_ko = error.in("ko");
  ++state.failures;
  const int64_t doublings = std::min<int64_t>(state.failures - 1, 16);
  const int64_t wait =
      std::min<int64_t>(options.backoff_base.count() * 60 << doublings, kLongestBackoffSeconds);
  state.next_fetch_after = utc_timestamp(now + wait);
  return state;
}

FeedState succeeded_state(FeedState state, const FeedFetched& fetched, int64_t now) {
  state.last_fetch_at = utc_timestamp(now);
  state.last_success_at = state.last_fetch_at;
  state.result = fetched.not_modified ? "not_modified" : "new";
  state.new_posts = 0;
  state.error.reset();
  state.error_ko.reset();
  state.failures = 0;
  state.next_fetch_after.reset();
  state.etag = fetched.etag;
  state.last_modified = fetched.last_modified;
  return state;
}

}  // namespace

json to_json(const MemberFeed& feed) {
  const FeedState& state = feed.state;
  json error = nullptr;
  if (state.error) error = {{"en", *state.error}, {"ko", state.error_ko.value_or(*state.error)}};
  return {{"track", feed.track},
          {"person", feed.person},
          {"url", feed.url},
          {"result", optional_text(state.result)},
          {"last_fetch_at", optional_text(state.last_fetch_at)},
          {"last_success_at", optional_text(state.last_success_at)},
          {"new_posts", state.new_posts},
          {"failures", state.failures},
          {"next_fetch_after", optional_text(state.next_fetch_after)},
          {"error", std::move(error)}};
}

json to_json(const PollRound& round) {
  json failures = json::array();
  for (const auto& feed : round.failures) failures.push_back(to_json(feed));
  return {{"feeds", round.feeds},
          {"fetched", round.fetched},
          {"not_modified", round.not_modified},
          {"failed", round.failed},
          {"waiting", round.waiting},
          {"new_posts", round.new_posts},
          {"failures", std::move(failures)}};
}

FeedPoller::FeedPoller(Database& db, const PluginHost& plugins, std::string time_zone,
                       std::mutex* database_lock)
    : db_(db), plugins_(plugins), time_zone_(std::move(time_zone)), database_lock_(database_lock) {}

Result<std::vector<MemberFeed>> FeedPoller::list(const std::optional<std::string>& track) {
  std::unique_lock<std::mutex> lock;
  if (database_lock_ != nullptr) lock = std::unique_lock(*database_lock_);
  return FeedStateStore(db_).member_feeds(track);
}

Result<PollRound> FeedPoller::poll(const PollOptions& options) {
  auto all = list(options.track);
  if (!all) return all.error();
  PollRound round;
  round.feeds = all->size();
  const int64_t started = now_in("UTC").utc_seconds;
  std::vector<FeedJob> jobs = due_jobs(*all, options, started, round);

  FeedFetchLimits limits;
  limits.read = options.read_timeout;
  limits.total = options.total_timeout;
  limits.connect = std::min(limits.connect, options.total_timeout);
  limits.max_bytes = options.max_bytes;

  // Fetchers take the next job and hand what they got to this thread, which alone touches the
  // database: fetching never waits for it, and it never waits for the network.
  std::atomic<size_t> next_job{0};
  std::mutex queue_mutex;
  std::condition_variable ready;
  std::deque<Fetched> queue;
  size_t fetchers_done = 0;
  auto stopping = [&] { return options.stop != nullptr && options.stop->load(); };
  auto fetcher = [&] {
    for (size_t job = next_job++; job < jobs.size() && !stopping(); job = next_job++) {
      FeedFetchRequest request{jobs[job].url, jobs[job].state.etag, jobs[job].state.last_modified};
      Fetched fetched{job, fetch_feed(request, limits)};
      std::lock_guard guard(queue_mutex);
      queue.push_back(std::move(fetched));
      ready.notify_one();
    }
    std::lock_guard guard(queue_mutex);
    ++fetchers_done;
    ready.notify_one();
  };
  std::vector<std::thread> fetchers;
  const size_t count = std::min(std::max<size_t>(options.concurrency, 1), jobs.size());
  for (size_t i = 0; i < count; ++i) fetchers.emplace_back(fetcher);

  std::optional<Error> storage_failure;
  for (size_t done = 0;; ++done) {
    Fetched fetched;
    {
      std::unique_lock guard(queue_mutex);
      ready.wait(guard, [&] { return !queue.empty() || fetchers_done == count; });
      if (queue.empty()) break;
      fetched = std::move(queue.front());
      queue.pop_front();
    }
    FeedJob& job = jobs[fetched.job];
    const int64_t now = now_in("UTC").utc_seconds;
    FeedFetchResult& result = *fetched.result;
    std::unique_lock<std::mutex> lock;
    if (database_lock_ != nullptr) lock = std::unique_lock(*database_lock_);
    FeedState state;
    std::optional<Error> failure;
    size_t added = 0;
    if (!result) {
      failure = result.error();
    } else {
      state = succeeded_state(job.state, *result, now);
      if (!result->not_modified) {
        FeedImportService importer(db_, plugins_, time_zone_);
        bool left_for_later = false;
        for (const MemberFeed* member : job.members) {
          auto imported = importer.import(result->body, {member->track, member->person});
          if (!imported) {
            failure = imported.error();
            break;
          }
          added += imported->added.size();
          left_for_later = left_for_later || imported->in_future > 0;
        }
        // Posts dated ahead wait for a later round, which must then read the whole feed again.
        if (left_for_later) {
          state.etag.reset();
          state.last_modified.reset();
        }
      }
    }
    if (failure) {
      state = failed_state(job.state, *failure, now, options);
      ++round.failed;
      for (const MemberFeed* member : job.members)
        round.failures.push_back({member->track, member->person, member->url, state});
    } else {
      state.new_posts = static_cast<int64_t>(added);
      ++round.fetched;
      if (result->not_modified) ++round.not_modified;
      round.new_posts += added;
    }
    if (auto status = FeedStateStore(db_).record(job.url, state); !status && !storage_failure)
      storage_failure = status.error();
    if (lock.owns_lock()) lock.unlock();
    if (options.progress) options.progress(done + 1, jobs.size());
  }
  for (auto& thread : fetchers) thread.join();
  if (storage_failure) return *storage_failure;
  return round;
}

}  // namespace hoego
