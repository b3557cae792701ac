// A part of an answer that one plugin failed to give: the dashboard, the milestones and the year
// in review are computed without it, and say which part is missing and why, so that one plugin's
// fault never takes another plugin's numbers with it (DESIGN.md, "The SDK contract").
#pragma once

#include <hoego/core/manifest.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hoego {

// Which part of an answer a plugin failed to give.
inline constexpr const char* kMilestonesPart = "milestones";         // its derived milestones
inline constexpr const char* kReportSectionPart = "report_section";  // its year-in-review section

struct PluginFailure {
  std::string plugin;  // the plugin's id
  LocalizedText name;  // the plugin's name, as its manifest gives it
  std::string part;    // kMilestonesPart or kReportSectionPart
  Error error;         // why, in English and Korean
};

// The failure of `part` of `plugin`, for `error`.
PluginFailure plugin_failure(const LoadedPlugin& plugin, const char* part, Error error);

// Whether `error` from asking one plugin for a part is that plugin's own fault, to be set aside
// with its part; a database failure is not, and fails the whole answer as before.
bool is_plugin_fault(const Error& error);

// {"plugin": id, "name": {"ko", "en"}, "part", "message": {"ko", "en"}}: the shape of every
// item of the "failed" arrays of GET /dashboard, /report and /milestones.
nlohmann::json to_json(const PluginFailure& failure);
nlohmann::json failed_json(const std::vector<PluginFailure>& failed);

// One line for people, in "ko" or "en": "Throwing (throwing): its milestones could not be
// computed: <why>".
std::string describe(const PluginFailure& failure, std::string_view language);

}  // namespace hoego
