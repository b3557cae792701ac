// Adds, lists and closes tracks.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>
#include <hoego/core/track.h>

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

class TrackService {
 public:
  TrackService(Database& db, const PluginHost& plugins) : db_(db), plugins_(plugins) {}

  // Checks the name (one line, unique), the dates (real, start not after end), the plugin
  // (loaded) and the members (existing people); writes nothing on any problem.
  Result<Track> add(const NewTrack& input);
  Result<std::vector<Track>> list();
  Result<Track> get(const std::string& name);
  // Marks the track closed today; its entries and goals stay.
  Result<Track> close(const std::string& name);

 private:
  Database& db_;
  const PluginHost& plugins_;
};

}  // namespace hoego
