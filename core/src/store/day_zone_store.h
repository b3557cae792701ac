// The time zone an entry's stored local_date is in (migration 7), and dating entries again in
// another. Callers own the transaction.
#pragma once

#include <hoego/core/database.h>

#include <optional>
#include <string>

namespace hoego {

class DayZoneStore {
 public:
  explicit DayZoneStore(Database& db) : db_(db) {}

  // The zone every entry's local_date is in; nullopt while none is recorded (a new database,
  // or one from before schema 7, whose dates are in each entry's written offset).
  Result<std::optional<std::string>> recorded();
  // Dates every entry, deleted ones too, on its day in `zone` and records the zone. Only the
  // rows whose day moves are written, so their triggers record exactly the days that changed.
  Status redate(const std::string& zone);

 private:
  Database& db_;
};

}  // namespace hoego
