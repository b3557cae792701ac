#include <hoego/core/feed.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <hoego/sdk_json_reader.hpp>
#include <optional>
#include <pugixml.hpp>
#include <regex>
#include <set>

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

// Trims and folds every run of white space into one space: feed titles often carry the line
// breaks and indentation of the XML around them.
std::string one_line(std::string_view text) {
  std::string line;
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !line.empty();
      continue;
    }
    if (pending_space) line += ' ';
    pending_space = false;
    line += c;
  }
  return line;
}

// All the text inside a node, markup removed (an Atom title of type "xhtml" is a <div>).
// Walks in document order without recursion: a hostile feed may nest elements very deeply.
std::string text_of(const pugi::xml_node& node) {
  std::string text;
  pugi::xml_node current = node.first_child();
  while (current && current != node) {
    if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata)
      text += current.value();
    if (current.type() == pugi::node_element && current.first_child()) {
      current = current.first_child();
      continue;
    }
    while (current != node && !current.next_sibling()) current = current.parent();
    if (current != node) current = current.next_sibling();
  }
  return text;
}

void append_utf8(std::string& out, unsigned long code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  sdk::detail::append_utf8(out, static_cast<uint32_t>(code));
}

// The plain text of an HTML fragment (an Atom title of type "html", whose markup arrives
// escaped once more): tags dropped, the common entities and numeric references decoded.
std::string html_to_text(std::string_view html) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kEntities{
      {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}}};
  std::string text;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      const size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    const size_t semicolon = html[i] == '&' ? html.find(';', i) : std::string_view::npos;
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      text += html[i];
      continue;
    }
    const std::string_view name = html.substr(i + 1, semicolon - i - 1);
    bool decoded = false;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      const unsigned long code = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && end != nullptr && *end == '\0') {
        append_utf8(text, code);
        decoded = true;
      }
    } else {
      for (const auto& [entity, replacement] : kEntities)
        if (name == entity) {
          text += replacement;
          decoded = true;
        }
    }
    if (decoded)
      i = semicolon;
    else
      text += html[i];
  }
  return text;
}

// An Atom text construct: plain, escaped HTML or inline XHTML, as text.
std::string atom_text(const pugi::xml_node& node) {
  const std::string_view type = node.attribute("type").as_string("text");
  return type == "html" ? html_to_text(text_of(node)) : text_of(node);
}

int line_at(std::string_view text, ptrdiff_t offset) {
  if (offset < 0) return 1;
  const auto end = text.begin() + std::min<size_t>(static_cast<size_t>(offset), text.size());
  return 1 + static_cast<int>(std::count(text.begin(), end, '\n'));
}

std::string at_line(int line) { return "line " + std::to_string(line) + ": "; }

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
  const auto refuse = [&](const std::string& why) -> Error {
    return Error::invalid("'" + std::string(text) + "' is not a date" + why);
  };
  if (!std::regex_match(text.begin(), text.end(), match, pattern))
    return refuse(" (expected RFC 822 like 'Sun, 08 Sep 2024 21:13:05 +0900' or ISO 8601)");
  const auto month = month_number(match[2].str());
  if (!month) return refuse(": unknown month '" + match[2].str() + "'");
  const auto zone = rfc822_zone_minutes(match[7].str());
  if (!zone) return refuse(": unknown time zone '" + match[7].str() + "'");
  int year = std::stoi(match[3].str());
  if (match[3].length() == 2) year += year < 50 ? 2000 : 1900;  // RFC 2822 §4.3
  const int magnitude = *zone < 0 ? -*zone : *zone;
  char iso[64];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%s:%s%c%02d:%02d", year, *month,
                std::stoi(match[1].str()), std::stoi(match[4].str()), match[5].str().c_str(),
                match[6].matched ? match[6].str().c_str() : "00", *zone < 0 ? '-' : '+',
                magnitude / 60, magnitude % 60);
  auto moment = parse_moment(iso, "UTC");
  if (!moment) return refuse(": " + moment.error().message);
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
  std::string date_element;  // which element was expected, for the message
};

Result<FeedItem> make_item(std::string_view xml, const ItemParts& parts,
                           const std::string& time_zone) {
  FeedItem item;
  item.line = line_at(xml, parts.node.offset_debug());
  item.title = one_line(parts.title);
  item.url = one_line(parts.url);
  item.id = one_line(parts.id);
  if (item.id.empty()) item.id = item.url;
  const std::string named = item.title.empty() ? "an item" : "item '" + item.title + "'";
  if (item.id.empty())
    return Error::invalid(at_line(item.line) + named + " has neither an id nor a link");
  const std::string date = one_line(parts.date);
  if (date.empty())
    return Error::invalid(at_line(item.line) + named + " has no <" + parts.date_element + ">");
  auto published = parse_feed_date(date, time_zone);
  if (!published)
    return Error::invalid(at_line(item.line) + named + ": " + published.error().message);
  item.published = *published;
  return item;
}

Result<Feed> read_rss(std::string_view xml, const pugi::xml_node& rss,
                      const std::string& time_zone) {
  const pugi::xml_node channel = rss.child("channel");
  if (!channel)
    return Error::invalid(at_line(line_at(xml, rss.offset_debug())) +
                          "an RSS feed needs a <channel> inside <rss>");
  Feed feed{"rss", one_line(text_of(channel.child("title"))), {}};
  for (const auto& node : channel.children("item")) {
    ItemParts parts{node,
                    text_of(node.child("guid")),
                    text_of(node.child("title")),
                    text_of(node.child("link")),
                    text_of(node.child("pubDate")),
                    "pubDate"};
    if (one_line(parts.date).empty()) parts.date = text_of(node.child("dc:date"));
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
                    "published"};
    if (one_line(parts.date).empty()) {
      parts.date = text_of(node.child("updated"));
      parts.date_element = "published> or <updated";
    }
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
    return Error::invalid("'" + std::string(text.substr(0, 64)) + "…' is not a date");
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
    return Error::invalid(at_line(line_at(xml, parsed.offset)) +
                          "the feed is not well-formed XML: " + parsed.description());
  if (auto encoding = unsupported_encoding(document))
    return Error::invalid("line 1: the feed is encoded in " + *encoding +
                          "; only UTF-8 (and Latin-1) feeds can be read");
  const pugi::xml_node root = document.document_element();
  const std::string_view name = root.name();
  const bool atom = name == "feed" && root.attribute("xmlns").as_string() == kAtomNamespace;
  if (name != "rss" && !atom)
    return Error::invalid(at_line(line_at(xml, root.offset_debug())) +
                          "not an RSS 2.0 or Atom 1.0 feed (its root element is <" +
                          std::string(name) + ">)");
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
