#include "day_zone_store.h"

#include <hoego/core/local_time.h>

#include <utility>
#include <vector>

namespace hoego {

Result<std::optional<std::string>> DayZoneStore::recorded() {
  auto statement = db_.prepare("SELECT zone FROM day_zone WHERE only = 1");
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>{statement->text(0)};
}

Status DayZoneStore::redate(const std::string& zone) {
  if (auto status = check_time_zone(zone); !status) return status;
  auto read = db_.prepare("SELECT id, occurred_utc, local_date FROM entries ORDER BY occurred_utc");
  if (!read) return read.error();
  std::vector<std::pair<int64_t, std::string>> moved;
  for (;;) {
    auto row = read->step();
    if (!row) return row.error();
    if (!*row) break;
    auto day = local_date_in(read->integer(1), zone);
    if (!day) return day.error();
    if (*day != read->text(2)) moved.emplace_back(read->integer(0), std::move(*day));
  }
  auto write = db_.prepare("UPDATE entries SET local_date = ? WHERE id = ?");
  if (!write) return write.error();
  for (const auto& [id, day] : moved) {
    write->reset();
    if (auto status = write->bind(1, day).bind(2, id).run(); !status) return status;
  }
  auto record = db_.prepare(
      "INSERT INTO day_zone (only, zone) VALUES (1, ?) "
      "ON CONFLICT (only) DO UPDATE SET zone = excluded.zone");
  if (!record) return record.error();
  return record->bind(1, zone).run();
}

}  // namespace hoego
