#include <hoego/core/plugin_failure.h>

namespace hoego {

PluginFailure plugin_failure(const LoadedPlugin& plugin, const char* part, Error error) {
  return PluginFailure{plugin.id(), plugin.manifest().name, part, std::move(error)};
}

bool is_plugin_fault(const Error& error) { return error.code != ErrorCode::kStorage; }

nlohmann::json to_json(const PluginFailure& failure) {
  return {{"plugin", failure.plugin},
          {"name", {{"ko", failure.name.ko}, {"en", failure.name.en}}},
          {"part", failure.part},
          {"message", {{"ko", failure.error.in("ko")}, {"en", failure.error.message}}}};
}

nlohmann::json failed_json(const std::vector<PluginFailure>& failed) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& failure : failed) items.push_back(to_json(failure));
  return items;
}

std::string describe(const PluginFailure& failure, std::string_view language) {
  const bool korean = language == "ko";
  const bool milestones = failure.part == kMilestonesPart;
  const std::string named = failure.name.in(language) + " (" + failure.plugin + ")";
  if (korean)
    return named +
           (milestones ? "의 이정표를 계산하지 못했습니다: " : "의 회고 단원을 쓰지 못했습니다: ") +
           failure.error.in(language);
  return named +
         (milestones ? ": its milestones could not be computed: "
                     : ": its report section could not be written: ") +
         failure.error.message;
}

}  // namespace hoego
