// Tracks: named, dated containers that entries and goals belong to ("글또 7기").
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

struct Track {
  int64_t id = 0;
  std::string name;
  std::optional<std::string> plugin;     // the activity it is mostly about, if one
  std::optional<std::string> starts_on;  // YYYY-MM-DD
  std::optional<std::string> ends_on;
  std::string note;
  std::vector<std::string> members;  // people, by name
  // Members' blog feeds (http or https addresses), by member name; only members with one.
  std::map<std::string, std::string> feeds;
  std::optional<std::string> closed_at;
  std::string created_at;
  int64_t entry_count = 0;  // live entries in it
};

nlohmann::json to_json(const Track& track);

}  // namespace hoego
