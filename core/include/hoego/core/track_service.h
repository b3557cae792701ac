// Adds, lists, changes, closes, reopens and deletes tracks; each change to a track is one step
// of the undo journal. Adding one is not, as adding a person is not: entries come to belong to
// it; `delete` takes it away and leaves them.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>
#include <hoego/core/track.h>

#include <functional>
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
