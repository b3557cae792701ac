// Reads the members' feeds and writes what each fetch of them found. Callers own transactions.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/feed_poller.h>
#include <hoego/core/result.h>

#include <optional>
#include <string>
#include <vector>

namespace hoego {

class FeedStateStore {
 public:
  explicit FeedStateStore(Database& db) : db_(db) {}

  // Every member's feed (of `track`, when given), by track then person.
  Result<std::vector<MemberFeed>> member_feeds(const std::optional<std::string>& track);
  // Replaces what is known of the feed at `url`.
  Status record(const std::string& url, const FeedState& state);

 private:
  Database& db_;
};

}  // namespace hoego
