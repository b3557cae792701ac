// hoego's benchmarks (`make bench`): for each data-set size N, the import through the full path
// next to a raw SQLite insert of the same rows, the dashboard, the goals, a search, the year
// report, plugin loading and the start-up of `hoego list --json`; once, a writing group's rounds
// of 500 feeds and its board (feed_bench.cpp). Sizes come from
// $HOEGO_BENCH_SIZES (comma-separated; default 10000,100000). Each size's database is built
// once and kept in $HOEGO_BENCH_DATA (default bench-data/ in the working directory).
#include <benchmark/benchmark.h>
#include <date/date.h>
#include <fcntl.h>
#include <hoego/core/dashboard_service.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/report.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "dataset.h"
#include "feed_bench.h"

namespace hoego::bench {
namespace {

namespace fs = std::filesystem;

fs::path g_executable_dir;  // where hoego_bench is: hoego and the plugins are beside it

fs::path bundled_plugins() { return g_executable_dir.parent_path() / "lib" / "hoego" / "plugins"; }

PluginHost& plugins() {
  static PluginHost host;
  static const bool loaded = (host.load_directory(bundled_plugins()), true);
  (void)loaded;
  return host;
}

fs::path data_root() {
  const char* configured = std::getenv("HOEGO_BENCH_DATA");
  return configured != nullptr ? fs::path(configured) : fs::current_path() / "bench-data";
}

// The data directory of size N, built on first use.
fs::path data_directory(size_t count) {
  const fs::path directory = data_root() / std::to_string(count);
  const fs::path ready = directory / "ready";
  if (fs::exists(ready)) return directory;
  fs::remove_all(directory);
  fs::create_directories(directory);
  std::cerr << "building the " << count << "-entry data set in " << directory << " …" << std::endl;
  const auto started = std::chrono::steady_clock::now();
  auto db = Database::open(directory / "hoego.db");
  if (!db) throw std::runtime_error(db.error().message);
  if (auto status = populate(*db, plugins(), count); !status)
    throw std::runtime_error(status.error().message);
  std::ofstream(ready) << "ok\n";
  std::cerr << "built in "
            << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() -
                                                                started)
                   .count()
            << " s" << std::endl;
  return directory;
}

Database& database(size_t count) {
  static std::map<size_t, Database> open;
  auto found = open.find(count);
  if (found == open.end()) {
    auto db = Database::open(data_directory(count) / "hoego.db");
    if (!db) throw std::runtime_error(db.error().message);
    found = open.emplace(count, std::move(db.value())).first;
  }
  return found->second;
}

const std::string& json_lines(size_t count) {
  static std::map<size_t, std::string> texts;
  auto found = texts.find(count);
  if (found == texts.end()) found = texts.emplace(count, entries_as_json_lines(count)).first;
  return found->second;
}

// A fresh database with the people, tracks and goals but no entries, for the imports.
Database empty_database(const fs::path& file) {
  fs::create_directories(file.parent_path());
  fs::remove(file);
  fs::remove(fs::path(file.string() + "-wal"));
  fs::remove(fs::path(file.string() + "-shm"));
  auto db = Database::open(file);
  if (!db) throw std::runtime_error(db.error().message);
  if (auto status = create_directory(*db, plugins()); !status)
    throw std::runtime_error(status.error().message);
  return std::move(db.value());
}

// Parse each line, check it through its plugin, store all in one transaction: the feed import's
// path.
void import_full_path(benchmark::State& state, size_t count) {
  const std::string& text = json_lines(count);
  const fs::path file = data_root() / "import.db";
  for (auto _ : state) {
    state.PauseTiming();
    Database db = empty_database(file);
    state.ResumeTiming();
    EntryService service(db, plugins(), kTimeZone);
    CheckedEntries checked;
    checked.reserve(count);
    {
      // As the feed import does: every check reads from one snapshot.
      Transaction reading(db);
      if (!reading.begin_read()) return state.SkipWithError("begin failed");
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);) {
        auto entry = service.check(entry_from_json_line(line));
        if (!entry) return state.SkipWithError(entry.error().message.c_str());
        checked.push_back(std::move(entry.value()));
      }
    }
    if (auto added = service.add_all(std::move(checked)); !added)
      return state.SkipWithError(added.error().message.c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
}

// The same rows, already checked, by one prepared INSERT in one transaction: the floor. Each row
// has every column the full path writes, its track's id included; the rows the full path writes
// besides (the people named, the undo step) are part of what it costs.
void raw_insert(benchmark::State& state, size_t count) {
  const fs::path file = data_root() / "raw.db";
  std::vector<Entry> rows;
  std::map<std::string, int64_t> track_ids;
  {
    Database db = empty_database(file);
    EntryService service(db, plugins(), kTimeZone);
    for (size_t i = 0; i < count; ++i) rows.push_back(service.check(entry_at(i))->entry());
    auto tracks = db.prepare("SELECT name, id FROM tracks");
    for (auto row = tracks->step(); row && *row; row = tracks->step())
      track_ids.emplace(tracks->text(0), tracks->integer(1));
  }
  for (auto _ : state) {
    state.PauseTiming();
    Database db = empty_database(file);
    state.ResumeTiming();
    Transaction transaction(db);
    if (!transaction.begin()) return state.SkipWithError("begin failed");
    auto insert = db.prepare(
        "INSERT INTO entries (plugin, kind, kind_version, occurred_at, occurred_utc, local_date, "
        "utc_offset_min, title, notes, tags, payload, created_at, updated_at, track_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Entry& row : rows) {
      std::optional<int64_t> track_id;
      if (row.track) track_id = track_ids.at(*row.track);
      insert->bind(1, row.plugin)
          .bind(2, row.kind)
          .bind(3, row.kind_version)
          .bind(4, row.when.iso)
          .bind(5, row.when.utc_seconds)
          .bind(6, row.when.local_date)
          .bind(7, 540)
          .bind(8, row.title)
          .bind(9, row.notes)
          .bind(10, nlohmann::json(row.tags).dump())
          .bind(11, row.fields.dump())
          .bind(12, "2026-11-23T00:00:00Z")
          .bind(13, "2026-11-23T00:00:00Z")
          .bind(14, track_id);
      if (!insert->run()) return state.SkipWithError("insert failed");
      insert->reset();
    }
    if (!transaction.commit()) return state.SkipWithError("commit failed");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
}

// Warm: the page reloaded with nothing written since its last load (what was derived is kept).
void dashboard(benchmark::State& state, size_t count) {
  DashboardService service(database(count), plugins(), kTimeZone);
  if (!service.dashboard(kYear, std::string("2026-11-23"))) return state.SkipWithError("failed");
  for (auto _ : state) {
    auto answer = service.dashboard(kYear, std::string("2026-11-23"));
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

constexpr const char* kNoRoomLeft =
    "no room left on Dec 31 for another post; delete the data set to build it again";

// A post dated a second after every entry in the data set: a new entry, as what a user adds
// today is. Generated entries end on the evening of Dec 31, leaving room for thousands.
std::optional<NewEntry> latest_post(Database& db, const std::string& title) {
  auto latest = db.prepare("SELECT max(occurred_utc) FROM entries");
  const int64_t utc = latest && latest->step().ok() ? latest->integer(0) + 1 : 0;
  const auto seoul = date::sys_seconds{std::chrono::seconds{utc}} + std::chrono::hours{9};
  if (date::year_month_day{date::floor<date::days>(seoul)}.year() != date::year{kYear})
    return std::nullopt;
  NewEntry post;
  post.plugin = "writing";
  post.kind = "post";
  post.when = date::format("%FT%T+09:00", seoul);
  post.title = title;
  post.fields = {{"url", "https://bench.github.io/" + std::to_string(utc)}};
  return post;
}

// The first load after a write: today's new post, so the writing plugin is given that one
// entry. Each run leaves its posts in the data set (ten among N): taking them back would be a
// change to an entry the plugin has seen, which is what dashboard_after_edit measures.
void dashboard_after_write(benchmark::State& state, size_t count) {
  Database& db = database(count);
  EntryService entries(db, plugins(), kTimeZone);
  DashboardService service(db, plugins(), kTimeZone);
  if (!service.dashboard(kYear, std::string("2026-11-23"))) return state.SkipWithError("failed");
  for (auto _ : state) {
    state.PauseTiming();
    const auto post = latest_post(db, "오늘의 글");
    if (!post) return state.SkipWithError(kNoRoomLeft);
    if (auto added = entries.add(*post); !added)
      return state.SkipWithError(added.error().message.c_str());
    state.ResumeTiming();
    auto answer = service.dashboard(kYear, std::string("2026-11-23"));
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

// The first load after a post of the month `month` ("2022-01") was edited: the writing plugin
// goes back to its last checkpoint before that post. A post of the first month has none before
// it, so the plugin starts over from its first entry (the worst case for one plugin).
void dashboard_after_edit(benchmark::State& state, size_t count, const std::string& month) {
  Database& db = database(count);
  EntryService entries(db, plugins(), kTimeZone);
  DashboardService service(db, plugins(), kTimeZone);
  EntryFilter in_month;
  in_month.plugin = "writing";
  in_month.since = month + "-01";
  in_month.until = month + "-28";
  in_month.limit = 1;
  auto old_post = entries.list(in_month);
  if (!old_post || old_post->empty()) return state.SkipWithError("no post that month");
  if (!service.dashboard(kYear, std::string("2026-11-23"))) return state.SkipWithError("failed");
  int edits = 0;
  for (auto _ : state) {
    state.PauseTiming();
    EntryChanges changes;
    changes.title = "고쳐 쓴 글 " + std::to_string(++edits);
    if (!entries.edit(old_post->front().id, changes)) return state.SkipWithError("edit failed");
    state.ResumeTiming();
    auto answer = service.dashboard(kYear, std::string("2026-11-23"));
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

// Warm, as the dashboard: what was kept from the first call is reused until a day changes.
void heatmap(benchmark::State& state, size_t count) {
  DashboardService service(database(count), plugins(), kTimeZone);
  if (!service.heatmap(kYear, std::nullopt)) return state.SkipWithError("failed");
  for (auto _ : state) {
    auto answer = service.heatmap(kYear, std::nullopt);
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

void goals(benchmark::State& state, size_t count) {
  GoalService service(database(count), plugins(), kTimeZone);
  for (auto _ : state) {
    auto answer = service.evaluate(std::nullopt, false, std::string("2026-11-23"));
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

// A word in one entry in forty-odd, in Korean, as the web view's search box sends it.
void search(benchmark::State& state, size_t count) {
  EntryService service(database(count), plugins(), kTimeZone);
  EntryFilter filter;
  filter.text = "회고록";
  filter.limit = 50;
  for (auto _ : state) {
    auto answer = service.list(filter);
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

void year_report(benchmark::State& state, size_t count) {
  if (!build_year_report(database(count), plugins(), kYear, kTimeZone, "ko"))
    return state.SkipWithError("failed");
  for (auto _ : state) {
    auto answer = build_year_report(database(count), plugins(), kYear, kTimeZone, "ko");
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

// The report after today's new post: the year's counts and the writing section are made again.
void year_report_after_write(benchmark::State& state, size_t count) {
  EntryService entries(database(count), plugins(), kTimeZone);
  if (!build_year_report(database(count), plugins(), kYear, kTimeZone, "ko"))
    return state.SkipWithError("failed");
  for (auto _ : state) {
    state.PauseTiming();
    const auto post = latest_post(database(count), "회고를 쓰며");
    if (!post) return state.SkipWithError(kNoRoomLeft);
    if (auto added = entries.add(*post); !added)
      return state.SkipWithError(added.error().message.c_str());
    state.ResumeTiming();
    auto answer = build_year_report(database(count), plugins(), kYear, kTimeZone, "ko");
    if (!answer) return state.SkipWithError(answer.error().message.c_str());
    benchmark::DoNotOptimize(answer);
  }
}

void plugin_loading(benchmark::State& state) {
  for (auto _ : state) {
    PluginHost host;
    host.load_directory(bundled_plugins());
    benchmark::DoNotOptimize(host.plugins().size());
  }
}

// A whole process: start, load the plugins, open the database, list 20 entries as JSON. Started
// with posix_spawn, not fork: copying this benchmark's own large address space is not hoego's
// start-up.
void list_json_startup(benchmark::State& state, size_t count) {
  const std::string binary = (g_executable_dir / "hoego").string();
  const std::string data = "HOEGO_DATA=" + data_directory(count).string();
  const std::string zone = std::string("HOEGO_TZ=") + kTimeZone;
  const char* const arguments[] = {binary.c_str(), "list", "--json", "--limit", "20", nullptr};
  const char* const environment[] = {data.c_str(), zone.c_str(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  for (auto _ : state) {
    pid_t child = 0;
    int status = 0;
    if (posix_spawn(&child, binary.c_str(), &actions, nullptr, const_cast<char* const*>(arguments),
                    const_cast<char* const*>(environment)) != 0) {
      state.SkipWithError("cannot start hoego");
      break;
    }
    waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("hoego list --json failed");
      break;
    }
  }
  posix_spawn_file_actions_destroy(&actions);
}

std::vector<size_t> sizes() {
  const char* configured = std::getenv("HOEGO_BENCH_SIZES");
  std::stringstream list(configured != nullptr ? configured : "10000,100000");
  std::vector<size_t> result;
  for (std::string item; std::getline(list, item, ',');)
    if (!item.empty()) result.push_back(std::stoul(item));
  return result;
}

}  // namespace
}  // namespace hoego::bench

int main(int argc, char** argv) {
  using namespace hoego::bench;
  using benchmark::kMillisecond;
  g_executable_dir = std::filesystem::canonical("/proc/self/exe").parent_path();
  benchmark::RegisterBenchmark("plugin_loading", plugin_loading)->Unit(kMillisecond);
  for (size_t count : sizes()) {
    const std::string n = "/" + std::to_string(count);
    // Imports redo the whole data set: a few runs are enough.
    const int import_runs = count >= 100000 ? 1 : 3;
    benchmark::RegisterBenchmark(("import_full_path" + n).c_str(), import_full_path, count)
        ->Unit(kMillisecond)
        ->Iterations(import_runs);
    benchmark::RegisterBenchmark(("raw_insert" + n).c_str(), raw_insert, count)
        ->Unit(kMillisecond)
        ->Iterations(import_runs);
    benchmark::RegisterBenchmark(("dashboard" + n).c_str(), dashboard, count)->Unit(kMillisecond);
    benchmark::RegisterBenchmark(("dashboard_after_write" + n).c_str(), dashboard_after_write,
                                 count)
        ->Unit(kMillisecond)
        ->Iterations(10);
    benchmark::RegisterBenchmark(("dashboard_after_edit" + n).c_str(), dashboard_after_edit, count,
                                 std::string("2022-01"))
        ->Unit(kMillisecond)
        ->Iterations(3);
    benchmark::RegisterBenchmark(("dashboard_after_recent_edit" + n).c_str(), dashboard_after_edit,
                                 count, std::string("2026-11"))
        ->Unit(kMillisecond)
        ->Iterations(3);
    benchmark::RegisterBenchmark(("heatmap" + n).c_str(), heatmap, count)->Unit(kMillisecond);
    benchmark::RegisterBenchmark(("goals" + n).c_str(), goals, count)->Unit(kMillisecond);
    benchmark::RegisterBenchmark(("search" + n).c_str(), search, count)->Unit(kMillisecond);
    benchmark::RegisterBenchmark(("year_report" + n).c_str(), year_report, count)
        ->Unit(kMillisecond);
    benchmark::RegisterBenchmark(("year_report_after_write" + n).c_str(), year_report_after_write,
                                 count)
        ->Unit(kMillisecond)
        ->Iterations(3);
    benchmark::RegisterBenchmark(("list_json_startup" + n).c_str(), list_json_startup, count)
        ->Unit(kMillisecond);
  }
  register_feed_benchmarks(plugins(), data_root() / "feeds");
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
