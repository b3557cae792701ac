// hoego export: the data in formats other programs read.
#include <hoego/core/csv_export.h>
#include <hoego/core/deadline_calendar.h>
#include <hoego/core/ics_export.h>
#include <hoego/core/jsonl.h>
#include <hoego/core/local_time.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.h"
#include "progress.h"

namespace hoego::cli {
namespace {

// Writes through `write` to `file` (beside it first, then renamed, so that a failed export
// leaves no half file) or to stdout when `file` is empty.
template <typename Write>
Status write_output(const std::string& file, Write write) {
  if (file.empty()) return write(std::cout);
  const std::filesystem::path partial = file + ".partial";
  std::ofstream out(partial, std::ios::binary);
  if (!out) return Error::invalid("cannot write '" + file + "'", "'" + file + "'에 쓸 수 없습니다");
  Status status = write(out);
  out.close();
  std::error_code error;
  if (status && !out)
    status = Error::storage("writing '" + file + "' failed", "'" + file + "'에 쓰지 못했습니다");
  if (status) std::filesystem::rename(partial, file, error);
  if (!status || error) {
    std::filesystem::remove(partial, error);
    return status ? Status(Error::storage("cannot move the export into place",
                                          "내보낸 파일을 제자리로 옮기지 못했습니다"))
                  : status;
  }
  return Status::success();
}

}  // namespace

void register_export_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand("export", "Write your data in another format");
  static std::string format, output;
  static std::optional<std::string> plugin;
  static bool deadlines = false;
  command
      ->add_option("--format", format,
                   "jsonl: everything, losslessly (hoego import jsonl); csv: one plugin's "
                   "entries for spreadsheets (needs --plugin); ics: sessions and deadlines for "
                   "calendars")
      ->required()
      ->check(CLI::IsMember({"jsonl", "csv", "ics"}));
  command->add_option("--plugin", plugin,
                      "For csv: whose entries (mentoring, study, …); for ics: only this plugin's");
  command->add_flag("--deadlines", deadlines,
                    "For ics: your goals' coming deadlines with reminders, instead of sessions "
                    "(as GET /api/v1/calendar/deadlines.ics)");
  command->add_option("-o,--output", output, "Write to this file instead of stdout");
  command->callback([&context] {
    Database* db = context.database();
    if (db == nullptr) return;
    // Named first: with --format csv, "needs --plugin" would send the user the wrong way.
    if (deadlines && (format != "ics" || plugin)) {
      context.exit_code =
          context.fail(Error::invalid("--deadlines goes with --format ics and without --plugin",
                                      "--deadlines는 --format ics와 함께, --plugin 없이 씁니다"));
      return;
    }
    if (format == "csv" && !plugin) {
      context.exit_code = context.fail(
          Error::invalid("--format csv needs --plugin", "--format csv에는 --plugin이 필요합니다"));
      return;
    }
    auto status = write_output(output, [&](std::ostream& out) -> Status {
      if (deadlines) {
        auto calendar = deadline_calendar(*db, context.plugins(), context.time_zone(),
                                          context.language(), std::nullopt);
        if (!calendar) return calendar.error();
        write_day_calendar(*calendar, now_in("UTC").utc_seconds, out);
        return Status::success();
      }
      if (format == "ics") {
        auto events = export_ics(*db, context.plugins(), plugin, out);
        return events ? Status::success() : Status(events.error());
      }
      if (format == "csv") {
        auto rows = export_csv(*db, context.plugins(), *plugin, out);
        return rows ? Status::success() : Status(rows.error());
      }
      auto counts = export_jsonl(
          *db, out, terminal_progress(context.words().pick("내보내는 중", "exporting")));
      return counts ? Status::success() : Status(counts.error());
    });
    if (!status) context.exit_code = context.fail(status.error());
  });
}

}  // namespace hoego::cli
