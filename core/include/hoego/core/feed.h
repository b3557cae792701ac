// Blog feeds as Tistory, velog, Medium and GitHub Pages publish them: RSS 2.0 and Atom 1.0,
// read into plain items. Reading only; feed_import.h turns items into writing posts.
#pragma once

#include <hoego/core/local_time.h>
#include <hoego/core/result.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hoego {

// How much of a feed's text is kept: a summary is what the post is about, not the post, which
// its address keeps; a category becomes a tag, and tags are at most 100 characters.
inline constexpr size_t kFeedSummaryMaxCharacters = 1000;
inline constexpr size_t kFeedCategoryMaxCharacters = 100;
inline constexpr size_t kFeedMaxCategories = 32;

// One post in a feed.
struct FeedItem {
  std::string id;     // the item's guid (RSS) or id (Atom); its link when it has neither
  std::string title;  // one line, white space collapsed; may be empty
  std::string url;    // the post's address; may be empty
  Moment published;
  int line = 0;  // where the item starts in the feed, for messages
  // Plain text, never HTML: RSS <description> (else <content:encoded>), Atom <summary> (else
  // <content>), with tags dropped, entities decoded, control characters dropped and white space
  // folded into single spaces; at most kFeedSummaryMaxCharacters, ending "…" when cut. May be
  // empty.
  std::string summary;
  // RSS <category> texts and Atom <category term>, as plain one-line texts, in feed order,
  // without empty or repeated ones; each at most kFeedCategoryMaxCharacters, at most
  // kFeedMaxCategories of them.
  std::vector<std::string> categories;
};

struct Feed {
  std::string format;  // "rss" or "atom"
  std::string title;
  std::vector<FeedItem> items;  // in feed order, without repeated ids
};

// Parses a feed's XML. Refuses, naming the line and the reason, text that is not well-formed
// XML, a document that is neither RSS 2.0 nor Atom 1.0, and an item without a date or without
// any id or link. Dates written without an offset are local to `time_zone`.
Result<Feed> parse_feed(std::string_view xml, const std::string& time_zone);

// Reads a feed date: RFC 822 as RSS writes it ("Sun, 08 Sep 2024 21:13:05 +0900", "GMT" and
// the US zone names too) or ISO 8601 as Atom writes it ("2024-09-08T21:13:05.120+09:00").
Result<Moment> parse_feed_date(std::string_view text, const std::string& time_zone);

}  // namespace hoego
