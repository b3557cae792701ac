#include <hoego/core/local_time.h>
#include <hoego/core/plugin_environment.h>
#include <hoego/core/plugin_host.h>

#include <algorithm>
#include <utility>

#include "../store/entry_store.h"

namespace hoego {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 1000;
constexpr int kMaximumLimit = 10000;

// Reads a plugin's query into a filter on its own entries, listing every wrong member.
Result<EntryFilter> filter_for(const LoadedPlugin& plugin, const json& query) {
  Error error = Error::invalid("read_entries: the query is wrong");
  EntryFilter filter;
  filter.plugin = plugin.id();
  filter.limit = kDefaultLimit;
  if (!query.is_object()) {
    error.fields.push_back({"query", "must be a JSON object"});
    return error;
  }
  for (const auto& [key, value] : query.items()) {
    if (key == "kind") {
      if (!value.is_string() || plugin.manifest().kind(value.get<std::string>()) == nullptr)
        error.fields.push_back({key, "must name one of the plugin's own kinds"});
      else
        filter.kind = value.get<std::string>();
    } else if (key == "from" || key == "to") {
      if (!value.is_string() || !is_valid_date(value.get<std::string>()))
        error.fields.push_back({key, "must be a date written YYYY-MM-DD"});
      else
        (key == "from" ? filter.since : filter.until) = value.get<std::string>();
    } else if (key == "limit") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 ||
          value.get<int64_t>() > kMaximumLimit)
        error.fields.push_back(
            {key, "must be a whole number from 1 to " + std::to_string(kMaximumLimit)});
      else
        filter.limit = value.get<int>();
    } else {
      error.fields.push_back({key, "is not a query member (kind, from, to, limit)"});
    }
  }
  if (!error.fields.empty()) return error;
  return filter;
}

}  // namespace

namespace {

thread_local std::string request_language;  // empty outside a RequestLanguage

}  // namespace

RequestLanguage::RequestLanguage(std::string language)
    : previous_(std::exchange(request_language, std::move(language))) {}

RequestLanguage::~RequestLanguage() { request_language = std::move(previous_); }

std::string DatabasePluginEnvironment::language() {
  return request_language.empty() ? language_() : request_language;
}

DatabasePluginEnvironment::DatabasePluginEnvironment(std::function<Database*()> database,
                                                     std::function<std::string()> language,
                                                     std::function<std::string()> time_zone)
    : database_(std::move(database)),
      language_(std::move(language)),
      time_zone_(std::move(time_zone)) {}

Result<json> DatabasePluginEnvironment::read_entries(const LoadedPlugin& plugin,
                                                     const json& query) {
  auto filter = filter_for(plugin, query);
  if (!filter) return filter.error();
  Database* db = database_();
  if (db == nullptr) return Error::storage("the user's data cannot be opened");
  // One more than asked tells whether the limit left any out.
  const int limit = filter->limit;
  filter->limit = limit + 1;
  auto entries = EntryStore(*db).list(*filter);
  if (!entries) return entries.error();
  const bool truncated = entries->size() > static_cast<size_t>(limit);
  if (truncated) entries->resize(limit);
  std::reverse(entries->begin(), entries->end());  // oldest first, as the SDK promises
  json items = json::array();
  for (const auto& entry : *entries) items.push_back(to_plugin_json(entry));
  return json{{"entries", std::move(items)}, {"truncated", truncated}};
}

}  // namespace hoego
