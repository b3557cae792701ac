#include "feed_bench.h"

#include <benchmark/benchmark.h>
#include <hoego/core/board_service.h>
#include <hoego/core/feed_poller.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/http_server.h>
#include <hoego/core/track_service.h>
#include <httplib.h>

#include <ctime>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../tests/support/feed_fixture_server.h"

namespace hoego::bench {
namespace {

namespace fs = std::filesystem;
using testing::FeedFixtureServer;
using testing::FixtureFailure;

constexpr size_t kMembers = 500;
constexpr size_t kItemsPerFeed = 50;
constexpr const char* kTrack = "글또 10기";
constexpr const char* kZone = "Asia/Seoul";
constexpr const char* kAsOf = "2026-11-20";
// 13 cycles of 14 days: 2026-06-01 to 2026-11-29.
constexpr const char* kTrackStart = "2026-06-01";
constexpr const char* kTrackEnd = "2026-11-29";
constexpr std::time_t kTrackStartUtc = 1780272000;  // 2026-06-01T00:00:00Z
constexpr int64_t kTrackSeconds = int64_t{182} * 24 * 60 * 60;

// A tenth of the blogs fail, each in one of these ways, in turn.
enum class Failing {
  kNotFound,
  kServerError,
  kRedirectLoop,
  kNotXml,
  kHuge,
  kSlow,
  kTrickle,
  kUndated
};
constexpr int kFailingKinds = 8;

// Explicit limits, shorter than a round's defaults (10 s a read, 30 s a feed): with the
// defaults, the dozen blogs here that stall would hold the six fetchers for a minute, which
// measures the limits rather than the round.
PollOptions round_options() {
  PollOptions options;
  options.concurrency = 6;
  options.read_timeout = std::chrono::seconds(2);
  options.total_timeout = std::chrono::seconds(4);
  options.max_bytes = size_t{1024} * 1024;
  return options;
}

std::string member_name(size_t index) {
  static const char* const kFamily[] = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임",
                                        "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"};
  static const char* const kGiven[] = {"민준", "서연", "지호", "하은", "도윤", "서준", "지우",
                                       "예린", "시우", "하늘", "유진", "다은", "준서", "수아",
                                       "현우", "지민", "건우", "채원", "우진", "소율", "선우",
                                       "윤서", "연우", "지안", "은호"};
  return std::string(kFamily[index % 20]) + kGiven[index / 20 % 25];
}

std::string rfc822_in_seoul(std::time_t when) {
  const std::time_t shifted = when + 9 * 60 * 60;
  std::tm parts{};
  gmtime_r(&shifted, &parts);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0900", &parts);
  return text;
}

struct Post {
  std::string title;
  std::string link;
  std::string published;  // empty: no date
};

std::string rss_of(const std::string& name, const std::vector<Post>& posts) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + name +
      "의 블로그</title><link>https://blog.example/</link>\n";
  for (const auto& post : posts) {
    xml += "<item><title>" + post.title + "</title><link>" + post.link + "</link><guid>" +
           post.link + "</guid><description>" + post.title +
           ": 이번 주에 배운 것과 다음 주에 할 것을 정리했습니다.</description>";
    if (!post.published.empty()) xml += "<pubDate>" + post.published + "</pubDate>";
    xml += "</item>\n";
  }
  return xml + "</channel></rss>\n";
}

// The organiser's database and the members' blogs, made once for the four benchmarks.
struct Cohort {
  Database db;
  std::unique_ptr<FeedFixtureServer> blogs;
  std::vector<std::vector<Post>> posts;  // the working blogs' posts, by member
  size_t new_posts = 0;                  // posts added after the first round
};

std::optional<Cohort> g_cohort;
PluginHost* g_plugins = nullptr;
fs::path g_directory;

bool failing(size_t member) { return member % 10 == 9; }
Failing failing_kind(size_t member) { return static_cast<Failing>(member / 10 % kFailingKinds); }
std::string feed_path(size_t member) { return "/blog/" + std::to_string(member) + "/rss"; }

void serve(Cohort& cohort, size_t member) {
  cohort.blogs->serve_feed(feed_path(member), rss_of(member_name(member), cohort.posts[member]));
}

