#include <hoego/core/jsonl.h>
#include <hoego/core/migrations.h>

#include <algorithm>
#include <array>
#include <hoego/sdk_json_reader.hpp>
#include <nlohmann/json.hpp>
#include <vector>

#include "../domain/json_members.h"
#include "day_zone_store.h"

namespace hoego {
namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "hoego-jsonl";
constexpr int kVersion = 1;
// Schema 3 added only derived tables, which are not exported: an export of schema 2 holds the
// same tables and columns.
constexpr int kOldestReadableSchema = 2;

// Every table with user data, parents before children. schema_migrations is left out: the
// header's schema_version stands for it.
constexpr std::array<const char*, 10> kTables{
    "settings", "disabled_plugins", "people",       "tracks",        "track_members",
    "goals",    "entries",          "entry_people", "entry_history", "operations"};

bool is_exported_table(const std::string& name) {
  for (const char* table : kTables)
    if (name == table) return true;
  return false;
}

Result<std::vector<std::string>> columns_of(Database& db, const char* table) {
  auto statement =
      db.prepare(std::string("SELECT name FROM pragma_table_info('") + table + "') ORDER BY cid");
  if (!statement) return statement.error();
  std::vector<std::string> columns;
  for (auto row = statement->step(); row.ok() && *row; row = statement->step())
    columns.push_back(statement->text(0));
  return columns;
}

Result<size_t> count_rows(Database& db, const char* table) {
  auto statement = db.prepare(std::string("SELECT COUNT(*) FROM ") + table);
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  return static_cast<size_t>(statement->integer(0));
}

// A column's value as JSON, keeping SQLite's own type so that it goes back unchanged.
json value_of(const Statement& statement, int column) {
  switch (statement.type(column)) {
    case Statement::Type::kInteger:
      return statement.integer(column);
    case Statement::Type::kReal:
      return statement.real(column);
    case Statement::Type::kNull:
      return nullptr;
    default:
      return statement.text(column);
  }
}

// The refusal of what was found at `line`, in English and Korean.
Error refused_at(size_t line, const std::string& english, const std::string& korean) {
  const std::string number = std::to_string(line);
  return Error::invalid("line " + number + ": " + english, number + "번째 줄: " + korean);
}

}  // namespace

Result<TableCounts> export_jsonl(Database& db, std::ostream& out, const Progress& progress) {
  // One read transaction: the export is a single snapshot even while the server writes.
  if (auto status = db.execute_script("BEGIN"); !status) return status.error();
  struct EndRead {
    Database& db;
    ~EndRead() { (void)db.execute_script("COMMIT"); }
  } end_read{db};

  TableCounts counts;
  size_t total = 1, done = 1;
  for (const char* table : kTables) {
    auto count = count_rows(db, table);
    if (!count) return count.error();
    counts[table] = *count;
    total += *count;
  }
  out << json{{"format", kFormat},
              {"version", kVersion},
              {"schema_version", latest_schema_version()}}
             .dump()
      << '\n';
  for (const char* table : kTables) {
    auto statement = db.prepare(std::string("SELECT * FROM ") + table + " ORDER BY rowid");
    if (!statement) return statement.error();
    auto columns = columns_of(db, table);
    if (!columns) return columns.error();
    for (auto row = statement->step(); row.ok() && *row; row = statement->step()) {
      json values = json::object();
      for (size_t column = 0; column < columns->size(); ++column)
        values[(*columns)[column]] = value_of(*statement, static_cast<int>(column));
      out << json{{"table", table}, {"row", std::move(values)}}.dump() << '\n';
      if (progress && ++done % 500 == 0) progress(done, total);
    }
  }
  if (progress) progress(total, total);
  if (!out) return Error::storage("writing the export failed", "내보낼 파일을 쓰지 못했습니다");
  return counts;
}

