#include <hoego/core/feed.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <optional>
#include <pugixml.hpp>
#include <regex>
#include <set>

#include "feed_text.h"

namespace hoego {
namespace {

constexpr std::string_view kAtomNamespace = "http://www.w3.org/2005/Atom";

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// The lower-case local name of an element: "p" for <xhtml:P>.
std::string local_name(const pugi::xml_node& element) {
  std::string_view name = element.name();
  if (const size_t colon = name.find(':'); colon != std::string_view::npos)
    name.remove_prefix(colon + 1);
  std::string lowered;
  for (char c : name) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

// All the text inside a node, markup removed (an Atom title of type "xhtml" is a <div>), with a
// space where a block element (<p>, <br>…) starts. Walks in document order without recursion: a
// hostile feed may nest elements very deeply.
std::string text_of(const pugi::xml_node& node) {
  std::string text;
  pugi::xml_node current = node.first_child();
  while (current && current != node) {
    if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata)
      text += current.value();
    if (current.type() == pugi::node_element && is_block_element(local_name(current))) text += ' ';
    if (current.type() == pugi::node_element && current.first_child()) {
      current = current.first_child();
      continue;
    }
    while (current != node && !current.next_sibling()) current = current.parent();
    if (current != node) current = current.next_sibling();
  }
  return text;
}

// An Atom text construct: plain, escaped HTML or inline XHTML, as text. Atom <content> may also
// be of another media type (text/plain…), or given elsewhere (src=…): no text of its own then.
std::string atom_text(const pugi::xml_node& node) {
  const std::string_view type = node.attribute("type").as_string("text");
  if (type == "html" || type == "text/html") return html_to_text(text_of(node));
  if (type == "text" || type == "xhtml" || type.rfind("text/", 0) == 0)
    return node.attribute("src") ? std::string() : text_of(node);
  return {};
}

// What a feed says of a post, as the plain text of its notes: the markup and entities of its
// HTML gone, white space folded, at most kFeedSummaryMaxCharacters.
std::string summary_of(std::string_view text) {
  return bounded(plain_line(text), kFeedSummaryMaxCharacters);
}

// A post's categories as tags: one line each, at most kFeedCategoryMaxCharacters, in feed
// order, without empty or repeated ones, at most kFeedMaxCategories.
std::vector<std::string> categories_of(const std::vector<std::string>& written) {
  std::vector<std::string> categories;
  for (const auto& text : written) {
    std::string category = bounded(plain_line(text), kFeedCategoryMaxCharacters);
    if (category.empty() ||
        std::find(categories.begin(), categories.end(), category) != categories.end())
      continue;
    if (categories.size() == kFeedMaxCategories) break;
    categories.push_back(std::move(category));
  }
  return categories;
}

int line_at(std::string_view text, ptrdiff_t offset) {
  if (offset < 0) return 1;
  const auto end = text.begin() + std::min<size_t>(static_cast<size_t>(offset), text.size());
  return 1 + static_cast<int>(std::count(text.begin(), end, '\n'));
}

// The feed's refusal of what it found at `line`, in English and Korean.
Error refused_at(int line, const std::string& english, const std::string& korean) {
  const std::string number = std::to_string(line);
  return Error::invalid("line " + number + ": " + english, number + "번째 줄: " + korean);
}

// "+0900", "-0430", or a zone name RFC 822 allows (and the Korean and Japanese ones feeds use).
std::optional<int> rfc822_zone_minutes(std::string_view zone) {
  if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-')) {
    for (size_t i = 1; i < 5; ++i)
      if (!std::isdigit(static_cast<unsigned char>(zone[i]))) return std::nullopt;
    const int hours = (zone[1] - '0') * 10 + (zone[2] - '0');
    const int minutes = (zone[3] - '0') * 10 + (zone[4] - '0');
    if (hours > 23 || minutes > 59) return std::nullopt;
    return (zone[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  struct Named {
    std::string_view name;
    int hours;
  };
  static constexpr std::array<Named, 13> kNamed{{{"UT", 0},
                                                 {"UTC", 0},
                                                 {"GMT", 0},
                                                 {"Z", 0},
                                                 {"EST", -5},
                                                 {"EDT", -4},
                                                 {"CST", -6},
                                                 {"CDT", -5},
                                                 {"MST", -7},
                                                 {"MDT", -6},
                                                 {"PST", -8},
                                                 {"PDT", -7},
                                                 {"KST", 9}}};
  for (const auto& named : kNamed)
    if (equals_ignoring_case(zone, named.name)) return named.hours * 60;
  if (equals_ignoring_case(zone, "JST")) return 9 * 60;
  return std::nullopt;
}

std::optional<int> month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (size_t i = 0; i < kMonths.size(); ++i) {
    // "Sep" and "September" both name September.
    if (name.size() == 3 && equals_ignoring_case(name, kMonths[i].substr(0, 3)))
      return static_cast<int>(i) + 1;
    if (equals_ignoring_case(name, kMonths[i])) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

Result<Moment> parse_rfc822(std::string_view text) {
  // [Sun,] 08 Sep 2024 21:13[:05] +0900 — the weekday is not checked: feeds often get it wrong.
  static const std::regex pattern(
      R"(^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([A-Za-z]{1,5}|[+-]\d{4})$)");
  std::match_results<std::string_view::const_iterator> match;
  const auto refuse = [&](const std::string& why, const std::string& why_ko) -> Error {
    return Error::invalid("'" + std::string(text) + "' is not a date" + why,
                          "날짜로 읽을 수 없습니다: '" + std::string(text) + "'" + why_ko);
  };
  if (!std::regex_match(text.begin(), text.end(), match, pattern))
    return refuse(" (expected RFC 822 like 'Sun, 08 Sep 2024 21:13:05 +0900' or ISO 8601)",
                  " (RFC 822 형식(예: 'Sun, 08 Sep 2024 21:13:05 +0900')이나 ISO 8601 형식이어야 "
                  "합니다)");
  const auto month = month_number(match[2].str());
  if (!month)
    return refuse(": unknown month '" + match[2].str() + "'",
                  " (알 수 없는 달: '" + match[2].str() + "')");
  const auto zone = rfc822_zone_minutes(match[7].str());
  if (!zone)
    return refuse(": unknown time zone '" + match[7].str() + "'",
                  " (알 수 없는 시간대: '" + match[7].str() + "')");
  int year = std::stoi(match[3].str());
  if (match[3].length() == 2) year += year < 50 ? 2000 : 1900;  // RFC 2822 §4.3
  const int magnitude = *zone < 0 ? -*zone : *zone;
  char iso[64];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%s:%s%c%02d:%02d", year, *month,
                std::stoi(match[1].str()), std::stoi(match[4].str()), match[5].str().c_str(),
                match[6].matched ? match[6].str().c_str() : "00", *zone < 0 ? '-' : '+',
                magnitude / 60, magnitude % 60);
  auto moment = parse_moment(iso, "UTC");
  if (!moment) return refuse(": " + moment.error().message, " (" + moment.error().in("ko") + ")");
  return moment;
}

Result<Moment> parse_iso(std::string_view text, const std::string& time_zone) {
  // parse_moment reads whole seconds; feeds often add fractions (velog: ".123Z").
  static const std::regex fraction(R"(^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})\.\d+(.*)$)");
  std::match_results<std::string_view::const_iterator> match;
  if (std::regex_match(text.begin(), text.end(), match, fraction))
    return parse_moment(match[1].str() + match[2].str(), time_zone);
  return parse_moment(text, time_zone);
}

struct ItemParts {
  pugi::xml_node node;
  std::string id;
  std::string title;
  std::string url;
  std::string date;
  std::vector<std::string> date_elements;  // which elements were looked in, for the message
  std::string summary;                     // as text, markup removed, white space not yet folded
  std::vector<std::string> categories;
};

Result<FeedItem> make_item(std::string_view xml, const ItemParts& parts,
                           const std::string& time_zone) {
  FeedItem item;
  item.line = line_at(xml, parts.node.offset_debug());
  item.title = one_line(parts.title);
  item.url = one_line(parts.url);
  item.id = one_line(parts.id);
  if (item.id.empty()) item.id = item.url;
  item.summary = summary_of(parts.summary);
  item.categories = categories_of(parts.categories);
  const std::string named = item.title.empty() ? "an item" : "item '" + item.title + "'";
  const std::string named_ko = item.title.empty() ? "항목" : "항목 '" + item.title + "'";
  if (item.id.empty())
    return refused_at(item.line, named + " has neither an id nor a link",
                      named_ko + "에 id도 링크도 없습니다");
  const std::string date = one_line(parts.date);
  if (date.empty()) {
    std::string elements, elements_ko;
    for (const auto& element : parts.date_elements) {
      elements += (elements.empty() ? "<" : " or <") + element + ">";
      elements_ko += (elements_ko.empty() ? "<" : " 또는 <") + element + ">";
    }
    return refused_at(item.line, named + " has no " + elements,
                      named_ko + "에 " + elements_ko + " 요소가 없습니다");
  }
  auto published = parse_feed_date(date, time_zone);
  if (!published)
    return refused_at(item.line, named + ": " + published.error().message,
                      named_ko + ": " + published.error().in("ko"));
  item.published = *published;
  return item;
}

Result<Feed> read_rss(std::string_view xml, const pugi::xml_node& rss,
                      const std::string& time_zone) {
  const pugi::xml_node channel = rss.child("channel");
  if (!channel)
    return refused_at(line_at(xml, rss.offset_debug()),
                      "an RSS feed needs a <channel> inside <rss>",
                      "RSS 피드에는 <rss> 안에 <channel> 요소가 있어야 합니다");
  Feed feed{"rss", one_line(text_of(channel.child("title"))), {}};
  for (const auto& node : channel.children("item")) {
    ItemParts parts{node,
                    text_of(node.child("guid")),
                    text_of(node.child("title")),
                    text_of(node.child("link")),
                    text_of(node.child("pubDate")),
                    {"pubDate"},
                    {},
                    {}};
    if (one_line(parts.date).empty()) parts.date = text_of(node.child("dc:date"));
    // RSS 2.0 allows entity-encoded HTML in <description>; Medium sends only the whole post.
    parts.summary = html_to_text(text_of(node.child("description")));
    if (one_line(parts.summary).empty())
      parts.summary = html_to_text(text_of(node.child("content:encoded")));
    for (const auto& category : node.children("category"))
      parts.categories.push_back(text_of(category));
    auto item = make_item(xml, parts, time_zone);
    if (!item) return item.error();
    feed.items.push_back(std::move(*item));
  }
  return feed;
}

// The address of an Atom entry's page: its link with rel="alternate", or with no rel at all.
std::string atom_link(const pugi::xml_node& entry) {
  for (const auto& link : entry.children("link")) {
    const std::string_view rel = link.attribute("rel").as_string("alternate");
    if (rel == "alternate") return link.attribute("href").as_string();
  }
  return {};
}

Result<Feed> read_atom(std::string_view xml, const pugi::xml_node& root,
                       const std::string& time_zone) {
  Feed feed{"atom", one_line(atom_text(root.child("title"))), {}};
  for (const auto& node : root.children("entry")) {
    ItemParts parts{node,
                    text_of(node.child("id")),
                    atom_text(node.child("title")),
                    atom_link(node),
                    text_of(node.child("published")),
                    {"published"},
                    atom_text(node.child("summary")),
                    {}};
    if (one_line(parts.date).empty()) {
      parts.date = text_of(node.child("updated"));
      parts.date_elements.emplace_back("updated");
    }
    if (one_line(parts.summary).empty()) parts.summary = atom_text(node.child("content"));
    for (const auto& category : node.children("category"))
      parts.categories.push_back(category.attribute("term").as_string());
    auto item = make_item(xml, parts, time_zone);
    if (!item) return item.error();
    feed.items.push_back(std::move(*item));
  }
  return feed;
}

// pugixml reads UTF-8, UTF-16, UTF-32 and Latin-1; a feed that declares anything else (EUC-KR,
// as some older Korean blogs do) would come out garbled, so it is refused by name.
std::optional<std::string> unsupported_encoding(const pugi::xml_document& document) {
  const pugi::xml_node declaration = document.first_child();
  if (declaration.type() != pugi::node_declaration) return std::nullopt;
  const std::string encoding = declaration.attribute("encoding").as_string();
  for (std::string_view known :
       {"", "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "utf-16", "utf-32"})
    if (equals_ignoring_case(encoding, known)) return std::nullopt;
  return encoding;
}

}  // namespace

Result<Moment> parse_feed_date(std::string_view text, const std::string& time_zone) {
  // No real date is this long; refusing early keeps a hostile one away from std::regex, which
  // recurses per character.
  if (text.size() > 64)
    return Error::invalid("'" + std::string(text.substr(0, 64)) + "…' is not a date",
                          "날짜로 읽을 수 없습니다: '" + std::string(text.substr(0, 64)) + "…'");
  if (!text.empty() && std::isdigit(static_cast<unsigned char>(text.front())) &&
      text.size() >= 10 && text[4] == '-')
    return parse_iso(text, time_zone);
  return parse_rfc822(text);
}

Result<Feed> parse_feed(std::string_view xml, const std::string& time_zone) {
  pugi::xml_document document;
  // Default options: no DTD processing, so no external entities and no entity expansion.
  const pugi::xml_parse_result parsed = document.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_declaration, pugi::encoding_auto);
  if (!parsed)
    return refused_at(line_at(xml, parsed.offset),
                      std::string("the feed is not well-formed XML: ") + parsed.description(),
                      std::string("피드가 올바른 XML이 아닙니다: ") + parsed.description());
  if (auto encoding = unsupported_encoding(document))
    return refused_at(
        1, "the feed is encoded in " + *encoding + "; only UTF-8 (and Latin-1) feeds can be read",
        "피드의 인코딩이 " + *encoding +
            "입니다. UTF-8과 Latin-1로 인코딩된 피드만 읽을 수 있습니다");
  const pugi::xml_node root = document.document_element();
  const std::string_view name = root.name();
  const bool atom = name == "feed" && root.attribute("xmlns").as_string() == kAtomNamespace;
  if (name != "rss" && !atom)
    return refused_at(
        line_at(xml, root.offset_debug()),
        "not an RSS 2.0 or Atom 1.0 feed (its root element is <" + std::string(name) + ">)",
        "RSS 2.0이나 Atom 1.0 피드가 아닙니다 (최상위 요소: <" + std::string(name) + ">)");
  auto feed = atom ? read_atom(xml, root, time_zone) : read_rss(xml, root, time_zone);
  if (!feed) return feed;
  // A feed may list one post twice; the first one stands.
  std::set<std::string> seen;
  std::vector<FeedItem> unique;
  for (auto& item : feed->items)
    if (seen.insert(item.id).second) unique.push_back(std::move(item));
  feed->items = std::move(unique);
  return feed;
}

}  // namespace hoego
