// The API's routes, one file per area; server.cpp registers them all.
#pragma once

#include <optional>
#include <string>

#include "api.h"

namespace hoego::http {

void register_system_routes(Api& api, ApiContext& context);     // health, settings, plugins
void register_entry_routes(Api& api, ApiContext& context);      // entries, history, undo
void register_directory_routes(Api& api, ApiContext& context);  // people, tracks
void register_progress_routes(Api& api, ApiContext& context);   // goals, metrics, milestones,
                                                                // dashboard, heatmap
void register_goal_routes(Api& api, ApiContext& context);       // changing a goal
void register_follow_up_routes(Api& api, ApiContext& context);  // follow-ups, checklist ticks
// A track's board (JSON and CSV); registered before the directory's routes, whose
// GET /tracks/{name} would otherwise take /tracks/{name}/board for a track's name.
void register_board_routes(Api& api, ApiContext& context);
void register_member_routes(Api& api, ApiContext& context);     // a track's members, feeds
// .ics calendars; registered before the directory's routes, whose GET /tracks/{name} would
// otherwise take /tracks/{name}/board.ics for a track's name.
void register_calendar_routes(Api& api, ApiContext& context);
// Signing the web view in and out; `token` is the server's, read on each request.
void register_session_routes(Api& api, const std::optional<std::string>& token);

}  // namespace hoego::http
