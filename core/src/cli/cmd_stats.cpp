// hoego stats and hoego milestones: what the plugins' declared metrics and milestones say.
#include <hoego/core/dashboard_service.h>
#include <hoego/core/json_answers.h>
#include <hoego/core/local_time.h>
#include <hoego/core/metric_service.h>
#include <hoego/core/milestone_service.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {

void register_stats_commands(CLI::App& app, Context& context) {
  static std::optional<std::string> stats_plugin, milestones_plugin, stats_year;
  static MetricPeriod period;
  static bool stats_json = false, milestones_json = false;
  auto* stats = app.add_subcommand("stats", "Show each plugin's metrics");
  stats->add_option("--plugin", stats_plugin, "Only this plugin");
  auto* since = stats->add_option("--since", period.since, "From this local date (YYYY-MM-DD)");
  auto* until = stats->add_option("--until", period.until, "Up to this local date (YYYY-MM-DD)");
  stats->add_option("--year", stats_year, "Only this calendar year (as GET /api/v1/metrics?year=)")
      ->excludes(since)
      ->excludes(until);
  stats->add_flag("--json", stats_json, "Print JSON");
  stats->callback([&context] {
    if (stats_year) {
      auto year = parse_year(*stats_year);
      if (!context.succeeded(year)) return;
      period = MetricPeriod::whole_year(*year);
    }
    for (const auto* date : {&period.since, &period.until}) {
      if (*date && !is_valid_date(**date)) {
        context.exit_code =
            context.fail(Error::invalid("'" + **date + "' is not a date written YYYY-MM-DD",
                                        "날짜는 YYYY-MM-DD 꼴로 적습니다: '" + **date + "'"));
        return;
      }
    }
    Database* db = context.database();
    if (db == nullptr) return;
    auto metrics = MetricService(*db, context.plugins()).compute(stats_plugin, period);
    if (!context.succeeded(metrics)) return;
    if (stats_json) {
      context.print_json(metrics_answer(*metrics));
      return;
    }
    const Words words = context.words();
    for (const auto& metric : *metrics)
      std::cout << metric.plugin << "  " << metric.label.in(words.language) << ": "
                << metric_text(metric, words.language,
                               [&](double value, const std::string& unit) {
                                 return words.figure(value, unit);
                               })
                << "\n";
  });

  auto* milestones = app.add_subcommand("milestones", "Show the milestones reached");
  milestones->add_option("--plugin", milestones_plugin, "Only this plugin");
  milestones->add_flag("--json", milestones_json, "Print JSON");
  milestones->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    auto reached =
        MilestoneService(*db, context.plugins(), context.time_zone()).derive(milestones_plugin);
    if (!context.succeeded(reached)) return;
    // A plugin that failed loses only its own milestones: the others are listed, then a line
    // for each that failed. Exit 3 only when the one plugin asked for failed, so that nothing
    // asked for could be computed.
    if (milestones_plugin && !reached->failed.empty()) context.exit_code = kExitFailure;
    if (milestones_json) {
      context.print_json(milestones_answer(*reached));
      return;
    }
    const Words words = context.words();
    for (const auto& milestone : reached->reached)
      std::cout << milestone.local_date << "  " << milestone.label.in(words.language)
                << (milestone.person.empty() ? "" : " — " + milestone.person) << "  (#"
                << milestone.entry_id << " " << milestone.entry_title << ")\n";
    if (reached->reached.empty() && reached->failed.empty())
      std::cout << words.pick("아직 도달한 이정표가 없습니다\n", "no milestones yet\n");
    for (const auto& failure : reached->failed)
      std::cout << words.pick("실패: ", "failed: ") << describe(failure, words.language) << "\n";
  });
}

}  // namespace hoego::cli
