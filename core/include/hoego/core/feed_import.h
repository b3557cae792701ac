// Imports a blog's feed as the writing plugin's posts: each item once, however often the feed is
// read again, and a feed with any bad item not at all.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <cstddef>
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
};

class FeedImportService {
 public:
  // `time_zone` reads feed dates written without an offset.
  FeedImportService(Database& db, const PluginHost& plugins, std::string time_zone);

  // Parses `xml` and adds every item not yet stored as a writing post: an item is already
  // stored when a post has its id (GUID) or, failing that, its address. Either every new item
  // is added or, on any problem (named with the feed's line), none is.
  Result<FeedImportOutcome> import(std::string_view xml, const FeedImportOptions& options);

 private:
  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
};

}  // namespace hoego
