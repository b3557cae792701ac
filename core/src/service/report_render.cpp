// The year in review as Markdown and as printable HTML, in Korean or English. Both renderers
// share the wording below.
#include <hoego/core/report.h>

#include <hoego/sdk_figures.hpp>
#include <sstream>

#include "report_charts.h"

namespace hoego {
namespace {

struct Words {
  bool ko;
  std::string pick(const std::string& korean, const std::string& english) const {
    return ko ? korean : english;
  }
};

// 1234 → "1,234"; 14.75 → "14.8": the one rule plugins write their paragraphs by too.
std::string number(double value) { return sdk::format_figure(value); }

std::string unit_text(const std::string& unit, const Words& words) {
  if (unit == "h") return words.pick("시간", " hours");
  if (unit == "days") return words.pick("일", " days");
  if (unit == "min") return words.pick("분", " min");
  return unit.empty() ? "" : " " + unit;
}

std::string metric_figure(const MetricValue& metric, const std::string& language,
                          const Words& words) {
  return metric_text(metric, language, [&](double value, const std::string& unit) {
    return number(value) + unit_text(unit, words);
  });
}

// "2022-10-05" → "10월 5일" or "Oct 5".
std::string day_text(const std::string& date, const Words& words) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int month = std::stoi(date.substr(5, 2));
  const int day = std::stoi(date.substr(8, 2));
  if (words.ko) return std::to_string(month) + "월 " + std::to_string(day) + "일";
  return std::string(kMonths[month - 1]) + " " + std::to_string(day);
}

std::string month_name(int month, const Words& words) {
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  return words.ko ? std::to_string(month) + "월" : kMonths[month - 1];
}

std::string status_text(const std::string& status, const Words& words) {
  if (status == "achieved") return words.pick("달성", "achieved");
  if (status == "missed") return words.pick("미달성", "missed");
  if (status == "ended") return words.pick("종료", "ended");
  if (status == "finished") return words.pick("끝냄", "finished");
  if (status == "paused") return words.pick("쉬는 중", "paused");
  if (status == "at_risk") return words.pick("위험", "at risk");
  if (status == "not_started") return words.pick("시작 전", "not started");
  return words.pick("순항 중", "on track");
}

// Says which of the year's entries belong to plugins not in use, so that the count above and
// the numbers below can be told apart.
std::string unloaded_text(const UnloadedPlugin& unloaded, const Words& words) {
  const bool off = unloaded.reason == "disabled";
  return words.pick("이 중 " + number(static_cast<double>(unloaded.entries)) + "개는 " +
                        (off ? "꺼진 플러그인" : "설치되지 않은 플러그인") + " ‘" +
                        unloaded.plugin + "’의 기록이라 아래 숫자와 단원에는 들어가지 않았습니다.",
                    number(static_cast<double>(unloaded.entries)) + " of them belong to the " +
                        (off ? "switched-off" : "missing") + " plugin ‘" + unloaded.plugin +
                        "’ and are left out of the numbers and sections below.");
}

// "기록 3개" or "3 entries".
std::string entries_text(int count, const Words& words) {
  if (words.ko) return "기록 " + number(count) + "개";
  return number(count) + (count == 1 ? " entry" : " entries");
}

std::string entry_line(const Entry& entry, const Words& words) {
  std::string line = day_text(entry.when.local_date, words) + " · " +
                     (entry.title.empty() ? entry.plugin + "/" + entry.kind : entry.title);
  if (!entry.people.empty()) {
    std::string people;
    for (const auto& person : entry.people) people += (people.empty() ? "" : ", ") + person;
    line += " (" + people + ")";
  }
  return line;
}

std::string goal_line(const GoalReport& report, const Words& words) {
  const GoalState& state = report.state;
  std::string line = "**" + report.goal.title + "** — ";
  if (state.target) line += number(state.progress) + " / " + number(*state.target) + ", ";
  line += status_text(state.status, words);
  const int cycles = state.cycles_met + state.cycles_missed + state.cycles_passed;
  if (cycles > 0) {
    line += words.ko ? "; 주기 " + number(cycles) + "번 중 " + number(state.cycles_met) +
                           "번 채움, 놓친 주기 " + number(state.cycles_missed) + "번, 쓴 패스 " +
                           number(state.cycles_passed) + "번, 가장 긴 연속 " +
                           number(state.longest_streak) + "주기"
                     : "; met " + number(state.cycles_met) + " of " + number(cycles) +
                           " cycles, missed " + number(state.cycles_missed) + ", passes used " +
                           number(state.cycles_passed) + ", longest streak " +
                           number(state.longest_streak);
  }
  return line;
}

// The goal line without Markdown's bold: title, then the outcome.
std::string goal_outcome(const GoalReport& report, const Words& words) {
  const std::string line = goal_line(report, words);
  return line.substr(line.find(" — ") + 5);
}

// The heading over the parts plugins failed to give.
std::string failed_heading(const Words& words) { return words.pick("싣지 못한 부분", "Left out"); }

constexpr const char* kStyle = R"css(
body { font: 16px/1.6 "Noto Sans KR", "NanumGothic", system-ui, sans-serif; color: #1f2a24;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 2rem; margin-bottom: .25rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid #cfd8d3; padding-bottom: .25rem; }
h3 { margin-bottom: .25rem; }
.numbers { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 1rem; }
.numbers section { border: 1px solid #cfd8d3; border-radius: .5rem; padding: .5rem 1rem; }
.numbers dl { display: grid; grid-template-columns: minmax(6rem, 1fr) minmax(0, max-content);
               column-gap: .75rem; margin: 0; }
.numbers dt, .numbers dd { word-break: keep-all; overflow-wrap: anywhere; }
.numbers dd { margin: 0; font-weight: 700; text-align: right; }
.status { font-weight: 700; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  section, li { break-inside: avoid; }
  details:not([open]) { display: none; }
}
)css";

}  // namespace

std::string render_html(const YearReport& report, const PluginHost& plugins,
                        const std::string& language) {
  const Words words{language == "ko"};
  const std::string year = std::to_string(report.year);
  const std::string title = words.pick(year + "년 회고", "My " + year + " in review");
  std::ostringstream out;
  out << "<!doctype html>\n<html lang=\"" << (words.ko ? "ko" : "en") << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n<title>"
      << escape_html(title) << "</title>\n<style>" << kStyle << kChartStyle
      << "</style>\n</head>\n<body>\n<main>\n"
      << "<h1>" << escape_html(title) << "</h1>\n";
  if (report.entries == 0) {
    out << "<p>"
        << escape_html(words.pick(year + "년에는 남긴 기록이 없습니다. 기록은 언제든 시작할 수 "
                                         "있어요: 다음 회고는 훨씬 쉬워질 거예요.",
                                  "Nothing was logged in " + year +
                                      ". It is never too late to start: next year's review "
                                      "will write itself."))
        << "</p>\n</main>\n</body>\n</html>\n";
    return out.str();
  }
  out << "<p>"
      << escape_html(
             words.pick(year + "년에 " + entries_text(report.entries, words) + "를 남겼습니다.",
                        "In " + year + " you logged " + entries_text(report.entries, words) + "."))
      << "</p>\n";
  for (const auto& unloaded : report.unloaded)
    out << "<p>" << escape_html(unloaded_text(unloaded, words)) << "</p>\n";
  out << "<h2>" << escape_html(words.pick("한눈에 보는 한 해", "The year at a glance"))
      << "</h2>\n<div class=\"numbers\">\n";
  for (const auto& plugin : plugins.plugins()) {
    std::string rows;
    for (const auto& metric : report.metrics)
      if (metric.plugin == plugin->id() && metric.value != 0)
        rows += "<dt>" + escape_html(metric.label.in(language)) + "</dt><dd>" +
                escape_html(metric_figure(metric, language, words)) + "</dd>\n";
    if (!rows.empty())
      out << "<section>\n<h3>" << escape_html(plugin->manifest().name.in(language))
          << "</h3>\n<dl>\n"
          << rows << "</dl>\n</section>\n";
  }
  out << "</div>\n";
  if (!report.goals.empty()) {
    out << "<h2>" << escape_html(words.pick("목표", "Goals")) << "</h2>\n<ul>\n";
    for (const auto& goal : report.goals)
      out << "<li><strong>" << escape_html(goal.goal.title) << "</strong> — <span class=\"status\">"
          << escape_html(goal_outcome(goal, words)) << "</span>\n"
          << goal_chart_html(goal, language) << "</li>\n";
    out << "</ul>\n";
  }
  out << "<h2>" << escape_html(words.pick("달마다", "Month by month")) << "</h2>\n"
      << months_chart_html(report, plugins, language);
  for (const auto& month : report.months) {
    if (month.entries == 0) continue;
    out << "<h3>"
        << escape_html(month_name(month.month, words) + " — " + entries_text(month.entries, words))
        << "</h3>\n<ul>\n";
    for (const auto& entry : month.highlights)
      out << "<li>" << escape_html(entry_line(entry, words)) << "</li>\n";
    out << "</ul>\n";
  }
  if (!report.milestones.empty()) {
    out << "<h2>" << escape_html(words.pick("이정표", "Milestones")) << "</h2>\n<ul>\n";
    for (const auto& milestone : report.milestones) {
      std::string line =
          day_text(milestone.local_date, words) + " · " + milestone.label.in(language);
      if (!milestone.person.empty()) line += " — " + milestone.person;
      if (!milestone.entry_title.empty()) line += " (" + milestone.entry_title + ")";
      out << "<li>" << escape_html(line) << "</li>\n";
    }
    out << "</ul>\n";
  }
  if (!report.people.empty()) {
    std::string names;
    for (size_t i = 0; i < report.people.size(); ++i)
      names += (i == 0 ? "" : ", ") + report.people[i].name + " (" +
               number(report.people[i].entries) + ")";
    out << "<h2>" << escape_html(words.pick("함께한 사람들", "Thank you")) << "</h2>\n<p>"
        << escape_html(words.pick("올해 가장 많이 함께한 사람들입니다: ",
                                  "The people you worked with most this year: ") +
                       names + ".")
        << "</p>\n";
  }
  for (const auto& section : report.sections) {
    out << "<section>\n<h2>" << escape_html(section.title) << "</h2>\n";
    for (const auto& paragraph : section.paragraphs)
      out << "<p>" << escape_html(paragraph) << "</p>\n";
    out << "</section>\n";
  }
  if (!report.failed.empty()) {
    out << "<section>\n<h2>" << escape_html(failed_heading(words)) << "</h2>\n<ul>\n";
    for (const auto& failure : report.failed)
      out << "<li>" << escape_html(describe(failure, language)) << "</li>\n";
    out << "</ul>\n</section>\n";
  }
  out << "</main>\n</body>\n</html>\n";
  return out.str();
}

std::string render_markdown(const YearReport& report, const PluginHost& plugins,
                            const std::string& language) {
  const Words words{language == "ko"};
  const std::string year = std::to_string(report.year);
  std::ostringstream out;
  out << "# " << words.pick(year + "년 회고", "My " + year + " in review") << "\n\n";
  if (report.entries == 0) {
    out << words.pick(year +
                          "년에는 남긴 기록이 없습니다. 기록은 언제든 시작할 수 있어요: "
                          "다음 회고는 훨씬 쉬워질 거예요.",
                      "Nothing was logged in " + year +
                          ". It is never too late to start: next year's review will write "
                          "itself.")
        << "\n";
    return out.str();
  }
  out << words.pick(year + "년에 " + entries_text(report.entries, words) + "를 남겼습니다.",
                    "In " + year + " you logged " + entries_text(report.entries, words) + ".")
      << "\n\n";
  for (const auto& unloaded : report.unloaded) out << unloaded_text(unloaded, words) << "\n\n";

  out << "## " << words.pick("한눈에 보는 한 해", "The year at a glance") << "\n\n";
  for (const auto& plugin : plugins.plugins()) {
    std::string lines;
    for (const auto& metric : report.metrics)
      if (metric.plugin == plugin->id() && metric.value != 0)
        lines +=
            "- " + metric.label.in(language) + ": " + metric_figure(metric, language, words) + "\n";
    if (!lines.empty())
      out << "### " << plugin->manifest().name.in(language) << "\n\n" << lines << "\n";
  }

  if (!report.goals.empty()) {
    out << "## " << words.pick("목표", "Goals") << "\n\n";
    for (const auto& goal : report.goals) out << "- " << goal_line(goal, words) << "\n";
    out << "\n";
    // Each goal's way there, point by point: the table the HTML report draws as a chart.
    for (const auto& goal : report.goals)
      if (const std::string table = goal_table_markdown(goal, language); !table.empty())
        out << "### " << goal.goal.title << "\n\n" << table << "\n";
  }

  out << "## " << words.pick("달마다", "Month by month") << "\n\n";
  if (const std::string table = months_table_markdown(report, plugins, language); !table.empty())
    out << table << "\n";
  for (const auto& month : report.months) {
    if (month.entries == 0) continue;
    out << "### " << month_name(month.month, words) << " — " << entries_text(month.entries, words)
        << "\n\n";
    for (const auto& entry : month.highlights) out << "- " << entry_line(entry, words) << "\n";
    out << "\n";
  }

  if (!report.milestones.empty()) {
    out << "## " << words.pick("이정표", "Milestones") << "\n\n";
    for (const auto& milestone : report.milestones) {
      out << "- " << day_text(milestone.local_date, words) << " · " << milestone.label.in(language);
      if (!milestone.person.empty()) out << " — " << milestone.person;
      if (!milestone.entry_title.empty()) out << " (" << milestone.entry_title << ")";
      out << "\n";
    }
    out << "\n";
  }

  if (!report.people.empty()) {
    out << "## " << words.pick("함께한 사람들", "Thank you") << "\n\n"
        << words.pick("올해 가장 많이 함께한 사람들입니다: ",
                      "The people you worked with most this year: ");
    for (size_t i = 0; i < report.people.size(); ++i)
      out << (i == 0 ? "" : ", ") << report.people[i].name << " ("
          << number(report.people[i].entries) << ")";
    out << ".\n";
  }
  for (const auto& section : report.sections) {
    out << (report.people.empty() ? "" : "\n") << "## " << section.title << "\n\n";
    for (const auto& paragraph : section.paragraphs) out << paragraph << "\n\n";
  }
  if (!report.failed.empty()) {
    // One blank line before the heading, whichever part came last.
    if (!out.str().ends_with("\n\n")) out << "\n";
    out << "## " << failed_heading(words) << "\n\n";
    for (const auto& failure : report.failed) out << "- " << describe(failure, language) << "\n";
  }
  return out.str();
}

}  // namespace hoego
