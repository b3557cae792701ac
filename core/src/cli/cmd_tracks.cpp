// hoego tracks and hoego track add|show|edit|close|reopen|delete: the named, dated containers
// of a year. Each change is one step of the undo journal.
#include <hoego/core/json_answers.h>
#include <hoego/core/track_service.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {
namespace {

std::string track_line(const Track& track, const Words& words) {
  std::string line = track.name;
  if (track.starts_on || track.ends_on)
    line += "  " + track.starts_on.value_or("…") + ".." + track.ends_on.value_or("…");
  if (track.plugin) line += "  [" + *track.plugin + "]";
  line += "  (" + words.entries(track.entry_count) + ")";
  if (track.closed_at) line += words.pick("  닫힘", "  closed");
  return line;
}

}  // namespace

void register_tracks_commands(CLI::App& app, Context& context) {
  static bool list_json = false;
  auto* tracks = app.add_subcommand("tracks", "List tracks");
  tracks->add_flag("--json", list_json, "Print JSON");
  tracks->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto list = TrackService(*db, context.plugins()).list();
    if (!context.succeeded(list)) return;
    if (list_json) {
      context.print_json(tracks_answer(*list));
      return;
    }
    const Words words = context.words();
    for (const auto& track : *list) std::cout << track_line(track, words) << "\n";
    if (list->empty())
      std::cout << words.pick("트랙이 없습니다 (추가하려면: hoego track add NAME --from DATE)\n",
                              "no tracks (add one: hoego track add NAME --from DATE)\n");
  });

  auto* track = app.add_subcommand("track", "Add, show, change, close, reopen or delete a track");
  track->require_subcommand(1);
  static NewTrack input;
  static bool add_json = false;
  auto* add = track->add_subcommand("add", "Add a track, e.g. \"글또 7기\" --from 2022-03-06");
  add->add_option("name", input.name, "Its name")->required();
  add->add_option("--from", input.starts_on, "First day (YYYY-MM-DD)");
  add->add_option("--until", input.ends_on, "Last day (YYYY-MM-DD)");
  add->add_option("--plugin", input.plugin, "The activity it is about");
  add->add_option("--note", input.note, "A note");
  add->add_option("--member", input.members, "A member (repeatable; people must exist)");
  add->add_flag("--json", add_json, "Print JSON");
  add->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto added = TrackService(*db, context.plugins()).add(input);
    if (!context.succeeded(added)) return;
    if (add_json) {
      context.print_json(to_json(*added));
      return;
    }
    const Words words = context.words();
    std::cout << words.pick("트랙을 추가했습니다: ", "added track ") << track_line(*added, words)
              << "\n";
  });

  register_track_member_commands(track, context);

  static std::string name;
  static bool show_json = false;
  auto* show = track->add_subcommand("show", "Show a track");
  show->add_option("name", name, "Its name")->required();
  show->add_flag("--json", show_json, "Print JSON");
  show->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto found = TrackService(*db, context.plugins()).get(name);
    if (!context.succeeded(found)) return;
    if (show_json) {
      context.print_json(to_json(*found));
      return;
    }
    const Words words = context.words();
    std::cout << track_line(*found, words) << "\n";
    if (!found->members.empty() && found->feeds.empty()) {
      std::cout << words.pick("구성원:", "members:");
      for (const auto& member : found->members) std::cout << " " << member;
      std::cout << "\n";
    } else if (!found->members.empty()) {
      // With feeds, a member a line: a cohort's list reads as a table.
      std::cout << words.pick("구성원 (피드):\n", "members (feeds):\n");
      for (const auto& member : found->members) {
        const auto feed = found->feeds.find(member);
        std::cout << "  " << member;
        if (feed != found->feeds.end()) std::cout << "  " << feed->second;
        std::cout << "\n";
      }
    }
    if (!found->note.empty()) std::cout << found->note << "\n";
  });

  auto* close = track->add_subcommand("close", "Close a track (its entries and goals stay)");
  close->add_option("name", name, "Its name")->required();
  close->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto closed = TrackService(*db, context.plugins()).close(name);
    if (!context.succeeded(closed)) return;
    const Words words = context.words();
    std::cout << words.pick("트랙을 닫았습니다: ", "closed track ") << track_line(*closed, words)
              << "\n";
  });

  auto* reopen = track->add_subcommand("reopen", "Open a closed track again");
  reopen->add_option("name", name, "Its name")->required();
  reopen->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto opened = TrackService(*db, context.plugins()).reopen(name);
    if (!context.succeeded(opened)) return;
    const Words words = context.words();
    std::cout << words.pick("트랙을 다시 열었습니다: ", "reopened track ")
              << track_line(*opened, words) << "\n";
  });

  static TrackChanges changes;
  static bool edit_json = false;
  auto* edit = track->add_subcommand(
      "edit",
      "Change a track's name, dates, plugin, note or members (none clears a date or "
      "the plugin)");
  edit->add_option("name", name, "Its name now")->required();
  edit->add_option("--name", changes.name, "Its new name");
  edit->add_option("--from", changes.starts_on, "First day (YYYY-MM-DD)");
  edit->add_option("--until", changes.ends_on, "Last day (YYYY-MM-DD)");
  edit->add_option("--plugin", changes.plugin, "The activity it is about");
  edit->add_option("--note", changes.note, "A note");
  edit->add_option("--member", changes.members,
                   "Its members, all of them (repeatable; replaces the list)");
  edit->add_flag("--json", edit_json, "Print JSON");
  edit->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    for (auto* clearable : {&changes.starts_on, &changes.ends_on, &changes.plugin})
      if (*clearable == "none") *clearable = "";
    auto edited = TrackService(*db, context.plugins()).edit(name, changes);
    if (!context.succeeded(edited)) return;
    if (edit_json) {
      context.print_json(to_json(*edited));
      return;
    }
    const Words words = context.words();
    std::cout << words.pick("트랙을 바꿨습니다: ", "changed track ") << track_line(*edited, words)
              << "\n";
  });

  static bool delete_json = false;
  auto* remove = track->add_subcommand(
      "delete", "Delete a track: its entries stay (in no track), its goals go with it");
  remove->add_option("name", name, "Its name")->required();
  remove->add_flag("--json", delete_json, "Print JSON");
  remove->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto removed = TrackService(*db, context.plugins()).remove(name);
    if (!context.succeeded(removed)) return;
    if (delete_json) {
      context.print_json(to_json(*removed));
      return;
    }
    const Words words = context.words();
    if (words.korean())
      std::cout << "트랙을 삭제했습니다: " << removed->track.name << " (기록 "
                << removed->entries_unlinked << "개는 트랙 없이 남고, 목표 "
                << removed->goals_deleted << "개를 함께 삭제했습니다; 'hoego undo'로 되돌릴 수 "
                << "있습니다)\n";
    else
      std::cout << "deleted track " << removed->track.name << " ("
                << counted(removed->entries_unlinked, "entry stays", "entries stay")
                << " in no track, " << counted(removed->goals_deleted, "goal", "goals")
                << " deleted with it; 'hoego undo' reverts it)\n";
  });
}

}  // namespace hoego::cli
