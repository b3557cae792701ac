// Charts for the standalone HTML report, drawn as the web view draws them (web/components/
// charts.js): the same layout, palette and outcome marks, so that the printout and the page agree.
#include "report_charts.h"

#include <hoego/core/local_time.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <hoego/sdk_figures.hpp>
#include <sstream>

namespace hoego {
namespace {

// Plugins take these colours in loading order (the web view's --series-N); more plugins than
// colours start over.
constexpr const char* kPalette[] = {"#3d63b8", "#8a4fb0", "#3a8a5a", "#c0651f",
                                    "#b8325a", "#1f7f8c", "#8a6d1a", "#5d646d"};
constexpr size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];

// The viewBox both charts are drawn in; the page scales it to its width.
constexpr double kWidth = 640, kLeft = 40, kRight = 8, kTop = 12;
constexpr double kBarsHeight = 220, kLineHeight = 200, kBottom = 24;

// More cycles than this and the markers would crowd each other: the table still lists them.
constexpr size_t kMostMarkedCycles = 60;

std::string pick(const std::string& language, const std::string& korean,
                 const std::string& english) {
  return language == "ko" ? korean : english;
}

std::string month_label(int month, const std::string& language) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return language == "ko" ? std::to_string(month) + "월" : kMonths[month - 1];
}

// "2022-10-05" → "2022년 10월 5일" or "5 Oct 2022".
std::string date_label(const std::string& date, const std::string& language) {
  const int month = std::stoi(date.substr(5, 2));
  const int day = std::stoi(date.substr(8, 2));
  if (language == "ko")
    return date.substr(0, 4) + "년 " + std::to_string(month) + "월 " + std::to_string(day) + "일";
  return std::to_string(day) + " " + month_label(month, language) + " " + date.substr(0, 4);
}

std::string outcome_label(CycleOutcome outcome, const std::string& language) {
  switch (outcome) {
    case CycleOutcome::kMet:
      return pick(language, "달성", "met");
    case CycleOutcome::kPassed:
      return pick(language, "패스", "passed");
    case CycleOutcome::kMissed:
      return pick(language, "놓침", "missed");
    case CycleOutcome::kPaused:
      return pick(language, "쉼", "paused");
    case CycleOutcome::kOpen:
      break;
  }
  return pick(language, "진행 중", "open");
}

// A round top for an axis: 1, 2 or 5 times a power of ten per step, four steps at most.
double axis_top(double largest) {
  if (largest <= 0) return 1;
  const double rough = largest / 4;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = power;
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (power * factor >= rough) {
      step = power * factor;
      break;
    }
  return std::ceil(largest / step - 1e-9) * step;
}

std::string coordinate(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

// Horizontal grid lines with their numbers: 0, half and the top.
std::string y_axis(double top, double plot_top, double plot_bottom) {
  std::ostringstream out;
  for (double share : {0.0, 0.5, 1.0}) {
    const double y = plot_bottom - share * (plot_bottom - plot_top);
    out << "<line x1=\"" << kLeft << "\" x2=\"" << kWidth - kRight << "\" y1=\"" << coordinate(y)
        << "\" y2=\"" << coordinate(y) << "\" stroke=\"#d9d6cc\" stroke-width=\"1\"/>"
        << "<text x=\"" << kLeft - 6 << "\" y=\"" << coordinate(y + 4)
        << "\" text-anchor=\"end\" font-size=\"11\" fill=\"#5d646d\">"
        << escape_html(sdk::format_figure(top * share)) << "</text>\n";
  }
  return out.str();
}

std::string plugin_name(const std::string& id, const PluginHost& plugins,
                        const std::string& language) {
  const LoadedPlugin* plugin = plugins.find(id);
  return plugin != nullptr ? plugin->manifest().name.in(language) : id;
}

// Each series' colour: a loaded plugin's by its loading place, the others' after them.
std::vector<std::string> series_colours(const YearReport& report, const PluginHost& plugins) {
  const auto& loaded = plugins.plugins();
  std::vector<std::string> colours;
  size_t others = 0;
  for (const auto& series : report.months_by_plugin) {
    size_t place = loaded.size() + others;
    for (size_t i = 0; i < loaded.size(); ++i)
      if (loaded[i]->id() == series.plugin) place = i;
    if (place >= loaded.size()) ++others;
    colours.push_back(kPalette[place % kPaletteSize]);
  }
  return colours;
}

std::string swatch(const std::string& colour) {
  return "<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" "
         "height=\"12\" rx=\"2\" fill=\"" +
         colour + "\"/></svg>";
}

// The mark of a cycle's outcome: its shape says the outcome as well as its colour does.
std::string outcome_mark(CycleOutcome outcome, double x, double y) {
  const std::string cx = coordinate(x), cy = coordinate(y);
  switch (outcome) {
    case CycleOutcome::kMet:
      return "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"4\" fill=\"#2f6f62\"/>";
    case CycleOutcome::kPassed:
      return "<circle cx=\"" + cx + "\" cy=\"" + cy +
             "\" r=\"3.5\" fill=\"#fff\" stroke=\"#7a725f\" stroke-width=\"2\"/>";
    case CycleOutcome::kPaused:
      return "<rect x=\"" + coordinate(x - 3.5) + "\" y=\"" + coordinate(y - 3.5) +
             "\" width=\"7\" height=\"7\" fill=\"#fff\" stroke=\"#51658f\" stroke-width=\"2\"/>";
    case CycleOutcome::kMissed:
      return "<path d=\"M" + coordinate(x - 4) + " " + coordinate(y - 4) + "l8 8m0 -8l-8 8\" " +
             "stroke=\"#a8281f\" stroke-width=\"2.5\"/>";
    case CycleOutcome::kOpen:
      break;
  }
  return "<path d=\"M" + cx + " " + coordinate(y - 5) + "l5 5l-5 5l-5 -5z\" fill=\"#fff\" " +
         "stroke=\"#2f6f62\" stroke-width=\"2\"/>";
}

const CycleOutcome kOutcomes[] = {CycleOutcome::kMet, CycleOutcome::kPassed, CycleOutcome::kPaused,
                                  CycleOutcome::kMissed, CycleOutcome::kOpen};

}  // namespace

