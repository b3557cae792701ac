// hoego people: the people shared across plugins.
#include <hoego/core/json_answers.h>
#include <hoego/core/people_service.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {

void register_people_command(CLI::App& app, Context& context) {
  auto* people = app.add_subcommand("people", "List people, or add one with 'people add'");
  static bool json = false;
  people->add_flag("--json", json, "Print JSON");

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
    auto list = PeopleService(*db).list();
    if (!context.succeeded(list)) return;
    if (json) {
      context.print_json(people_answer(*list));
      return;
    }
    const Words words = context.words();
    for (const auto& person : *list)
      std::cout << person.name << "  (" << words.entries(person.entry_count) << ")"
                << (person.note.empty() ? "" : "  " + person.note) << "\n";
  });
}

}  // namespace hoego::cli
