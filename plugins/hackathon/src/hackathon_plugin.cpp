// The hackathon plugin: tidies an event's texts, keeps its dates and result consistent, names
// untitled entries ("해커톤", or the phase: "제출"), and derives the milestones of a contest year.
#include <algorithm>
#include <cstddef>
#include <hoego/sdk.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manifest.hpp"

namespace hoego::hackathon {
namespace {

using nlohmann::json;
using sdk::EntryRequest;
using sdk::FieldError;

// The element of a manifest array whose "id" is `id`, or null.
const json* with_id(const json& array, std::string_view id) {
  const auto found =
      std::ranges::find_if(array, [&](const json& item) { return item.value("id", "") == id; });
  return found != array.end() ? &*found : nullptr;
}

// A phase's Korean label, read from the manifest so that titles and forms say the same thing.
std::string phase_label(std::string_view phase) {
  static const json manifest = json::parse(kManifest);
  const json* kind = with_id(manifest["kinds"], "phase");
  const json* field = kind != nullptr ? with_id((*kind)["fields"], "phase") : nullptr;
  const json* option = field != nullptr ? with_id((*field)["options"], phase) : nullptr;
  return option != nullptr ? (*option)["label"]["ko"].get<std::string>() : "진행 단계";
}

// Errors in an event whose fields disagree with each other.
std::vector<FieldError> event_problems(const json& fields) {
  std::vector<FieldError> errors;
  const std::string starts_on = sdk::text_field(fields, "starts_on");
  const std::string ends_on = sdk::text_field(fields, "ends_on");
  // Dates the host checked are YYYY-MM-DD, which order as text.
  if (!starts_on.empty() && !ends_on.empty() && ends_on < starts_on)
    errors.push_back({"ends_on", "ends_on is before starts_on"});
  if (fields.contains("award") && sdk::text_field(fields, "result") != "award")
    errors.push_back({"award", "an award name needs the result \"award\""});
  return errors;
}

}  // namespace

class HackathonPlugin final : public sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  sdk::NormalizedEntry normalize_entry(const EntryRequest& entry) override {
    sdk::NormalizedEntry normalized{entry.fields, {}};
    std::string title;
    if (entry.kind == "event") {
      for (const char* id : {"organiser", "role", "award"})
        sdk::trim_text_field(normalized.fields, id);
      if (auto errors = event_problems(normalized.fields); !errors.empty())
        throw sdk::Rejected(std::move(errors));
      title = "해커톤";
    } else if (entry.kind == "phase") {
      title = phase_label(sdk::text_field(normalized.fields, "phase"));
    }
    if (sdk::trimmed(entry.title).empty()) normalized.title = std::move(title);
    return normalized;
  }

  // Entries arrive oldest first. The first submission is the first submission phase. The first
  // award is dated by the entry that recorded it, not by the event's own entry, which is written
  // at registration and only later marked "award": the result phase (결과 발표) of the event's
  // track when it has one, else the last phase of the track recorded after the event, else the
  // event itself (an event in no track has nothing else to go by). Which entry that is can
  // change with any later entry, so this looks at every entry each time rather than resuming.
  std::vector<sdk::Milestone> derive_milestones(
      const std::vector<sdk::StoredEntry>& entries) override {
    std::vector<sdk::Milestone> milestones;
    for (const auto& entry : entries)
      if (entry.kind == "phase" && sdk::text_field(entry.fields, "phase") == "submission") {
        milestones.push_back({"first_submission", entry.id, {}});
        break;
      }
    std::optional<std::size_t> first_award;  // the position of the entry that recorded it
    for (std::size_t at = 0; at < entries.size(); ++at) {
      const auto& event = entries[at];
      if (event.kind != "event" || sdk::text_field(event.fields, "result") != "award") continue;
      const std::size_t recorded = award_recorded_at(entries, at);
      if (!first_award || recorded < *first_award) first_award = recorded;
    }
    if (first_award) milestones.push_back({"first_award", entries[*first_award].id, {}});
    return milestones;
  }

 private:
  // Where the award of the event at `event` was recorded, as a position in `entries`.
  static std::size_t award_recorded_at(const std::vector<sdk::StoredEntry>& entries,
                                       std::size_t event) {
    const std::string& track = entries[event].track;
    if (track.empty()) return event;
    std::optional<std::size_t> result, last_phase;
    for (std::size_t at = 0; at < entries.size(); ++at) {
      const auto& phase = entries[at];
      if (phase.kind != "phase" || phase.track != track) continue;
      if (!result && sdk::text_field(phase.fields, "phase") == "result") result = at;
      if (at > event) last_phase = at;
    }
    return result.value_or(last_phase.value_or(event));
  }
};

}  // namespace hoego::hackathon

HOEGO_PLUGIN(hoego::hackathon::HackathonPlugin)
