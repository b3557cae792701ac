#include <hoego/core/milestone_service.h>

#include <algorithm>
#include <map>
#include <utility>

#include "../domain/json_members.h"
#include "../store/entry_store.h"
#include "../store/milestone_store.h"

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

// A kept milestone as the plugin's manifest names it; nullopt when the manifest no longer
// declares it.
std::optional<ReachedMilestone> from_kept(const LoadedPlugin& plugin, StoredMilestone kept) {
  const MilestoneSpec* spec = plugin.manifest().milestone(kept.milestone);
  if (spec == nullptr) return std::nullopt;
  return ReachedMilestone{plugin.id(),   std::move(kept.milestone),           spec->label,
                          kept.entry_id, kept.person.value_or(std::string{}), std::move(kept.when),
                          kept.when_utc, std::move(kept.entry_title)};
}

// Every kept milestone of the plugin, or nullopt when one is no longer declared.
Result<std::optional<std::vector<ReachedMilestone>>> kept_milestones(MilestoneStore& store,
                                                                     const LoadedPlugin& plugin) {
  auto kept = store.reached(plugin.id());
  if (!kept) return kept.error();
  std::vector<ReachedMilestone> reached;
  for (auto& milestone : *kept) {
    auto converted = from_kept(plugin, std::move(milestone));
    if (!converted) return std::optional<std::vector<ReachedMilestone>>{};
    reached.push_back(std::move(*converted));
  }
  return std::optional<std::vector<ReachedMilestone>>{std::move(reached)};
}

// Whether the kept progress can be built on: same plugin build, nothing seen since changed.
bool can_build_on(const std::optional<MilestoneProgress>& progress, const LoadedPlugin& plugin) {
  return progress && !progress->stale && progress->plugin_version == plugin.build();
}

}  // namespace

struct MilestoneService::Answer {
  std::vector<ReachedMilestone> reached;
  std::optional<EntryPosition> last_seen;  // none when the plugin was given no entries
  std::optional<json> state;
};

Result<std::vector<ReachedMilestone>> MilestoneService::derive_for(const LoadedPlugin& plugin) {
  // Most calls find nothing new: answer from what is kept, without taking the write lock.
  auto current = kept_if_current(plugin);
  if (!current) return current.error();
  if (*current) return std::move(**current);
  // One snapshot holds the entries and what was kept, and no lock is held against the user's own
  // writes while the plugin derives. Keeping what it reached then upgrades to a write without
  // waiting, which fails if another process wrote since the snapshot or is writing now. A
  // read-only database (or a caller's open transaction) cannot keep anything either: the
  // milestones are derived all the same, and failing to keep them costs time later, never data.
  Transaction snapshot(db_);
  const bool keep = snapshot.begin_read().ok();
  auto derived = bring_up_to_date(plugin, keep);
  if (!derived) return derived.error();
  if (keep && derived->kept) {
    const NoWaiting no_waiting(db_);
    (void)snapshot.commit();
  }
  return std::move(derived->reached);
}

Result<std::optional<std::vector<ReachedMilestone>>> MilestoneService::kept_if_current(
    const LoadedPlugin& plugin) {
  MilestoneStore store(db_);
  auto progress = store.progress(plugin.id());
  if (!progress) return progress.error();
  if (!can_build_on(*progress, plugin)) return std::optional<std::vector<ReachedMilestone>>{};
  auto newer = store.has_entries_after(plugin.id(), (*progress)->last_seen);
  if (!newer) return newer.error();
  if (*newer) return std::optional<std::vector<ReachedMilestone>>{};
  return kept_milestones(store, plugin);
}

Result<MilestoneService::Derived> MilestoneService::bring_up_to_date(const LoadedPlugin& plugin,
                                                                     bool keep) {
  MilestoneStore store(db_);
  auto progress = store.progress(plugin.id());
  if (!progress) return progress.error();

  // Resume from the kept state when the plugin can and it still holds; otherwise start over.
  std::optional<std::vector<ReachedMilestone>> before;
  json state;
  if (plugin.resumes_milestones() && can_build_on(*progress, plugin) && (*progress)->state) {
    state = json::parse(*(*progress)->state, nullptr, false);
    auto kept = kept_milestones(store, plugin);
    if (!kept) return kept.error();
    if (!state.is_discarded()) before = std::move(*kept);
  }
  const uint64_t reads_before = plugin.host_reads();
  auto answered = ask_plugin(plugin, before ? (*progress)->last_seen : std::nullopt,
                             before ? std::move(state) : json());
  if (!answered && before) {  // a state the plugin no longer reads: start over once
    before.reset();
    answered = ask_plugin(plugin, std::nullopt, json());
  }
  if (!answered) return answered.error();
  // A plugin that asked the host for more (the time zone) derived from more than its entries.
  if (plugin.host_reads() != reads_before) keep = false;

  Derived derived;
  derived.reached = before.value_or(std::vector<ReachedMilestone>{});
  derived.reached.insert(derived.reached.end(), answered->reached.begin(), answered->reached.end());
  if (!keep) return derived;

  const NoWaiting no_waiting(db_);  // another process writing: keep it next time
  MilestoneProgress saved;
  saved.plugin_version = plugin.build();
  saved.last_seen = answered->last_seen ? answered->last_seen
                    : before            ? (*progress)->last_seen
                                        : std::nullopt;
  if (answered->state) saved.state = answered->state->dump();
  if (!before && !store.forget(plugin.id())) return derived;
  for (const auto& milestone : answered->reached) {
    const auto person = milestone.person.empty() ? std::nullopt : std::optional(milestone.person);
    if (!store.add(plugin.id(), milestone.id, milestone.entry_id, person)) return derived;
  }
  derived.kept = store.save_progress(plugin.id(), saved).ok();
  return derived;
}

Result<MilestoneService::Answer> MilestoneService::ask_plugin(
    const LoadedPlugin& plugin, const std::optional<EntryPosition>& after, json state) {
  auto entries = EntryStore(db_).list_after(plugin.id(), after);
  if (!entries) return entries.error();
  json request_entries = json::array();
  std::map<int64_t, const Entry*> by_id;
  for (const auto& entry : *entries) {
    request_entries.push_back(to_plugin_json(entry));
    by_id[entry.id] = &entry;
  }
  Answer result;
  if (!entries->empty())
    result.last_seen = EntryPosition{entries->back().when.utc_seconds, entries->back().id};
  Result<json> answer = json();
  if (plugin.resumes_milestones()) {
    answer = plugin.resume_milestones(
        json{{"state", std::move(state)}, {"entries", std::move(request_entries)}});
    if (answer) result.state = (*answer)["state"];
  } else {
    answer = plugin.derive_milestones(json{{"entries", std::move(request_entries)}});
  }
  if (!answer) return answer.error();

  for (const auto& item : (*answer)["milestones"]) {
    const std::string id = string_member(item, "id");
    const MilestoneSpec* spec = plugin.manifest().milestone(id);
    const int64_t entry_id = integer_member(item, "entry_id", 0);
    auto entry = by_id.find(entry_id);
    if (spec == nullptr || entry == by_id.end())
      return Error::plugin("plugin '" + plugin.id() + "' derived a milestone '" + id +
                           "' that is undeclared or names an entry not its own");
    const json person = item.value("person", json());
    result.reached.push_back({plugin.id(), id, spec->label, entry_id,
                              person.is_string() ? person.get<std::string>() : std::string{},
                              entry->second->when.iso, entry->second->when.utc_seconds,
                              entry->second->title});
  }
  return result;
}

}  // namespace hoego
