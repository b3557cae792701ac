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
      context.exit_code = context.fail(Error::invalid("cannot read '" + jsonl_file + "'"));
      return;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto counts = import_jsonl(*db, text, terminal_progress("importing"));
    if (!context.succeeded(counts)) return;
    std::cout << "imported " << (*counts)["entries"] << " entries, " << (*counts)["people"]
              << " people, " << (*counts)["tracks"] << " tracks and " << (*counts)["goals"]
              << " goals\n";
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
    std::cout << "imported " << outcome->added.size() << " new post(s) from '"
              << outcome->feed_title << "'; " << outcome->already_there << " already there\n";
    if (outcome->outside_track > 0)
      std::cout << outcome->outside_track << " of them dated outside '" << outcome->track->name
                << "' (" << outcome->track->starts_on.value_or("…") << ".."
                << outcome->track->ends_on.value_or("…") << ") went to no track\n";
    for (const auto& entry : outcome->added) std::cout << entry_line(entry) << "\n";
  });
}

}  // namespace hoego::cli
