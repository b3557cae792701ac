// The reading plugin: books finished, with their author and a rating; a "6 books a year" goal;
// milestones for the first book and the sixth of a year; and a section of the year in review.
// A complete example of a hoego plugin built outside the hoego tree (docs/plugin-guide.md).
#include <hoego/sdk.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr char kManifest[] = R"json({
  "id": "reading",
  "name": {"ko": "독서", "en": "Reading"},
  "version": "1.0.0",
  "description": {"ko": "다 읽은 책을 기록합니다.", "en": "The books you finished."},
  "kinds": [
    {
      "id": "book",
      "version": 1,
      "label": {"ko": "책", "en": "Book"},
      "calendar": {"date_field": "finished"},
      "fields": [
        {"id": "author", "type": "text", "required": true, "label": {"ko": "저자", "en": "Author"}},
        {"id": "finished", "type": "date", "label": {"ko": "다 읽은 날", "en": "Finished on"}},
        {"id": "rating", "type": "integer", "min": 1, "max": 5,
         "label": {"ko": "별점", "en": "Rating"}}
      ]
    }
  ],
  "metrics": [
    {"id": "books", "label": {"ko": "읽은 책", "en": "Books finished"},
     "kind": "book", "aggregate": "count"},
    {"id": "five_star_books", "label": {"ko": "별 다섯 개 책", "en": "Five-star books"},
     "kind": "book", "aggregate": "count", "where": {"rating": 5}}
  ],
  "milestones": [
    {"id": "first_book", "label": {"ko": "첫 책", "en": "First book"}},
    {"id": "sixth_book_of_year",
     "label": {"ko": "한 해의 여섯 번째 책", "en": "Sixth book of the year"}}
  ],
  "widgets": [
    {"type": "goals"},
    {"type": "stats"},
    {"type": "recent", "kind": "book", "limit": 3},
    {"type": "milestones"}
  ]
})json";

constexpr std::string_view kWhitespace = " \t\n\r";

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(kWhitespace);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kWhitespace) - first + 1));
}

class Reading : public hoego::sdk::Plugin {
 public:
  const char* manifest() const override { return kManifest; }

  // A book needs a title; the author is tidied; "finished" defaults to the entry's own day.
  hoego::sdk::NormalizedEntry normalize_entry(const hoego::sdk::EntryRequest& entry) override {
    const bool korean = host().language() == "ko";  // error messages in the user's language
    if (trimmed(entry.title).empty())
      throw hoego::sdk::Rejected("title",
                                 korean ? "책 제목을 적어 주세요" : "a book needs its title");
    nlohmann::json fields = entry.fields;
    const std::string author = trimmed(fields.value("author", std::string{}));
    if (author.empty())
      throw hoego::sdk::Rejected("author",
                                 korean ? "저자를 적어 주세요" : "a book needs its author");
    fields["author"] = author;
    if (!fields.contains("finished")) fields["finished"] = entry.when.substr(0, 10);
    return {fields, trimmed(entry.title)};
  }

  std::vector<hoego::sdk::Milestone> derive_milestones(
      const std::vector<hoego::sdk::StoredEntry>& books) override {
    std::vector<hoego::sdk::Milestone> reached;
    if (!books.empty()) reached.push_back({"first_book", books.front().id, {}});
    std::map<std::string, int> per_year;
    for (const auto& book : books)
      if (++per_year[book.local_date.substr(0, 4)] == 6)
        reached.push_back({"sixth_book_of_year", book.id, {}});
    return reached;
  }

  // "You finished 7 books (last year 4)"; the best-rated ones; the most-read author.
  hoego::sdk::ReportSection year_report_section(const hoego::sdk::YearReportRequest& request) {
    const bool korean = request.language == "ko";
    hoego::sdk::ReportSection section{korean ? "독서" : "Reading", {}};
    if (request.entries.empty()) return section;
    const std::string last_year = std::to_string(request.year - 1);
    const auto before =
        host().read_entries({"book", last_year + "-01-01", last_year + "-12-31", 0});
    const size_t count = request.entries.size();
    const size_t previous = before.entries.size();
    auto books = [](size_t n) { return std::to_string(n) + (n == 1 ? " book" : " books"); };
    section.paragraphs.push_back(korean ? "올해 책 " + std::to_string(count) +
                                              "권을 다 읽었습니다 (작년 " +
                                              std::to_string(previous) + "권)."
                                        : "You finished " + books(count) + " this year (" +
                                              std::to_string(previous) + " the year before).");
    std::map<std::string, int> by_author;
    std::vector<std::string> favourites;
    for (const auto& book : request.entries) {
      ++by_author[book.fields.value("author", std::string{})];
      if (book.fields.value("rating", 0) == 5) favourites.push_back(book.title);
    }
    auto most_read = by_author.begin();
    for (auto it = by_author.begin(); it != by_author.end(); ++it)
      if (it->second > most_read->second) most_read = it;
    if (most_read->second > 1)
      section.paragraphs.push_back(korean
                                       ? "가장 많이 읽은 저자는 " + most_read->first + "입니다 (" +
                                             std::to_string(most_read->second) + "권)."
                                       : "Your most-read author was " + most_read->first + " (" +
                                             std::to_string(most_read->second) + " books).");
    if (!favourites.empty()) {
      std::string list;
      for (const auto& title : favourites) list += (list.empty() ? "" : ", ") + title;
      section.paragraphs.push_back((korean ? "별 다섯 개: " : "Five stars: ") + list);
    }
    return section;
  }
};

}  // namespace

HOEGO_PLUGIN(Reading)
