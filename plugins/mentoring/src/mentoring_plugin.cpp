// The mentoring plugin: tidies the topics and follow-ups of a session, names untitled entries
// after their people, and derives the milestones of a mentor's year.
#include <algorithm>
#include <cstddef>
#include <hoego/sdk.hpp>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manifest.hpp"

namespace hoego::mentoring {
namespace {

using nlohmann::json;
using sdk::EntryRequest;
using sdk::FieldError;

constexpr std::size_t kMaxTopicCharacters = 64;
constexpr int kTenthSession = 10;
constexpr long long kTenHoursInMinutes = 600;

// Korean has no letter case, so lower-casing ASCII is all topics need ("CV" and "cv" are one
// topic); the bytes of multi-byte UTF-8 sequences are all above 0x7f and stay as they are.
std::string lower_ascii(std::string text) {
  std::ranges::transform(text, text.begin(), [](unsigned char byte) {
    return static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
  });
  return text;
}

// Counts code points, not bytes: "딥러닝" is three characters, nine bytes.
std::size_t character_count(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::ranges::count_if(utf8, [](unsigned char byte) { return (byte & 0xC0) != 0x80; }));
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const auto& part : parts) {
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

// Trimmed, lower-cased and de-duplicated topics in the order the user wrote them; blank ones are
// dropped. A topic too long to be a topic is an error, not something to cut short.
json normalize_topics(const json& topics, std::vector<FieldError>& errors) {
  json normalized = json::array();
  for (const auto& topic : topics) {
    const std::string trimmed = sdk::trimmed(topic.get<std::string>());
    if (character_count(trimmed) > kMaxTopicCharacters) {
      errors.push_back({"topics", "'" + trimmed + "' is longer than " +
                                      std::to_string(kMaxTopicCharacters) + " characters"});
      continue;
    }
    std::string text = lower_ascii(trimmed);
    if (text.empty() || std::ranges::find(normalized, json(text)) != normalized.end()) continue;
    normalized.push_back(std::move(text));
  }
  return normalized;
}

// Follow-ups with their text trimmed; blank ones, which promise nothing, are dropped.
json normalize_followups(const json& followups) {
  json normalized = json::array();
  for (const auto& item : followups) {
    std::string text = sdk::trimmed(item.at("text").get<std::string>());
    if (text.empty()) continue;
    normalized.push_back({{"text", std::move(text)}, {"done", item.value("done", false)}});
  }
  return normalized;
}

// "멘토링 — 김민지, 이준호" for a session, "받은 피드백 — 김민지" for feedback received.
std::string default_title(const EntryRequest& entry) {
  std::string title;
  if (entry.kind == "session")
    title = "멘토링";
  else if (entry.kind == "feedback")
    title = "받은 피드백";
  else
    return {};
  if (!entry.people.empty()) title += " — " + join(entry.people, ", ");
  return title;
}

long long duration_minutes(const json& fields) {
  const auto found = fields.find("duration_min");
  return found != fields.end() && found->is_number() ? found->get<long long>() : 0;
}

}  // namespace

class MentoringPlugin final : public sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  sdk::NormalizedEntry normalize_entry(const EntryRequest& entry) override {
    sdk::NormalizedEntry normalized{entry.fields, {}};
    if (entry.kind == "session") {
      std::vector<FieldError> errors;
      if (const auto topics = entry.fields.find("topics"); topics != entry.fields.end())
        normalized.fields["topics"] = normalize_topics(*topics, errors);
      if (const auto followups = entry.fields.find("followups"); followups != entry.fields.end())
        normalized.fields["followups"] = normalize_followups(*followups);
      if (!errors.empty()) throw sdk::Rejected(std::move(errors));
    }
    if (sdk::trimmed(entry.title).empty()) normalized.title = default_title(entry);
    return normalized;
  }

  // State: {"sessions": sessions so far, "minutes": {person: minutes of sessions with them}};
  // a person's first session adds their key.
  std::vector<sdk::Milestone> resume_milestones(json& state,
                                                const std::vector<sdk::StoredEntry>& entries) {
    std::vector<sdk::Milestone> milestones;
    auto minutes_with =
        state.is_object()
            ? state.value("minutes", json::object()).get<std::map<std::string, long long>>()
            : std::map<std::string, long long>{};
    int sessions = state.is_object() ? state.value("sessions", 0) : 0;
    for (const auto& entry : entries) {
      if (entry.kind != "session") continue;
      if (++sessions == kTenthSession) milestones.push_back({"tenth_session", entry.id, {}});
      const long long minutes = duration_minutes(entry.fields);
      for (const auto& person : entry.people) {
        auto [total, first_session] = minutes_with.try_emplace(person, 0);
        if (first_session) milestones.push_back({"first_session_with_mentee", entry.id, person});
        const bool below_ten_hours = total->second < kTenHoursInMinutes;
        total->second += minutes;
        if (below_ten_hours && total->second >= kTenHoursInMinutes)
          milestones.push_back({"ten_hours_with_mentee", entry.id, person});
      }
    }
    state = json{{"sessions", sessions}, {"minutes", minutes_with}};
    return milestones;
  }

