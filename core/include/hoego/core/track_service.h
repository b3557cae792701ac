// Adds, lists, changes, closes, reopens and deletes tracks; each change to a track is one step
// of the undo journal. Adding one is not, as adding a person is not: entries come to belong to
// it; `delete` takes it away and leaves them.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>
#include <hoego/core/track.h>

#include <functional>
#include <string_view>
#include <string>
#include <vector>

namespace hoego {

struct NewTrack {
  std::string name;
  std::optional<std::string> plugin;
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;
  std::string note;
  std::vector<std::string> members;
};

// What a user changes in a track; absent members stay as they are. An empty text clears the
// plugin or a date.
struct TrackChanges {
  std::optional<std::string> name;
  std::optional<std::string> plugin;
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;
  std::optional<std::string> note;
  std::optional<std::vector<std::string>> members;
};

// What deleting a track did.
struct DeletedTrack {
  Track track;
  int64_t entries_unlinked = 0;  // entries (deleted ones too) that were in it
  int64_t goals_deleted = 0;     // its live goals, deleted with it
};

nlohmann::json to_json(const DeletedTrack& deleted);

// What adding or changing one member did.
struct MemberAdded {
  Track track;
  bool person_created = false;  // the member was not yet among the people, and now is
};

// What importing a members file did.
struct MembersImported {
  Track track;
  size_t added = 0;      // members new to the track
  size_t updated = 0;    // members already there whose feed changed
  size_t unchanged = 0;  // members already there with the same feed
  size_t people_created = 0;
};

nlohmann::json to_json(const MemberAdded& added);
nlohmann::json to_json(const MembersImported& imported);

// Checks a feed's address as a member's: one line of at most 2,000 characters, http:// or
// https:// with a host. Appends the problem (for `field`) and answers false otherwise.
bool check_feed_address(const std::string& field, const std::string& address,
                        std::vector<FieldError>& problems);

class TrackService {
 public:
  TrackService(Database& db, const PluginHost& plugins) : db_(db), plugins_(plugins) {}

  // Checks the name (one line, unique), the dates (real, start not after end), the plugin
  // (loaded) and the members (existing people); writes nothing on any problem.
  Result<Track> add(const NewTrack& input);
  Result<std::vector<Track>> list();
  Result<Track> get(const std::string& name);
  // Changes a track, checked as add() checks a new one.
  Result<Track> edit(const std::string& name, const TrackChanges& changes);
  // Marks the track closed today; its entries and goals stay.
  Result<Track> close(const std::string& name);
  // Opens a closed track again.
  Result<Track> reopen(const std::string& name);
  // Deletes a track: its entries stay, out of any track; its goals are deleted with it.
  Result<DeletedTrack> remove(const std::string& name);

  // Makes `person` a member of the track with the blog feed `feed` (none when absent; an empty
  // text takes a member's feed away), adding the person when no one has that name yet: an
  // organiser adds a cohort's members by name. A member already there keeps their place and gets
  // the feed. One step of the journal.
  Result<MemberAdded> add_member(const std::string& track, const std::string& person,
                                 const std::optional<std::string>& feed);
  // Takes a member (and their feed) out of the track; their posts stay. One step of the journal.
  Result<Track> remove_member(const std::string& track, const std::string& person);
  // Adds the members of a CSV file (RFC 4180, UTF-8): a name and a feed address per row, the
  // feed may be empty; a first row naming the columns ("name,feed", "이름,피드") is read as
  // such and may name them in any order among other columns. Every row is checked first: on any
  // problem, named with its row, nothing of the file is written. One step of the journal.
  Result<MembersImported> import_members(const std::string& track, std::string_view csv);

 private:
  // Checks a track as it is to be (not whether its name is taken); writes nothing.
  Result<Track> check(const NewTrack& input);
  // Runs `apply` on track `name` in one transaction, recorded as one step of the journal.
  Result<Track> change(const std::string& name, const std::string& action,
                       const std::function<Status(Track&)>& apply);

  Database& db_;
  const PluginHost& plugins_;
};

}  // namespace hoego
