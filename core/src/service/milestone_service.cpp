#include <hoego/core/goal_service.h>
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
              {"local_date", milestone.local_date},
              {"entry_title", milestone.entry_title},
              {"goal", milestone.goal ? json(*milestone.goal) : json(nullptr)}};
}

Result<MilestonesReached> MilestoneService::derive(const std::optional<std::string>& plugin) {
  MilestonesReached result;
  auto& reached = result.reached;
  for (const auto& loaded : plugins_.plugins()) {
    if (plugin && loaded->id() != *plugin) continue;
    auto found = derive_for(*loaded);
    if (!found && !is_plugin_fault(found.error())) return found.error();
    if (!found) {
      result.failed.push_back(plugin_failure(*loaded, kMilestonesPart, found.error()));
      continue;
    }
    reached.insert(reached.end(), found->begin(), found->end());
  }
  if (plugin && plugins_.find(*plugin) == nullptr) {
    const Error unknown = plugins_.require(*plugin).error();
    return Error::invalid(unknown.message, unknown.message_ko);
  }
  auto goals = goals_reached(plugin);
  if (!goals) return goals.error();
  reached.insert(reached.end(), goals->begin(), goals->end());
  std::stable_sort(reached.begin(), reached.end(),
                   [](const auto& a, const auto& b) { return a.when_utc < b.when_utc; });
  return result;
}

Result<std::vector<ReachedMilestone>> MilestoneService::goals_reached(
    const std::optional<std::string>& plugin) {
  auto goals = GoalService(db_, plugins_, time_zone_).reached(plugin, std::nullopt);
  if (!goals) return goals.error();
  std::vector<ReachedMilestone> reached;
  EntryStore entries(db_);
  for (const auto& [goal, entry_id] : *goals) {
    if (plugins_.find(goal.plugin) == nullptr) continue;  // its plugin is not loaded
    auto entry = entries.find(entry_id);
    if (!entry) return entry.error();
    if (!*entry) continue;
    const LocalizedText label{"목표 달성: " + goal.title, "Goal reached: " + goal.title};
    reached.push_back({goal.plugin, "goal_reached", label, entry_id, std::string{},
                       (*entry)->when.iso, (*entry)->when.local_date, (*entry)->when.utc_seconds,
                       (*entry)->title, goal.id});
  }
  return reached;
}

