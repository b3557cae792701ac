#include "goal_needs.h"

#include <date/date.h>

#include <hoego/sdk_figures.hpp>

namespace hoego {
namespace {

// "12월 5일(토)" and "Sat, Dec 5" for YYYY-MM-DD.
std::pair<std::string, std::string> day_words(const std::string& text) {
  static const char* const korean_weekdays[] = {"일", "월", "화", "수", "목", "금", "토"};
  static const char* const english_weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const english_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day day{date::year{std::stoi(text.substr(0, 4))},
                                 date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                 date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  const unsigned weekday = date::weekday{date::sys_days{day}}.c_encoding();
  const unsigned month = static_cast<unsigned>(day.month());
  const unsigned day_of_month = static_cast<unsigned>(day.day());
  return {std::to_string(month) + "월 " + std::to_string(day_of_month) + "일(" +
              korean_weekdays[weekday] + ")",
          std::string(english_weekdays[weekday]) + ", " + english_months[month - 1] + " " +
              std::to_string(day_of_month)};
}

// A label as it reads inside an English sentence: "Post" → "post", "URL" stays.
std::string in_sentence(std::string label) {
  if (label.size() > 1 && std::isupper(static_cast<unsigned char>(label[0])) &&
      std::islower(static_cast<unsigned char>(label[1])))
    label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  return label;
}

}  // namespace

LocalizedText needs_text(const Goal& goal, const GoalNeeds& needs, const PluginHost& plugins) {
  LocalizedText unit{goal.kind, goal.kind};
  bool summed = false;
  if (const LoadedPlugin* plugin = plugins.find_loaded(goal.plugin); plugin != nullptr) {
    if (const KindSpec* kind = plugin->manifest().kind(goal.kind); kind != nullptr) {
      unit = kind->label;
      if (goal.sum_field)
        if (const FieldSpec* field = kind->field(*goal.sum_field); field != nullptr) {
          unit = field->label;
          summed = true;
        }
    }
  }
  const std::string amount = sdk::format_figure(needs.amount);
  const auto [day_ko, day_en] = day_words(needs.by);
  const std::string d_day = needs.days_left == 0 ? "D-day" : "D-" + std::to_string(needs.days_left);
  std::string ko =
      summed ? "‘" + unit.in("ko") + "’ " + amount + " 더" : unit.in("ko") + " " + amount + "개 더";
  std::string en =
      summed ? amount + " more " + in_sentence(unit.in("en"))
             : amount + " more " + in_sentence(unit.in("en")) + (needs.amount == 1 ? "" : "s");
  ko += " · " + day_ko + "까지 " + d_day;
  en += " · by " + day_en +
        (needs.days_left == 0 ? " (today)"
                              : " (" + std::to_string(needs.days_left) +
                                    (needs.days_left == 1 ? " day left)" : " days left)"));
  if (goal.definition.cadence.unit != CadenceUnit::kNone) {
    ko += " · 남은 패스 " + std::to_string(needs.passes_left);
    en += " · " + std::to_string(needs.passes_left) +
          (needs.passes_left == 1 ? " pass left" : " passes left");
    if (needs.breaks_streak) {
      ko += " · 놓치면 " + std::to_string(needs.streak) + "회 연속이 끊깁니다";
      en += " · a miss breaks a streak of " + std::to_string(needs.streak);
    } else if (needs.passes_left > 0) {
      ko += " · 놓치면 패스 1개를 씁니다";
      en += " · a miss uses a pass";
    }
  }
  return {ko, en};
}

}  // namespace hoego
