// The events plugin: tidies the texts of events, talks, coffee chats and courses, keeps their
// dates in order, names untitled entries in the user's language, derives the milestones of a
// year among others (first talk, first coffee chat with each person, first course completed)
// and writes its part of the year in review.
#include <cstddef>
#include <hoego/sdk.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manifest.hpp"

namespace hoego::events {
namespace {

using nlohmann::json;
using sdk::EntryRequest;
using sdk::FieldError;

// Whether an entry written at `when` ("2024-05-11T10:00:00+09:00") is dated after `date`
// (YYYY-MM-DD): dates the host checked order as text, and the entry's day is the date it was
// written on, in the offset it was written with.
bool dated_after(const std::string& when, const std::string& date) {
  return !date.empty() && when.compare(0, 10, date) > 0;
}

// The problems of an entry whose dates disagree, in the user's language.
std::vector<FieldError> date_problems(const EntryRequest& entry, const json& fields, bool ko) {
  std::vector<FieldError> errors;
  const std::string ends_on = sdk::text_field(fields, "ends_on");
  if (entry.kind == "event" && dated_after(entry.when, ends_on))
    errors.push_back({"ends_on", ko ? "마지막 날(" + ends_on + ")이 행사 날짜(" +
                                          entry.when.substr(0, 10) + ")보다 앞섭니다"
                                    : "the last day (" + ends_on +
                                          ") is before the event's date (" +
                                          entry.when.substr(0, 10) + ")"});
  const std::string starts_on = sdk::text_field(fields, "starts_on");
  if (entry.kind == "course" && !starts_on.empty() && !ends_on.empty() && ends_on < starts_on)
    errors.push_back(
        {"ends_on", ko ? "종료일(" + ends_on + ")이 시작일(" + starts_on + ")보다 앞섭니다"
                       : "the course ends (" + ends_on + ") before it starts (" + starts_on + ")"});
  return errors;
}

// An untitled entry's title, in the user's language: "커피챗 — 이직 고민", "Talk at FEConf 2023".
std::string default_title(const EntryRequest& entry, const json& fields, bool ko) {
  if (entry.kind == "event") {
    const std::string organiser = sdk::text_field(fields, "organiser");
    const std::string event = ko ? "행사" : "Event";
    return organiser.empty() ? event : event + " — " + organiser;
  }
  if (entry.kind == "talk")
    return ko ? sdk::text_field(fields, "event") + " 발표"
              : "Talk at " + sdk::text_field(fields, "event");
  if (entry.kind == "coffee_chat") {  // the people are shown beside the title already
    const std::string topic = sdk::text_field(fields, "topic");
    const std::string chat = ko ? "커피챗" : "Coffee chat";
    return topic.empty() ? chat : chat + " — " + topic;
  }
  if (entry.kind == "course") {
    const std::string provider = sdk::text_field(fields, "provider");
    const std::string course = ko ? "강의" : "Course";
    return provider.empty() ? course : course + " — " + provider;
  }
  return {};
}

std::string counted(int count, const char* one, const char* many) {
  return sdk::format_figure(count) + " " + (count == 1 ? one : many);
}

}  // namespace

class EventsPlugin final : public sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  sdk::NormalizedEntry normalize_entry(const EntryRequest& entry) override {
    const bool ko = user_reads_korean();
    sdk::NormalizedEntry normalized{entry.fields, {}};
    json& fields = normalized.fields;
    for (const char* id : {"organiser", "place", "event", "topic", "provider"})
      sdk::trim_text_field(fields, id);
    std::vector<FieldError> errors = date_problems(entry, fields, ko);
    if (entry.kind == "talk" && !fields.contains("event"))
      errors.push_back({"event", ko ? "발표한 행사를 적어 주세요" : "name the event of the talk"});
    if (!errors.empty()) throw sdk::Rejected(std::move(errors));
    if (sdk::trimmed(entry.title).empty()) normalized.title = default_title(entry, fields, ko);
    return normalized;
  }