void serve_failure(FeedFixtureServer& blogs, size_t member) {
  const std::string path = feed_path(member);
  switch (failing_kind(member)) {
    case Failing::kNotFound:
      return;  // never registered
    case Failing::kServerError:
      return blogs.serve_failure(path, FixtureFailure::kServerError);
    case Failing::kRedirectLoop:
      blogs.serve_redirect(path, path + "/next");
      return blogs.serve_redirect(path + "/next", path);
    case Failing::kNotXml:
      return blogs.serve_failure(path, FixtureFailure::kNotXml);
    case Failing::kHuge:
      return blogs.serve_failure(path, FixtureFailure::kHugeUnannounced);
    case Failing::kSlow:
      return blogs.serve_failure(path, FixtureFailure::kSlow);
    case Failing::kTrickle:
      return blogs.serve_failure(path, FixtureFailure::kTrickle);
    case Failing::kUndated:
      return blogs.serve_feed(
          path,
          rss_of(member_name(member),
                 {{"날짜 없는 글", "https://undated.example/" + std::to_string(member), ""}}));
  }
}

// 500 members from one CSV file, a 14-day cadence with 2 passes, and their blogs: 50 posts each
// spread over the cohort's half year.
Cohort make_cohort() {
  fs::remove_all(g_directory);
  fs::create_directories(g_directory);
  auto opened = Database::open(g_directory / "hoego.db");
  if (!opened) throw std::runtime_error(opened.error().message);
  Cohort cohort{std::move(opened.value()), std::make_unique<FeedFixtureServer>(32), {}, 0};
  cohort.blogs->set_slow_for(std::chrono::seconds(30));
  TrackService tracks(cohort.db, *g_plugins);
  if (auto added = tracks.add({kTrack, "writing", kTrackStart, kTrackEnd, "", {}}); !added)
    throw std::runtime_error(added.error().message);
  NewGoal goal;
  goal.title = "2주에 한 편";
  goal.plugin = "writing";
  goal.kind = "post";
  goal.track = kTrack;
  goal.every = "14d";
  goal.passes = 2;
  if (auto added = GoalService(cohort.db, *g_plugins, kZone).add(goal); !added)
    throw std::runtime_error(added.error().message);

  std::string csv = "이름,피드\n";
  cohort.posts.resize(kMembers);
  for (size_t member = 0; member < kMembers; ++member) {
    csv += member_name(member) + "," + cohort.blogs->url(feed_path(member)) + "\n";
    if (failing(member)) {
      serve_failure(*cohort.blogs, member);
      continue;
    }
    for (size_t item = 0; item < kItemsPerFeed; ++item) {
      const std::time_t when = kTrackStartUtc +
                               kTrackSeconds * static_cast<int64_t>(item) / kItemsPerFeed +
                               static_cast<std::time_t>(member) * 60 + 12 * 60 * 60;
      cohort.posts[member].push_back(
          {"글 " + std::to_string(item + 1) + ": 회고",
           "https://blog" + std::to_string(member) + ".example/posts/" + std::to_string(item),
           rfc822_in_seoul(when)});
    }
    serve(cohort, member);
  }
  if (auto imported = tracks.import_members(kTrack, csv); !imported)
    throw std::runtime_error(imported.error().message);
  return cohort;
}

Result<PollRound> run_round() {
  return FeedPoller(g_cohort->db, *g_plugins, kZone).poll(round_options());
}

void report(benchmark::State& state, const PollRound& round) {
  state.counters["feeds"] = static_cast<double>(round.feeds);
  state.counters["new_posts"] = static_cast<double>(round.new_posts);
  state.counters["not_modified"] = static_cast<double>(round.not_modified);
  state.counters["failed"] = static_cast<double>(round.failed);
  state.counters["waiting"] = static_cast<double>(round.waiting);
}

// The first round: every feed fetched whole, 22,500 posts imported, 50 feeds failing.
void feeds_first_round(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    g_cohort.reset();
    g_cohort.emplace(make_cohort());
    state.ResumeTiming();
    auto round = run_round();
    if (!round) return state.SkipWithError(round.error().message.c_str());
    report(state, *round);
  }
}

// A scheduled round with nothing new: every working feed answers 304; the failing ones wait out
// their backoff, as a scheduled round leaves them.
void feeds_round_nothing_new(benchmark::State& state) {
  if (!g_cohort) return state.SkipWithError("feeds_first_round did not run");
  for (auto _ : state) {
    auto round = run_round();
    if (!round) return state.SkipWithError(round.error().message.c_str());
    report(state, *round);
  }
}

Result<Board> board() {
  return BoardService(g_cohort->db, kZone).board(kTrack, std::nullopt, kAsOf);
}