Result<TableCounts> import_jsonl(Database& db, std::string_view text, const Progress& progress) {
  for (const char* table : kTables) {
    auto count = count_rows(db, table);
    if (!count) return count.error();
    if (*count > 0)
      return Error::invalid("the data directory is not empty (it has " + std::string(table) +
                                "); import into a new one, e.g. --data ~/hoego-imported",
                            "데이터 디렉터리가 비어 있지 않습니다 (" + std::string(table) +
                                " 테이블에 데이터가 있습니다). 새 디렉터리로 가져와 주세요 "
                                "(예: --data ~/hoego-imported)");
  }
  std::map<std::string, std::vector<std::string>> columns;
  for (const char* table : kTables) {
    auto known = columns_of(db, table);
    if (!known) return known.error();
    columns[table] = std::move(*known);
  }

  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty())
    return refused_at(1, "the file is empty; expected a hoego export",
                      "파일이 비어 있습니다. hoego로 내보낸 파일이어야 합니다");

  const json header = json::parse(lines[0], nullptr, false);
  if (header.is_discarded() || !header.is_object() || string_member(header, "format") != kFormat)
    return refused_at(1,
                      "not a hoego JSON Lines export (its first line must be the header hoego "
                      "export writes)",
                      "hoego의 JSON Lines 내보내기 파일이 아닙니다 (첫 줄이 hoego export가 쓰는 "
                      "머리글이어야 합니다)");
  const json version = header.value("version", json(nullptr));
  const json schema = header.value("schema_version", json(nullptr));
  const bool readable_schema = schema.is_number_integer() &&
                               schema.get<int64_t>() >= kOldestReadableSchema &&
                               schema.get<int64_t>() <= latest_schema_version();
  if (version != json(kVersion) || !readable_schema) {
    const std::string oldest = std::to_string(kOldestReadableSchema);
    const std::string latest = std::to_string(latest_schema_version());
    return refused_at(1,
                      "this export has format version " + version.dump() + " and schema " +
                          schema.dump() + "; this hoego reads version " + std::to_string(kVersion) +
                          " with schema " + oldest + " to " + latest,
                      "이 파일은 형식 버전 " + version.dump() + ", 스키마 " + schema.dump() +
                          "입니다. 이 hoego는 형식 버전 " + std::to_string(kVersion) + ", 스키마 " +
                          oldest + "~" + latest + "만 읽을 수 있습니다");
  }

  Transaction transaction(db);
  if (auto status = transaction.begin(); !status) return status.error();
  TableCounts counts;
  for (size_t index = 1; index < lines.size(); ++index) {
    const size_t line = index + 1;
    json record = sdk::detail::parse_json_or_discarded(lines[index]);
    if (record.is_discarded()) return refused_at(line, "not valid JSON", "올바른 JSON이 아닙니다");
    if (!record.is_object() || !record.contains("table") || !record["table"].is_string() ||
        !record.contains("row") || !record["row"].is_object())
      return refused_at(line, "expected {\"table\": …, \"row\": {…}}",
                        "{\"table\": …, \"row\": {…}} 형태여야 합니다");
    const std::string table = record["table"];
    if (!is_exported_table(table))
      return refused_at(line, "unknown table '" + table + "'",
                        "알 수 없는 테이블입니다: '" + table + "'");
    const auto& known = columns[table];
    std::string names, marks;
    std::vector<const json*> values;
    for (const auto& [column, value] : record["row"].items()) {
      // Column names go into the SQL text, so only the table's own are accepted.
      if (std::find(known.begin(), known.end(), column) == known.end())
        return refused_at(line, "table " + table + " has no column '" + column + "'",
                          table + " 테이블에 없는 열입니다: '" + column + "'");
      if (!value.is_null() && !value.is_string() && !value.is_number())
        return refused_at(line, table + "." + column + " must be text, a number or null",
                          table + "." + column + " 값은 텍스트, 숫자, null 중 하나여야 합니다");
      names += (names.empty() ? "" : ", ") + column;
      marks += marks.empty() ? "?" : ", ?";
      values.push_back(&value);
    }
    if (values.empty()) return refused_at(line, "the row is empty", "행이 비어 있습니다");
    // entry_people rows go in without triggers of their own (migration 6): this is sound only
    // because the target holds no entries and nothing derived yet, so each linked entry's own
    // insert, in this same transaction, is what records the change.
    auto insert = db.prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
    if (!insert) return insert.error();
    for (size_t i = 0; i < values.size(); ++i) {
      const json& value = *values[i];
      const int position = static_cast<int>(i + 1);
      if (value.is_null())
        insert->bind(position, std::nullopt);
      else if (value.is_string())
        insert->bind(position, value.get<std::string>());
      else if (value.is_number_float())
        insert->bind(position, value.get<double>());
      else
        insert->bind(position, value.get<int64_t>());
    }
    if (auto status = insert->run(); !status)
      return refused_at(line, "the " + table + " row was refused: " + status.error().message,
                        table + " 행이 거부되었습니다: " + status.error().in("ko"));
    ++counts[table];
    if (progress && line % 500 == 0) progress(line, lines.size());
  }
  // The export's local dates are in the zone of the database it came from; here they are in
  // this one's, when it has one (an older export, or a hand-edited one, may disagree).
  auto zone = DayZoneStore(db).recorded();
  if (!zone) return zone.error();
  if (*zone)
    if (auto status = DayZoneStore(db).redate(**zone); !status) return status.error();
  if (auto status = transaction.commit(); !status) return status.error();
  if (progress) progress(lines.size(), lines.size());
  return counts;
}

}  // namespace hoego
