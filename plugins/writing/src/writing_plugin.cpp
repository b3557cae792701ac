// The writing plugin: tidies a post's URL, tells its platform from the URL's host, names untitled
// posts after the URL, and derives the milestones of a writing year.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <hoego/sdk.hpp>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manifest.hpp"

namespace hoego::writing {
namespace {

using nlohmann::json;
using sdk::EntryRequest;

// Blog hosts and their platform; "*." matches any subdomain (a blog on a platform's domain).
struct PlatformHost {
  std::string_view pattern;
  std::string_view platform;
};
constexpr std::array<PlatformHost, 6> kPlatformHosts{{
    {"*.tistory.com", "tistory"},
    {"velog.io", "velog"},
    {"medium.com", "medium"},
    {"*.medium.com", "medium"},
    {"*.github.io", "github_pages"},
    {"brunch.co.kr", "brunch"},
}};

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& byte : lower)
    if (byte >= 'A' && byte <= 'Z') byte = static_cast<char>(byte - 'A' + 'a');
  return lower;
}

// What follows "scheme://" in a URL the host has already checked to be http(s).
std::string_view after_scheme(std::string_view url) {
  const auto scheme_end = url.find("://");
  return scheme_end == std::string_view::npos ? std::string_view{} : url.substr(scheme_end + 3);
}

