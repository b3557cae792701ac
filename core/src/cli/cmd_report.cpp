// hoego report: the year in review, to write a retrospective from.
#include <hoego/core/dashboard_service.h>
#include <hoego/core/local_time.h>
#include <hoego/core/report.h>

#include <fstream>
#include <iostream>

#include "commands.h"

namespace hoego::cli {

void register_report_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand("report",
                                     "The year in review: numbers, goals, months, "
                                     "milestones and people");
  static std::optional<std::string> year;
  static std::string format = "md", output;
  static bool json = false;
  command->add_option("--year", year, "Which year (default: this one)");
  auto* format_option =
      command->add_option("--format", format, "md (Markdown) or html (one printable page)")
          ->check(CLI::IsMember({"md", "html"}));
  command->add_flag("--json", json, "Print JSON, as GET /api/v1/report answers")
      ->excludes(format_option);
  command->add_option("-o,--output", output, "Write to this file instead of stdout");
  command->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    const std::string zone = context.time_zone();
    auto which = parse_year(year.value_or(now_in(zone).local_date.substr(0, 4)));
    if (!context.succeeded(which)) return;
    const Words words = context.words();
    auto report = build_year_report(*db, context.plugins(), *which, zone, words.language);
    if (!context.succeeded(report)) return;
    // The report names what it left out at its end; a line on stderr too, since the report may
    // go to a file no one reads at once. Still exit 0: the rest of the year is there.
    for (const auto& failure : report->failed)
      std::cerr << words.pick("hoego: 경고: ", "hoego: warning: ")
                << describe(failure, words.language) << "\n";
    const std::string text =
        json ? to_json(*report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"
        : format == "html" ? render_html(*report, context.plugins(), words.language)
                           : render_markdown(*report, context.plugins(), words.language);
    if (output.empty()) {
      std::cout << text;
      return;
    }
    std::ofstream file(output, std::ios::binary);
    if (!(file << text))
      context.exit_code = context.fail(
          Error::invalid("cannot write '" + output + "'", "'" + output + "'에 쓸 수 없습니다"));
  });
}

}  // namespace hoego::cli
