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

}  // namespace hoego::cli