// The URL's host, lower-cased, without user info, port or a final dot.
std::string url_host(std::string_view url) {
  std::string_view authority = after_scheme(url);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (const auto at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  std::string host = lower_ascii(authority.substr(0, authority.find(':')));
  if (host.ends_with('.')) host.pop_back();
  return host;
}

// The platform a blog host belongs to, or empty when the host is none of the known ones.
std::string_view platform_of(std::string_view host) {
  for (const auto& [pattern, platform] : kPlatformHosts) {
    const bool matches = pattern.starts_with("*.")
                             ? host.size() > pattern.size() - 1 && host.ends_with(pattern.substr(1))
                             : host == pattern;
    if (matches) return platform;
  }
  return {};
}

// The last non-empty segment of the URL's path, still percent-encoded; empty when the URL has
// no path.
std::string_view last_path_segment(std::string_view url) {
  std::string_view rest = after_scheme(url);
  rest = rest.substr(0, rest.find_first_of("?#"));
  const auto path_start = rest.find('/');
  if (path_start == std::string_view::npos) return {};
  std::string_view path = rest.substr(path_start);
  while (path.ends_with('/')) path.remove_suffix(1);
  return path.substr(path.rfind('/') + 1);
}

std::string percent_decode(std::string_view text) {
  std::string decoded;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned byte = 0;
    const char* digits = text.data() + i + 1;
    if (text[i] == '%' && i + 2 < text.size() &&
        std::from_chars(digits, digits + 2, byte, 16).ptr == digits + 2) {
      decoded += static_cast<char>(byte);
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

// Whether `text` can be a one-line title: valid UTF-8 (nlohmann's strict decoder judges) with
// no control characters.
bool is_one_line_utf8(const std::string& text) {
  for (const unsigned char byte : text)
    if (byte < 0x20 || byte == 0x7f) return false;
  try {
    (void)json(text).dump();
    return true;
  } catch (const json::type_error&) {
    return false;
  }
}

// The URL's last path segment, percent-decoded ("https://minji.tistory.com/entry/%EC%A0%9C-…"
// gives "제-…"), kept encoded when its bytes are not text; "글" when there is no URL or path.
std::string default_title(const json& fields) {
  const auto url = fields.find("url");
  if (url == fields.end() || !url->is_string()) return "글";
  const std::string_view segment = last_path_segment(url->get_ref<const std::string&>());
  if (segment.empty()) return "글";
  std::string decoded = percent_decode(segment);
  return is_one_line_utf8(decoded) ? decoded : std::string(segment);
}

std::string string_member(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

}  // namespace

class WritingPlugin final : public sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  sdk::NormalizedEntry normalize_entry(const EntryRequest& entry) override {
    sdk::NormalizedEntry normalized{entry.fields, {}};
    if (entry.kind != "post") return normalized;
    json& fields = normalized.fields;
    if (fields.contains("url")) {
      std::string url = sdk::trimmed(string_member(fields, "url"));
      if (url.empty()) {
        fields.erase("url");
      } else {
        const std::string_view platform = platform_of(url_host(url));
        if (!fields.contains("platform") && !platform.empty())
          fields["platform"] = std::string(platform);
        fields["url"] = std::move(url);
      }
    }
    if (sdk::trimmed(entry.title).empty()) normalized.title = default_title(fields);
    return normalized;
  }

  // Entries arrive oldest first, so one pass finds each milestone where it is reached. A post
  // with an author (a group member's, imported from their feed) counts toward that member's
  // milestones, not the user's own. The post that reaches a goal is the core's to find: the
  // user's goals are the only targets. State: {"tracks_seen": [[author, track], …]}.
  std::vector<sdk::Milestone> resume_milestones(json& state,
                                                const std::vector<sdk::StoredEntry>& entries) {
    std::vector<sdk::Milestone> milestones;
    using AuthorAnd = std::pair<std::string, std::string>;
    auto tracks_seen = state.is_object()
                           ? state.value("tracks_seen", json::array()).get<std::set<AuthorAnd>>()
                           : std::set<AuthorAnd>{};
    for (const auto& post : entries) {
      if (post.kind != "post") continue;
      const std::string author = post.people.empty() ? std::string() : post.people.front();
      if (!post.track.empty() && tracks_seen.insert({author, post.track}).second)
        milestones.push_back({"first_post_in_track", post.id, author});
    }
    state = json{{"tracks_seen", tracks_seen}};
    return milestones;
  }

  // The year's writing: your own posts (those without an author), the busiest month, how your
  // goals stand, and the group members' posts gathered alongside. Every number is one the host
  // shows too (the manifest's metrics, the goals). Added up a month at a time in a state
  // {"own", "members", "per_month": {"MM": own posts}}.
  void resume_year_report(json& state, const sdk::YearReportRequest& month) {
    if (!state.is_object()) state = {{"own", 0}, {"members", 0}, {"per_month", json::object()}};
    int own = state.value("own", 0), members = state.value("members", 0);
    json& per_month = state["per_month"];
    if (!per_month.is_object()) per_month = json::object();
    for (const auto& post : month.entries) {
      if (post.kind != "post") continue;
      if (!post.people.empty()) {
        ++members;
        continue;
      }
      ++own;
      if (post.local_date.size() >= 7) {
        const std::string month_number = post.local_date.substr(5, 2);
        per_month[month_number] = per_month.value(month_number, 0) + 1;
      }
    }
    state["own"] = own;
    state["members"] = members;
  }

  sdk::ReportSection year_report_from(const json& state, const sdk::YearReportRequest& request) {
    const bool ko = request.language == "ko";
    sdk::ReportSection section{ko ? "글쓰기를 돌아보며" : "Looking back on writing", {}};
    if (!state.is_object()) return section;
    const int own = state.value("own", 0);
    const int members = state.value("members", 0);
    const auto per_month =
        state.value("per_month", json::object()).get<std::map<std::string, int>>();
    if (own > 0) {
      section.paragraphs.push_back(ko ? "올해 글 " + sdk::format_figure(own) + "편을 발행했습니다."
                                      : "You published " + posts(own) + " this year.");
      if (const std::string busiest = busiest_months(per_month, ko); !busiest.empty())
        section.paragraphs.push_back(busiest);
    }
    if (const std::string goals = goal_sentences(request, ko); !goals.empty())
      section.paragraphs.push_back(goals);
    if (members > 0)
      section.paragraphs.push_back(
          ko ? "함께 쓰는 멤버들의 글 " + sdk::format_figure(members) + "편도 모았습니다."
             : "You also gathered " + posts(members) + " by group members.");
    return section;
  }

 private:
  static std::string posts(int count) {
    return sdk::format_figure(count) + (count == 1 ? " post" : " posts");
  }

  // "가장 많이 쓴 달은 3월입니다." for the month (or the few months) with the most posts, when
  // one stands out: more than one post in it, and not a tie of most of the year.
  static std::string busiest_months(const std::map<std::string, int>& per_month, bool ko) {
    static constexpr std::array<std::string_view, 12> kMonths{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    int most = 0;
    for (const auto& [month, count] : per_month) most = std::max(most, count);
    std::vector<int> busiest;
    for (const auto& [month, count] : per_month)
      if (count == most) busiest.push_back(std::stoi(month));
    if (most < 2 || busiest.size() > 3) return {};
    std::string names;
    for (size_t i = 0; i < busiest.size(); ++i) {
      if (i > 0) names += ko ? ", " : (i + 1 == busiest.size() ? " and " : ", ");
      names += ko ? std::to_string(busiest[i]) + "월" : std::string(kMonths[busiest[i] - 1]);
    }
    if (ko) return "가장 많이 쓴 달은 " + names + "입니다.";
    return std::string(busiest.size() == 1 ? "Your busiest month was "
                                           : "Your busiest months were ") +
           names + ".";
  }

  // How the user's own goals on posts stand, each with its target: the only targets a writing
  // year is measured against. Empty when the user set none (or the host hands over none).
  static std::string goal_sentences(const sdk::YearReportRequest& request, bool ko) {
    std::string text;
    for (const auto& goal : request.goals.value_or(std::vector<sdk::YearGoal>{})) {
      if (goal.kind != "post") continue;
      if (const std::string sentence = goal.sentence(ko ? "ko" : "en"); !sentence.empty())
        text += (text.empty() ? "" : " ") + sentence;
    }
    return text;
  }
};

}  // namespace hoego::writing

HOEGO_PLUGIN(hoego::writing::WritingPlugin)
