// Reads comma-separated values as RFC 4180 writes them (and spreadsheets save them): quoted
// fields may hold commas, quotes written twice and line breaks; lines end in CRLF or LF.
#pragma once

#include <hoego/core/result.h>

#include <string>
#include <string_view>
#include <vector>

namespace hoego {

struct CsvRecord {
  int row = 0;  // 1 for the file's first record, as a spreadsheet numbers its rows
  std::vector<std::string> fields;
};

// Splits `text` into records. A UTF-8 byte order mark at the start is skipped; a record of one
// empty field (a blank line) is left out. Refuses, naming the row, text that is not UTF-8, a
// quote inside an unquoted field, text after a closing quote, and a quote never closed.
Result<std::vector<CsvRecord>> read_csv(std::string_view text);

}  // namespace hoego
