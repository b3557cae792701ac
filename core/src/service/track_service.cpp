#include <hoego/core/local_time.h>
#include <hoego/core/track_service.h>

#include "../domain/text_checks.h"
#include "../store/journal_store.h"
#include "../store/people_store.h"
#include "../store/track_store.h"
#include "refusals.h"

namespace hoego {

using nlohmann::json;

json to_json(const Track& track) {
  auto optional = [](const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
  };
  return json{{"id", track.id},
              {"name", track.name},
              {"plugin", optional(track.plugin)},
              {"starts_on", optional(track.starts_on)},
              {"ends_on", optional(track.ends_on)},
              {"note", track.note},
              {"members", track.members},
              {"feeds", track.feeds},
              {"closed_at", optional(track.closed_at)},
              {"created_at", track.created_at},
              {"entry_count", track.entry_count}};
}

json to_json(const DeletedTrack& deleted) {
  return json{{"track", to_json(deleted.track)},
              {"entries_unlinked", deleted.entries_unlinked},
              {"goals_deleted", deleted.goals_deleted}};
}

Result<Track> TrackService::check(const NewTrack& input) {
  Track track;
  track.name = trim(input.name);
  track.note = trim(input.note);
  track.plugin = input.plugin;
  track.starts_on = input.starts_on;
  track.ends_on = input.ends_on;
  std::vector<FieldError> problems;
  if (track.name.empty())
    problems.push_back({"name", "a track needs a name", "트랙의 이름이 필요합니다"});
  check_text("name", track.name, TextShape::kOneLine, 200, problems);
  check_text("note", track.note, TextShape::kMultiLine, 10'000, problems);
  for (const auto* date : {&track.starts_on, &track.ends_on})
    if (*date && !is_valid_date(**date))
      problems.push_back(not_a_date(date == &track.starts_on ? "starts_on" : "ends_on", **date));
  if (problems.empty() && track.starts_on && track.ends_on && *track.ends_on < *track.starts_on)
    problems.push_back(
        {"ends_on",
         "the track ends (" + *track.ends_on + ") before it starts (" + *track.starts_on + ")",
         "트랙의 종료일(" + *track.ends_on + ")이 시작일(" + *track.starts_on + ")보다 이릅니다"});
  if (track.plugin && plugins_.find(*track.plugin) == nullptr) {
    const Error unknown = plugins_.require(*track.plugin).error();
    problems.push_back({"plugin", unknown.message, unknown.message_ko});
  }
  PeopleStore people(db_);
  for (const auto& raw : input.members) {
    const std::string name = trim(raw);
    if (!check_text("members", name, TextShape::kOneLine, 100, problems)) continue;
    auto person = people.find(name);
    if (!person) return person.error();
    if (!person->has_value()) problems.push_back(unknown_person("members", name));
    track.members.push_back(name);
  }
  if (!problems.empty()) {
    Error error = invalid_as(problems.front());
    error.fields = std::move(problems);
    return error;
  }
  return track;
}

Result<Track> TrackService::add(const NewTrack& input) {
  auto track = check(input);
  if (!track) return track.error();
  track->created_at = utc_timestamp_now();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  auto id = TrackStore(db_).insert(*track);
  if (!id) return id.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return get(track->name);
}

Result<Track> TrackService::change(const std::string& name, const std::string& action,
                                   const std::function<Status(Track&)>& apply) {
  auto track = get(name);
  if (!track) return track.error();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  RowRecorder rows(db_);
  const json id = json::array({track->id});
  if (auto status = rows.before("tracks", "id = ?1", id); !status) return status.error();
  if (auto status = rows.before("track_members", "track_id = ?1", id); !status)
    return status.error();
  if (auto status = apply(*track); !status) return status.error();
  if (auto status = rows.after("track_members", "track_id = ?1", id); !status)
    return status.error();
  if (auto status = record_step(db_, rows, "track", std::to_string(track->id), action, track->name);
      !status)
    return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return get(track->name);
}

Result<Track> TrackService::edit(const std::string& name, const TrackChanges& changes) {
  auto current = get(name);
  if (!current) return current.error();
  NewTrack input{changes.name.value_or(current->name),
                 changes.plugin ? changes.plugin : current->plugin,
                 changes.starts_on ? changes.starts_on : current->starts_on,
                 changes.ends_on ? changes.ends_on : current->ends_on,
                 changes.note.value_or(current->note),
                 changes.members.value_or(current->members)};
  for (auto* optional : {&input.plugin, &input.starts_on, &input.ends_on})
    if (*optional && (*optional)->empty()) optional->reset();
  auto checked = check(input);
  if (!checked) return checked.error();
  // The members who stay keep their feeds.
  for (const auto& member : checked->members)
    if (auto feed = current->feeds.find(member); feed != current->feeds.end())
      checked->feeds.insert(*feed);
  return change(name, "track.edit", [&](Track& track) {
    checked->id = track.id;
    track.name = checked->name;  // the step is known by the new name
    return TrackStore(db_).update(*checked);
  });
}

Result<Track> TrackService::close(const std::string& name) {
  return change(name, "track.close", [&](Track& track) -> Status {
    if (track.closed_at)
      return Error::conflict("track '" + name + "' is already closed",
                             "이미 닫힌 트랙입니다: '" + name + "'");
    return TrackStore(db_).set_closed(track.id, utc_timestamp_now());
  });
}

Result<Track> TrackService::reopen(const std::string& name) {
  return change(name, "track.reopen", [&](Track& track) -> Status {
    if (!track.closed_at)
      return Error::conflict("track '" + name + "' is open already",
                             "이미 열려 있는 트랙입니다: '" + name + "'");
    return TrackStore(db_).set_closed(track.id, std::nullopt);
  });
}

Result<DeletedTrack> TrackService::remove(const std::string& name) {
  auto track = get(name);
  if (!track) return track.error();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  RowRecorder rows(db_);
  const json id = json::array({track->id});
  for (const auto& [table, where] :
       {std::pair{"tracks", "id = ?1"}, std::pair{"track_members", "track_id = ?1"},
        std::pair{"entries", "track_id = ?1"}, std::pair{"goals", "track_id = ?1"}})
    if (auto status = rows.before(table, where, id); !status) return status.error();
  auto removed = TrackStore(db_).remove(track->id, utc_timestamp_now());
  if (!removed) return removed.error();
  if (auto status =
          record_step(db_, rows, "track", std::to_string(track->id), "track.delete", track->name);
      !status)
    return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return DeletedTrack{*track, removed->first, removed->second};
}

Result<std::vector<Track>> TrackService::list() { return TrackStore(db_).list(); }

Result<Track> TrackService::get(const std::string& name) {
  auto track = TrackStore(db_).find(name);
  if (!track) return track.error();
  if (!track->has_value())
    return Error::not_found("no track named '" + name + "'",
                            "이름이 '" + name + "'인 트랙이 없습니다");
  return **track;
}

}  // namespace hoego
