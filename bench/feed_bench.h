// The writing group's benchmarks (issue 21): rounds of 500 members' feeds served on loopback,
// and the board of those members over 13 cycles.
#pragma once

#include <hoego/core/plugin_host.h>

#include <filesystem>

namespace hoego::bench {

// Registers feeds_first_round, feeds_round_nothing_new, board_warm, board_after_round and
// board_http_warm, in that order (each builds on the one before), with `plugins` (the bundled ones:
// writing) and a database in `directory` (emptied first).
void register_feed_benchmarks(PluginHost& plugins, const std::filesystem::path& directory);

}  // namespace hoego::bench
