// The opensource plugin: the pull requests you sent to open-source projects and the code reviews
// you gave. A complete example of a hoego plugin built outside the hoego tree, against the
// installed SDK: a normaliser that tidies an entry and rejects it in the user's language,
// milestones resumed from a small state, and a year-in-review section added up a month at a
// time. docs/plugin-tutorial.md builds a smaller plugin step by step; docs/plugin-reference.md is
// the contract.
#include <algorithm>
#include <hoego/sdk.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using nlohmann::json;
namespace sdk = hoego::sdk;

// No target in here: "twelve pull requests this year" is a goal the user sets, and the core
// itself finds the entry that reached it.
constexpr char kManifest[] = R"json({
  "id": "opensource",
  "name": {"ko": "오픈소스 기여", "en": "Open source"},
  "version": "1.0.0",
  "description": {
    "ko": "오픈소스 프로젝트에 보낸 풀 리퀘스트와 해 준 코드 리뷰를 기록합니다.",
    "en": "Pull requests you sent to open-source projects, and the code reviews you gave."
  },
  "kinds": [
    {
      "id": "pull_request",
      "version": 1,
      "label": {"ko": "풀 리퀘스트", "en": "Pull request"},
      "fields": [
        {"id": "repository", "type": "text", "label": {"ko": "저장소", "en": "Repository"}},
        {"id": "url", "type": "url", "label": {"ko": "주소", "en": "Address"}},
        {"id": "status", "type": "choice", "label": {"ko": "상태", "en": "Status"},
         "options": [
           {"id": "open", "label": {"ko": "열림", "en": "Open"}},
           {"id": "merged", "label": {"ko": "머지됨", "en": "Merged"}},
           {"id": "closed", "label": {"ko": "닫힘", "en": "Closed"}}
         ]},
        {"id": "lines_changed", "type": "integer", "min": 0,
         "label": {"ko": "바꾼 줄 수", "en": "Lines changed"}}
      ]
    },
    {
      "id": "review",
      "version": 1,
      "label": {"ko": "코드 리뷰", "en": "Code review"},
      "people": {"label": {"ko": "작성자", "en": "Author"}},
      "fields": [
        {"id": "repository", "type": "text", "label": {"ko": "저장소", "en": "Repository"}},
        {"id": "url", "type": "url", "label": {"ko": "주소", "en": "Address"}}
      ]
    }
  ],
  "metrics": [
    {"id": "pull_requests", "label": {"ko": "보낸 풀 리퀘스트", "en": "Pull requests sent"},
     "kind": "pull_request", "aggregate": "count"},
    {"id": "merged", "label": {"ko": "머지된 풀 리퀘스트", "en": "Pull requests merged"},
     "kind": "pull_request", "aggregate": "count", "where": {"status": "merged"}},
    {"id": "reviews", "label": {"ko": "코드 리뷰", "en": "Code reviews"},
     "kind": "review", "aggregate": "count"},
    {"id": "reviewed_people", "label": {"ko": "리뷰해 준 사람", "en": "People reviewed for"},
     "kind": "review", "aggregate": "distinct_people"}
  ],
  "milestones": [
    {"id": "first_pull_request", "label": {"ko": "첫 풀 리퀘스트", "en": "First pull request"}},
    {"id": "first_merged",
     "label": {"ko": "처음 머지된 풀 리퀘스트", "en": "First pull request merged"}},
    {"id": "new_repository",
     "label": {"ko": "새 저장소에 보낸 첫 풀 리퀘스트", "en": "First pull request to a new repository"}}
  ],
  "widgets": [
    {"type": "goals"},
    {"type": "stats"},
    {"type": "recent", "kind": "pull_request", "limit": 5},
    {"type": "milestones"}
  ]
})json";

// Repository names are compared without ASCII case, as the forges compare them.
std::string lower_ascii(std::string text) {
  for (char& byte : text)
    if (byte >= 'A' && byte <= 'Z') byte = static_cast<char>(byte - 'A' + 'a');
  return text;
}

