// Follow-ups: the items of every checklist field (mentoring's "follow-ups promised") across all
// entries, as one list, open ones first; ticking one is an edit of its entry, kept in the
// entry's history and undone like any edit.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>
#include <hoego/core/manifest.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hoego {

struct FollowUp {
  Entry entry;                // who it is for (entry.people) and when it was promised
  std::string field;          // the checklist field's id
  LocalizedText field_label;  // as the plugin's manifest labels it
  int index = 0;              // the item's place in the field's list
  std::string text;
  bool done = false;
  int age_days = 0;  // from the entry's local day to today, in the user's time zone
};

nlohmann::json to_json(const FollowUp& follow_up);

class FollowUpService {
 public:
  FollowUpService(Database& db, const PluginHost& plugins, std::string time_zone)
      : db_(db), plugins_(plugins), time_zone_(std::move(time_zone)) {}

  // The open items (every item `with_done`) of the plugins in use: open first, then the
  // oldest first.
  Result<std::vector<FollowUp>> list(bool with_done);
  // Marks item `index` of checklist field `field` of entry `entry_id` done or open again: an
  // edit of the entry. Bad input (no such entry, field or item) changes nothing.
  Result<Entry> tick(int64_t entry_id, const std::string& field, int index, bool done);

 private:
  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
};

}  // namespace hoego
