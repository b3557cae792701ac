// hoego edit ID: change an entry; the previous revision stays in its history.
#include <hoego/core/entry_service.h>

#include <iostream>

#include "commands.h"
#include "entry_output.h"
#include "field_arguments.h"

namespace hoego::cli {

void register_edit_command(CLI::App& app, Context& context) {
  static int64_t id = 0;
  static EntryChanges changes;
  static std::vector<std::string> people, tags, fields;
  static bool json = false;
  auto* edit = app.add_subcommand("edit", "Change an entry (its history keeps every revision)");
  edit->add_option("id", id, "The entry's number")->required();
  edit->add_option("--when", changes.when, "When it happened");
  edit->add_option("--title", changes.title, "New title");
  edit->add_option("--notes", changes.notes, "New notes (Markdown)");
  edit->add_option("--track", changes.track, "Move it to this track (\"\" takes it out)");
  auto* with = edit->add_option("--with", people, "Replace the people (repeatable)");
  auto* tag = edit->add_option("--tag", tags, "Replace the tags (repeatable)");
  edit->add_option("--field", fields,
                   "key=value replaces one field; key= clears it (see hoego add … --help)");
  edit->add_flag("--json", json, "Print the entry as JSON");
  edit->callback([&context, with, tag] {
    Database* db = context.database();
    if (db == nullptr) return;
    EntryService service(*db, context.plugins(), context.time_zone());
    auto current = service.get(id);
    if (!context.succeeded(current)) return;
    if (with->count() > 0) changes.people = people;
    if (tag->count() > 0) changes.tags = tags;
    if (!fields.empty()) {
      const LoadedPlugin* plugin = context.plugins().find(current->plugin);
      const KindSpec* kind = plugin != nullptr ? plugin->manifest().kind(current->kind) : nullptr;
      if (kind == nullptr) {
        context.exit_code = context.fail(Error::invalid(
            "plugin '" + current->plugin + "' is not loaded, so its fields cannot be edited",
            "'" + current->plugin + "' 플러그인이 없어 필드를 고칠 수 없습니다"));
        return;
      }
      auto parsed = fields_from_arguments(*kind, fields);
      if (!context.succeeded(parsed)) return;
      changes.fields = std::move(parsed.value());
    }
    auto entry = service.edit(id, changes);
    if (!context.succeeded(entry)) return;
    if (json) {
      context.print_json(to_json(*entry));
      return;
    }
    const Words words = context.words();
    std::cout << words.pick("수정했습니다: ", "edited ") << entry_line(*entry, words) << " "
              << revision_text(entry->revision, words) << "\n";
  });
}

}  // namespace hoego::cli