// One half of "owner/name": letters, digits, '-', '_' and '.', and not a path's "." or "..".
bool is_name_part(std::string_view part) {
  return !part.empty() && part != "." && part != ".." && std::ranges::all_of(part, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

// What an address says: "https://github.com/nlohmann/json/pull/4012" is the repository
// "nlohmann/json" and the pull request "4012" (empty when the address names none).
struct Address {
  std::string repository;
  std::string pull_request;
};

// Reads a forge's address (host, then /owner/name/…); nullopt for any other address.
std::optional<Address> address_of(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  std::vector<std::string_view> path;
  for (auto slash = rest.find('/'); slash != std::string_view::npos;) {
    const auto next = rest.find('/', slash + 1);
    const auto part =
        rest.substr(slash + 1, next == std::string_view::npos ? next : next - slash - 1);
    if (!part.empty()) path.push_back(part);
    slash = next;
  }
  if (path.size() < 2) return std::nullopt;
  std::string_view name = path[1];
  if (name.ends_with(".git")) name.remove_suffix(4);
  if (!is_name_part(path[0]) || !is_name_part(name)) return std::nullopt;
  Address address{std::string(path[0]) + "/" + std::string(name), {}};
  if (path.size() >= 4 && path[2] == "pull" &&
      std::ranges::all_of(path[3], [](char c) { return c >= '0' && c <= '9'; }))
    address.pull_request = path[3];
  return address;
}

// "owner/name" as written, or a repository's address reduced to it; nullopt for anything else.
std::optional<std::string> repository_of(const std::string& text) {
  if (text.find("://") != std::string::npos) {
    const auto address = address_of(text);
    return address ? std::optional(address->repository) : std::nullopt;
  }
  const auto slash = text.find('/');
  if (slash == std::string::npos || !is_name_part(text.substr(0, slash)) ||
      !is_name_part(text.substr(slash + 1)))
    return std::nullopt;
  return text;
}

std::string figure(int value) { return sdk::format_figure(value); }

std::string counted(int value, const std::string& one, const std::string& many) {
  return figure(value) + " " + (value == 1 ? one : many);
}

class OpenSource : public sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  // The repository is kept as owner/name: an address typed there is reduced to it, and without
  // one it is read from the entry's address. A pull request is open until the user says
  // otherwise. An untitled entry is named after its pull request ("nlohmann/json#4012") or its
  // repository. Every problem is collected, in the user's language, into one Rejected.
  sdk::NormalizedEntry normalize_entry(const sdk::EntryRequest& entry) override {
    const bool korean = host().language() == "ko";  // asked on each call: the setting may change
    json fields = entry.fields;
    std::vector<sdk::FieldError> errors;
    const std::optional<Address> address =
        fields.contains("url") ? address_of(fields["url"].get<std::string>()) : std::nullopt;
    const std::string written = sdk::trimmed(fields.value("repository", std::string{}));
    std::string repository;
    if (!written.empty()) {
      if (const auto parsed = repository_of(written))
        repository = *parsed;
      else
        errors.push_back({"repository", korean ? "저장소는 owner/name 꼴로 적어 주세요 (예: "
                                                 "nlohmann/json): '" +
                                                     written + "'"
                                               : "'" + written +
                                                     "' is not a repository written owner/name "
                                                     "(e.g. nlohmann/json)"});
    } else if (address) {
      repository = address->repository;
    } else {
      errors.push_back({"repository", korean ? "저장소를 owner/name 꼴로 적거나 주소를 적어 주세요"
                                             : "give the repository as owner/name, or the "
                                               "address"});
    }
    if (!repository.empty() && address &&
        lower_ascii(address->repository) != lower_ascii(repository))
      errors.push_back(
          {"url", korean ? "이 주소는 " + repository + "가 아니라 " + address->repository +
                               " 저장소를 가리킵니다"
                         : "this address is of " + address->repository + ", not " + repository});
    if (!errors.empty()) throw sdk::Rejected(std::move(errors));

    fields["repository"] = repository;
    if (entry.kind == "pull_request" && !fields.contains("status")) fields["status"] = "open";
    std::string title;
    if (sdk::trimmed(entry.title).empty())
      title = address && !address->pull_request.empty() ? repository + "#" + address->pull_request
                                                        : repository;
    return {fields, title};
  }

  // Entries arrive oldest first, so one pass finds each milestone where it is reached, and the
  // state carries what the pass has seen: {"pull_requests": how many, "merged": whether one was,
  // "repositories": [lower-cased owner/name, …]}. The host keeps it and hands over only the
  // entries after it.
  std::vector<sdk::Milestone> resume_milestones(json& state,
                                                const std::vector<sdk::StoredEntry>& entries) {
    const bool going_on = state.is_object();
    int pull_requests = going_on ? state.value("pull_requests", 0) : 0;
    bool merged = going_on && state.value("merged", false);
    auto repositories =
        going_on ? state.value("repositories", json::array()).get<std::set<std::string>>()
                 : std::set<std::string>{};
    std::vector<sdk::Milestone> reached;
    for (const auto& entry : entries) {
      if (entry.kind != "pull_request") continue;
      const bool new_repository =
          repositories.insert(lower_ascii(entry.fields.value("repository", std::string{}))).second;
      if (++pull_requests == 1)
        reached.push_back({"first_pull_request", entry.id, {}});
      else if (new_repository)
        reached.push_back({"new_repository", entry.id, {}});
      if (!merged && entry.fields.value("status", std::string{}) == "merged") {
        merged = true;
        reached.push_back({"first_merged", entry.id, {}});
      }
    }
    state =
        json{{"pull_requests", pull_requests}, {"merged", merged}, {"repositories", repositories}};
    return reached;
  }

  // The year's section, added up a month at a time into
  // {"pull_requests", "merged", "reviews", "per_repository": {"owner/name": pull requests}}
  // (repositories lower-cased):
  // after a change the host hands over only the months from the changed one on.
  void resume_year_report(json& state, const sdk::YearReportRequest& month) {
    if (!state.is_object())
      state = {
          {"pull_requests", 0}, {"merged", 0}, {"reviews", 0}, {"per_repository", json::object()}};
    for (const auto& entry : month.entries) {
      if (entry.kind == "review") {
        state["reviews"] = state.value("reviews", 0) + 1;
      } else if (entry.kind == "pull_request") {
        state["pull_requests"] = state.value("pull_requests", 0) + 1;
        if (entry.fields.value("status", std::string{}) == "merged")
          state["merged"] = state.value("merged", 0) + 1;
        json& per_repository = state["per_repository"];
        const std::string repository = lower_ascii(entry.fields.value("repository", std::string{}));
        per_repository[repository] = per_repository.value(repository, 0) + 1;
      }
    }
  }

  // Every figure here is one the host shows too (the metrics of the year, the goals), written
  // with format_figure as the host writes them. State null: no entries that year, no section.
  sdk::ReportSection year_report_from(const json& state, const sdk::YearReportRequest& year) {
    const bool korean = year.language == "ko";
    sdk::ReportSection section{korean ? "오픈소스 기여" : "Open-source contributions", {}};
    if (!state.is_object()) return section;
    const int pull_requests = state.value("pull_requests", 0);
    const int merged = state.value("merged", 0);
    const int reviews = state.value("reviews", 0);
    if (pull_requests > 0) {
      section.paragraphs.push_back(
          korean ? "올해 풀 리퀘스트 " + figure(pull_requests) + "개를 보냈고, 그중 " +
                       figure(merged) + "개가 머지되었습니다."
                 : "You sent " + counted(pull_requests, "pull request", "pull requests") +
                       " this year, and " + figure(merged) +
                       (merged == 1 ? " of them was merged." : " of them were merged."));
      const auto per_repository =
          state.value("per_repository", json::object()).get<std::map<std::string, int>>();
      const auto most = std::ranges::max_element(
          per_repository, [](const auto& a, const auto& b) { return a.second < b.second; });
      if (per_repository.size() > 1 && most->second > 1)
        section.paragraphs.push_back(korean ? "가장 많이 보낸 저장소는 " + most->first + "입니다."
                                            : "Most of them went to " + most->first + ".");
    }
    if (reviews > 0)
      section.paragraphs.push_back(
          korean ? "코드 리뷰 " + figure(reviews) + "건을 했습니다."
                 : "You gave " + counted(reviews, "code review", "code reviews") + ".");
    // Where a paragraph speaks of a target, it is the user's own goal, never one of the plugin.
    for (const auto& goal : year.goals.value_or(std::vector<sdk::YearGoal>{}))
      if (const std::string sentence = goal.sentence(korean ? "ko" : "en"); !sentence.empty())
        section.paragraphs.push_back(sentence);
    return section;
  }
};

}  // namespace

HOEGO_PLUGIN(OpenSource)
