#include "dataset.h"

#include <hoego/core/goal_service.h>
#include <hoego/core/people_service.h>
#include <hoego/core/track_service.h>

#include <array>
#include <cstdio>
#include <hoego/sdk_json_reader.hpp>
#include <nlohmann/json.hpp>

namespace hoego::bench {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 4> kPlugins{"mentoring", "study", "writing", "hackathon"};
constexpr std::array<const char*, 10> kFamilyNames{"김", "이", "박", "최", "정",
                                                   "강", "조", "윤", "장", "임"};
constexpr std::array<const char*, 10> kGivenNames{"민지", "준호", "서연", "도윤", "하은",
                                                  "지호", "수아", "예준", "지유", "시우"};
constexpr std::array<const char*, 8> kTopics{"회고록 쓰기", "코드 리뷰",     "취업 상담",
                                             "CS 기초",     "system design", "career talk",
                                             "Transformer", "분산 시스템"};

std::string person_name(int index) {
  if (index % 4 == 3) return "Member " + std::to_string(index);
  return std::string(kFamilyNames[index % 10]) + kGivenNames[(index / 10) % 10] +
         std::to_string(index / 100);
}

std::string track_name(int index) {
  return std::string(kPlugins[index % 4]) + " 트랙 " + std::to_string(index);
}

// A moment in 2022 to 2026, spread evenly by index, always in the evening in Seoul.
std::string moment_of(size_t index) {
  const int day_of_span = static_cast<int>((index * 7919) % (5 * 365));
  const int year = 2022 + day_of_span / 365;
  const int day_of_year = day_of_span % 365;
  static constexpr std::array<int, 12> kMonthDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int month = 0, day = day_of_year;
  while (day >= kMonthDays[month]) day -= kMonthDays[month++];
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:00+09:00", year, month + 1, day + 1,
                18 + static_cast<int>(index % 5), static_cast<int>(index % 60));
  return text;
}

}  // namespace

NewEntry entry_at(size_t index) {
  NewEntry entry;
  entry.plugin = kPlugins[index % 4];
  entry.when = moment_of(index);
  const std::string topic = kTopics[index % kTopics.size()];
  const std::string person = person_name(static_cast<int>((index * 31) % kPeople));
  if (index % 2 == 0)
    entry.track =
        track_name(static_cast<int>((index / 4) % (kTracks / 4)) * 4 + static_cast<int>(index % 4));
  switch (index % 4) {
    case 0:
      entry.kind = "session";
      entry.title = topic + " #" + std::to_string(index);
      entry.people = {person};
      entry.fields = {{"duration_min", 30 + static_cast<int>(index % 4) * 15}};
      break;
    case 1:
      entry.kind = "session";
      entry.title = "Paper reading " + std::to_string(index);
      entry.fields = {{"topic", topic}, {"presented", index % 3 == 0}};
      break;
    case 2:
      entry.kind = "post";
      entry.title = (index % 3 == 0 ? "주간 회고 " : "Weekly notes ") + std::to_string(index);
      entry.fields = {{"url", "https://blog" + std::to_string(index % 97) + ".tistory.com/" +
                                  std::to_string(index)}};
      break;
    default:
      entry.kind = "event";
      entry.title = "해커톤 " + std::to_string(index);
      entry.fields = {{"result", index % 7 == 0 ? "award" : "entered"}};
      break;
  }
  entry.tags = {index % 3 == 0 ? "부스트캠프" : "study"};
  if (index % 5 == 0) entry.notes = "배운 점: " + topic + ". Next time, prepare the questions.";
  return entry;
}

std::string entries_as_json_lines(size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) {
    const NewEntry entry = entry_at(i);
    json line{{"plugin", entry.plugin}, {"kind", entry.kind},    {"when", *entry.when},
              {"title", entry.title},   {"notes", entry.notes},  {"people", entry.people},
              {"tags", entry.tags},     {"fields", entry.fields}};
    if (entry.track) line["track"] = *entry.track;
    text += line.dump();
    text += '\n';
  }
  return text;
}

NewEntry entry_from_json_line(std::string_view line) {
  // Members are moved out of the parsed line, as a reader that parses each line once would.
  json item = sdk::detail::parse_json(line);
  const auto take = [&item](const char* key) -> json {
    auto found = item.find(key);
    return found != item.end() ? std::move(*found) : json();
  };
  NewEntry entry;
  entry.plugin = take("plugin").get<std::string>();
  entry.kind = take("kind").get<std::string>();
  entry.when = take("when").get<std::string>();
  if (json title = take("title"); !title.is_null())
    entry.title = std::move(title.get_ref<std::string&>());
  if (json notes = take("notes"); !notes.is_null())
    entry.notes = std::move(notes.get_ref<std::string&>());
  if (json people = take("people"); !people.is_null())
    entry.people = people.get<std::vector<std::string>>();
  if (json tags = take("tags"); !tags.is_null()) entry.tags = tags.get<std::vector<std::string>>();
  if (json track = take("track"); !track.is_null())
    entry.track = std::move(track.get_ref<std::string&>());
  if (json fields = take("fields"); !fields.is_null()) entry.fields = std::move(fields);
  return entry;
}

Status create_directory(Database& db, const PluginHost& plugins) {
  PeopleService people(db);
  for (int i = 0; i < kPeople; ++i)
    if (auto added = people.add(person_name(i), ""); !added) return added.error();
  TrackService tracks(db, plugins);
  for (int i = 0; i < kTracks; ++i) {
    NewTrack track;
    track.name = track_name(i);
    track.plugin = kPlugins[i % 4];
    track.starts_on = "2022-01-01";
    track.ends_on = "2026-12-31";
    if (auto added = tracks.add(track); !added) return added.error();
  }
  GoalService goals(db, plugins, kTimeZone);
  std::vector<NewGoal> definitions;
  for (int year = 2022; year <= kYear; ++year) {
    definitions.push_back({"글 16편 " + std::to_string(year),
                           "writing",
                           "post",
                           {},
                           year,
                           {},
                           {},
                           false,  // open_ended
                           16,
                           {},
                           "14d",
                           1,
                           2});
    definitions.push_back({"Mentoring hours " + std::to_string(year),
                           "mentoring",
                           "session",
                           {},
                           year,
                           {},
                           {},
                           false,  // open_ended
                           100,
                           "duration_min",
                           {},
                           1,
                           0});
    definitions.push_back({"Weekly study " + std::to_string(year),
                           "study",
                           "session",
                           {},
                           year,
                           {},
                           {},
                           false,  // open_ended
                           {},
                           {},
                           "week",
                           1,
                           3});
    definitions.push_back({"Hackathons " + std::to_string(year),
                           "hackathon",
                           "event",
                           {},
                           year,
                           {},
                           {},
                           false,  // open_ended
                           4,
                           {},
                           "month",
                           1,
                           6});
  }
  for (const auto& goal : definitions)
    if (auto added = goals.add(goal); !added) return added.error();
  return Status::success();
}

Status populate(Database& db, const PluginHost& plugins, size_t count) {
  if (auto status = create_directory(db, plugins); !status) return status;
  EntryService service(db, plugins, kTimeZone);
  constexpr size_t kBatch = 20000;
  for (size_t first = 0; first < count; first += kBatch) {
    CheckedEntries batch;
    for (size_t i = first; i < std::min(count, first + kBatch); ++i) {
      auto checked = service.check(entry_at(i));
      if (!checked) return checked.error();
      batch.push_back(std::move(checked.value()));
    }
    if (auto added = service.add_all(std::move(batch)); !added) return added.error();
  }
  return Status::success();
}

}  // namespace hoego::bench
