#include <hoego/core/entry.h>

namespace hoego {

using nlohmann::json;

json to_json(const Entry& entry) {
  return json{{"id", entry.id},
              {"plugin", entry.plugin},
              {"kind", entry.kind},
              {"kind_version", entry.kind_version},
              {"when", entry.when.iso},
              {"local_date", entry.when.local_date},
              {"title", entry.title},
              {"notes", entry.notes},
              {"track", entry.track ? json(*entry.track) : json(nullptr)},
              {"people", entry.people},
              {"tags", entry.tags},
              {"fields", entry.fields},
              {"revision", entry.revision},
              {"created_at", entry.created_at},
              {"updated_at", entry.updated_at},
              {"deleted_at", entry.deleted_at ? json(*entry.deleted_at) : json(nullptr)},
              {"request_id", entry.request_id ? json(*entry.request_id) : json(nullptr)}};
}

Entry entry_from_json(const json& source) {
  Entry entry;
  entry.id = source.value("id", int64_t{0});
  entry.plugin = source.value("plugin", std::string{});
  entry.kind = source.value("kind", std::string{});
  entry.kind_version = source.value("kind_version", 1);
  entry.title = source.value("title", std::string{});
  entry.notes = source.value("notes", std::string{});
  entry.people = source.value("people", std::vector<std::string>{});
  if (auto request = source.find("request_id"); request != source.end() && request->is_string())
    entry.request_id = request->get<std::string>();
  if (auto track = source.find("track"); track != source.end() && track->is_string())
    entry.track = track->get<std::string>();
  entry.tags = source.value("tags", std::vector<std::string>{});
  entry.fields = source.value("fields", json::object());
  entry.revision = source.value("revision", 1);
  entry.created_at = source.value("created_at", std::string{});
  entry.updated_at = source.value("updated_at", std::string{});
  if (auto when = parse_moment(source.value("when", std::string{}), "UTC"); when)
    entry.when = *when;
  // The day it was counted on when it was written down; the store dates it in the zone its
  // dates are in when it has one.
  if (auto day = source.find("local_date"); day != source.end() && day->is_string())
    entry.when.local_date = day->get<std::string>();
  return entry;
}

// Built member by member rather than as to_json less what plugins are not shown: milestones
// and report sections hand plugins thousands of entries, and copying each one's notes only to
// erase them cost a sixth of handing an entry over.
json to_plugin_json(const Entry& entry) {
  return json{{"id", entry.id},
              {"kind", entry.kind},
              {"kind_version", entry.kind_version},
              {"when", entry.when.iso},
              {"local_date", entry.when.local_date},
              {"title", entry.title},
              {"track", entry.track ? json(*entry.track) : json(nullptr)},
              {"people", entry.people},
              {"tags", entry.tags},
              {"fields", entry.fields}};
}

json to_json(const Person& person) {
  return json{{"id", person.id},
              {"name", person.name},
              {"note", person.note},
              {"created_at", person.created_at},
              {"entry_count", person.entry_count},
              {"archived", person.archived_at.has_value()}};
}

}  // namespace hoego