// The board as the API answers it when it has no kept answer: read, evaluated and written out.
Result<std::string> board_answer() {
  auto computed = board();
  if (!computed) return computed.error();
  return board_json_text(*computed, "ko");
}

void board_warm(benchmark::State& state) {
  if (!g_cohort) return state.SkipWithError("feeds_first_round did not run");
  auto first = board();
  if (!first) return state.SkipWithError(first.error().message.c_str());
  state.counters["members"] = static_cast<double>(first->members.size());
  state.counters["cycles"] = static_cast<double>(first->cycles.size());
  for (auto _ : state) {
    auto answer = board_answer();
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

// The board right after a round that brought a new post from every tenth working blog.
void board_after_round(benchmark::State& state) {
  if (!g_cohort) return state.SkipWithError("feeds_first_round did not run");
  if (!board()) return state.SkipWithError("no board");
  Cohort& cohort = *g_cohort;
  for (auto _ : state) {
    state.PauseTiming();
    for (size_t member = 0; member < kMembers; member += 10) {
      const std::time_t when = kTrackStartUtc + kTrackSeconds - 3 * 24 * 60 * 60 +
                               static_cast<std::time_t>(cohort.new_posts) * 60;
      const std::string number = std::to_string(++cohort.new_posts);
      cohort.posts[member].push_back(
          {"새 글 " + number, "https://blog" + std::to_string(member) + ".example/new/" + number,
           rfc822_in_seoul(when)});
      serve(cohort, member);
    }
    auto round = run_round();
    if (!round) return state.SkipWithError(round.error().message.c_str());
    if (round->new_posts == 0) return state.SkipWithError("the round brought no new post");
    state.ResumeTiming();
    auto answer = board_answer();
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

// The board's JSON text, as GET /tracks/{name}/board writes it.
void board_json(benchmark::State& state) {
  if (!g_cohort) return state.SkipWithError("feeds_first_round did not run");
  auto computed = board();
  if (!computed) return state.SkipWithError(computed.error().message.c_str());
  for (auto _ : state) {
    std::string text = board_json_text(*computed, "ko");
    benchmark::DoNotOptimize(text);
  }
}

// The board as the web view asks for it, twice in a row with nothing changed: the server keeps
// its answer (per language and query) until the data changes.
void board_http_warm(benchmark::State& state) {
  if (!g_cohort) return state.SkipWithError("feeds_first_round did not run");
  HttpServer server(g_cohort->db, *g_plugins);
  ServerOptions options;
  options.port = 0;
  options.time_zone = kZone;
  options.fetch_feeds = false;
  std::promise<int> bound;
  std::thread serving([&] {
    auto served = server.serve(options, [&](int port) { bound.set_value(port); });
    if (!served) bound.set_exception(std::make_exception_ptr(std::runtime_error("not served")));
  });
  const int port = bound.get_future().get();
  httplib::Client client("127.0.0.1", port);
  const std::string path = "/api/v1/tracks/" + httplib::detail::encode_query_param(kTrack) +
                           "/board?as_of=" + kAsOf + "&lang=ko";
  auto first = client.Get(path);
  if (!first || first->status != 200) {
    server.stop();
    serving.join();
    return state.SkipWithError("GET board failed");
  }
  state.counters["bytes"] = static_cast<double>(first->body.size());
  for (auto _ : state) {
    auto answer = client.Get(path);
    benchmark::DoNotOptimize(answer);
  }
  server.stop();
  serving.join();
}

}  // namespace

void register_feed_benchmarks(PluginHost& plugins, const fs::path& directory) {
  g_plugins = &plugins;
  g_directory = directory;
  using benchmark::kMillisecond;
  benchmark::RegisterBenchmark("feeds_first_round/500", feeds_first_round)
      ->Unit(kMillisecond)
      ->UseRealTime()
      ->Iterations(1);
  benchmark::RegisterBenchmark("feeds_round_nothing_new/500", feeds_round_nothing_new)
      ->Unit(kMillisecond)
      ->UseRealTime()
      ->Iterations(3);
  benchmark::RegisterBenchmark("board_warm/500x13", board_warm)->Unit(kMillisecond);
  benchmark::RegisterBenchmark("board_after_round/500x13", board_after_round)
      ->Unit(kMillisecond)
      ->Iterations(5);
  benchmark::RegisterBenchmark("board_json/500x13", board_json)->Unit(kMillisecond);
  benchmark::RegisterBenchmark("board_http_warm/500x13", board_http_warm)
      ->Unit(kMillisecond)
      ->UseRealTime();
}

}  // namespace hoego::bench
