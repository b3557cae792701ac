// hoego import: a blog's RSS or Atom feed as writing posts, or a whole JSON Lines export.
#include <hoego/core/feed_import.h>
#include <hoego/core/jsonl.h>

#include <fstream>
#include <iostream>

#include "commands.h"
#include "entry_output.h"
#include "progress.h"

namespace hoego::cli {

void register_import_commands(CLI::App& app, Context& context) {
  auto* import = app.add_subcommand("import", "Import entries from outside formats");
  import->require_subcommand(1);

  auto* feed = import->add_subcommand(
      "feed",
      "Import a blog's RSS 2.0 or Atom 1.0 feed as writing posts; importing again adds "
      "only new posts, and a malformed feed adds nothing");
  static std::string source;
  static std::optional<std::string> track, person;
  static bool json = false;
  feed->add_option("source", source, "The feed: a file, or an http(s) URL")->required();
  feed->add_option("--track", track, "The track the posts belong to, e.g. \"글또 7기\"");
  feed->add_option(
      "--person", person,
      "Whose feed it is: a group member, so that goals --by-person counts their posts");
  feed->add_flag("--json", json, "Print JSON");
  auto* jsonl = import->add_subcommand(
      "jsonl", "Import everything from 'hoego export --format jsonl' into an empty data directory");
  static std::string jsonl_file;
  jsonl->add_option("file", jsonl_file, "The export file")->required();
  jsonl->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    std::ifstream in(jsonl_file, std::ios::binary);
    if (!in) {
      context.exit_code = context.fail(Error::invalid(
          "cannot read '" + jsonl_file + "'", "'" + jsonl_file + "' 파일을 읽을 수 없습니다"));
      return;
    }
    const Words words = context.words();
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto counts =
        import_jsonl(*db, text, terminal_progress(words.pick("가져오는 중", "importing")));
    if (!context.succeeded(counts)) return;
    auto rows = [&counts](const char* table) { return static_cast<int64_t>((*counts)[table]); };
    const std::string held =
        words.holdings(rows("entries"), rows("people"), rows("tracks"), rows("goals"));
    std::cout << (words.korean() ? held + "를 가져왔습니다" : "imported " + held) << "\n";
  });

  feed->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto text = read_feed_source(source);
    if (!context.succeeded(text)) return;
    auto outcome = FeedImportService(*db, context.plugins(), context.time_zone())
                       .import(*text, FeedImportOptions{track, person});
    if (!context.succeeded(outcome)) return;
    if (json) {
      context.print_json(to_json(*outcome));
      return;
    }
    const Words words = context.words();
    const auto added = static_cast<int64_t>(outcome->added.size());
    const std::string already = std::to_string(outcome->already_there);
    if (words.korean())
      std::cout << "'" << outcome->feed_title << "'에서 새 글 " << added << "개를 가져왔습니다. "
                << already << "개는 이미 있었습니다\n";
    else
      std::cout << "imported " << counted(added, "new post", "new posts") << " from '"
                << outcome->feed_title << "'; " << already << " already there\n";
    if (outcome->outside_track > 0) {
      const std::string dates =
          outcome->track->starts_on.value_or("…") + ".." + outcome->track->ends_on.value_or("…");
      if (words.korean())
        std::cout << "그중 " << outcome->outside_track << "개는 '" << outcome->track->name
                  << "' 기간(" << dates << ") 밖의 날짜라 트랙에 넣지 않았습니다\n";
      else
        std::cout << outcome->outside_track << " of them dated outside '" << outcome->track->name
                  << "' (" << dates << ") went to no track\n";
    }
    if (outcome->in_future > 0) {
      if (words.korean())
        std::cout << "미래 날짜의 글 " << outcome->in_future
                  << "개는 가져오지 않았습니다 (그 시각이 지난 뒤 다시 가져오면 들어옵니다)\n";
      else
        std::cout << counted(static_cast<int64_t>(outcome->in_future), "post", "posts")
                  << " dated in the future left out (importing again after that time adds them)\n";
    }
    for (const auto& entry : outcome->added) std::cout << entry_line(entry, words) << "\n";
  });
}

}  // namespace hoego::cli
