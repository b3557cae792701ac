// Imports a blog's feed as the writing plugin's posts: each item once, however often the feed is
// read again, and a feed with any bad item not at all.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>
#include <hoego/core/track.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoego {

// Reads a feed from a file path or an http(s) URL (redirects followed, at most kMaxFeedBytes).
Result<std::string> read_feed_source(const std::string& source);

inline constexpr size_t kMaxFeedBytes = 16 * 1024 * 1024;

struct FeedImportOptions {
  std::optional<std::string> track;   // the track the posts belong to, which must exist
  std::optional<std::string> person;  // the feed's author, a group member who must exist
};

struct FeedImportOutcome {
  std::string feed_title;
  std::vector<Entry> added;
  size_t already_there = 0;  // items an earlier import (or the user) already added
  // The track asked for (FeedImportOptions::track), with its dates; absent without one.
  std::optional<Track> track;
  // Posts of `added` that were left out of the track: their date, in the user's time zone, is
  // before its first day or after its last, and a cohort's goals count only what was written
  // during it. They are added all the same, in no track.
  size_t outside_track = 0;
  // Items dated more than kFeedFutureTolerance after the import: left out, as a post scheduled
  // for later or written with a wrong clock would otherwise count in a cycle not yet come. A
  // later import adds them once their time has come.
  size_t in_future = 0;
};

inline constexpr int64_t kFeedFutureToleranceSeconds = 10 * 60;

// {"feed", "added": [entry…], "already_there", "outside_track", "in_future", "track": {"name",
// "starts_on", "ends_on"} or null}: what `hoego import feed --json` prints.
nlohmann::json to_json(const FeedImportOutcome& outcome);

class FeedImportService {
 public:
  // `time_zone` reads feed dates written without an offset.
  FeedImportService(Database& db, const PluginHost& plugins, std::string time_zone);

  // Parses `xml` and adds every item not yet stored as a writing post: an item is already
  // stored when a post has its id (GUID) or, failing that, its address. Each post keeps the
  // item's summary as its notes and its categories as its tags, and goes to the track only when
  // dated within the track's dates. Either every new item is added or, on any problem (named
  // with the feed's line), none is.
  Result<FeedImportOutcome> import(std::string_view xml, const FeedImportOptions& options);

 private:
  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
};

}  // namespace hoego
