// Keeps every entry's local day in the user's time zone. An entry keeps the moment and the
// offset it was written with; its local date, month and year are those of that moment in the
// zone the user reads in, for every reader alike (filters, heatmap, goals, figures, milestones,
// the report, CSV and ICS). The stored dates are in one zone, recorded in the database; the CLI
// and the server align them with the zone in force before they read or write.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/result.h>

#include <string>

namespace hoego {

// How aligning went.
enum class Alignment {
  kAlready,  // the stored dates were in `time_zone` already
  kRedated,  // they were dated again in `time_zone`, and what was derived follows the changed days
};

// Makes the stored local dates those of `time_zone` (an IANA name): nothing when they are
// already, else dates every entry again in one transaction of its own. kInvalidInput for an
// unknown zone; a read-only or busy database fails with its error and changes nothing (its
// dates stay in the zone they were in).
Result<Alignment> align_local_days(Database& db, const std::string& time_zone);

}  // namespace hoego
