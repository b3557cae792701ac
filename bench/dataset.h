// A realistic data set for the benchmarks: N entries across the four bundled plugins, in Korean
// and English, naming 1,000 people, in 50 tracks, with goals of every cadence. Deterministic:
// the same N gives the same data.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry_service.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <cstddef>
#include <string>
#include <vector>

namespace hoego::bench {

inline constexpr int kPeople = 1000;
inline constexpr int kTracks = 50;
inline constexpr const char* kTimeZone = "Asia/Seoul";
// Entries fall in 2022 to 2026; reports and dashboards look at this year.
inline constexpr int kYear = 2026;

// The people, tracks and goals the entries refer to.
Status create_directory(Database& db, const PluginHost& plugins);
// Entry `index` of the data set.
NewEntry entry_at(size_t index);
// The entries as JSON Lines, one NewEntry object per line, the way an import reads them.
std::string entries_as_json_lines(size_t count);
// Reads one line of entries_as_json_lines back.
NewEntry entry_from_json_line(std::string_view line);
// A database with the whole data set, added through the service in batches.
Status populate(Database& db, const PluginHost& plugins, size_t count);

}  // namespace hoego::bench
