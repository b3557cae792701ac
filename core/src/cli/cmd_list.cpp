// hoego list and hoego show: reading entries back.
#include <hoego/core/entry_service.h>
#include <hoego/core/json_answers.h>

#include <iostream>

#include "commands.h"
#include "entry_output.h"

namespace hoego::cli {

void register_list_commands(CLI::App& app, Context& context) {
  static EntryFilter filter;
  static bool list_json = false;
  auto* list = app.add_subcommand("list", "List entries, newest first");
  list->add_option("--plugin", filter.plugin, "Only this plugin's entries");
  list->add_option("--kind", filter.kind, "Only entries of this kind");
  list->add_option("--since", filter.since, "From this local date (YYYY-MM-DD)");
  list->add_option("--until", filter.until, "Up to this local date (YYYY-MM-DD)");
  list->add_option("--person", filter.person, "Only entries with this person");
  list->add_option("--tag", filter.tag, "Only entries with this tag");
  list->add_option("--track", filter.track, "Only entries in this track");
  list->add_option("--search", filter.text,
                   "Only entries whose title, notes, fields, tags or people contain this text");
  list->add_option("--limit", filter.limit, "At most this many")->check(CLI::NonNegativeNumber);
  list->add_flag("--deleted", filter.include_deleted, "Include deleted entries");
  list->add_flag("--json", list_json, "Print JSON");
  list->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto entries = EntryService(*db, context.plugins(), context.time_zone()).list(filter);
    if (!context.succeeded(entries)) return;
    if (list_json) {
      context.print_json(entries_answer(*entries));
      return;
    }
    const Words words = context.words();
    for (const auto& entry : *entries) std::cout << entry_line(entry, words) << "\n";
    if (entries->empty()) std::cout << words.pick("기록이 없습니다\n", "no entries\n");
  });

  static int64_t id = 0;
  static bool show_json = false, show_history = false;
  auto* show = app.add_subcommand("show", "Show one entry");
  show->add_option("id", id, "The entry's number")->required();
  show->add_flag("--history", show_history, "Also show every earlier revision");
  show->add_flag("--json", show_json, "Print JSON");
  show->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    EntryService service(*db, context.plugins(), context.time_zone());
    auto entry = service.get(id);
    if (!context.succeeded(entry)) return;
    std::vector<Entry> revisions;
    if (show_history) {
      auto history = service.history(id);
      if (!context.succeeded(history)) return;
      revisions = std::move(history.value());
    }
    if (show_json) {
      // As the API answers: GET /entries/{id}, or GET /entries/{id}/history with --history.
      context.print_json(show_history ? revisions_answer(revisions) : to_json(*entry));
      return;
    }
    const LoadedPlugin* plugin = context.plugins().find(entry->plugin);
    const KindSpec* kind = plugin != nullptr ? plugin->manifest().kind(entry->kind) : nullptr;
    const Words words = context.words();
    std::cout << entry_details(*entry, kind, words);
    // The history ends with the entry as it is, shown above already.
    for (const auto& revision : revisions)
      if (revision.revision < entry->revision)
        std::cout << "\n--- "
                  << (words.korean() ? std::to_string(revision.revision) + "번째 판"
                                     : "revision " + std::to_string(revision.revision))
                  << " (" << revision.updated_at << ")\n"
                  << entry_details(revision, kind, words);
  });
}

}  // namespace hoego::cli
