// The reading plugin: a book needs its title, its author is tidied, the day it was started cannot
// come after the day it was finished (the entry's date), and the milestones and year-in-review
// section of a reading year.
#include <hoego/sdk.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manifest.hpp"

namespace hoego::reading {
namespace {

using nlohmann::json;
using sdk::EntryRequest;
using sdk::FieldError;

// Books rated five named one by one in the report; more are counted instead.
constexpr std::size_t kFiveStarTitlesNamed = 3;

bool five_stars(const json& fields) {
  const auto rating = fields.find("rating");
  return rating != fields.end() && rating->is_number_integer() && rating->get<int>() == 5;
}

std::string books(long long count) {
  return sdk::format_figure(static_cast<double>(count)) + (count == 1 ? " book" : " books");
}

}  // namespace

class ReadingPlugin final : public sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  sdk::NormalizedEntry normalize_entry(const EntryRequest& entry) override {
    sdk::NormalizedEntry normalized{entry.fields, {}};
    if (entry.kind != "book") return normalized;
    const bool ko = user_reads_korean();
    json& fields = normalized.fields;
    std::vector<FieldError> errors;
    if (sdk::trimmed(entry.title).empty())
      errors.push_back({"title", ko ? "책 제목을 항목 제목에 적어 주세요"
                                    : "a book needs its title as the entry's title"});
    if (fields.contains("author")) {
      std::string author = sdk::trimmed(sdk::text_field(fields, "author"));
      if (author.empty())
        fields.erase("author");
      else
        fields["author"] = std::move(author);
    }
    // The entry's date is the day the book was finished, written YYYY-MM-DD first; dates the
    // host checked order as text.
    const std::string finished = entry.when.substr(0, 10);
    if (const std::string started = sdk::text_field(fields, "started"); started > finished)
      errors.push_back({"started", ko ? "읽기 시작한 날(" + started + ")이 다 읽은 날(" + finished +
                                            ", 항목의 날짜)보다 늦습니다"
                                      : "the day you started (" + started +
                                            ") is after the day you finished (" + finished +
                                            ", the entry's date)"});
    if (!errors.empty()) throw sdk::Rejected(std::move(errors));
    return normalized;
  }

  // Entries arrive oldest first, so one pass finds each milestone where it is reached. The book
  // that reaches a goal ("six books") is the core's to find: the user's goals are the only
  // targets. State: {"years": [YYYY with a book finished, …], "five_star": bool}.
  std::vector<sdk::Milestone> resume_milestones(json& state,
                                                const std::vector<sdk::StoredEntry>& entries) {
    std::vector<sdk::Milestone> milestones;
    const bool resumed = state.is_object();
    auto years = resumed ? state.value("years", json::array()).get<std::set<std::string>>()
                         : std::set<std::string>{};
    bool five_star_before = resumed && state.value("five_star", false);
    for (const auto& book : entries) {
      if (book.kind != "book") continue;
      if (years.insert(book.local_date.substr(0, 4)).second)
        milestones.push_back({"first_book_of_year", book.id, {}});
      if (!five_star_before && five_stars(book.fields)) {
        five_star_before = true;
        milestones.push_back({"first_five_star_book", book.id, {}});
      }
    }
    state = json{{"years", years}, {"five_star", five_star_before}};
    return milestones;
  }

  // The reading year: books finished and their pages, the books rated five stars, and how the
  // user's goals on books stand. Every number is one of the manifest's metrics for the year or a
  // goal's. Added up a month at a time in a state {"books", "pages", "five_star": [title, …]}.
  void resume_year_report(json& state, const sdk::YearReportRequest& month) {
    if (!state.is_object()) state = {{"books", 0}, {"pages", 0}, {"five_star", json::array()}};
    long long count = state.value("books", 0LL), pages = state.value("pages", 0LL);
    json& five_star = state["five_star"];
    if (!five_star.is_array()) five_star = json::array();
    for (const auto& book : month.entries) {
      if (book.kind != "book") continue;
      ++count;
      pages += book.fields.value("pages", 0LL);
      if (five_stars(book.fields)) five_star.push_back(book.title);
    }
    state["books"] = count;
    state["pages"] = pages;
  }

  sdk::ReportSection year_report_from(const json& state, const sdk::YearReportRequest& request) {
    const bool ko = request.language == "ko";
    sdk::ReportSection section{ko ? "독서를 돌아보며" : "Looking back on reading", {}};
    const long long count = state.is_object() ? state.value("books", 0LL) : 0;
    const long long pages = state.is_object() ? state.value("pages", 0LL) : 0;
    const auto five_star =
        state.is_object() ? state.value("five_star", json::array()).get<std::vector<std::string>>()
                          : std::vector<std::string>{};
    if (count > 0) {
      const std::string figure = sdk::format_figure(static_cast<double>(count));
      const std::string page_figure = sdk::format_figure(static_cast<double>(pages));
      if (ko)
        section.paragraphs.push_back("올해 책 " + figure + "권을 다 읽었습니다" +
                                     (pages > 0 ? " (모두 " + page_figure + "쪽)." : "."));
      else
        section.paragraphs.push_back("You finished " + books(count) + " this year" +
                                     (pages > 0 ? " (" + page_figure + " pages in all)." : "."));
    }
    if (!five_star.empty()) section.paragraphs.push_back(five_star_sentence(five_star, ko));
    if (const std::string goals = goal_sentences(request, ko); !goals.empty())
      section.paragraphs.push_back(goals);
    return section;
  }

 private:
  // "별 다섯 개를 준 책은 ‘채식주의자’입니다." naming up to three; more are counted.
  static std::string five_star_sentence(const std::vector<std::string>& titles, bool ko) {
    if (titles.size() > kFiveStarTitlesNamed) {
      const std::string figure = sdk::format_figure(static_cast<double>(titles.size()));
      return ko ? "별 다섯 개를 준 책이 " + figure + "권입니다."
                : "You gave five stars to " + books(static_cast<long long>(titles.size())) + ".";
    }
    std::string names;
    for (std::size_t i = 0; i < titles.size(); ++i)
      names += (i == 0                        ? ""
                : ko || i + 1 < titles.size() ? ", "
                                              : " and ") +
               ("‘" + titles[i] + "’");
    return ko ? "별 다섯 개를 준 책은 " + names + "입니다."
              : "You gave five stars to " + names + ".";
  }

  // How the user's own goals on books stand, each with its target. Empty when the user set none
  // (or the host hands over none).
  static std::string goal_sentences(const sdk::YearReportRequest& request, bool ko) {
    std::string text;
    for (const auto& goal : request.goals.value_or(std::vector<sdk::YearGoal>{})) {
      if (goal.kind != "book") continue;
      if (const std::string sentence = goal.sentence(ko ? "ko" : "en"); !sentence.empty())
        text += (text.empty() ? "" : " ") + sentence;
    }
    return text;
  }

  // The user's language for messages; English from a host that cannot tell.
  bool user_reads_korean() const {
    try {
      return host().language() == "ko";
    } catch (const sdk::HostError&) {
      return false;
    }
  }
};

}  // namespace hoego::reading

HOEGO_PLUGIN(hoego::reading::ReadingPlugin)
