#include <hoego/core/milestone_service.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

#include "../domain/json_members.h"
#include "../store/entry_store.h"

namespace hoego {

using nlohmann::json;

json to_json(const ReachedMilestone& milestone) {
  return json{{"plugin", milestone.plugin},
              {"id", milestone.id},
              {"label", {{"ko", milestone.label.ko}, {"en", milestone.label.en}}},
              {"entry_id", milestone.entry_id},
              {"person", milestone.person.empty() ? json(nullptr) : json(milestone.person)},
              {"when", milestone.when},
              {"entry_title", milestone.entry_title}};
}

Result<std::vector<ReachedMilestone>> MilestoneService::derive(
    const std::optional<std::string>& plugin) {
  std::vector<ReachedMilestone> reached;
  for (const auto& loaded : plugins_.plugins()) {
    if (plugin && loaded->id() != *plugin) continue;
    auto found = derive_for(*loaded);
    if (!found) return found.error();
    reached.insert(reached.end(), found->begin(), found->end());
  }
  if (plugin && plugins_.find(*plugin) == nullptr)
    return Error::invalid(plugins_.require(*plugin).error().message);
  std::stable_sort(reached.begin(), reached.end(),
                   [](const auto& a, const auto& b) { return a.when_utc < b.when_utc; });
  return reached;
}

namespace {

// What each plugin derived, per connection, until the data changes: the dashboard asks on every
// load, and a plugin derives from every entry it has (docs/performance.md).
struct DerivedMilestones {
  Database::ChangeStamp stamp;
  std::vector<ReachedMilestone> reached;
};
std::mutex derived_mutex;
std::map<std::pair<uint64_t, std::string>, DerivedMilestones> derived;

}  // namespace

Result<std::vector<ReachedMilestone>> MilestoneService::derive_for(const LoadedPlugin& plugin) {
  const auto key = std::make_pair(db_.connection_id(), plugin.id());
  const Database::ChangeStamp stamp = db_.change_stamp();
  {
    std::lock_guard lock(derived_mutex);
    if (auto found = derived.find(key); found != derived.end() && found->second.stamp == stamp)
      return found->second.reached;
  }
  auto reached = ask_plugin(plugin);
  if (!reached) return reached;
  std::lock_guard lock(derived_mutex);
  derived[key] = DerivedMilestones{stamp, *reached};
  return reached;
}

Result<std::vector<ReachedMilestone>> MilestoneService::ask_plugin(const LoadedPlugin& plugin) {
  EntryFilter filter;
  filter.plugin = plugin.id();
  auto entries = EntryStore(db_).list(filter);
  if (!entries) return entries.error();
  std::reverse(entries->begin(), entries->end());  // oldest first, as the SDK promises
  json request_entries = json::array();
  std::map<int64_t, const Entry*> by_id;
  for (const auto& entry : *entries) {
    request_entries.push_back(to_plugin_json(entry));
    by_id[entry.id] = &entry;
  }
  auto answer = plugin.derive_milestones(json{{"entries", request_entries}});
  if (!answer) return answer.error();

  std::vector<ReachedMilestone> reached;
  for (const auto& item : (*answer)["milestones"]) {
    const std::string id = string_member(item, "id");
    const MilestoneSpec* spec = plugin.manifest().milestone(id);
    const int64_t entry_id = integer_member(item, "entry_id", 0);
    auto entry = by_id.find(entry_id);
    if (spec == nullptr || entry == by_id.end())
      return Error::plugin("plugin '" + plugin.id() + "' derived a milestone '" + id +
                           "' that is undeclared or names an entry not its own");
    const json person = item.value("person", json());
    reached.push_back({plugin.id(), id, spec->label, entry_id,
                       person.is_string() ? person.get<std::string>() : std::string{},
                       entry->second->when.iso, entry->second->when.utc_seconds,
                       entry->second->title});
  }
  return reached;
}

}  // namespace hoego
