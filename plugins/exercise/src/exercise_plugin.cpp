// The exercise plugin: a distance only on a check-in that goes somewhere, untitled check-ins
// named after their type and minutes in the user's language, and the milestones and
// year-in-review section of a year of keeping a habit.
#include <algorithm>
#include <array>
#include <cstddef>
#include <hoego/sdk.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manifest.hpp"

namespace hoego::exercise {
namespace {

using nlohmann::json;
using sdk::EntryRequest;

// The types a distance belongs to: the ones that go from one place to another.
constexpr std::array<std::string_view, 6> kTypesWithDistance{"running",  "walking", "cycling",
                                                             "swimming", "hiking",  "other"};

// The element of a manifest array whose "id" is `id`, or null.
const json* with_id(const json& array, std::string_view id) {
  const auto found =
      std::ranges::find_if(array, [&](const json& item) { return item.value("id", "") == id; });
  return found != array.end() ? &*found : nullptr;
}

// A type's label in `language`, read from the manifest so that titles, messages and forms say
// the same thing.
std::string type_label(std::string_view type, const char* language) {
  static const json manifest = json::parse(kManifest);
  const json* kind = with_id(manifest["kinds"], "check_in");
  const json* field = kind != nullptr ? with_id((*kind)["fields"], "type") : nullptr;
  const json* option = field != nullptr ? with_id((*field)["options"], type) : nullptr;
  return option != nullptr ? (*option)["label"][language].get<std::string>() : std::string(type);
}

std::string lower_ascii(std::string text) {
  for (char& byte : text)
    if (byte >= 'A' && byte <= 'Z') byte = static_cast<char>(byte - 'A' + 'a');
  return text;
}

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long long days_from_civil(long long year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<long long>(day_of_era) - 719468;
}

// The calendar week (Monday to Sunday, as a weekly goal's cycles run) holding a local date
// "YYYY-MM-DD", as the number of its Monday counted in days from 1970-01-01.
long long week_of(const std::string& local_date) {
  const long long days = days_from_civil(std::stoll(local_date.substr(0, 4)),
                                         static_cast<unsigned>(std::stoi(local_date.substr(5, 2))),
                                         static_cast<unsigned>(std::stoi(local_date.substr(8, 2))));
  const long long since_monday = ((days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
  return days - since_monday;
}

}  // namespace

class ExercisePlugin final : public sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  sdk::NormalizedEntry normalize_entry(const EntryRequest& entry) override {
    sdk::NormalizedEntry normalized{entry.fields, {}};
    if (entry.kind != "check_in") return normalized;
    const bool ko = user_reads_korean();
    const char* language = ko ? "ko" : "en";
    const json& fields = normalized.fields;
    const std::string type = sdk::text_field(fields, "type");
    if (fields.contains("distance_km") &&
        std::ranges::find(kTypesWithDistance, type) == kTypesWithDistance.end()) {
      std::string types;
      for (std::size_t i = 0; i < kTypesWithDistance.size(); ++i)
        types += (i == 0                                      ? ""
                  : !ko && i + 1 == kTypesWithDistance.size() ? " or "
                                                              : ", ") +
                 type_label(kTypesWithDistance[i], language);
      throw sdk::Rejected("distance_km", ko ? "거리는 " + types + "에만 적을 수 있습니다 (" +
                                                  type_label(type, language) + "에는 적지 않습니다)"
                                            : "a distance goes only with " + lower_ascii(types) +
                                                  ", not with " +
                                                  lower_ascii(type_label(type, language)));
    }
    if (entry.title.find_first_not_of(" \t\n\v\f\r") == std::string::npos) {
      std::string title = type_label(type, language);
      if (const auto minutes = fields.find("minutes"); minutes != fields.end())
        title += ko ? " " + std::to_string(minutes->get<long long>()) + "분"
                    : ", " + std::to_string(minutes->get<long long>()) + " min";
      normalized.title = std::move(title);
    }
    return normalized;
  }

  // Entries arrive oldest first, so one pass finds each milestone where it is reached: the first
  // check-in of each year, and each type taken up after the very first check-in (which is the
  // first of a year already; "other" is no type to take up).
  // State: {"years": [YYYY, …], "types": [type, …]}.
  std::vector<sdk::Milestone> resume_milestones(json& state,
                                                const std::vector<sdk::StoredEntry>& entries) {
    std::vector<sdk::Milestone> milestones;
    const bool resumed = state.is_object();
    auto years = resumed ? state.value("years", json::array()).get<std::set<std::string>>()
                         : std::set<std::string>{};
    auto types = resumed ? state.value("types", json::array()).get<std::set<std::string>>()
                         : std::set<std::string>{};
    for (const auto& check_in : entries) {
      if (check_in.kind != "check_in") continue;
      const bool first_ever = years.empty();
      if (years.insert(check_in.local_date.substr(0, 4)).second)
        milestones.push_back({"first_check_in_of_year", check_in.id, {}});
      const std::string type = sdk::text_field(check_in.fields, "type");
      if (!type.empty() && type != "other" && types.insert(type).second && !first_ever)
        milestones.push_back({"new_type", check_in.id, {}});
    }
    state = json{{"years", years}, {"types", types}};
    return milestones;
  }

  // The year of keeping at it: check-ins and their hours (the manifest's metrics for the year)
  // and the calendar weeks with at least one check-in, counted from the entries. Added up a
  // month at a time in a state {"check_ins", "minutes", "weeks": [Monday as days since
  // 1970-01-01, …]}: a week running over two months is counted once.
  void resume_year_report(json& state, const sdk::YearReportRequest& month) {
    if (!state.is_object()) state = {{"check_ins", 0}, {"minutes", 0}, {"weeks", json::array()}};
    long long check_ins = state.value("check_ins", 0LL), minutes = state.value("minutes", 0LL);
    auto weeks = state.value("weeks", json::array()).get<std::set<long long>>();
    for (const auto& check_in : month.entries) {
      if (check_in.kind != "check_in") continue;
      ++check_ins;
      minutes += check_in.fields.value("minutes", 0LL);
      if (check_in.local_date.size() == 10) weeks.insert(week_of(check_in.local_date));
    }
    state["check_ins"] = check_ins;
    state["minutes"] = minutes;
    state["weeks"] = weeks;
  }

  sdk::ReportSection year_report_from(const json& state, const sdk::YearReportRequest& request) {
    const bool ko = request.language == "ko";
    sdk::ReportSection section{ko ? "운동과 습관을 돌아보며" : "Looking back on exercise", {}};
    const long long check_ins = state.is_object() ? state.value("check_ins", 0LL) : 0;
    if (check_ins == 0) return section;
    const long long minutes = state.value("minutes", 0LL);
    const auto weeks = static_cast<double>(state.value("weeks", json::array()).size());
    const std::string times = sdk::format_figure(static_cast<double>(check_ins));
    // The hours metric is the minutes divided by 60; format_figure rounds it as the host does.
    const std::string hours = sdk::format_figure(static_cast<double>(minutes) / 60.0);
    if (ko)
      section.paragraphs.push_back(
          "올해 " + times + "번 체크인했" +
          (minutes > 0 ? "고, 모두 " + hours + "시간을 들였습니다." : "습니다."));
    else
      section.paragraphs.push_back(
          "You checked in " + times + (check_ins == 1 ? " time" : " times") + " this year" +
          (minutes > 0 ? ", " + hours + (hours == "1" ? " hour" : " hours") + " in all." : "."));
    section.paragraphs.push_back(ko ? "체크인이 있었던 주는 모두 " + sdk::format_figure(weeks) +
                                          "주입니다."
                                    : "You checked in during " + sdk::format_figure(weeks) +
                                          (weeks == 1 ? " week." : " different weeks."));
    return section;
  }

 private:
  // The user's language for messages and titles; English from a host that cannot tell.
  bool user_reads_korean() const {
    try {
      return host().language() == "ko";
    } catch (const sdk::HostError&) {
      return false;
    }
  }
};

}  // namespace hoego::exercise

HOEGO_PLUGIN(hoego::exercise::ExercisePlugin)
