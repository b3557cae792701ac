// hoego follow-ups [tick|untick]: what was promised in every entry's checklist (mentoring's
// follow-ups), open ones first; ticking one is an edit of its entry, kept in its history.
#include <hoego/core/follow_up_service.h>

#include <iostream>

#include "commands.h"
#include "entry_output.h"

namespace hoego::cli {

void register_follow_ups_command(CLI::App& app, Context& context) {
  static bool all = false, json = false;
  auto* follow_ups =
      app.add_subcommand("follow-ups", "List open follow-ups across entries, oldest first");
  follow_ups->add_flag("--all", all, "Include those done");
  follow_ups->add_flag("--json", json, "Print JSON");

  static int64_t entry_id = 0;
  static int item = 0;
  static std::string field = "followups";
  auto* tick = follow_ups->add_subcommand("tick", "Mark a follow-up done");
  auto* untick = follow_ups->add_subcommand("untick", "Mark a follow-up open again");
  for (auto* command : {tick, untick}) {
    command->add_option("entry", entry_id, "The entry's id")->required();
    command->add_option("item", item, "The item's number, as the list shows it (from 1)")
        ->required();
    command->add_option("--field", field, "The checklist field")->capture_default_str();
    command->callback([&context, command, tick] {
      Database* db = context.database();
      if (db == nullptr) return;
      auto entry = FollowUpService(*db, context.plugins(), context.time_zone())
                       .tick(entry_id, field, item - 1, command == tick);
      if (!context.succeeded(entry)) return;
      if (json) {
        context.print_json(to_json(*entry));
        return;
      }
      const Words words = context.words();
      std::cout << (command == tick ? words.pick("했음으로 표시했습니다: ", "marked done: ")
                                    : words.pick("다시 열었습니다: ", "marked open: "))
                << entry_line(*entry, words) << "\n";
    });
  }

  follow_ups->callback([&context, tick, untick] {
    if (tick->parsed() || untick->parsed()) return;
    Database* db = context.database();
    if (db == nullptr) return;
    auto list = FollowUpService(*db, context.plugins(), context.time_zone()).list(all);
    if (!context.succeeded(list)) return;
    if (json) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& follow_up : *list) items.push_back(to_json(follow_up));
      context.print_json({{"follow_ups", std::move(items)}});
      return;
    }
    const Words words = context.words();
    for (const auto& follow_up : *list) {
      std::string people;
      for (const auto& person : follow_up.entry.people)
        people += (people.empty() ? "" : ", ") + person;
      std::cout << (follow_up.done ? "[x] " : "[ ] ") << follow_up.text << "  — "
                << (people.empty() ? follow_up.entry.title : people) << ", "
                << follow_up.entry.when.local_date << " ("
                << (words.korean() ? std::to_string(follow_up.age_days) + "일 전"
                                   : counted(follow_up.age_days, "day", "days") + " ago")
                << ")  #" << follow_up.entry.id << " " << follow_up.index + 1 << "\n";
    }
    if (list->empty())
      std::cout << words.pick("남은 후속 조치가 없습니다\n", "no open follow-ups\n");
  });
}

}  // namespace hoego::cli
