// Fetches the members' feeds on a schedule while the server runs: a round soon after it starts
// (of the feeds not fetched within half an interval), then one every interval (the setting
// feed_interval, in minutes, 60 unless set; "off" stops them), and one whenever asked.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/feed_poller.h>
#include <hoego/core/plugin_host.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>

namespace hoego {

inline constexpr int kDefaultFeedIntervalMinutes = 60;

// The setting feed_interval as minutes: its number, 0 for "off", the default when unset.
// Answers the default for a value that is neither (the setting refuses those).
int feed_interval_minutes(const std::optional<std::string>& setting);

// Where the schedule stands, for GET /api/v1/feeds.
struct FeedScheduleState {
  int every_minutes = kDefaultFeedIntervalMinutes;  // 0: off
  bool running = false;                             // a round is fetching now
  std::optional<std::string> last_round_at;         // UTC, when the last round ended
  std::optional<std::string> next_round_at;         // UTC; absent while off
  std::optional<PollRound> last_round;
};

nlohmann::json to_json(const FeedScheduleState& state);

class FeedSchedule {
 public:
  // Works on `db` only while holding `database_lock` (the server's request lock); `time_zone`
  // is called with it held.
  FeedSchedule(Database& db, const PluginHost& plugins, std::mutex& database_lock,
               std::function<std::string()> time_zone);
  ~FeedSchedule();  // stop()s
  FeedSchedule(const FeedSchedule&) = delete;
  FeedSchedule& operator=(const FeedSchedule&) = delete;

  // Starts the rounds on a thread of their own; the first comes `first_after` from now.
  void start(std::chrono::seconds first_after = std::chrono::seconds(10));
  // Ends the rounds: a round under way stops taking feeds and ends once those being fetched
  // are (at most a feed's time limit). Safe from any thread.
  void stop();
  // Asks for a round now, of every feed, failing ones too. False when one is running already.
  bool poll_now();
  FeedScheduleState state() const;

 private:
  void run(std::chrono::seconds first_after);
  // Reads the interval under the database lock.
  int interval_minutes();

  Database& db_;
  const PluginHost& plugins_;
  std::mutex& database_lock_;
  std::function<std::string()> time_zone_;

  mutable std::mutex mutex_;  // guards what follows
  std::condition_variable wake_;
  bool stopping_ = false;
  bool asked_ = false;
  FeedScheduleState state_;
  std::thread thread_;
};

}  // namespace hoego
