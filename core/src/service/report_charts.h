// The year in review's charts, written as inline SVG for the standalone HTML report (no script,
// nothing fetched, every text escaped) and as tables for HTML and Markdown: the same numbers in
// both, so that the table is the chart's text equivalent.
#pragma once

#include <hoego/core/report.h>

#include <string>

namespace hoego {

// `text` with & < > " ' written as entities.
std::string escape_html(const std::string& text);

// The style rules the charts' HTML needs, for the report's <style>.
extern const char* const kChartStyle;

// Entries per month stacked by plugin (coloured by the plugin's place in loading order, as the
// web view's cards are), a legend, and the month × plugin table. Empty when the year has none.
std::string months_chart_html(const YearReport& report, const PluginHost& plugins,
                              const std::string& language);

// A goal's cumulative progress against its road, its cycles marked by outcome (shape and word,
// not colour alone), and the table of its points. Empty when the goal has no points.
std::string goal_chart_html(const GoalReport& goal, const std::string& language);

// The month × plugin table as Markdown.
std::string months_table_markdown(const YearReport& report, const PluginHost& plugins,
                                  const std::string& language);

// A goal's points (date, progress, road, outcome) as a Markdown table; empty without points.
std::string goal_table_markdown(const GoalReport& goal, const std::string& language);

}  // namespace hoego