namespace {

// A kept milestone as the plugin's manifest names it; nullopt when the manifest no longer
// declares it.
std::optional<ReachedMilestone> from_kept(const LoadedPlugin& plugin, StoredMilestone kept) {
  const MilestoneSpec* spec = plugin.manifest().milestone(kept.milestone);
  if (spec == nullptr) return std::nullopt;
  return ReachedMilestone{plugin.id(),
                          std::move(kept.milestone),
                          spec->label,
                          kept.entry_id,
                          kept.person.value_or(std::string{}),
                          std::move(kept.when),
                          std::move(kept.local_date),
                          kept.when_utc,
                          std::move(kept.entry_title),
                          std::nullopt};
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
  std::vector<MilestoneCheckpoint> checkpoints;  // the state after each full run of entries
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

namespace {

// Where a resumable plugin goes on from: after the entries it has seen, or after the last
// checkpoint before the earliest change to them.
struct ResumePoint {
  std::optional<EntryPosition> after;
  std::string state;  // JSON text
  bool at_checkpoint = false;
};

Result<std::optional<ResumePoint>> resume_point(MilestoneStore& store, const LoadedPlugin& plugin,
                                                const std::optional<MilestoneProgress>& progress) {
  if (!plugin.resumes_milestones() || !progress || progress->plugin_version != plugin.build())
    return std::optional<ResumePoint>{};
  if (!progress->stale) {
    if (!progress->state) return std::optional<ResumePoint>{};
    return std::optional<ResumePoint>{ResumePoint{progress->last_seen, *progress->state, false}};
  }
  if (!progress->stale_from) return std::optional<ResumePoint>{};
  auto checkpoint = store.checkpoint_before(plugin.id(), *progress->stale_from);
  if (!checkpoint) return checkpoint.error();
  if (!*checkpoint) return std::optional<ResumePoint>{};
  return std::optional<ResumePoint>{
      ResumePoint{(*checkpoint)->last_seen, std::move((*checkpoint)->state), true}};
}

}  // namespace

Result<MilestoneService::Derived> MilestoneService::bring_up_to_date(const LoadedPlugin& plugin,
                                                                     bool keep) {
  MilestoneStore store(db_);
  auto progress = store.progress(plugin.id());
  if (!progress) return progress.error();
  auto resume = resume_point(store, plugin, *progress);
  if (!resume) return resume.error();

  // Go on from the kept state when there is one that holds; otherwise start over.
  std::optional<std::vector<ReachedMilestone>> before;
  json state;
  if (*resume) {
    state = json::parse((*resume)->state, nullptr, false);
    auto kept = kept_milestones(store, plugin);
    if (!kept) return kept.error();
    if (!state.is_discarded() && *kept) {
      before = std::move(**kept);
      if ((*resume)->at_checkpoint) {
        // What later entries reached is derived again from the checkpoint on.
        const EntryPosition checkpoint = *(*resume)->after;
        std::erase_if(*before, [&checkpoint](const ReachedMilestone& milestone) {
          return EntryPosition{milestone.when_utc, milestone.entry_id} > checkpoint;
        });
      }
    }
  }
  const std::optional<EntryPosition> after = before ? (*resume)->after : std::nullopt;
  const uint64_t reads_before = plugin.host_reads();
  auto answered = ask_plugin(plugin, after, before ? std::move(state) : json());
  if (!answered && before) {  // a state the plugin no longer reads: start over once
    before.reset();
    answered = ask_plugin(plugin, std::nullopt, json());
  }
  if (!answered) return answered.error();
  // A plugin that asked the host for more (the language, the time zone) derived from more than
  // its entries.
  if (plugin.host_reads() != reads_before) keep = false;

  Derived derived;
  derived.reached = before.value_or(std::vector<ReachedMilestone>{});
  derived.reached.insert(derived.reached.end(), answered->reached.begin(), answered->reached.end());
  if (!keep) return derived;

  const NoWaiting no_waiting(db_);  // another process writing: keep it next time
  MilestoneProgress saved;
  saved.plugin_version = plugin.build();
  saved.last_seen = answered->last_seen ? answered->last_seen : before ? after : std::nullopt;
  if (answered->state) saved.state = answered->state->dump();
  if (!before && !store.forget(plugin.id())) return derived;
  if (before && (*resume)->at_checkpoint && !store.forget_after(plugin.id(), *after))
    return derived;
  for (const auto& milestone : answered->reached) {
    const auto person = milestone.person.empty() ? std::nullopt : std::optional(milestone.person);
    if (!store.add(plugin.id(), milestone.id, milestone.entry_id, person)) return derived;
  }
  for (const auto& checkpoint : answered->checkpoints)
    if (!store.save_checkpoint(plugin.id(), checkpoint)) return derived;
  derived.kept = store.save_progress(plugin.id(), saved).ok();
  return derived;
}

namespace {

// The milestones a plugin answered, each checked against its manifest and against the entries
// it was given.
Status read_milestones(const LoadedPlugin& plugin, const json& answer,
                       const std::vector<Entry>& entries, std::vector<ReachedMilestone>& reached) {
  std::map<int64_t, const Entry*> by_id;
  for (const auto& entry : entries) by_id[entry.id] = &entry;
  for (const auto& item : answer["milestones"]) {
    const std::string id = string_member(item, "id");
    const MilestoneSpec* spec = plugin.manifest().milestone(id);
    const int64_t entry_id = integer_member(item, "entry_id", 0);
    auto entry = by_id.find(entry_id);
    if (spec == nullptr || entry == by_id.end())
      return Error::plugin("plugin '" + plugin.id() + "' derived a milestone '" + id +
                               "' that is undeclared or names an entry not its own",
                           "플러그인 '" + plugin.id() + "'의 답에 잘못된 이정표가 있습니다: '" +
                               id +
                               "' (매니페스트에 없거나, 이 플러그인의 기록이 아닌 것을 "
                               "가리킵니다)");
    const json person = item.value("person", json());
    reached.push_back({plugin.id(), id, spec->label, entry_id,
                       person.is_string() ? person.get<std::string>() : std::string{},
                       entry->second->when.iso, entry->second->when.local_date,
                       entry->second->when.utc_seconds, entry->second->title, std::nullopt});
  }
  return Status::success();
}

json plugin_entries(const std::vector<Entry>& entries) {
  json items = json::array();
  for (const auto& entry : entries) items.push_back(to_plugin_json(entry));
  return items;
}

}  // namespace

Result<MilestoneService::Answer> MilestoneService::ask_plugin(
    const LoadedPlugin& plugin, const std::optional<EntryPosition>& after, json state) {
  EntryStore store(db_);
  Answer result;
  if (!plugin.resumes_milestones()) {  // every entry in one call
    auto entries = store.list_after(plugin.id(), after);
    if (!entries) return entries.error();
    if (!entries->empty())
      result.last_seen = EntryPosition{entries->back().when.utc_seconds, entries->back().id};
    auto answer = plugin.derive_milestones(json{{"entries", plugin_entries(*entries)}});
    if (!answer) return answer.error();
    if (auto status = read_milestones(plugin, *answer, *entries, result.reached); !status)
      return status.error();
    return result;
  }
  // A run of entries at a time, keeping the state at the end of each full run as a checkpoint.
  // The first run only fills up what came since the last checkpoint, so that entries given a few
  // at a time, as a user adds them, reach a checkpoint too. The plugin is asked at least once,
  // so that it answers a state even without entries.
  int run = entries_per_checkpoint_;
  if (after) {
    auto since =
        MilestoneStore(db_).entries_since_checkpoint(plugin.id(), *after, entries_per_checkpoint_);
    if (!since) return since.error();
    run = std::max(1, entries_per_checkpoint_ - *since);
  }
  result.last_seen = after;
  for (;;) {
    auto entries = store.list_after(plugin.id(), result.last_seen, run);
    if (!entries) return entries.error();
    auto answer = plugin.resume_milestones(
        json{{"state", std::move(state)}, {"entries", plugin_entries(*entries)}});
    if (!answer) return answer.error();
    if (auto status = read_milestones(plugin, *answer, *entries, result.reached); !status)
      return status.error();
    state = std::move((*answer)["state"]);
    if (entries->empty()) break;
    result.last_seen = EntryPosition{entries->back().when.utc_seconds, entries->back().id};
    if (entries->size() < static_cast<size_t>(run)) break;
    result.checkpoints.push_back({*result.last_seen, state.dump()});
    run = entries_per_checkpoint_;
  }
  if (result.last_seen == after) result.last_seen.reset();  // no entry given
  result.state = std::move(state);
  return result;
}

}  // namespace hoego
