// The year in review's numbers, counted a second time from the exported JSON Lines by a short
// implementation of its own: it reads only each entry row's moment as written, its plugin, kind
// and fields, and finds the local day with date/tz, sharing no code with the core. The history
// is seeded and random: entries written with offsets from -10:00 to +14:00 around midnight and
// New Year, edits that move them across days, deletions and undos; the report is read in Los
// Angeles, a zone none of them was written in.
#include <date/date.h>
#include <date/tz.h>
#include <hoego/core/jsonl.h>
#include <hoego/core/local_days.h>
#include <hoego/core/report.h>

#include <array>
#include <hoego/sdk_figures.hpp>
#include <map>
#include <random>
#include <sstream>

#include "../support/mentoring_fixture.h"

namespace hoego {
namespace {

using nlohmann::json;

constexpr const char* kReadIn = "America/Los_Angeles";

// The local day in `zone` of a moment written "YYYY-MM-DDTHH:MM:SS±HH:MM" (or "Z").
date::year_month_day local_day(const std::string& written, const std::string& zone) {
  std::istringstream in(written);
  date::sys_seconds moment;
  if (written.back() == 'Z')
    in >> date::parse("%FT%TZ", moment);
  else
    in >> date::parse("%FT%T%Ez", moment);
  EXPECT_FALSE(in.fail()) << written;
  const auto local = date::make_zoned(zone, moment).get_local_time();
  return date::year_month_day{date::floor<date::days>(local)};
}

struct Recount {
  std::array<int, 12> months{};  // entries per month of the year
  int entries = 0;
  int sessions = 0;
  long minutes = 0;
  int posts = 0;
};

// The year's numbers from an export, as a person with the file and a calendar would count them.
Recount recount(const std::string& exported, int year) {
  Recount counted;
  std::istringstream lines(exported);
  for (std::string line; std::getline(lines, line);) {
    const json record = json::parse(line);
    if (record.value("table", "") != "entries") continue;
    const json& row = record["row"];
    if (!row["deleted_at"].is_null()) continue;
    const auto day = local_day(row["occurred_at"].get<std::string>(), kReadIn);
    if (int(day.year()) != year) continue;
    ++counted.entries;
    ++counted.months[unsigned(day.month()) - 1];
    const json fields = json::parse(row["payload"].get<std::string>());
    if (row["plugin"] == "mentoring" && row["kind"] == "session") {
      ++counted.sessions;
      counted.minutes += fields.value("duration_min", 0);
    }
    if (row["plugin"] == "writing" && row["kind"] == "post") ++counted.posts;
  }
  return counted;
}

class ReportRecount : public testing::MentoringFixture {};

TEST_F(ReportRecount, TheReportsNumbersAreThoseCountedFromTheExportInAnotherZone) {
  std::mt19937 random(20221231);
  auto pick = [&](int below) { return std::uniform_int_distribution<int>(0, below - 1)(random); };
  const std::array<const char*, 7> offsets{"+09:00", "Z",      "+00:00", "-07:00",
                                           "+05:30", "-10:00", "+14:00"};
  // Days near the edges that move: New Year on both sides, month ends, a DST change in LA.
  const std::array<const char*, 9> days{"2022-12-31", "2023-01-01", "2023-03-12",
                                        "2023-03-31", "2023-04-01", "2023-06-30",
                                        "2023-11-05", "2023-12-31", "2024-01-01"};
  auto moment = [&] {
    char text[64];
    std::snprintf(text, sizeof text, "%sT%02d:%02d:00%s", days[pick(days.size())], pick(24),
                  pick(60), offsets[pick(offsets.size())]);
    return std::string(text);
  };
  std::vector<int64_t> ids;
  for (int step = 0; step < 240; ++step) {
    const int action = pick(10);
    if (action < 6 || ids.empty()) {
      NewEntry entry;
      if (pick(2) == 0) {
        entry = session(moment(), pick(2) ? "김민지" : "이준호", 5 + pick(116));
      } else {
        entry.plugin = "writing";
        entry.kind = "post";
        entry.when = moment();
      }
      auto added = service->add(entry);
      ASSERT_TRUE(added.ok()) << added.error().message;
      ids.push_back(added->id);
    } else if (action < 8) {
      EntryChanges changes;
      changes.when = moment();
      auto edited = service->edit(ids[pick(ids.size())], changes);
      ASSERT_TRUE(edited.ok() || edited.error().code == ErrorCode::kNotFound)
          << edited.error().message;
    } else if (action == 8) {
      auto removed = service->remove(ids[pick(ids.size())]);
      ASSERT_TRUE(removed.ok() || removed.error().code == ErrorCode::kNotFound)
          << removed.error().message;
    } else {
      auto undone = service->undo();
      ASSERT_TRUE(undone.ok() || undone.error().code != ErrorCode::kStorage)
          << undone.error().message;
    }
  }

  ASSERT_TRUE(align_local_days(*db, kReadIn).ok());
  std::ostringstream exported;
  ASSERT_TRUE(export_jsonl(*db, exported).ok());
  for (int year : {2022, 2023, 2024}) {
    const Recount expected = recount(exported.str(), year);
    auto report = build_year_report(*db, plugins, year, kReadIn, "en");
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->entries, expected.entries) << year;
    for (int month = 0; month < 12; ++month)
      EXPECT_EQ(report->months[month].entries, expected.months[month]) << year << "-" << month + 1;
    std::map<std::string, double> metrics;
    for (const auto& metric : report->metrics)
      metrics[metric.plugin + "." + metric.id] = metric.value;
    EXPECT_EQ(metrics["mentoring.sessions"], expected.sessions) << year;
    EXPECT_EQ(sdk::format_figure(metrics["mentoring.hours"]),
              sdk::format_figure(expected.minutes / 60.0))
        << year;
    EXPECT_EQ(metrics["writing.posts"], expected.posts) << year;
    if (expected.sessions == 0) continue;
    // The mentoring section states the same hours, to the digit.
    const std::string figure = sdk::format_figure(expected.minutes / 60.0);
    const std::string hours = figure + (figure == "1" ? " hour" : " hours") + " in all";
    bool stated = false;
    for (const auto& section : report->sections)
      for (const auto& paragraph : section.paragraphs)
        stated = stated || paragraph.find(hours) != std::string::npos;
    EXPECT_TRUE(stated) << year << ": no paragraph says " << hours;
  }
}

}  // namespace
}  // namespace hoego
