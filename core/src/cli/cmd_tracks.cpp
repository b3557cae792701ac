// hoego tracks and hoego track add|show|close: the named, dated containers of a year.
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

  auto* track = app.add_subcommand("track", "Add, show or close a track");
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
    if (!found->members.empty()) {
      std::cout << words.pick("구성원:", "members:");
      for (const auto& member : found->members) std::cout << " " << member;
      std::cout << "\n";
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
}

}  // namespace hoego::cli
