// The command line's words in the user's language: each message picks its Korean or English
// text in one place, and English nouns agree with their counts ("1 entry", "2 entries").
#pragma once

#include <cstdint>
#include <hoego/sdk_figures.hpp>
#include <string>

namespace hoego::cli {

// "1 entry", "2 entries", "1,234 entries": a count, grouped as hoego writes figures, with the
// English noun that agrees with it.
inline std::string counted(int64_t count, const char* singular, const char* plural) {
  return sdk::format_figure(static_cast<double>(count)) + " " + (count == 1 ? singular : plural);
}

struct Words {
  std::string language;  // "ko" or "en", as Context::language() gives it

  bool korean() const { return language == "ko"; }

  // `ko` for a Korean reader, else `en`.
  const char* pick(const char* ko, const char* en) const { return korean() ? ko : en; }
  // For a message built with names or numbers in it.
  const std::string& pick(const std::string& ko, const std::string& en) const {
    return korean() ? ko : en;
  }

  // "기록 3개" or "3 entries".
  std::string entries(int64_t count) const {
    return korean() ? "기록 " + sdk::format_figure(static_cast<double>(count)) + "개"
                    : counted(count, "entry", "entries");
  }

  // A number and the unit a manifest gave it, as the year in review writes them: "14.8시간" or
  // "14.8 hours", "35일" or "35 days", "60분" or "60 min". `text` is `value` written out. A unit
  // hoego has no words for follows the number as the manifest wrote it.
  std::string with_unit(const std::string& text, double value, const std::string& unit) const {
    const bool one = sdk::rounded_figure(value) == 1;
    if (unit == "h") return text + pick("시간", one ? " hour" : " hours");
    if (unit == "days") return text + pick("일", one ? " day" : " days");
    if (unit == "min") return text + pick("분", " min");
    return unit.empty() ? text : text + " " + unit;
  }

  // A computed figure, written by sdk::format_figure, with its unit.
  std::string figure(double value, const std::string& unit) const {
    return with_unit(sdk::format_figure(value), value, unit);
  }

  // What a backup or an export holds: "기록 3개, 사람 1명, 트랙 0개, 목표 2개" or
  // "3 entries, 1 person, 0 tracks and 2 goals".
  std::string holdings(int64_t entries_count, int64_t people, int64_t tracks, int64_t goals) const {
    auto number = [](int64_t count) { return sdk::format_figure(static_cast<double>(count)); };
    if (korean())
      return entries(entries_count) + ", 사람 " + number(people) + "명, 트랙 " + number(tracks) +
             "개, 목표 " + number(goals) + "개";
    return entries(entries_count) + ", " + counted(people, "person", "people") + ", " +
           counted(tracks, "track", "tracks") + " and " + counted(goals, "goal", "goals");
  }
};

}  // namespace hoego::cli
