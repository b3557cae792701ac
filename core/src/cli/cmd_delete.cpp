// hoego delete ID and hoego undo: deletes are soft, and every change can be undone.
#include <hoego/core/entry_service.h>
#include <hoego/core/json_answers.h>

#include <iostream>

#include "commands.h"
#include "entry_output.h"

namespace hoego::cli {

void register_delete_commands(CLI::App& app, Context& context) {
  static int64_t id = 0;
  static bool delete_json = false, undo_json = false;
  auto* remove = app.add_subcommand("delete", "Delete an entry ('hoego undo' brings it back)");
  remove->add_option("id", id, "The entry's number")->required();
  remove->add_flag("--json", delete_json, "Print the entry as JSON");
  remove->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto entry = EntryService(*db, context.plugins(), context.time_zone()).remove(id);
    if (!context.succeeded(entry)) return;
    if (delete_json)
      context.print_json(to_json(*entry));
    else
      std::cout << "deleted " << entry_line(*entry) << " ('hoego undo' brings it back)\n";
  });

  auto* undo = app.add_subcommand("undo", "Undo the latest add, edit or delete");
  undo->add_flag("--json", undo_json, "Print what was undone as JSON");
  undo->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto outcome = EntryService(*db, context.plugins(), context.time_zone()).undo();
    if (!context.succeeded(outcome)) return;
    if (undo_json) {
      context.print_json(undo_answer(*outcome));
      return;
    }
    std::cout << "undid " << outcome->action << ": " << entry_line(outcome->entry) << "\n";
  });
}

}  // namespace hoego::cli
