#include "feed_state_store.h"

namespace hoego {

Result<std::vector<MemberFeed>> FeedStateStore::member_feeds(
    const std::optional<std::string>& track) {
  std::string sql =
      "SELECT t.name, p.name, m.feed_url, s.etag, s.last_modified, s.last_fetch_at, "
      "s.last_success_at, s.result, coalesce(s.new_posts, 0), s.error, s.error_ko, "
      "coalesce(s.failures, 0), s.next_fetch_after "
      "FROM track_members m JOIN tracks t ON t.id = m.track_id "
      "JOIN people p ON p.id = m.person_id LEFT JOIN feed_state s ON s.url = m.feed_url "
      "WHERE m.feed_url IS NOT NULL";
  if (track) sql += " AND t.name = ?1";
  auto statement = db_.prepare(sql + " ORDER BY t.name, p.name");
  if (!statement) return statement.error();
  if (track) statement->bind(1, *track);
  std::vector<MemberFeed> feeds;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    MemberFeed feed{statement->text(0), statement->text(1), statement->text(2), {}};
    FeedState& state = feed.state;
    state.etag = statement->optional_text(3);
    state.last_modified = statement->optional_text(4);
    state.last_fetch_at = statement->optional_text(5);
    state.last_success_at = statement->optional_text(6);
    state.result = statement->optional_text(7);
    state.new_posts = statement->integer(8);
    state.error = statement->optional_text(9);
    state.error_ko = statement->optional_text(10);
    state.failures = statement->integer(11);
    state.next_fetch_after = statement->optional_text(12);
    feeds.push_back(std::move(feed));
  }
  return feeds;
}

Status FeedStateStore::record(const std::string& url, const FeedState& state) {
  auto statement = db_.prepare(
      "INSERT OR REPLACE INTO feed_state (url, etag, last_modified, last_fetch_at, "
      "last_success_at, result, new_posts, error, error_ko, failures, next_fetch_after) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!statement) return statement.error();
  return statement->bind(1, url)
      .bind(2, state.etag)
      .bind(3, state.last_modified)
      .bind(4, state.last_fetch_at)
      .bind(5, state.last_success_at)
      .bind(6, state.result)
      .bind(7, state.new_posts)
      .bind(8, state.error)
      .bind(9, state.error_ko)
      .bind(10, state.failures)
      .bind(11, state.next_fetch_after)
      .run();
}

}  // namespace hoego
