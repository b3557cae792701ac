// hoego add PLUGIN KIND: one subcommand per plugin and kind, generated from the manifests.
#include <hoego/core/entry_service.h>

#include <iostream>

#include "commands.h"
#include "entry_output.h"
#include "field_arguments.h"

namespace hoego::cli {
namespace {

struct AddArguments {
  std::optional<std::string> when;
  std::string title;
  std::string notes;
  std::vector<std::string> people;
  std::vector<std::string> tags;
  std::optional<std::string> track;
  std::vector<std::string> fields;
  bool json = false;
};

void run_add(Context& context, const LoadedPlugin& plugin, const KindSpec& kind,
             const AddArguments& arguments) {
  auto fields = fields_from_arguments(kind, arguments.fields);
  if (!context.succeeded(fields)) return;
  Database* db = context.database();
  if (db == nullptr) return;
  NewEntry input{plugin.id(),     kind.id,
                 arguments.when,  arguments.title,
                 arguments.notes, arguments.people,
                 arguments.tags,  arguments.track,
                 std::nullopt,    std::move(fields.value())};
  auto entry = EntryService(*db, context.plugins(), context.time_zone()).add(input);
  if (!context.succeeded(entry)) return;
  if (arguments.json) {
    context.print_json(to_json(*entry));
    return;
  }
  const Words words = context.words();
  std::cout << words.pick("추가했습니다: ", "added ") << entry_line(*entry, words) << "\n";
}

}  // namespace

namespace {

// Words that named no plugin or kind, caught by hidden positionals, and the plugin whose kind
// was unknown.
std::vector<std::string> unknown_plugin, unknown_kind;
const LoadedPlugin* plugin_of_unknown_kind = nullptr;

Error unknown_kind_error(const LoadedPlugin& plugin) {
  std::string kinds;
  for (const auto& kind : plugin.manifest().kinds) kinds += (kinds.empty() ? "" : ", ") + kind.id;
  if (unknown_kind.empty())
    return Error::invalid("name a kind of " + plugin.id() + " (its kinds: " + kinds + ")",
                          plugin.id() + "의 종류를 적어 주세요 (종류: " + kinds + ")");
  return Error::invalid("unknown kind '" + unknown_kind.front() + "' for plugin '" + plugin.id() +
                            "' (its kinds: " + kinds + ")",
                        "'" + plugin.id() + "' 플러그인에 없는 종류입니다: '" +
                            unknown_kind.front() + "' (종류: " + kinds + ")");
}

}  // namespace

std::optional<Error> unknown_add_target(const Context& context) {
  if (!unknown_plugin.empty()) return context.plugins().require(unknown_plugin.front()).error();
  if (!unknown_kind.empty() && plugin_of_unknown_kind != nullptr)
    return unknown_kind_error(*plugin_of_unknown_kind);
  return std::nullopt;
}

void register_add_command(CLI::App& app, Context& context) {
  static AddArguments arguments;
  const std::string language = context.language();
  auto* add = app.add_subcommand("add", "Log an entry: hoego add PLUGIN KIND [options]");
  add->add_option("plugin", unknown_plugin)->group("");
  add->allow_extras();
  add->footer("Plugins: run 'hoego plugins' to see what is loaded.");

  for (const auto& plugin : context.plugins().plugins()) {
    auto* plugin_command =
        add->add_subcommand(plugin->id(), plugin->manifest().name.in(language) + " entries");
    plugin_command->add_option("kind", unknown_kind)
        ->group("")
        ->each([plugin = plugin.get()](const std::string&) { plugin_of_unknown_kind = plugin; });
    plugin_command->allow_extras();
    for (const auto& kind : plugin->manifest().kinds) {
      auto* kind_command = plugin_command->add_subcommand(kind.id, kind.label.in(language));
      kind_command->add_option("--when", arguments.when,
                               "When it happened: 2022-10-05T20:00+09:00 (default: now)");
      kind_command->add_option("--title", arguments.title, "Title");
      kind_command->add_option("--notes", arguments.notes, "Notes (Markdown)");
      if (kind.people)
        kind_command->add_option("--with", arguments.people,
                                 kind.people->label.in(language) + " (repeatable)");
      kind_command->add_option("--tag", arguments.tags, "A tag (repeatable)");
      kind_command->add_option("--track", arguments.track, "The track it belongs to");
      kind_command->add_option("--field", arguments.fields, "key=value (repeatable; see below)");
      kind_command->add_flag("--json", arguments.json, "Print the entry as JSON");
      kind_command->footer(describe_fields(kind, language));
      kind_command->callback(
          [&context, plugin = plugin.get(), &kind] { run_add(context, *plugin, kind, arguments); });
    }
    plugin_command->callback([&context, plugin_command, plugin = plugin.get()] {
      if (plugin_command->get_subcommands().empty())
        context.exit_code = context.fail(unknown_kind_error(*plugin));
    });
  }
  add->callback([&context, add] {
    if (!add->get_subcommands().empty()) return;
    const auto& extras = unknown_plugin;
    context.exit_code = context.fail(
        extras.empty() ? Error::invalid("name a plugin and a kind: hoego add PLUGIN KIND",
                                        "플러그인과 종류를 적어 주세요: hoego add PLUGIN KIND")
                       : context.plugins().require(extras.front()).error());
  });
}

}  // namespace hoego::cli
