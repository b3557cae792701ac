// The reading plugin's manifest: the books finished, what the core counts from them, and which
// milestones it derives. A `book` entry is a book finished, dated on the day it was finished —
// the entry's own date, which no field repeats — so that a goal on the kind ("six books in
// 2023") counts the books finished in its period. The book reaching the user's goal is a
// milestone the core finds for every goal with a target. The host validates this text when it
// loads the plugin; docs/plugin-reference.md describes the format.
#pragma once

namespace hoego::reading {

inline constexpr char kManifest[] = R"json({
  "id": "reading",
  "name": {"ko": "독서", "en": "Reading"},
  "version": "1.0.0",
  "description": {
    "ko": "다 읽은 책을 다 읽은 날에 기록합니다: 저자, 쪽수, 읽기 시작한 날, 별점, 서평.",
    "en": "Books finished, on the day you finished them: author, pages, when you started, rating, review."
  },
  "kinds": [
    {
      "id": "book",
      "version": 1,
      "label": {"ko": "다 읽은 책", "en": "Book"},
      "people": {"label": {"ko": "함께 읽은 사람", "en": "Read with"}, "required": false},
      "fields": [
        {"id": "author", "type": "text", "label": {"ko": "저자", "en": "Author"}},
        {"id": "pages", "type": "integer", "min": 1, "max": 100000,
         "label": {"ko": "쪽수", "en": "Pages"}},
        {"id": "started", "type": "date",
         "label": {"ko": "읽기 시작한 날", "en": "Started on"}},
        {"id": "format", "type": "choice", "label": {"ko": "형태", "en": "Format"},
         "options": [
           {"id": "print", "label": {"ko": "종이책", "en": "Print"}},
           {"id": "ebook", "label": {"ko": "전자책", "en": "E-book"}},
           {"id": "audiobook", "label": {"ko": "오디오북", "en": "Audiobook"}}
         ]},
        {"id": "rating", "type": "integer", "min": 1, "max": 5,
         "label": {"ko": "별점 (1–5)", "en": "Rating (1–5)"}},
        {"id": "review", "type": "url", "label": {"ko": "서평 링크", "en": "Review link"}}
      ]
    }
  ],
  "metrics": [
    {"id": "books", "label": {"ko": "다 읽은 책", "en": "Books finished"},
     "kind": "book", "aggregate": "count", "by": "format"},
    {"id": "pages", "label": {"ko": "읽은 쪽수", "en": "Pages read"},
     "kind": "book", "aggregate": "sum", "field": "pages"},
    {"id": "books_per_month", "label": {"ko": "월평균 책", "en": "Books per month"},
     "kind": "book", "aggregate": "per_month"},
    {"id": "five_star_books", "label": {"ko": "별 다섯 개 책", "en": "Five-star books"},
     "kind": "book", "aggregate": "count", "where": {"rating": 5}}
  ],
  "widgets": [
    {"type": "goals"},
    {"type": "stats"},
    {"type": "recent", "kind": "book", "limit": 5},
    {"type": "milestones", "limit": 5}
  ],
  "milestones": [
    {"id": "first_book_of_year",
     "label": {"ko": "그해 처음 다 읽은 책", "en": "First book of the year"}},
    {"id": "first_five_star_book",
     "label": {"ko": "처음 별 다섯 개를 준 책", "en": "First five-star book"}}
  ]
})json";

}  // namespace hoego::reading
