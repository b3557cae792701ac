// Everything in the database as JSON Lines, and back: a lossless, readable export.
//
// The first line is a header, {"format": "hoego-jsonl", "version": 1, "schema_version": N};
// every other line is one row of one table, {"row": {column: value, …}, "table": "people"},
// tables in an order that keeps references valid (people before the entries that name them).
// Keys are sorted and numbers written exactly, so exporting what an import read gives the same
// bytes again.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/result.h>

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

namespace hoego {

// Called now and then with the lines done so far and the lines in all.
using Progress = std::function<void(size_t done, size_t total)>;

// Rows per table.
using TableCounts = std::map<std::string, size_t>;

Result<TableCounts> export_jsonl(Database& db, std::ostream& out, const Progress& progress = {});

// Reads an export into `db`, which must hold nothing yet. All or nothing: the first bad line is
// reported as "line N: reason" and no line of the file is kept.
Result<TableCounts> import_jsonl(Database& db, std::string_view text,
                                 const Progress& progress = {});

}  // namespace hoego
