// hoego track member add|remove|import: a track's members and their blogs' feeds, one by one
// or a cohort's list from a CSV file. Each is one step of the undo journal.
#include <hoego/core/track_service.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.h"

namespace hoego::cli {
namespace {

Result<std::string> read_members_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const std::string reason = std::strerror(errno);
    return Error::invalid("cannot read the members file '" + path + "': " + reason,
                          "멤버 파일을 읽을 수 없습니다: '" + path + "': " + reason);
  }
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

void register_track_member_commands(CLI::App* track, Context& context) {
  auto* member = track->add_subcommand(
      "member", "Add, take out or import a track's members, each with their blog's feed");
  member->require_subcommand(1);

  static std::string track_name, person;
  static std::optional<std::string> feed;
  static bool add_json = false;
  auto* add = member->add_subcommand(
      "add", "Add a member (a new name becomes a person) or change their feed");
  add->add_option("track", track_name, "The track")->required();
  add->add_option("name", person, "The member's name")->required();
  add->add_option("--feed", feed, "Their blog's feed address (http or https); \"\" takes it away");
  add->add_flag("--json", add_json, "Print JSON");
  add->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto added = TrackService(*db, context.plugins()).add_member(track_name, person, feed);
    if (!context.succeeded(added)) return;
    if (add_json) {
      context.print_json(to_json(*added));
      return;
    }
    const Words words = context.words();
    const auto found = added->track.feeds.find(person);
    const std::string feed_text = found == added->track.feeds.end() ? "" : "  " + found->second;
    std::cout << words.pick("'" + added->track.name + "' 멤버: ",
                            "member of '" + added->track.name + "': ")
              << person << feed_text << "\n";
    if (added->person_created)
      std::cout << words.pick("사람 목록에 " + person + "을(를) 새로 추가했습니다\n",
                              "added " + person + " to the people\n");
  });

  static bool remove_json = false;
  auto* remove =
      member->add_subcommand("remove", "Take a member out of a track (their posts stay)");
  remove->add_option("track", track_name, "The track")->required();
  remove->add_option("name", person, "The member's name")->required();
  remove->add_flag("--json", remove_json, "Print JSON");
  remove->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto removed = TrackService(*db, context.plugins()).remove_member(track_name, person);
    if (!context.succeeded(removed)) return;
    if (remove_json) {
      context.print_json({{"track", to_json(*removed)}});
      return;
    }
    std::cout << context.words().pick(
        "'" + removed->name + "'에서 " + person + "을(를) 뺐습니다 ('hoego undo'로 되돌립니다)\n",
        "took " + person + " out of '" + removed->name + "' ('hoego undo' reverts it)\n");
  });

  static std::string file;
  static bool import_json = false;
  auto* importing = member->add_subcommand(
      "import",
      "Add members from a CSV file: a name and a feed address per row (UTF-8; a first row "
      "name,feed is read as headings); any bad row and nothing is written");
  importing->add_option("track", track_name, "The track")->required();
  importing->add_option("file", file, "The CSV file")->required();
  importing->add_flag("--json", import_json, "Print JSON");
  importing->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto text = read_members_file(file);
    if (!context.succeeded(text)) return;
    auto imported = TrackService(*db, context.plugins()).import_members(track_name, *text);
    if (!context.succeeded(imported)) return;
    if (import_json) {
      context.print_json(to_json(*imported));
      return;
    }
    const Words words = context.words();
    const std::string added = std::to_string(imported->added);
    const std::string updated = std::to_string(imported->updated);
    const std::string unchanged = std::to_string(imported->unchanged);
    const std::string people = std::to_string(imported->people_created);
    std::cout << words.pick(
        "'" + imported->track.name + "' 멤버: " + added + "명 추가, " + updated + "명 피드 변경, " +
            unchanged + "명 그대로 (새 사람 " + people + "명; 'hoego undo'로 되돌립니다)\n",
        "members of '" + imported->track.name + "': " + added + " added, " + updated +
            " with a new feed, " + unchanged + " unchanged (new people: " + people +
            "; 'hoego undo' reverts it)\n");
  });
}

}  // namespace hoego::cli
