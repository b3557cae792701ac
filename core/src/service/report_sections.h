// Each plugin's own section of the year in review, kept until one of its entries of that year
// changes; a plugin with "hoego.resumable_year_report.v1" also has its state kept after each
// month, so that a change hands it only the months from the changed one on.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/report.h>

#include <optional>
#include <string>
#include <vector>

#include "../store/derived_store.h"

namespace hoego {

// The section `plugin` writes for `year` in `language`: nullopt when it writes none, an error
// when it failed (nothing of that call is kept: it may do better next time). The plugin is
// handed those of `year_goals` (the report's, as judged) that are on its kinds, so that any
// target it speaks of is the user's. What may be kept is queued in `to_keep`; a kept section
// holds only while the plugin's entries of the year and those goals stay as they were. A
// section or state written after the plugin asked the host for more (other years' entries, the
// language, the time zone) is not kept: what it read is not among what the kept value is
// checked against.
Result<std::optional<PluginSection>> plugin_section(Database& db, const LoadedPlugin& plugin,
                                                    int year, const std::string& language,
                                                    const std::vector<GoalReport>& year_goals,
                                                    std::vector<DerivedValue>& to_keep);

}  // namespace hoego
