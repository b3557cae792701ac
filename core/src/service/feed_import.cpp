#include <hoego/core/entry_service.h>
#include <hoego/core/feed.h>
#include <hoego/core/feed_import.h>
#include <hoego/core/local_time.h>

#include <chrono>
#include <set>

#include "../domain/text_checks.h"
#include "../store/entry_store.h"
#include "../store/people_store.h"
#include "../store/track_store.h"
#include "refusals.h"

namespace hoego {
namespace {

constexpr char kPlugin[] = "writing";
constexpr char kKind[] = "post";

// Checks what the options name before any item is read, so that a missing track or person is
// reported as such rather than as a problem of the feed's first item. Answers the track.
Result<std::optional<Track>> check_options(Database& db, const FeedImportOptions& options) {
  std::optional<Track> found;
  if (options.track) {
    auto track = TrackStore(db).find(trim(*options.track));
    if (!track) return track.error();
    if (!track->has_value()) return invalid_as(unknown_track("track", *options.track));
    found = std::move(**track);
  }
  if (options.person) {
    auto person = PeopleStore(db).find(trim(*options.person));
    if (!person) return person.error();
    if (!person->has_value()) return invalid_as(unknown_person("person", *options.person));
  }
  return found;
}

// The post's calendar day where the user lives, which is what a track's dates are: feeds write
// their dates in whatever offset their server uses (velog and Medium in GMT).
// The post's day in the user's zone, as it will be stored; its written day when the zone is
// unknown (which was refused when the feed's dates were read).
std::string local_date_for_user(const Moment& moment, const std::string& time_zone) {
  auto day = local_date_in(moment.utc_seconds, time_zone);
  return day ? *day : moment.local_date;
}

bool within(const Track& track, const std::string& day) {
  return (!track.starts_on || day >= *track.starts_on) && (!track.ends_on || day <= *track.ends_on);
}

// Where a refused item is in the feed, to come before what was wrong with it.
Error refused_item(const FeedItem& item, const Error& error) {
  const std::string line = std::to_string(item.line);
  const std::string named = "'" + (item.title.empty() ? item.id : item.title) + "'";
  Error refused = error;
  refused.message = "line " + line + ": item " + named + ": " + error.message;
  refused.message_ko = line + "번째 줄: 항목 " + named + ": " + error.in("ko");
  return refused;
}

}  // namespace

nlohmann::json to_json(const FeedImportOutcome& outcome) {
  nlohmann::json added = nlohmann::json::array();
  for (const auto& entry : outcome.added) added.push_back(to_json(entry));
  nlohmann::json track = nullptr;
  if (outcome.track) {
    auto optional = [](const std::optional<std::string>& value) {
      return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
    };
    track = {{"name", outcome.track->name},
             {"starts_on", optional(outcome.track->starts_on)},
             {"ends_on", optional(outcome.track->ends_on)}};
  }
  return {{"feed", outcome.feed_title},
          {"added", std::move(added)},
          {"already_there", outcome.already_there},
          {"outside_track", outcome.outside_track},
          {"in_future", outcome.in_future},
          {"track", std::move(track)}};
}

FeedImportService::FeedImportService(Database& db, const PluginHost& plugins, std::string time_zone)
    : db_(db), plugins_(plugins), time_zone_(std::move(time_zone)) {}

Result<FeedImportOutcome> FeedImportService::import(std::string_view xml,
                                                    const FeedImportOptions& options) {
  if (auto plugin = plugins_.require(kPlugin); !plugin)
    return Error::invalid(
        "importing a feed needs the writing plugin: " + plugin.error().message,
        "피드를 가져오려면 writing 플러그인이 필요합니다: " + plugin.error().in("ko"));
  auto track = check_options(db_, options);
  if (!track) return track.error();
  auto feed = parse_feed(xml, time_zone_);
  if (!feed) return feed.error();

  FeedImportOutcome outcome;
  outcome.feed_title = feed->title;
  outcome.track = std::move(*track);
  EntryService entries(db_, plugins_, time_zone_);
  EntryStore store(db_);
  CheckedEntries fresh;
  std::set<std::string> fresh_urls;
  {
    // One snapshot for every lookup and check, not a read lock taken and dropped for each; it
    // only reads, so it ends (rolled back) before the entries are added.
    Transaction reading(db_);
    if (auto status = reading.begin_read(); !status) return status.error();
    const int64_t latest = now_in("UTC").utc_seconds + kFeedFutureToleranceSeconds;
    for (const auto& item : feed->items) {
      if (item.published.utc_seconds > latest) {
        ++outcome.in_future;
        continue;
      }
      auto by_id = store.find_by_request(kPlugin, item.id);
      if (!by_id) return by_id.error();
      if (by_id->has_value()) {
        ++outcome.already_there;
        continue;
      }
      NewEntry input;
      input.plugin = kPlugin;
      input.kind = kKind;
      input.when = item.published.iso;
      input.title = item.title;
      input.notes = item.summary;
      input.tags = item.categories;
      const bool in_track =
          outcome.track && within(*outcome.track, local_date_for_user(item.published, time_zone_));
      if (in_track) input.track = outcome.track->name;
      input.request_id = item.id;
      if (options.person) input.people = {*options.person};
      input.fields["guid"] = item.id;
      if (!item.url.empty()) input.fields["url"] = item.url;
      auto checked = entries.check(std::move(input));
      if (!checked) return refused_item(item, checked.error());
      // The same post under another id (a feed that changed its GUIDs, or a post added by hand)
      // is found by its address, as the writing plugin normalised it.
      const std::string url = checked->entry().fields.value("url", "");
      if (!url.empty()) {
        auto by_url = store.find_by_field(kPlugin, kKind, "url", url);
        if (!by_url) return by_url.error();
        if (by_url->has_value() || !fresh_urls.insert(url).second) {
          ++outcome.already_there;
          continue;
        }
      }
      if (outcome.track && !in_track) ++outcome.outside_track;
      fresh.push_back(std::move(*checked));
    }
  }
  auto added = entries.add_all(std::move(fresh));
  if (!added) return added.error();
  outcome.added = std::move(*added);
  return outcome;
}

}  // namespace hoego
