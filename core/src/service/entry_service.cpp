#include <hoego/core/entry_service.h>
#include <hoego/core/field_values.h>
#include <hoego/core/utf8.h>

#include <algorithm>

#include "../domain/text_checks.h"
#include "../store/entry_store.h"
#include "../store/journal_store.h"
#include "plugin_request.h"
#include "refusals.h"

namespace hoego {

using nlohmann::json;

namespace {

std::string names_of_kinds(const Manifest& manifest) {
  std::string names;
  for (const auto& kind : manifest.kinds) names += (names.empty() ? "" : ", ") + kind.id;
  return names;
}

// A date-time the user wrote that could not be read, as the problem of the entry's "when".
Error invalid_when(const Error& error) {
  return Error{ErrorCode::kInvalidInput,
               error.message,
               {{"when", error.message, error.message_ko}},
               error.message_ko};
}

}  // namespace

EntryService::EntryService(Database& db, const PluginHost& plugins, std::string time_zone)
    : db_(db), plugins_(plugins), time_zone_(std::move(time_zone)) {}

Status EntryService::prepare(Entry& entry) {
  auto plugin = plugins_.require(entry.plugin);
  if (!plugin) return Error::invalid(plugin.error().message, plugin.error().message_ko);
  const Manifest& manifest = (*plugin)->manifest();
  const KindSpec* kind = manifest.kind(entry.kind);
  if (kind == nullptr)
    return Error::invalid("unknown kind '" + entry.kind + "' for plugin '" + entry.plugin +
                              "' (its kinds: " + names_of_kinds(manifest) + ")",
                          "'" + entry.plugin + "' 플러그인에 없는 종류입니다: '" + entry.kind +
                              "' (종류: " + names_of_kinds(manifest) + ")");
  entry.kind_version = kind->version;

  std::vector<FieldError> problems;
  entry.title = trim(entry.title);
  check_text("title", entry.title, TextShape::kOneLine, 300, problems);
  check_text("notes", entry.notes, TextShape::kMultiLine, 100'000, problems);
  for (auto& tag : entry.tags) {
    tag = trim(tag);
    check_text("tags", tag, TextShape::kOneLine, 100, problems);
    if (tag.empty())
      problems.push_back({"tags", "a tag must not be empty", "빈 태그는 쓸 수 없습니다"});
  }
  std::vector<std::string> people;
  EntryStore lookups(db_);
  for (auto name : entry.people) {
    name = trim(name);
    if (!check_text("people", name, TextShape::kOneLine, 100, problems)) continue;
    if (name.empty()) {
      problems.push_back(
          {"people", "a person's name must not be empty", "사람 이름을 비워 둘 수 없습니다"});
      continue;
    }
    if (std::find(people.begin(), people.end(), name) != people.end()) continue;
    auto person = lookups.person_id(name);
    if (!person) return person.error();
    if (!person->has_value()) problems.push_back(unknown_person("people", name));
    people.push_back(name);
  }
  entry.people = std::move(people);
  if (entry.track) {
    entry.track = trim(*entry.track);
    auto track = lookups.track_id(*entry.track);
    if (!track) return track.error();
    if (!track->has_value()) problems.push_back(unknown_track("track", *entry.track));
  }
  if (entry.request_id)
    check_text("request_id", *entry.request_id, TextShape::kOneLine, 2000, problems);
  // Named as the user knows them, by the kind's label and the people's label ("멘티").
  if (!kind->people && !entry.people.empty())
    problems.push_back({"people", "‘" + kind->label.in("en") + "’ takes no people",
                        "‘" + kind->label.in("ko") + "’에는 사람을 넣을 수 없습니다"});
  if (kind->people && kind->people->required && entry.people.empty())
    problems.push_back({"people",
                        "‘" + kind->people->label.in("en") + "’ needs at least one person",
                        "‘" + kind->people->label.in("ko") + "’에서 한 명 이상 골라 주세요"});
  auto field_problems = check_fields(*kind, entry.fields);
  problems.insert(problems.end(), field_problems.begin(), field_problems.end());
  if (!problems.empty()) return invalid_with(std::move(problems));

  const std::string request = normalize_request(entry);
  auto answer = (*plugin)->normalize_entry(std::string_view(request));
  if (!answer) return answer.error();
  auto answered_fields = answer->find("fields");
  json fields = answered_fields != answer->end() ? std::move(*answered_fields) : json();
  // The plugin is trusted to normalise, not to break the manifest's promises.
  if (auto broken = check_fields(*kind, fields); !broken.empty() || !fields.is_object())
    return Error::plugin(
        "plugin '" + entry.plugin + "' normalised the entry into invalid fields: " +
            (broken.empty() ? "not an object" : broken.front().message),
        "플러그인 '" + entry.plugin + "'의 정규화 결과에 올바르지 않은 필드가 있습니다: " +
            (broken.empty() ? "JSON 객체가 아닙니다" : broken.front().in("ko")));
  entry.fields = std::move(fields);
  if (entry.title.empty()) {
    if (auto title = answer->find("title"); title != answer->end() && title->is_string()) {
      std::vector<FieldError> title_problems;
      std::string text = trim(title->get<std::string>());
      if (check_text("title", text, TextShape::kOneLine, 300, title_problems)) entry.title = text;
    }
  }
  return Status::success();
}

Result<Entry> EntryService::add(const NewEntry& input) {
  if (input.request_id) {
    // Sending the same entry twice changes nothing: answer with the one already there.
    auto existing = EntryStore(db_).find_by_request(input.plugin, *input.request_id);
    if (!existing) return existing.error();
    if (existing->has_value()) return **existing;
  }
  auto checked = check(input);
  if (!checked) return checked.error();
  CheckedEntries one;
  one.push_back(std::move(*checked));
  auto added = add_all(std::move(one));
  if (!added) return added.error();
  return std::move(added->front());
}

Result<CheckedEntry> EntryService::check(NewEntry input) {
  Entry entry;
  entry.plugin = std::move(input.plugin);
  entry.kind = std::move(input.kind);
  entry.title = std::move(input.title);
  entry.notes = std::move(input.notes);
  entry.people = std::move(input.people);
  entry.tags = std::move(input.tags);
  entry.track = std::move(input.track);
  entry.request_id = std::move(input.request_id);
  entry.fields = std::move(input.fields);
  if (input.when) {
    auto when = parse_moment(*input.when, time_zone_);
    if (!when) return invalid_when(when.error());
    entry.when = std::move(*when);
  } else {
    entry.when = now_in(time_zone_);
  }
  if (auto status = prepare(entry); !status) return status.error();
  return CheckedEntry(std::move(entry));
}

Result<std::vector<Entry>> EntryService::add_all(CheckedEntries entries) {
  const std::string now = utc_timestamp_now();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  EntryStore store(db_);
  for (Entry& entry : entries.entries_) {
    entry.created_at = entry.updated_at = now;
    auto id = store.insert(entry);
    if (!id) return id.error();
    if (auto status = store.record_operation(*id, "add", std::nullopt, now); !status)
      return status.error();
    // Stored as checked: no need to read it back.
    entry.id = *id;
  }
  if (auto status = transaction.commit(); !status) return status.error();
  return std::move(entries.entries_);
}

Result<Entry> EntryService::edit(int64_t id, const EntryChanges& changes) {
  auto current = get(id);
  if (!current) return current.error();
  Entry updated = *current;
  if (changes.when) {
    auto when = parse_moment(*changes.when, time_zone_);
    if (!when) return invalid_when(when.error());
    updated.when = *when;
  }
  if (changes.title) updated.title = *changes.title;
  if (changes.notes) updated.notes = *changes.notes;
  if (changes.people) updated.people = *changes.people;
  if (changes.tags) updated.tags = *changes.tags;
  if (changes.track) updated.track = changes.track->empty() ? std::nullopt : changes.track;
  if (!changes.fields.is_object())
    return Error::invalid("fields must be a JSON object", "fields 값은 JSON 객체여야 합니다");
  for (const auto& [key, value] : changes.fields.items()) {
    if (value.is_null())
      updated.fields.erase(key);
    else
      updated.fields[key] = value;
  }
  if (auto status = prepare(updated); !status) return status.error();
  if (to_json(updated) == to_json(*current)) return *current;  // nothing changed
  updated.revision = current->revision + 1;
  updated.updated_at = utc_timestamp_now();

  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  EntryStore store(db_);
  if (auto status = store.update(updated); !status) return status.error();
  if (auto status = store.record_operation(id, "edit", current->revision, updated.updated_at);
      !status)
    return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return get(id);
}

Result<Entry> EntryService::remove(int64_t id) {
  auto current = get(id);
  if (!current) return current.error();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  EntryStore store(db_);
  const std::string now = utc_timestamp_now();
  if (auto status = store.set_deleted(id, now); !status) return status.error();
  if (auto status = store.record_operation(id, "delete", current->revision, now); !status)
    return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  current->deleted_at = now;
  return current;
}

Result<UndoOutcome> EntryService::undo() {
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  JournalStore journal(db_);
  auto step = journal.last_undoable();
  if (!step) return step.error();
  if (!step->has_value()) return Error::conflict("nothing to undo", "되돌릴 작업이 없습니다");
  const JournalStep& undone = **step;
  if (!undone.entry_id) {
    if (auto status = journal.revert(undone); !status) return status.error();
    if (auto status = journal.mark_undone(undone.id); !status) return status.error();
    if (auto status = transaction.commit(); !status) return status.error();
    return UndoOutcome{undone.action, undone.subject.value_or(""), undone.subject_id.value_or(""),
                       undone.row_images.value("label", ""), std::nullopt};
  }
  const int64_t entry_id = *undone.entry_id;
  EntryStore store(db_);
  if (undone.action == "add") {
    if (auto status = store.set_deleted(entry_id, utc_timestamp_now()); !status)
      return status.error();
  } else if (undone.action == "delete") {
    if (auto status = store.set_deleted(entry_id, std::nullopt); !status) return status.error();
  } else {
    auto current = store.find(entry_id);
    auto previous = store.revision(entry_id, undone.previous_revision.value_or(1));
    if (!current) return current.error();
    if (!previous) return previous.error();
    if (!current->has_value() || !previous->has_value())
      return Error::internal("the history of entry " + std::to_string(entry_id) + " is missing",
                             "id가 " + std::to_string(entry_id) + "인 기록의 이력이 없습니다");
    Entry restored = **previous;
    restored.id = entry_id;
    restored.revision = (*current)->revision + 1;
    restored.created_at = (*current)->created_at;
    restored.updated_at = utc_timestamp_now();
    if (auto status = store.update(restored); !status) return status.error();
  }
  if (auto status = journal.mark_undone(undone.id); !status) return status.error();
  auto entry = store.find(entry_id);
  if (!entry) return entry.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return UndoOutcome{undone.action, "entry", std::to_string(entry_id), (**entry).title, **entry};
}

Result<Entry> EntryService::get(int64_t id) {
  EntryStore store(db_);
  auto entry = store.find(id);
  if (!entry) return entry.error();
  if (!entry->has_value())
    return Error::not_found("no entry with id " + std::to_string(id),
                            "id가 " + std::to_string(id) + "인 기록이 없습니다");
  if ((*entry)->deleted_at)
    return Error::not_found(
        "entry " + std::to_string(id) + " is deleted ('hoego undo' brings it back)",
        "id가 " + std::to_string(id) +
            "인 기록은 삭제되었습니다 ('hoego undo'로 되살릴 수 있습니다)");
  return **entry;
}

Result<std::vector<Entry>> EntryService::list(const EntryFilter& filter) {
  std::vector<FieldError> problems;
  for (const auto* date : {&filter.since, &filter.until})
    if (*date && !is_valid_date(**date))
      problems.push_back(not_a_date(date == &filter.since ? "since" : "until", **date));
  // A plugin switched off or no longer installed still has its entries listed.
  if (filter.plugin && !plugins_.find_loaded(*filter.plugin)) {
    auto kept = EntryStore(db_).has_entries_of(*filter.plugin);
    if (!kept) return kept.error();
    if (!*kept) {
      auto plugin = plugins_.require(*filter.plugin);
      problems.push_back({"plugin", plugin.error().message, plugin.error().message_ko});
    }
  }
  if (!problems.empty()) return invalid_with(std::move(problems));
  return EntryStore(db_).list(filter);
}

Result<std::vector<Entry>> EntryService::history(int64_t id) {
  EntryStore store(db_);
  auto entry = store.find(id);
  if (!entry) return entry.error();
  if (!entry->has_value())
    return Error::not_found("no entry with id " + std::to_string(id),
                            "id가 " + std::to_string(id) + "인 기록이 없습니다");
  return store.history(id);
}

}  // namespace hoego
