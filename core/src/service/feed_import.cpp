#include <hoego/core/entry_service.h>
#include <hoego/core/feed.h>
#include <hoego/core/feed_import.h>

#include <set>

#include "../domain/text_checks.h"
#include "../store/entry_store.h"
#include "../store/people_store.h"
#include "../store/track_store.h"

namespace hoego {
namespace {

constexpr char kPlugin[] = "writing";
constexpr char kKind[] = "post";

// Checks what the options name before any item is read, so that a missing track or person is
// reported as such rather than as a problem of the feed's first item.
Status check_options(Database& db, const FeedImportOptions& options) {
  if (options.track) {
    auto track = TrackStore(db).find(trim(*options.track));
    if (!track) return track.error();
    if (!track->has_value())
      return Error::invalid("no track named '" + *options.track +
                            "' (add it first: hoego track add \"" + *options.track + "\")");
  }
  if (options.person) {
    auto person = PeopleStore(db).find(trim(*options.person));
    if (!person) return person.error();
    if (!person->has_value())
      return Error::invalid("no person named '" + *options.person +
                            "' (add them first: hoego people add \"" + *options.person + "\")");
  }
  return Status::success();
}

std::string describe(const FeedItem& item) {
  return "line " + std::to_string(item.line) + ": item " +
         (item.title.empty() ? "'" + item.id + "'" : "'" + item.title + "'");
}

}  // namespace

FeedImportService::FeedImportService(Database& db, const PluginHost& plugins, std::string time_zone)
    : db_(db), plugins_(plugins), time_zone_(std::move(time_zone)) {}

Result<FeedImportOutcome> FeedImportService::import(std::string_view xml,
                                                    const FeedImportOptions& options) {
  if (auto plugin = plugins_.require(kPlugin); !plugin)
    return Error::invalid("importing a feed needs the writing plugin: " + plugin.error().message);
  if (auto status = check_options(db_, options); !status) return status.error();
  auto feed = parse_feed(xml, time_zone_);
  if (!feed) return feed.error();

  FeedImportOutcome outcome;
  outcome.feed_title = feed->title;
  EntryService entries(db_, plugins_, time_zone_);
  EntryStore store(db_);
  CheckedEntries fresh;
  std::set<std::string> fresh_urls;
  {
    // One snapshot for every lookup and check, not a read lock taken and dropped for each; it
    // only reads, so it ends (rolled back) before the entries are added.
    Transaction reading(db_);
    if (auto status = reading.begin_read(); !status) return status.error();
    for (const auto& item : feed->items) {
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
      input.track = options.track;
      input.request_id = item.id;
      if (options.person) input.people = {*options.person};
      input.fields["guid"] = item.id;
      if (!item.url.empty()) input.fields["url"] = item.url;
      auto checked = entries.check(std::move(input));
      if (!checked) {
        Error error = checked.error();
        error.message = describe(item) + ": " + error.message;
        return error;
      }
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
      fresh.push_back(std::move(*checked));
    }
  }
  auto added = entries.add_all(std::move(fresh));
  if (!added) return added.error();
  outcome.added = std::move(*added);
  return outcome;
}

}  // namespace hoego
