// One plugin's entries as CSV for spreadsheets: RFC 4180 (quoted where needed, CRLF line ends),
// UTF-8 with a byte-order mark so that Excel and Numbers read Korean text correctly.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <ostream>
#include <string>

namespace hoego {

// Columns: id, date, time, kind, title, track, people, tags, notes, then every field the
// plugin's kinds declare, by id, in manifest order. Lists and people are joined with "; ",
// checklist items written "[x] done" or "[ ] open". Returns the number of rows written.
Result<size_t> export_csv(Database& db, const PluginHost& plugins, const std::string& plugin,
                          std::ostream& out);

// One CSV cell: quoted when it holds a comma, quote or line break, and prefixed with ' when it
// starts like a spreadsheet formula (=, +, -, @, tab, CR) without being a plain number, so that
// opening the file runs nothing.
std::string csv_cell(const std::string& text);

}  // namespace hoego
