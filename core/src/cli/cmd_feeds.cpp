// hoego feeds and hoego feeds poll: the members' feeds, what their last fetches found, and one
// round of fetching them (for cron or a systemd timer; `hoego serve` runs rounds by itself).
#include <hoego/core/feed_poller.h>
#include <hoego/core/local_time.h>

#include <chrono>
#include <iostream>

#include "commands.h"
#include "progress.h"

namespace hoego::cli {
namespace {

// "fetched 2026-12-05 06:00: 2 new posts", "failed 3 times in a row: …; next try …".
std::string state_line(const FeedState& state, const Words& words, const std::string& zone) {
  if (!state.result) return words.pick("아직 가져오지 않았습니다", "not fetched yet");
  const std::string when = local_minute_of(state.last_fetch_at.value_or(""), zone);
  if (*state.result == "failed") {
    const std::string times = std::to_string(state.failures);
    std::string line =
        words.pick(when + " 실패 (연속 " + times + "번): ",
                   "failed " + when + " (" + times + " in a row): ") +
        words.pick(state.error_ko.value_or(state.error.value_or("")), state.error.value_or(""));
    if (state.next_fetch_after)
      line += words.pick("; 다음 시도 ", "; next try ") +
              local_minute_of(*state.next_fetch_after, zone);
    return line;
  }
  if (*state.result == "not_modified")
    return words.pick(when + " 가져옴: 바뀐 것 없음", "fetched " + when + ": nothing new");
  const std::string posts = std::to_string(state.new_posts);
  return words.pick(when + " 가져옴: 새 글 " + posts + "개",
                    "fetched " + when + ": " + counted(state.new_posts, "new post", "new posts"));
}

}  // namespace

void register_feeds_commands(CLI::App& app, Context& context) {
  static std::optional<std::string> track;
  static bool list_json = false;
  auto* feeds = app.add_subcommand(
      "feeds", "List the members' feeds and what their last fetch found; 'feeds poll' fetches");
  feeds->add_option("--track", track, "Only this track's members");
  feeds->add_flag("--json", list_json, "Print JSON");
  feeds->callback([&context, feeds] {
    if (feeds->got_subcommand("poll")) return;
    Database* db = context.database();
    if (db == nullptr) return;
    const std::string zone = context.time_zone();
    auto list = FeedPoller(*db, context.plugins(), zone).list(track);
    if (!context.succeeded(list)) return;
    if (list_json) {
      nlohmann::json answer = nlohmann::json::array();
      for (const auto& feed : *list) answer.push_back(to_json(feed));
      context.print_json({{"feeds", std::move(answer)}});
      return;
    }
    const Words words = context.words();
    for (const auto& feed : *list)
      std::cout << feed.person << "  (" << feed.track << ")  " << feed.url << "\n    "
                << state_line(feed.state, words, zone) << "\n";
    if (list->empty())
      std::cout << words.pick(
          "피드가 있는 멤버가 없습니다 (추가하려면: hoego track member add TRACK NAME --feed "
          "URL)\n",
          "no member has a feed (add one: hoego track member add TRACK NAME --feed URL)\n");
  });

  static bool all = false, poll_json = false;
  static size_t concurrency = 6;
  auto* poll = feeds->add_subcommand(
      "poll", "Fetch the members' feeds once and import their new posts (for cron or a timer)");
  poll->add_option("--track", track, "Only this track's members");
  poll->add_flag("--all", all, "Fetch failing feeds too, before their backoff ends");
  poll->add_option("--at-once", concurrency, "Feeds fetched at a time (1-16)")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  poll->add_flag("--json", poll_json, "Print JSON");
  poll->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    const std::string zone = context.time_zone();
    const Words words = context.words();
    PollOptions options;
    options.track = track;
    options.ignore_backoff = all;
    options.concurrency = concurrency;
    options.progress = terminal_progress(words.pick("피드", "feeds"));
    const auto started = std::chrono::steady_clock::now();
    auto round = FeedPoller(*db, context.plugins(), zone).poll(options);
    if (!context.succeeded(round)) return;
    if (poll_json) {
      context.print_json(to_json(*round));
      return;
    }
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
            .count();
    const std::string took = std::to_string(seconds);
    const auto number = [](size_t count) { return std::to_string(count); };
    std::cout << words.pick(
        "피드 " + number(round->feeds) + "개 중 " + number(round->fetched) + "개를 가져왔습니다 (" +
            took + "초): 새 글 " + number(round->new_posts) + "개, 바뀐 것 없음 " +
            number(round->not_modified) + "개, 실패 " + number(round->failed) + "개, 나중에 " +
            number(round->waiting) + "개\n",
        "fetched " + number(round->fetched) + " of " + number(round->feeds) + " feeds in " + took +
            " s: " + counted(static_cast<int64_t>(round->new_posts), "new post", "new posts") +
            ", " + number(round->not_modified) + " unchanged, " + number(round->failed) +
            " failed, " + number(round->waiting) + " left for later\n");
    for (const auto& failed : round->failures)
      std::cout << "  " << failed.person << " (" << failed.track << "): "
                << words.pick(failed.state.error_ko.value_or(""), failed.state.error.value_or(""))
                << "\n";
  });
}

}  // namespace hoego::cli
