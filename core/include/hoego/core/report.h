// The year in review: what a user sits down with at year's end to write their retrospective
// (회고) — the year's numbers, each goal's outcome, a month-by-month timeline, the milestones
// and the people they worked with most.
#pragma once

#include <hoego/core/dashboard_service.h>
#include <hoego/core/database.h>
#include <hoego/core/entry.h>
#include <hoego/core/goal_service.h>
#include <hoego/core/metric_service.h>
#include <hoego/core/milestone_service.h>
#include <hoego/core/plugin_failure.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/plugin_switches.h>
#include <hoego/core/result.h>

#include <string>
#include <vector>

namespace hoego {

struct ReportMonth {
  int month = 0;                  // 1–12
  int entries = 0;                // live entries dated in the month
  std::vector<Entry> highlights;  // at most three: milestone entries first, then the newest
};

struct ReportPerson {
  std::string name;
  int entries = 0;
};

// A plugin's own part of the report, written by the plugin through the SDK.
struct PluginSection {
  std::string plugin;
  std::string title;
  std::vector<std::string> paragraphs;
};

struct YearReport {
  int year = 0;
  std::string as_of;  // the day goals were evaluated on: the next Jan 1, or today in a current year
  int entries = 0;
  std::vector<MetricValue> metrics;  // every plugin's, over the year
  std::vector<GoalReport> goals;     // goals whose period overlaps the year
  std::vector<ReportMonth> months;   // all twelve
  // Each plugin's entries per month, as the dashboard counts them; they add up to `months`.
  std::vector<PluginMonths> months_by_plugin;
  std::vector<ReachedMilestone> milestones;
  std::vector<ReportPerson> people;     // the most named first, at most ten
  std::vector<PluginSection> sections;  // from plugins that write one, in loading order
  // The parts plugins failed to give (their milestones, their section), and why: the rest of
  // the report is there without them.
  std::vector<PluginFailure> failed;
  // The year's entries (counted in `entries`) of plugins not in use: no metrics or section.
  std::vector<UnloadedPlugin> unloaded;
};

nlohmann::json to_json(const YearReport& report);

// Gathers the year from the entries. A year without entries is a report with zeros, not an
// error; a plugin that fails costs only its milestones or section (YearReport::failed). An
// error only when the database fails.
Result<YearReport> build_year_report(Database& db, const PluginHost& plugins, int year,
                                     const std::string& time_zone,
                                     const std::string& language = "en");

// The report as Markdown that reads like something a person would write, in "ko" or "en"; the
// parts plugins failed to give are named, with why, at its end.
std::string render_markdown(const YearReport& report, const PluginHost& plugins,
                            const std::string& language);

// The same as one self-contained, printable HTML page (styles inline, no scripts, every user
// text escaped).
std::string render_html(const YearReport& report, const PluginHost& plugins,
                        const std::string& language);

}  // namespace hoego