  // The year in the mentor's words: how many sessions with how many mentees, for how long, who
  // they met most, and what is still promised. Every number is one of the manifest's metrics
  // for the year, written by the host's rule (sdk::format_figure), so the paragraph and the
  // numbers beside it agree. Added up a month at a time in a state
  // {"sessions", "minutes", "open_followups", "met": {person: sessions with them}}.
  void resume_year_report(json& state, const sdk::YearReportRequest& month) {
    if (!state.is_object())
      state = {{"sessions", 0}, {"minutes", 0}, {"open_followups", 0}, {"met", json::object()}};
    int sessions = state.value("sessions", 0), minutes = state.value("minutes", 0);
    int open_followups = state.value("open_followups", 0);
    json& met = state["met"];
    if (!met.is_object()) met = json::object();
    for (const auto& entry : month.entries) {
      if (entry.kind != "session") continue;
      ++sessions;
      minutes += entry.fields.value("duration_min", 0);
      for (const auto& person : entry.people) met[person] = met.value(person, 0) + 1;
      for (const auto& item : entry.fields.value("followups", json::array()))
        if (item.is_object() && !item.value("done", false)) ++open_followups;
    }
    state["sessions"] = sessions;
    state["minutes"] = minutes;
    state["open_followups"] = open_followups;
  }

  sdk::ReportSection year_report_from(const json& state, const sdk::YearReportRequest& request) {
    const bool ko = request.language == "ko";
    const int sessions = state.is_object() ? state.value("sessions", 0) : 0;
    const int minutes = state.is_object() ? state.value("minutes", 0) : 0;
    const int open_followups = state.is_object() ? state.value("open_followups", 0) : 0;
    const auto met = state.is_object()
                         ? state.value("met", json::object()).get<std::map<std::string, int>>()
                         : std::map<std::string, int>{};
    sdk::ReportSection section{ko ? "멘토링을 돌아보며" : "Looking back on mentoring", {}};
    if (sessions == 0) return section;
    // The hours metric is the minutes divided by 60; format_figure rounds it as the host does.
    const std::string hours = sdk::format_figure(minutes / 60.0);
    const std::string mentees = sdk::format_figure(static_cast<double>(met.size()));
    section.paragraphs.push_back(
        ko ? "멘티 " + mentees + "명과 세션 " + sdk::format_figure(sessions) + "번, 모두 " + hours +
                 "시간을 함께했습니다."
           : "You held " + counted(sessions, "session", "sessions") + " with " +
                 counted(static_cast<int>(met.size()), "mentee", "mentees") + ", " + hours +
                 (hours == "1" ? " hour" : " hours") + " in all.");
    if (const std::string most = most_met(met, ko); !most.empty())
      section.paragraphs.push_back(most);
    if (open_followups > 0)
      section.paragraphs.push_back(ko ? "아직 마치지 못한 후속 조치가 " +
                                            sdk::format_figure(open_followups) + "개 남아 있습니다."
                                      : (open_followups == 1
                                             ? "1 follow-up you promised is still open."
                                             : sdk::format_figure(open_followups) +
                                                   " follow-ups you promised are still open."));
    return section;
  }

 private:
  static std::string counted(int count, const char* one, const char* many) {
    return sdk::format_figure(count) + " " + (count == 1 ? one : many);
  }

  // "가장 자주 만난 멘티는 김민지입니다." for the mentee (or the few tied) met most, when that is
  // more than once. How many times is left out: the host counts a person's entries across every
  // plugin, and a paragraph names only numbers the host shows.
  static std::string most_met(const std::map<std::string, int>& met, bool ko) {
    int most = 0;
    for (const auto& [person, count] : met) most = std::max(most, count);
    std::vector<std::string> people;
    for (const auto& [person, count] : met)
      if (count == most) people.push_back(person);
    if (most < 2 || people.size() > 3) return {};
    std::string names;
    for (size_t i = 0; i < people.size(); ++i)
      names += (i == 0 ? "" : ko || i + 1 < people.size() ? ", " : " and ") + people[i];
    return ko ? "가장 자주 만난 멘티는 " + names + "입니다." : "You met " + names + " most often.";
  }
};

}  // namespace hoego::mentoring

HOEGO_PLUGIN(hoego::mentoring::MentoringPlugin)
