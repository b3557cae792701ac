// hoego journal: the undo journal, newest first — every change to entries, goals, tracks,
// people and plugins, and which of them were undone.
#include <hoego/core/journal_service.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {

void register_journal_command(CLI::App& app, Context& context) {
  static std::optional<std::string> entry, goal, track, person, plugin;
  static int limit = 20;
  static bool json = false;
  auto* journal = app.add_subcommand(
      "journal", "List the latest changes, newest first ('hoego undo' reverts the newest)");
  journal->add_option("--entry", entry, "Only this entry's (by id)");
  journal->add_option("--goal", goal, "Only this goal's (by id)");
  journal->add_option("--track", track, "Only this track's (by name)");
  journal->add_option("--person", person, "Only this person's (by name)");
  journal->add_option("--plugin", plugin, "Only this plugin's switches (by id)");
  journal->add_option("--limit", limit, "How many (1 to 500)")->capture_default_str();
  journal->add_flag("--json", json, "Print JSON");
  journal->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    std::optional<std::string> subject, which;
    for (const auto& [name, value] :
         {std::pair{"entry", &entry}, std::pair{"goal", &goal}, std::pair{"track", &track},
          std::pair{"person", &person}, std::pair{"plugin", &plugin}})
      if (*value) {
        subject = name;
        which = **value;
      }
    auto steps = JournalService(*db).steps(subject, which, limit);
    if (!context.succeeded(steps)) return;
    if (json) {
      nlohmann::json lines = nlohmann::json::array();
      for (const auto& line : *steps) lines.push_back(to_json(line));
      context.print_json({{"steps", std::move(lines)}});
      return;
    }
    const Words words = context.words();
    for (const auto& line : *steps)
      std::cout << line.performed_at << "  " << line.summary.in(words.language)
                << (line.undone_at ? words.pick("  (되돌림)", "  (undone)") : "") << "\n";
    if (steps->empty()) std::cout << words.pick("바뀐 것이 없습니다\n", "no changes\n");
  });
}

}  // namespace hoego::cli
