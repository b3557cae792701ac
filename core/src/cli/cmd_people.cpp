// hoego people [add|rename|merge|delete]: the people shared across plugins. Each change is one
// step of the undo journal.
#include <hoego/core/json_answers.h>
#include <hoego/core/people_service.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {

void register_people_command(CLI::App& app, Context& context) {
  auto* people = app.add_subcommand("people", "List people, or add one with 'people add'");
  static bool json = false, archived = false;
  people->add_flag("--json", json, "Print JSON");
  people->add_flag("--archived", archived, "Include archived people");

  auto* add = people->add_subcommand("add", "Add a person (a mentee, study member, teammate…)");
  static std::string name, note;
  add->add_option("name", name, "Their name, as you will write it with --with")->required();
  add->add_option("--note", note, "A note about them, e.g. \"Boostcamp 4기 CV\"");
  add->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto person = PeopleService(*db).add(name, note);
    if (!context.succeeded(person)) return;
    if (json)
      context.print_json(to_json(*person));
    else if (context.words().korean())
      std::cout << person->name << " 님을 추가했습니다\n";
    else
      std::cout << "added person " << person->name << "\n";
  });

  people->callback([&context, people] {
    if (people->get_subcommands().size() > 0) return;
    Database* db = context.database();
    if (db == nullptr) return;
    auto list = PeopleService(*db).list(archived);
    if (!context.succeeded(list)) return;
    if (json) {
      context.print_json(people_answer(*list));
      return;
    }
    const Words words = context.words();
    for (const auto& person : *list)
      std::cout << person.name << "  (" << words.entries(person.entry_count) << ")"
                << (person.archived_at ? words.pick("  보관됨", "  archived") : "")
                << (person.note.empty() ? "" : "  " + person.note) << "\n";
  });

  static std::string new_name;
  static std::optional<std::string> new_note;
  auto* rename = people->add_subcommand("rename", "Rename a person: their entries follow");
  rename->add_option("name", name, "Their name now")->required();
  rename->add_option("new_name", new_name, "Their new name")->required();
  rename->add_option("--note", new_note, "A new note");
  rename->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto person = PeopleService(*db).edit(name, new_name, new_note);
    if (!context.succeeded(person)) return;
    if (json)
      context.print_json(to_json(*person));
    else
      std::cout << context.words().pick("이름을 바꿨습니다: ", "renamed ") << name << " → "
                << person->name << "\n";
  });

  static std::string into;
  auto* merge = people->add_subcommand(
      "merge", "Merge a person into another: entries, tracks and goals by person follow");
  merge->add_option("name", name, "The person to merge away")->required();
  merge->add_option("into", into, "The person to keep")->required();
  merge->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto person = PeopleService(*db).merge(name, into);
    if (!context.succeeded(person)) return;
    const Words words = context.words();
    if (json)
      context.print_json(to_json(*person));
    else if (words.korean())
      std::cout << name << " 님을 " << person->name << " 님으로 합쳤습니다 ("
                << words.entries(person->entry_count) << "; 'hoego undo'로 되돌릴 수 있습니다)\n";
    else
      std::cout << "merged " << name << " into " << person->name << " ("
                << words.entries(person->entry_count) << "; 'hoego undo' reverts it)\n";
  });

  auto* remove = people->add_subcommand(
      "delete", "Delete a person no entry names; one that entries name is archived instead");
  remove->add_option("name", name, "Their name")->required();
  remove->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    bool deleted = false;
    auto person = PeopleService(*db).remove(name, deleted);
    if (!context.succeeded(person)) return;
    const Words words = context.words();
    if (json)
      context.print_json(
          {{"person", to_json(*person)}, {"outcome", deleted ? "deleted" : "archived"}});
    else if (deleted)
      std::cout << words.pick("삭제했습니다: ", "deleted ") << person->name << "\n";
    else
      std::cout << words.pick("기록에 남아 있어 보관했습니다: ", "archived (entries name them) ")
                << person->name << "\n";
  });
}

}  // namespace hoego::cli
