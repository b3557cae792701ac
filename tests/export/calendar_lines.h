// Reading iCalendar text back in tests: line by line as a strict reader would (CRLF, 75-octet
// lines, folds between UTF-8 characters), and through libical.
#pragma once

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <map>
#include <string>
#include <vector>

namespace hoego::testing {

// One content line, unfolded, split into its name, parameters and raw (still escaped) value.
struct ContentLine {
  std::string name;
  std::string parameters;  // ";VALUE=DATE", or empty
  std::string value;
};

// Reads iCalendar text as a strict reader would: every line ends with CRLF, none is longer than
// 75 octets, a folded line continues with one space, and no fold splits a UTF-8 character.
inline std::vector<ContentLine> content_lines(const std::string& text) {
  std::vector<std::string> unfolded;
  for (size_t start = 0; start < text.size();) {
    const size_t end = text.find("\r\n", start);
    EXPECT_NE(end, std::string::npos) << "every line ends with CRLF";
    if (end == std::string::npos) break;
    const std::string physical = text.substr(start, end - start);
    EXPECT_LE(physical.size(), 75u) << physical;
    EXPECT_EQ(physical.find('\n'), std::string::npos) << "a bare LF inside: " << physical;
    if (!physical.empty() && physical[0] == ' ') {
      EXPECT_FALSE(unfolded.empty()) << "text starts with a continuation";
      // A continuation starts a character: its first byte is no UTF-8 continuation byte.
      if (physical.size() > 1) {
        EXPECT_NE(static_cast<unsigned char>(physical[1]) & 0xC0, 0x80)
            << "a fold split a character: " << physical;
      }
      if (!unfolded.empty()) unfolded.back() += physical.substr(1);
    } else {
      unfolded.push_back(physical);
    }
    start = end + 2;
  }
  std::vector<ContentLine> lines;
  for (const std::string& line : unfolded) {
    const size_t colon = line.find(':');
    EXPECT_NE(colon, std::string::npos) << line;
    const std::string head = line.substr(0, colon);
    const size_t semicolon = head.find(';');
    lines.push_back({head.substr(0, semicolon),
                     semicolon == std::string::npos ? "" : head.substr(semicolon),
                     colon == std::string::npos ? "" : line.substr(colon + 1)});
  }
  return lines;
}

// The events of a calendar's content lines, each as its properties (the last of a name wins;
// alarms' TRIGGER values gathered apart).
struct EventLines {
  std::map<std::string, ContentLine> properties;
  std::vector<std::string> triggers;
  std::vector<std::string> alarm_actions;
};

inline std::vector<EventLines> events_of(const std::vector<ContentLine>& lines) {
  std::vector<EventLines> events;
  bool in_alarm = false;
  for (const ContentLine& line : lines) {
    if (line.name == "BEGIN" && line.value == "VEVENT") events.emplace_back();
    if (events.empty()) continue;
    if (line.name == "BEGIN" && line.value == "VALARM") in_alarm = true;
    if (line.name == "END" && line.value == "VALARM") in_alarm = false;
    if (in_alarm && line.name == "TRIGGER")
      events.back().triggers.push_back(line.parameters + ":" + line.value);
    if (in_alarm && line.name == "ACTION") events.back().alarm_actions.push_back(line.value);
    if (!in_alarm) events.back().properties[line.name] = line;
  }
  return events;
}

// libical's reading of a calendar (null when it could not parse it), freed with it.
struct ParsedCalendar {
  icalcomponent* component = nullptr;
  explicit ParsedCalendar(const std::string& text)
      : component(icalparser_parse_string(text.c_str())) {}
  ~ParsedCalendar() {
    if (component != nullptr) icalcomponent_free(component);
  }
};

}  // namespace hoego::testing