  // Entries arrive oldest first, so one pass finds each milestone where it is reached. "First
  // coffee chat with" marks each person's first coffee chat among this plugin's entries: the
  // host hands a plugin only its own entries, so a person known from mentoring still has one.
  // State: {"talked": bool, "completed": bool, "chatted_with": [person, …]}.
  std::vector<sdk::Milestone> resume_milestones(json& state,
                                                const std::vector<sdk::StoredEntry>& entries) {
    std::vector<sdk::Milestone> milestones;
    const bool resumed = state.is_object();
    bool talked = resumed && state.value("talked", false);
    bool completed = resumed && state.value("completed", false);
    auto chatted_with =
        resumed ? state.value("chatted_with", json::array()).get<std::set<std::string>>()
                : std::set<std::string>{};
    for (const auto& entry : entries) {
      if (entry.kind == "talk" && !talked) {
        talked = true;
        milestones.push_back({"first_talk", entry.id, {}});
      } else if (entry.kind == "course" && !completed &&
                 sdk::boolean_field(entry.fields, "completed")) {
        completed = true;
        milestones.push_back({"first_course_completed", entry.id, {}});
      } else if (entry.kind == "coffee_chat") {
        for (const auto& person : entry.people)
          if (chatted_with.insert(person).second)
            milestones.push_back({"first_coffee_chat_with", entry.id, person});
      }
    }
    state = json{{"talked", talked}, {"completed", completed}, {"chatted_with", chatted_with}};
    return milestones;
  }

  // The year among others: events attended, talks given and to how many, coffee chats and the
  // people met over them, courses completed. Every number is one of the manifest's metrics for
  // the year. Added up a month at a time in a state {"events", "talks", "audience",
  // "coffee_chats", "people_met": [person, …], "courses_completed"}.
  void resume_year_report(json& state, const sdk::YearReportRequest& month) {
    if (!state.is_object())
      state = {{"events", 0},
               {"talks", 0},
               {"audience", 0},
               {"coffee_chats", 0},
               {"people_met", json::array()},
               {"courses_completed", 0}};
    auto people_met = state.value("people_met", json::array()).get<std::set<std::string>>();
    for (const auto& entry : month.entries) {
      if (entry.kind == "event") {
        add(state, "events", 1);
      } else if (entry.kind == "talk") {
        add(state, "talks", 1);
        add(state, "audience", entry.fields.value("audience", 0LL));
      } else if (entry.kind == "coffee_chat") {
        add(state, "coffee_chats", 1);
        people_met.insert(entry.people.begin(), entry.people.end());
      } else if (entry.kind == "course" && sdk::boolean_field(entry.fields, "completed")) {
        add(state, "courses_completed", 1);
      }
    }
    state["people_met"] = people_met;
  }

  sdk::ReportSection year_report_from(const json& state, const sdk::YearReportRequest& request) {
    const bool ko = request.language == "ko";
    sdk::ReportSection section{ko ? "행사와 만남을 돌아보며" : "Looking back on events and people",
                               {}};
    if (!state.is_object()) return section;
    const auto figure = [&](const char* key) { return state.value(key, 0LL); };
    const auto shown = [](long long value) {
      return sdk::format_figure(static_cast<double>(value));
    };
    if (const auto events = figure("events"); events > 0)
      section.paragraphs.push_back(ko ? "올해 행사 " + shown(events) + "곳에 참석했습니다."
                                      : "You attended " +
                                            counted(static_cast<int>(events), "event", "events") +
                                            " this year.");
    if (const auto talks = figure("talks"); talks > 0) {
      const long long audience = figure("audience");
      std::string text = ko ? "발표를 " + shown(talks) + "번 했습니다."
                            : "You gave " + counted(static_cast<int>(talks), "talk", "talks");
      if (audience > 0)
        text =
            ko ? "발표를 " + shown(talks) + "번 했고, 모두 " + shown(audience) + "명이 들었습니다."
               : text + ", to " + counted(static_cast<int>(audience), "person", "people") +
                     " in all.";
      else if (!ko)
        text += ".";
      section.paragraphs.push_back(text);
    }
    if (const auto chats = figure("coffee_chats"); chats > 0) {
      const auto people = static_cast<long long>(state.value("people_met", json::array()).size());
      section.paragraphs.push_back(
          ko ? "커피챗 " + shown(chats) + "번으로 " + shown(people) + "명을 만났습니다."
             : "You had " + counted(static_cast<int>(chats), "coffee chat", "coffee chats") +
                   " with " + counted(static_cast<int>(people), "person", "people") + ".");
    }
    if (const auto courses = figure("courses_completed"); courses > 0)
      section.paragraphs.push_back(
          ko ? "강의 " + shown(courses) + "개를 수료했습니다."
             : "You completed " + counted(static_cast<int>(courses), "course", "courses") + ".");
    return section;
  }

 private:
  static void add(json& state, const char* key, long long amount) {
    state[key] = state.value(key, 0LL) + amount;
  }

  // The user's language for messages and titles; English from a host that cannot tell.
  bool user_reads_korean() const {
    try {
      return host().language() == "ko";
    } catch (const sdk::HostError&) {
      return false;
    }
  }
};

}  // namespace hoego::events

HOEGO_PLUGIN(hoego::events::EventsPlugin)
