// The core's domain records: entries and people.
#pragma once

#include <hoego/core/local_time.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

// One thing that happened, of one plugin's kind.
struct Entry {
  int64_t id = 0;
  std::string plugin;
  std::string kind;
  int kind_version = 1;
  Moment when;
  std::string title;
  std::string notes;                 // Markdown
  std::optional<std::string> track;  // the track's name
  std::vector<std::string> people;   // names, in the order given
  std::vector<std::string> tags;
  nlohmann::json fields = nlohmann::json::object();  // validated and normalised by the plugin
  int revision = 1;
  std::string created_at;                 // UTC
  std::string updated_at;                 // UTC
  std::optional<std::string> deleted_at;  // set while the entry is soft-deleted
  // A stable id from the entry's source (a feed item's GUID, an import line's id): adding an
  // entry with a request id its plugin already has changes nothing.
  std::optional<std::string> request_id;
};

// The entry as the CLI's --json and the HTTP API show it.
nlohmann::json to_json(const Entry& entry);
// The entry as plugins receive it in derive_milestones and year-report requests: to_json
// without the record-keeping members.
nlohmann::json to_plugin_json(const Entry& entry);
// Reads back what to_json wrote (history snapshots). Missing members keep their defaults.
Entry entry_from_json(const nlohmann::json& json);

// A mentee, study member, teammate or writing-group member, shared across plugins.
struct Person {
  int64_t id = 0;
  std::string name;
  std::string note;
  std::string created_at;
  int64_t entry_count = 0;                 // live entries that name them
  std::optional<std::string> archived_at;  // kept for the entries that name them, off the lists
};

nlohmann::json to_json(const Person& person);

// Which entries to list. Dates are YYYY-MM-DD and compare with each entry's local date.
struct EntryFilter {
  std::optional<std::string> plugin;
  std::optional<std::string> kind;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> person;
  std::optional<std::string> tag;
  std::optional<std::string> track;
  std::optional<std::string> text;  // found anywhere in the title, notes, fields, tags or people
  bool include_deleted = false;
  int limit = 0;  // 0: no limit
};

}  // namespace hoego
