#include <hoego/core/entry_service.h>
#include <hoego/core/follow_up_service.h>
#include <hoego/core/local_time.h>

#include <algorithm>

#include "../store/entry_store.h"
#include "refusals.h"

namespace hoego {

using nlohmann::json;

json to_json(const FollowUp& follow_up) {
  return {{"entry", to_json(follow_up.entry)},
          {"field", follow_up.field},
          {"field_label", {{"ko", follow_up.field_label.ko}, {"en", follow_up.field_label.en}}},
          {"index", follow_up.index},
          {"text", follow_up.text},
          {"done", follow_up.done},
          {"age_days", follow_up.age_days}};
}

Result<std::vector<FollowUp>> FollowUpService::list(bool with_done) {
  if (auto status = check_time_zone(time_zone_); !status) return status.error();
  const std::string today = now_in(time_zone_).local_date;
  // Only the entries that hold an item are read whole: json_each finds the items in SQL.
  auto items = db_.prepare(
      "SELECT e.id, item.key, item.value ->> 'text', coalesce(item.value ->> 'done', 0) "
      "FROM entries e, json_each(e.payload, '$.' || ?3) AS item "
      "WHERE e.deleted_at IS NULL AND e.plugin = ?1 AND e.kind = ?2 "
      "AND (?4 OR NOT coalesce(item.value ->> 'done', 0))");
  if (!items) return items.error();
  EntryStore store(db_);
  std::vector<FollowUp> follow_ups;
  for (const auto& plugin : plugins_.plugins())
    for (const KindSpec& kind : plugin->manifest().kinds)
      for (const FieldSpec& field : kind.fields) {
        if (field.type != FieldType::kChecklist) continue;
        items->reset();
        items->bind(1, plugin->id()).bind(2, kind.id).bind(3, field.id).bind(4, with_done ? 1 : 0);
        for (;;) {
          auto row = items->step();
          if (!row) return row.error();
          if (!*row) break;
          auto entry = store.find(items->integer(0));
          if (!entry) return entry.error();
          if (!entry->has_value()) continue;
          FollowUp follow_up{**entry,
                             field.id,
                             field.label,
                             static_cast<int>(items->integer(1)),
                             items->text(2),
                             items->integer(3) != 0,
                             0};
          follow_up.age_days = std::max(0, days_between(follow_up.entry.when.local_date, today));
          follow_ups.push_back(std::move(follow_up));
        }
      }
  std::stable_sort(follow_ups.begin(), follow_ups.end(), [](const FollowUp& a, const FollowUp& b) {
    if (a.done != b.done) return !a.done;
    if (a.entry.when.local_date != b.entry.when.local_date)
      return a.entry.when.local_date < b.entry.when.local_date;
    if (a.entry.id != b.entry.id) return a.entry.id < b.entry.id;
    return a.index < b.index;
  });
  return follow_ups;
}

Result<Entry> FollowUpService::tick(int64_t entry_id, const std::string& field, int index,
                                    bool done) {
  EntryService entries(db_, plugins_, time_zone_);
  auto entry = entries.get(entry_id);
  if (!entry) return entry.error();
  const LoadedPlugin* plugin = plugins_.find(entry->plugin);
  const KindSpec* kind = plugin != nullptr ? plugin->manifest().kind(entry->kind) : nullptr;
  const FieldSpec* spec = kind != nullptr ? kind->field(field) : nullptr;
  if (spec == nullptr || spec->type != FieldType::kChecklist)
    return invalid_with(
        {{"field", "'" + field + "' is not a checklist of entry " + std::to_string(entry_id),
          "id가 " + std::to_string(entry_id) + "인 기록에 '" + field + "' 체크리스트가 없습니다"}});
  json list = entry->fields.value(field, json::array());
  if (!list.is_array() || index < 0 || index >= static_cast<int>(list.size())) {
    // Counted from 1, as people count items (the API's index counts from 0).
    const std::string count = std::to_string(list.is_array() ? list.size() : 0);
    const std::string number = std::to_string(index + 1);
    return invalid_with(
        {{"index", "the checklist has " + count + " items; there is no item number " + number,
          "체크리스트에는 항목이 " + count + "개뿐이라 " + number + "번째 항목이 없습니다"}});
  }
  list[static_cast<size_t>(index)]["done"] = done;
  EntryChanges changes;
  changes.fields[field] = std::move(list);
  return entries.edit(entry_id, changes);
}

}  // namespace hoego
