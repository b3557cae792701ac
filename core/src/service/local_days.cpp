#include <hoego/core/local_days.h>
#include <hoego/core/local_time.h>

#include "../store/day_zone_store.h"

namespace hoego {

Result<Alignment> align_local_days(Database& db, const std::string& time_zone) {
  if (auto status = check_time_zone(time_zone); !status) return status.error();
  // Read first without the write lock: every command asks, and almost always nothing is to do.
  auto recorded = DayZoneStore(db).recorded();
  if (!recorded) return recorded.error();
  if (*recorded == time_zone) return Alignment::kAlready;
  Transaction transaction(db);
  if (auto status = transaction.begin(); !status) return status.error();
  // Another process may have aligned the dates while this one waited for the lock.
  recorded = DayZoneStore(db).recorded();
  if (!recorded) return recorded.error();
  if (*recorded == time_zone) return Alignment::kAlready;
  if (auto status = DayZoneStore(db).redate(time_zone); !status) return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  return Alignment::kRedated;
}

}  // namespace hoego
