// hoego delete ID and hoego undo: deletes are soft, and every change can be undone.
#include <hoego/core/entry_service.h>
#include <hoego/core/journal_service.h>
#include <hoego/core/json_answers.h>

#include <iostream>

#include "commands.h"
#include "entry_output.h"

namespace hoego::cli {
namespace {

// "undid delete: " or "삭제를 되돌렸습니다: ", for an undone add, edit or delete.
std::string undone_text(const std::string& action, const Words& words) {
  if (!words.korean()) return "undid " + action + ": ";
  if (action == "add") return "추가를 되돌렸습니다: ";
  if (action == "edit") return "수정을 되돌렸습니다: ";
  if (action == "delete") return "삭제를 되돌렸습니다: ";
  return action + " 작업을 되돌렸습니다: ";
}

}  // namespace

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
    if (delete_json) {
      context.print_json(to_json(*entry));
      return;
    }
    const Words words = context.words();
    std::cout << words.pick("삭제했습니다: ", "deleted ") << entry_line(*entry, words)
              << words.pick(" ('hoego undo'로 되돌릴 수 있습니다)",
                            " ('hoego undo' brings it back)")
              << "\n";
  });

  auto* undo = app.add_subcommand(
      "undo",
      "Undo the latest change: an entry's add, edit or delete, or a change to a goal, "
      "track, person or plugin");
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
    const Words words = context.words();
    if (outcome->entry)
      std::cout << undone_text(outcome->action, words) << entry_line(*outcome->entry, words)
                << "\n";
    else
      std::cout << words.pick("되돌렸습니다: ", "undone: ")
                << describe_step(outcome->action, outcome->label).in(words.language) << "\n";
  });
}

}  // namespace hoego::cli