const char* const kChartStyle = R"css(
.chart { margin: 1rem 0; }
.chart svg.plot { display: block; width: 100%; height: auto; max-width: 40rem; }
.chart-legend { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0;
                margin: .25rem 0; font-size: .875rem; }
.chart-legend li { display: inline-flex; align-items: center; gap: .35rem; }
.chart table { border-collapse: collapse; font-size: .875rem; font-variant-numeric: tabular-nums; }
.chart th, .chart td { border-bottom: 1px solid #e1ded6; padding: .15rem .5rem; text-align: right; }
.chart th:first-child, .chart td:first-child { text-align: left; }
.chart caption { text-align: left; font-weight: 700; }
.chart details summary { cursor: pointer; }
@media print {
  .chart { break-inside: avoid; }
  .chart details > *:not(summary) { display: block; }
}
)css";

std::string escape_html(const std::string& text) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string months_chart_html(const YearReport& report, const PluginHost& plugins,
                              const std::string& language) {
  if (report.months_by_plugin.empty()) return "";
  const std::vector<std::string> colours = series_colours(report, plugins);
  std::array<int64_t, 12> totals{};
  for (const auto& series : report.months_by_plugin)
    for (size_t month = 0; month < 12; ++month) totals[month] += series.months[month];
  const double top = axis_top(static_cast<double>(*std::max_element(totals.begin(), totals.end())));
  const double plot_bottom = kBarsHeight - kBottom;
  const double slot = (kWidth - kLeft - kRight) / 12;
  const std::string year = std::to_string(report.year);
  const std::string label = pick(language,
                                 year + "년 달마다 남긴 기록, 플러그인별로 쌓은 막대. 모두 " +
                                     sdk::format_figure(static_cast<double>(report.entries)) +
                                     "개이며 숫자는 아래 표에 있습니다.",
                                 "Entries per month in " + year + ", stacked by plugin: " +
                                     sdk::format_figure(static_cast<double>(report.entries)) +
                                     " in all; the table below gives the numbers.");

  std::ostringstream out;
  out << "<figure class=\"chart months-chart\">\n<svg class=\"plot\" viewBox=\"0 0 " << kWidth
      << " " << kBarsHeight << "\" role=\"img\" aria-label=\"" << escape_html(label) << "\">\n"
      << y_axis(top, kTop, plot_bottom);
  for (size_t month = 0; month < 12; ++month) {
    const double x = kLeft + slot * static_cast<double>(month) + slot * 0.15;
    double stacked = 0;
    for (size_t s = 0; s < report.months_by_plugin.size(); ++s) {
      const auto count = report.months_by_plugin[s].months[month];
      if (count == 0) continue;
      const double height = static_cast<double>(count) / top * (plot_bottom - kTop);
      stacked += height;
      out << "<rect x=\"" << coordinate(x) << "\" y=\"" << coordinate(plot_bottom - stacked)
          << "\" width=\"" << coordinate(slot * 0.7) << "\" height=\"" << coordinate(height)
          << "\" fill=\"" << colours[s] << "\" data-plugin=\""
          << escape_html(report.months_by_plugin[s].plugin) << "\" data-month=\"" << month + 1
          << "\" data-count=\"" << count << "\"/>";
    }
    out << "<text x=\"" << coordinate(x + slot * 0.35) << "\" y=\"" << kBarsHeight - 8
        << "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5d646d\">"
        << escape_html(month_label(static_cast<int>(month) + 1, language)) << "</text>\n";
  }
  out << "</svg>\n<ul class=\"chart-legend\">";
  for (size_t s = 0; s < report.months_by_plugin.size(); ++s)
    out << "<li>" << swatch(colours[s])
        << escape_html(plugin_name(report.months_by_plugin[s].plugin, plugins, language))
        << "</li>";
  out << "</ul>\n<details open>\n<summary>"
      << escape_html(pick(language, "표로 보기", "As a table")) << "</summary>\n<table>\n<caption>"
      << escape_html(pick(language, year + "년 달마다, 플러그인별 기록 수",
                          "Entries per month and plugin, " + year))
      << "</caption>\n<thead><tr><th scope=\"col\">" << escape_html(pick(language, "달", "Month"))
      << "</th>";
  for (const auto& series : report.months_by_plugin)
    out << "<th scope=\"col\">" << escape_html(plugin_name(series.plugin, plugins, language))
        << "</th>";
  out << "<th scope=\"col\">" << escape_html(pick(language, "합계", "Total"))
      << "</th></tr></thead>\n<tbody>\n";
  for (size_t month = 0; month < 12; ++month) {
    out << "<tr><th scope=\"row\">"
        << escape_html(month_label(static_cast<int>(month) + 1, language)) << "</th>";
    for (const auto& series : report.months_by_plugin)
      out << "<td>" << sdk::format_figure(static_cast<double>(series.months[month])) << "</td>";
    out << "<td>" << sdk::format_figure(static_cast<double>(totals[month])) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</details>\n</figure>\n";
  return out.str();
}

std::string goal_chart_html(const GoalReport& goal, const std::string& language) {
  const auto& line = goal.progress_line;
  if (line.empty()) return "";
  const std::string& start = goal.goal.definition.starts_on;
  // The x axis runs from the start to the goal's end, or to the last point when it has none.
  std::string last_day = line.back().date;
  if (goal.goal.definition.ends_on) last_day = std::max(last_day, *goal.goal.definition.ends_on);
  const double span = std::max(1, days_between(start, last_day) + 1);
  double largest = goal.state.target.value_or(0);
  for (const auto& point : line)
    largest = std::max({largest, point.progress, point.road.value_or(0)});
  const double top = axis_top(largest);
  const double plot_bottom = kLineHeight - kBottom;
  auto x_of = [&](const std::string& day) {
    return kLeft + (days_between(start, day) + 1) / span * (kWidth - kLeft - kRight);
  };
  auto y_of = [&](double value) { return plot_bottom - value / top * (plot_bottom - kTop); };

  std::string progress_path = "M" + coordinate(kLeft) + " " + coordinate(y_of(0));
  std::string road_path = progress_path;
  bool has_road = false;
  for (const auto& point : line) {
    progress_path += "L" + coordinate(x_of(point.date)) + " " + coordinate(y_of(point.progress));
    if (point.road) {
      has_road = true;
      road_path += "L" + coordinate(x_of(point.date)) + " " + coordinate(y_of(*point.road));
    }
  }
  // A target's road goes on to the end, where it meets the target.
  if (has_road && goal.state.target && goal.goal.definition.ends_on &&
      *goal.goal.definition.ends_on > line.back().date)
    road_path += "L" + coordinate(x_of(*goal.goal.definition.ends_on)) + " " +
                 coordinate(y_of(*goal.state.target));

  const ProgressPoint& last = line.back();
  std::string label = pick(language,
                           goal.goal.title + ": " + date_label(last.date, language) + "까지 누적 " +
                               sdk::format_figure(last.progress),
                           goal.goal.title + ": " + sdk::format_figure(last.progress) + " by " +
                               date_label(last.date, language));
  if (last.road)
    label += pick(language, ", 이때까지 목표선 " + sdk::format_figure(*last.road),
                  ", the road asked for " + sdk::format_figure(*last.road));
  label += pick(language, ". 숫자는 아래 표에 있습니다.", ". The table below gives each point.");

  std::ostringstream out;
  out << "<figure class=\"chart goal-chart\">\n<svg class=\"plot\" viewBox=\"0 0 " << kWidth << " "
      << kLineHeight << "\" role=\"img\" aria-label=\"" << escape_html(label) << "\">\n"
      << y_axis(top, kTop, plot_bottom);
  for (const auto& [day, anchor] : {std::pair{start, "start"}, std::pair{last_day, "end"}})
    out << "<text x=\"" << coordinate(anchor == std::string("start") ? kLeft : kWidth - kRight)
        << "\" y=\"" << kLineHeight - 6 << "\" text-anchor=\"" << anchor
        << "\" font-size=\"11\" fill=\"#5d646d\">" << escape_html(date_label(day, language))
        << "</text>\n";
  if (has_road)
    out << "<path d=\"" << road_path
        << "\" fill=\"none\" stroke=\"#b08d2e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n";
  out << "<path d=\"" << progress_path
      << "\" fill=\"none\" stroke=\"#2f6f62\" stroke-width=\"2.5\" data-last-progress=\""
      << sdk::format_figure(last.progress) << "\"/>\n";
  const bool marked = line.size() <= kMostMarkedCycles;
  if (marked)
    for (const auto& point : line)
      if (point.outcome)
        out << outcome_mark(*point.outcome, x_of(point.date), y_of(point.progress));
  out << "\n</svg>\n<ul class=\"chart-legend\">";
  out << "<li><svg width=\"22\" height=\"12\" aria-hidden=\"true\"><path d=\"M1 6h20\" "
         "stroke=\"#2f6f62\" stroke-width=\"2.5\"/></svg>"
      << escape_html(pick(language, "누적 진행", "progress so far")) << "</li>";
  if (has_road)
    out << "<li><svg width=\"22\" height=\"12\" aria-hidden=\"true\"><path d=\"M1 6h20\" "
           "stroke=\"#b08d2e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/></svg>"
        << escape_html(pick(language, "목표선", "road")) << "</li>";
  if (marked)
    for (CycleOutcome outcome : kOutcomes) {
      // Only the outcomes the goal's cycles had.
      if (std::none_of(line.begin(), line.end(),
                       [&](const ProgressPoint& point) { return point.outcome == outcome; }))
        continue;
      out << "<li><svg width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\">"
          << outcome_mark(outcome, 6, 6) << "</svg>"
          << escape_html(outcome_label(outcome, language)) << "</li>";
    }
  out << "</ul>\n<details>\n<summary>" << escape_html(pick(language, "표로 보기", "As a table"))
      << "</summary>\n<table>\n<caption>"
      << escape_html(pick(language, goal.goal.title + " — 누적 진행과 목표선",
                          goal.goal.title + " — progress against the road"))
      << "</caption>\n<thead><tr><th scope=\"col\">" << escape_html(pick(language, "날짜", "Date"))
      << "</th><th scope=\"col\">" << escape_html(pick(language, "누적", "Progress"))
      << "</th><th scope=\"col\">" << escape_html(pick(language, "목표선", "Road"))
      << "</th><th scope=\"col\">" << escape_html(pick(language, "주기", "Cycle"))
      << "</th></tr></thead>\n<tbody>\n";
  for (const auto& point : line)
    out << "<tr><th scope=\"row\">" << escape_html(date_label(point.date, language)) << "</th><td>"
        << sdk::format_figure(point.progress) << "</td><td>"
        << (point.road ? sdk::format_figure(*point.road) : "—") << "</td><td>"
        << (point.outcome ? escape_html(outcome_label(*point.outcome, language)) : "—")
        << "</td></tr>\n";
  out << "</tbody>\n</table>\n</details>\n</figure>\n";
  return out.str();
}

std::string months_table_markdown(const YearReport& report, const PluginHost& plugins,
                                  const std::string& language) {
  if (report.months_by_plugin.empty()) return "";
  std::ostringstream out;
  out << "| " << pick(language, "달", "Month");
  for (const auto& series : report.months_by_plugin)
    out << " | " << plugin_name(series.plugin, plugins, language);
  out << " | " << pick(language, "합계", "Total") << " |\n|---";
  for (size_t i = 0; i <= report.months_by_plugin.size(); ++i) out << "|--:";
  out << "|\n";
  for (size_t month = 0; month < 12; ++month) {
    int64_t total = 0;
    out << "| " << month_label(static_cast<int>(month) + 1, language);
    for (const auto& series : report.months_by_plugin) {
      out << " | " << sdk::format_figure(static_cast<double>(series.months[month]));
      total += series.months[month];
    }
    out << " | " << sdk::format_figure(static_cast<double>(total)) << " |\n";
  }
  return out.str();
}

std::string goal_table_markdown(const GoalReport& goal, const std::string& language) {
  if (goal.progress_line.empty()) return "";
  std::ostringstream out;
  out << "| " << pick(language, "날짜", "Date") << " | " << pick(language, "누적", "Progress")
      << " | " << pick(language, "목표선", "Road") << " | " << pick(language, "주기", "Cycle")
      << " |\n|---|--:|--:|---|\n";
  for (const auto& point : goal.progress_line)
    out << "| " << date_label(point.date, language) << " | " << sdk::format_figure(point.progress)
        << " | " << (point.road ? sdk::format_figure(*point.road) : "—") << " | "
        << (point.outcome ? outcome_label(*point.outcome, language) : "—") << " |\n";
  return out.str();
}

}  // namespace hoego
