// A track's members and their blog feeds: one by one, or a cohort's list from a CSV file.
#include <hoego/core/local_time.h>
#include <hoego/core/track_service.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "../domain/csv_reader.h"
#include "../domain/text_checks.h"
#include "../store/people_store.h"
#include "../store/track_store.h"
#include "refusals.h"

namespace hoego {
namespace {

using nlohmann::json;

constexpr size_t kMaxFeedAddressCharacters = 2000;
constexpr size_t kMaxMemberNameCharacters = 100;
// A cohort is a few hundred; a file of more is not a members list.
constexpr size_t kMaxMembersPerFile = 10'000;
// Problems listed in one refusal of a file: enough to fix a column's worth at once.
constexpr size_t kMaxListedProblems = 10;

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool is_name_column(const std::string& heading) {
  static const char* const kNames[] = {"name", "member", "이름", "멤버", "회원"};
  return std::find(std::begin(kNames), std::end(kNames), heading) != std::end(kNames);
}

bool is_feed_column(const std::string& heading) {
  static const char* const kFeeds[] = {"feed", "feed url", "feed_url", "rss", "url",
                                       "blog", "피드",     "블로그",   "주소"};
  return std::find(std::begin(kFeeds), std::end(kFeeds), heading) != std::end(kFeeds);
}

// One member as a row of the file gives them.
struct MemberRow {
  int row = 0;
  std::string name;
  std::optional<std::string> feed;
};

FieldError row_problem(int row, const FieldError& problem) {
  const std::string number = std::to_string(row);
  return {"row " + number, "row " + number + ": " + problem.message,
          number + "번째 행: " + problem.in("ko")};
}

// Reads and checks every row; the problems of all rows, each named with its row.
Result<std::vector<MemberRow>> member_rows(std::string_view csv) {
  auto records = read_csv(csv);
  if (!records) return records.error();
  if (records->empty())
    return Error::invalid("the file holds no members (a name and a feed address per row)",
                          "파일에 멤버가 없습니다 (한 행에 이름과 피드 주소를 써 주세요)");
  size_t name_column = 0, feed_column = 1;
  bool has_feed_column = true;
  auto first = records->begin();
  std::vector<std::string> headings;
  for (const auto& cell : first->fields) headings.push_back(lowercase(trim(cell)));
  const auto named = std::find_if(headings.begin(), headings.end(), is_name_column);
  if (named != headings.end()) {
    name_column = static_cast<size_t>(named - headings.begin());
    const auto feed = std::find_if(headings.begin(), headings.end(), is_feed_column);
    has_feed_column = feed != headings.end();
    if (has_feed_column) feed_column = static_cast<size_t>(feed - headings.begin());
    ++first;
  }
  if (static_cast<size_t>(records->end() - first) > kMaxMembersPerFile)
    return Error::invalid("the file holds more than 10,000 rows: is it a members list?",
                          "파일의 행이 10,000개가 넘습니다: 멤버 목록이 맞나요?");
  std::vector<MemberRow> rows;
  std::vector<FieldError> problems;
  std::map<std::string, int> row_of_name;
  for (auto record = first; record != records->end(); ++record) {
    auto cell = [&](size_t column) {
      return column < record->fields.size() ? trim(record->fields[column]) : std::string();
    };
    const bool blank = std::all_of(record->fields.begin(), record->fields.end(),
                                   [](const std::string& field) { return trim(field).empty(); });
    if (blank) continue;
    MemberRow member{record->row, cell(name_column), std::nullopt};
    if (has_feed_column && !cell(feed_column).empty()) member.feed = cell(feed_column);
    std::vector<FieldError> found;
    if (member.name.empty())
      found.push_back({"name", "the name is empty", "이름이 비어 있습니다"});
    else
      check_text("name", member.name, TextShape::kOneLine, kMaxMemberNameCharacters, found);
    if (member.feed) check_feed_address("feed", *member.feed, found);
    if (found.empty() && !member.name.empty()) {
      auto [earlier, inserted] = row_of_name.emplace(member.name, member.row);
      if (!inserted) {
        const std::string other = std::to_string(earlier->second);
        found.push_back({"name", "'" + member.name + "' is on row " + other + " too",
                         "'" + member.name + "'은(는) " + other + "번째 행에도 있습니다"});
      }
    }
    for (const auto& problem : found) problems.push_back(row_problem(member.row, problem));
    rows.push_back(std::move(member));
  }
  if (!problems.empty()) {
    const size_t more =
        problems.size() > kMaxListedProblems ? problems.size() - kMaxListedProblems : 0;
    problems.resize(std::min(problems.size(), kMaxListedProblems));
    Error error = invalid_with(problems);
    if (more > 0) {
      error.message += "; and " + std::to_string(more) + " more";
      error.message_ko += "; 그 밖에 " + std::to_string(more) + "개";
    }
    error.message = "nothing was imported: " + error.message;
    error.message_ko = "아무것도 가져오지 않았습니다: " + error.message_ko;
    return error;
  }
  if (rows.empty())
    return Error::invalid("the file holds no members (a name and a feed address per row)",
                          "파일에 멤버가 없습니다 (한 행에 이름과 피드 주소를 써 주세요)");
  return rows;
}

// Adds `name` to the people when no one has that name; answers whether it did.
Result<bool> ensure_person(Database& db, const std::string& name) {
  PeopleStore people(db);
  auto found = people.find(name);
  if (!found) return found.error();
  if (found->has_value()) return false;
  auto id = people.insert(name, "", utc_timestamp_now());
  if (!id) return id.error();
  return true;
}

// Puts `name` among the track's members with `feed` (kept as it is when absent, taken away when
// empty). Answers whether anything changed and whether the member is new.
std::pair<bool, bool> place_member(Track& track, const std::string& name,
                                   const std::optional<std::string>& feed) {
  const bool is_new =
      std::find(track.members.begin(), track.members.end(), name) == track.members.end();
  if (is_new) track.members.push_back(name);
  bool changed = is_new;
  if (feed && feed->empty()) {
    changed = track.feeds.erase(name) > 0 || changed;
  } else if (feed) {
    auto [place, inserted] = track.feeds.try_emplace(name, *feed);
    if (!inserted && place->second != *feed) {
      place->second = *feed;
      changed = true;
    }
    changed = changed || inserted;
  }
  return {changed, is_new};
}

}  // namespace

bool check_feed_address(const std::string& field, const std::string& address,
                        std::vector<FieldError>& problems) {
  if (!check_text(field, address, TextShape::kOneLine, kMaxFeedAddressCharacters, problems))
    return false;
  const std::string lower = lowercase(address);
  const size_t scheme_end = lower.starts_with("https://")  ? 8
                            : lower.starts_with("http://") ? 7
                                                           : 0;
  const size_t host_end = address.find_first_of("/?#", scheme_end);
  const std::string host = address.substr(scheme_end, host_end - scheme_end);
  const bool spaced = address.find_first_of(" \t") != std::string::npos;
  if (scheme_end == 0 || host.empty() || spaced) {
    problems.push_back({field,
                        "'" + address + "' is not a feed address (http:// or https:// and a host)",
                        "피드 주소가 아닙니다 (http:// 또는 https://로 시작하고 호스트가 있어야 "
                        "합니다): '" +
                            address + "'"});
    return false;
  }
  return true;
}

json to_json(const MemberAdded& added) {
  return {{"track", to_json(added.track)}, {"person_created", added.person_created}};
}

json to_json(const MembersImported& imported) {
  return {{"track", to_json(imported.track)},
          {"added", imported.added},
          {"updated", imported.updated},
          {"unchanged", imported.unchanged},
          {"people_created", imported.people_created}};
}

Result<MemberAdded> TrackService::add_member(const std::string& track_name,
                                             const std::string& person,
                                             const std::optional<std::string>& feed) {
  const std::string name = trim(person);
  std::optional<std::string> address;
  if (feed) address = trim(*feed);
  std::vector<FieldError> problems;
  if (name.empty())
    problems.push_back({"name", "a member needs a name", "멤버의 이름이 필요합니다"});
  check_text("name", name, TextShape::kOneLine, kMaxMemberNameCharacters, problems);
  if (address && !address->empty()) check_feed_address("feed", *address, problems);
  if (!problems.empty()) return invalid_with(std::move(problems));
  bool created = false;
  auto changed = change(track_name, "track.member", [&](Track& track) -> Status {
    auto made = ensure_person(db_, name);
    if (!made) return made.error();
    created = *made;
    place_member(track, name, address);
    return TrackStore(db_).update(track);
  });
  if (!changed) return changed.error();
  return MemberAdded{std::move(*changed), created};
}

Result<Track> TrackService::remove_member(const std::string& track_name,
                                          const std::string& person) {
  const std::string name = trim(person);
  return change(track_name, "track.member_remove", [&](Track& track) -> Status {
    const auto member = std::find(track.members.begin(), track.members.end(), name);
    if (member == track.members.end())
      return Error::not_found("'" + name + "' is not a member of '" + track.name + "'",
                              "'" + name + "'은(는) '" + track.name + "'의 멤버가 아닙니다");
    track.members.erase(member);
    track.feeds.erase(name);
    return TrackStore(db_).update(track);
  });
}

Result<MembersImported> TrackService::import_members(const std::string& track_name,
                                                     std::string_view csv) {
  auto rows = member_rows(csv);
  if (!rows) return rows.error();
  MembersImported outcome;
  auto changed = change(track_name, "track.member_import", [&](Track& track) -> Status {
    for (const auto& row : *rows) {
      auto made = ensure_person(db_, row.name);
      if (!made) return made.error();
      if (*made) ++outcome.people_created;
      // An empty cell keeps a member's feed: a list without addresses takes none away.
      const auto [was_changed, is_new] = place_member(track, row.name, row.feed);
      if (is_new)
        ++outcome.added;
      else if (was_changed)
        ++outcome.updated;
      else
        ++outcome.unchanged;
    }
    return TrackStore(db_).update(track);
  });
  if (!changed) return changed.error();
  outcome.track = std::move(*changed);
  return outcome;
}

}  // namespace hoego
