#include <hoego/core/local_time.h>
#include <hoego/core/track_service.h>

#include "../domain/text_checks.h"
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
              {"closed_at", optional(track.closed_at)},
              {"created_at", track.created_at},
              {"entry_count", track.entry_count}};
}

Result<Track> TrackService::add(const NewTrack& input) {
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
  track.created_at = utc_timestamp_now();
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status.error();
  auto id = TrackStore(db_).insert(track);
  if (!id) return id.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return get(track.name);
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

Result<Track> TrackService::close(const std::string& name) {
  auto track = get(name);
  if (!track) return track.error();
  if (track->closed_at)
    return Error::conflict("track '" + name + "' is already closed",
                           "이미 닫힌 트랙입니다: '" + name + "'");
  if (auto status = TrackStore(db_).close(track->id, utc_timestamp_now()); !status)
    return status.error();
  return get(name);
}

}  // namespace hoego
