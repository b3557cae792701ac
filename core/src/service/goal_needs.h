// What an open goal needs next, said in the user's words for the "this week" list, the CLI and
// the API alike: "글 1개 더 · 12월 5일(토)까지 D-2 · 남은 패스 0 · 놓치면 6회 연속이 끊깁니다".
#pragma once

#include <hoego/core/goal_service.h>
#include <hoego/core/manifest.h>
#include <hoego/core/plugin_host.h>

namespace hoego {

// The sentence for `needs` of `goal`, in Korean and English. The unit is the goal's kind (what
// it counts) or the field it sums, as its plugin's manifest labels it.
LocalizedText needs_text(const Goal& goal, const GoalNeeds& needs, const PluginHost& plugins);

}  // namespace hoego
