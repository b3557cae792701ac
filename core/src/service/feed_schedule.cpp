#include <hoego/core/feed_schedule.h>
#include <hoego/core/local_time.h>
#include <hoego/core/settings_service.h>

#include <charconv>

namespace hoego {
namespace {

using nlohmann::json;

// While the schedule is off, how often it looks whether the setting has changed.
constexpr std::chrono::minutes kOffRecheck{1};

}  // namespace

int feed_interval_minutes(const std::optional<std::string>& setting) {
  if (!setting) return kDefaultFeedIntervalMinutes;
  if (*setting == "off") return 0;
  int minutes = 0;
  const char* end = setting->data() + setting->size();
  auto [rest, problem] = std::from_chars(setting->data(), end, minutes);
  if (problem != std::errc() || rest != end || minutes <= 0) return kDefaultFeedIntervalMinutes;
  return minutes;
}

json to_json(const FeedScheduleState& state) {
  return {{"every_minutes", state.every_minutes},
          {"running", state.running},
          {"last_round_at", state.last_round_at ? json(*state.last_round_at) : json(nullptr)},
          {"next_round_at", state.next_round_at ? json(*state.next_round_at) : json(nullptr)},
          {"last_round", state.last_round ? to_json(*state.last_round) : json(nullptr)}};
}

FeedSchedule::FeedSchedule(Database& db, const PluginHost& plugins, std::mutex& database_lock,
                           std::function<std::string()> time_zone)
    : db_(db), plugins_(plugins), database_lock_(database_lock), time_zone_(std::move(time_zone)) {}

FeedSchedule::~FeedSchedule() { stop(); }

void FeedSchedule::start(std::chrono::seconds first_after) {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this, first_after] { run(first_after); });
}

void FeedSchedule::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

bool FeedSchedule::poll_now() {
  {
    std::lock_guard lock(mutex_);
    if (state_.running || asked_ || !thread_.joinable()) return false;
    asked_ = true;
    // Running from the answer on: a client that follows the round with state() must not see it
    // over before the schedule's thread has woken to start it.
    state_.running = true;
  }
  wake_.notify_all();
  return true;
}

FeedScheduleState FeedSchedule::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

int FeedSchedule::interval_minutes() {
  std::lock_guard lock(database_lock_);
  auto setting = SettingsService(db_).get("feed_interval");
  return feed_interval_minutes(setting ? *setting : std::nullopt);
}

void FeedSchedule::run(std::chrono::seconds first_after) {
  using Clock = std::chrono::system_clock;
  auto next = Clock::now() + first_after;
  std::atomic<bool> stop_round{false};
  for (;;) {
    const int every = interval_minutes();
    bool asked = false;
    {
      std::unique_lock lock(mutex_);
      state_.every_minutes = every;
      state_.next_round_at =
          every > 0 ? std::optional(utc_timestamp(Clock::to_time_t(next))) : std::nullopt;
      // Off, it wakes now and then to read the setting again.
      const auto until = every > 0 ? next : Clock::now() + kOffRecheck;
      wake_.wait_until(lock, until, [&] { return stopping_ || asked_; });
      if (stopping_) {
        state_.running = false;  // a round asked for that never started
        return;
      }
      asked = asked_;
      if (!asked && (every == 0 || Clock::now() < next)) continue;
      state_.running = true;
    }
    PollOptions options;
    // A scheduled round leaves the feeds fetched within half an interval (by a round before a
    // restart, or by hand) for the next, and failing feeds to their backoff.
    // A round asked for is someone waiting to see the feeds now (one they have just fixed, too).
    if (!asked) options.fresh_for = std::chrono::minutes(every / 2);
    options.ignore_backoff = asked;
    options.backoff_base = std::chrono::minutes(every > 0 ? every : kDefaultFeedIntervalMinutes);
    options.stop = &stop_round;
    std::string zone;
    {
      std::lock_guard lock(database_lock_);
      zone = time_zone_();
    }
    // Stopping wakes this thread only between rounds; during one, the flag ends it early.
    std::thread watcher([&] {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !state_.running; });
      stop_round = stopping_;
    });
    auto round = FeedPoller(db_, plugins_, zone, &database_lock_).poll(options);
    {
      std::lock_guard lock(mutex_);
      state_.running = false;
      asked_ = false;
      state_.last_round_at = utc_timestamp_now();
      if (round) state_.last_round = std::move(*round);
    }
    wake_.notify_all();
    watcher.join();
    if (every > 0)
      next = Clock::now() + std::chrono::minutes(every);
    else
      next = Clock::now();
  }
}

}  // namespace hoego
