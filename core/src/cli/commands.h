// The command table: each command lives in its own cmd_*.cpp and registers itself here.
#pragma once

#include <CLI/CLI.hpp>

#include "context.h"

namespace hoego::cli {

void register_plugins_command(CLI::App& app, Context& context);
void register_people_command(CLI::App& app, Context& context);
void register_add_command(CLI::App& app, Context& context);
void register_list_commands(CLI::App& app, Context& context);  // list, show
void register_edit_command(CLI::App& app, Context& context);
void register_delete_commands(CLI::App& app, Context& context);  // delete, undo
void register_stats_commands(CLI::App& app, Context& context);   // stats, milestones
void register_serve_command(CLI::App& app, Context& context);
void register_tracks_commands(CLI::App& app, Context& context);  // tracks, track add|show|close
// track member add|remove|import, under `track`.
void register_track_member_commands(CLI::App* track, Context& context);
void register_feeds_commands(CLI::App& app, Context& context);  // feeds [poll]
void register_goals_commands(CLI::App& app, Context& context);   // goals, goal add
// goal edit|delete|pause|unpause|move-deadline|finish, under `goal`.
void register_goal_change_commands(CLI::App* goal, Context& context);
void register_board_command(CLI::App& app, Context& context);  // board TRACK
void register_import_commands(CLI::App& app, Context& context);  // import feed, jsonl
void register_export_command(CLI::App& app, Context& context);
void register_report_command(CLI::App& app, Context& context);
void register_settings_commands(CLI::App& app, Context& context);  // settings [set|unset]
void register_backup_commands(CLI::App& app, Context& context);    // backup, restore
void register_journal_command(CLI::App& app, Context& context);
void register_follow_ups_command(CLI::App& app, Context& context);  // follow-ups [tick|untick]

// After a parse error: the unknown plugin or kind named after `add`, which explains the error
// better than the parser can ("unknown plugin 'x'" rather than "arguments were not expected").
std::optional<Error> unknown_add_target(const Context& context);

}  // namespace hoego::cli
