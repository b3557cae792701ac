#include "journal_store.h"

#include <hoego/core/local_time.h>

#include <algorithm>

namespace hoego {

using nlohmann::json;

namespace {

void bind_value(Statement& statement, int index, const json& value) {
  if (value.is_number_integer())
    statement.bind(index, value.get<int64_t>());
  else if (value.is_number())
    statement.bind(index, value.get<double>());
  else if (value.is_string())
    statement.bind(index, value.get_ref<const std::string&>());
  else
    statement.bind(index, std::nullopt);
}

json column_value(const Statement& statement, int column) {
  switch (statement.type(column)) {
    case Statement::Type::kInteger:
      return statement.integer(column);
    case Statement::Type::kReal:
      return statement.real(column);
    case Statement::Type::kText:
    case Statement::Type::kBlob:
      return statement.text(column);
    case Statement::Type::kNull:
      break;
  }
  return nullptr;
}

// Table names come from the services' own code, never from a user; quoting keeps them names.
std::string quoted(const std::string& name) { return "\"" + name + "\""; }

Result<std::optional<json>> current_row(Database& db, const std::string& table, int64_t rowid) {
  auto statement = db.prepare("SELECT * FROM " + quoted(table) + " WHERE rowid = ?");
  if (!statement) return statement.error();
  statement->bind(1, rowid);
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return std::optional<json>();
  json values = json::object();
  for (int column = 0; column < statement->column_count(); ++column)
    values[statement->name(column)] = column_value(*statement, column);
  return std::optional<json>(std::move(values));
}

// Whether the table's rowid is one of its columns (INTEGER PRIMARY KEY): then a row put back
// gets its rowid through that column.
Result<bool> rowid_is_a_column(Database& db, const std::string& table) {
  auto statement = db.prepare("SELECT count(*) FROM pragma_table_info(?) WHERE pk > 0");
  auto integer_key = db.prepare(
      "SELECT count(*) FROM pragma_table_info(?) WHERE pk = 1 AND upper(type) = "
      "'INTEGER'");
  if (!statement) return statement.error();
  if (!integer_key) return integer_key.error();
  statement->bind(1, table);
  integer_key->bind(1, table);
  if (auto row = statement->step(); !row) return row.error();
  if (auto row = integer_key->step(); !row) return row.error();
  return statement->integer(0) == 1 && integer_key->integer(0) == 1;
}

Status put_back(Database& db, const std::string& table, int64_t rowid, const json& before,
                const json& after) {
  if (before.is_null()) {
    auto statement = db.prepare("DELETE FROM " + quoted(table) + " WHERE rowid = ?");
    if (!statement) return statement.error();
    return statement->bind(1, rowid).run();
  }
  if (after.is_null()) {
    auto column_rowid = rowid_is_a_column(db, table);
    if (!column_rowid) return column_rowid.error();
    std::string columns = *column_rowid ? "" : "rowid";
    std::string places = *column_rowid ? "" : "?";
    for (const auto& [column, value] : before.items()) {
      columns += (columns.empty() ? "" : ", ") + quoted(column);
      places += places.empty() ? "?" : ", ?";
    }
    auto statement =
        db.prepare("INSERT INTO " + quoted(table) + " (" + columns + ") VALUES (" + places + ")");
    if (!statement) return statement.error();
    int index = 1;
    if (!*column_rowid) statement->bind(index++, rowid);
    for (const auto& [column, value] : before.items()) bind_value(*statement, index++, value);
    return statement->run();
  }
  // Only what the step changed goes back: a later change to another column of the row (an
  // entry edited since, and that edit undone) stays.
  std::string assignments;
  std::vector<const json*> values;
  for (const auto& [column, value] : before.items()) {
    if (after.contains(column) && after.at(column) == value) continue;
    assignments += (assignments.empty() ? "" : ", ") + quoted(column) + " = ?";
    values.push_back(&value);
  }
  if (values.empty()) return Status::success();
  auto statement =
      db.prepare("UPDATE " + quoted(table) + " SET " + assignments + " WHERE rowid = ?");
  if (!statement) return statement.error();
  int index = 1;
  for (const json* value : values) bind_value(*statement, index++, *value);
  statement->bind(index, rowid);
  return statement->run();
}

JournalStep read_step(const Statement& statement) {
  JournalStep step;
  step.id = statement.integer(0);
  step.entry_id = statement.optional_integer(1);
  step.action = statement.text(2);
  if (auto revision = statement.optional_integer(3))
    step.previous_revision = static_cast<int>(*revision);
  step.subject = statement.optional_text(4);
  step.subject_id = statement.optional_text(5);
  if (auto images = statement.optional_text(6)) step.row_images = json::parse(*images);
  step.performed_at = statement.text(7);
  step.undone_at = statement.optional_text(8);
  return step;
}

// An entry's step is known by the entry's title, kept as the label the other steps record.
constexpr const char* kStepColumns =
    "SELECT id, entry_id, action, previous_revision, subject, subject_id, "
    "coalesce(row_images, json_object('label', (SELECT title FROM entries e "
    "WHERE e.id = operations.entry_id))), performed_at, undone_at FROM operations ";

}  // namespace

Status RowRecorder::read(const std::string& table, const std::string& where, const json& values,
                         bool as_before) {
  auto statement = db_.prepare("SELECT rowid FROM " + quoted(table) + " WHERE " + where);
  if (!statement) return statement.error();
  int index = 1;
  for (const auto& value : values) bind_value(*statement, index++, value);
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    const int64_t rowid = statement->integer(0);
    const bool known = std::any_of(watched_.begin(), watched_.end(), [&](const Watched& seen) {
      return seen.table == table && seen.rowid == rowid;
    });
    if (known) continue;
    json before = nullptr;
    if (as_before) {
      auto found = current_row(db_, table, rowid);
      if (!found) return found.error();
      if (*found) before = std::move(**found);
    }
    watched_.push_back({table, rowid, std::move(before)});
  }
  return Status::success();
}

Status RowRecorder::before(const std::string& table, const std::string& where, const json& values) {
  return read(table, where, values, true);
}

Status RowRecorder::after(const std::string& table, const std::string& where, const json& values) {
  return read(table, where, values, false);
}

Result<json> RowRecorder::images() {
  json rows = json::array();
  for (const auto& watched : watched_) {
    auto found = current_row(db_, watched.table, watched.rowid);
    if (!found) return found.error();
    json after = *found ? std::move(**found) : json(nullptr);
    if (after == watched.before) continue;
    rows.push_back({{"table", watched.table},
                    {"rowid", watched.rowid},
                    {"before", watched.before},
                    {"after", std::move(after)}});
  }
  return rows;
}

Result<int64_t> JournalStore::record(const std::string& subject, const std::string& subject_id,
                                     const std::string& action, const std::string& label,
                                     const json& rows) {
  if (rows.empty()) return int64_t{0};
  auto statement = db_.prepare(
      "INSERT INTO operations (action, performed_at, subject, subject_id, row_images) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!statement) return statement.error();
  statement->bind(1, action)
      .bind(2, utc_timestamp_now())
      .bind(3, subject)
      .bind(4, subject_id)
      .bind(5, json{{"label", label}, {"rows", rows}}.dump());
  if (auto status = statement->run(); !status) return status.error();
  return db_.last_insert_id();
}

Result<std::optional<JournalStep>> JournalStore::last_undoable() {
  auto statement =
      db_.prepare(std::string(kStepColumns) + "WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1");
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return std::optional<JournalStep>();
  return std::optional(read_step(*statement));
}

Status JournalStore::mark_undone(int64_t step_id) {
  auto statement = db_.prepare("UPDATE operations SET undone_at = ? WHERE id = ?");
  if (!statement) return statement.error();
  return statement->bind(1, utc_timestamp_now()).bind(2, step_id).run();
}

Status JournalStore::revert(const JournalStep& step) {
  if (auto status = db_.execute_script("PRAGMA defer_foreign_keys = ON"); !status) return status;
  const json& rows = step.row_images.at("rows");
  for (auto row = rows.rbegin(); row != rows.rend(); ++row)
    if (auto status =
            put_back(db_, row->at("table").get<std::string>(), row->at("rowid").get<int64_t>(),
                     row->at("before"), row->at("after"));
        !status)
      return status;
  // A person is named on or taken off an entry only together with a write of the entry's row,
  // whose triggers record what must be derived again (migration 6): write each such entry once
  // more, unchanged.
  auto touch = db_.prepare("UPDATE entries SET revision = revision WHERE id = ?");
  if (!touch) return touch.error();
  for (const auto& row : rows) {
    if (row.at("table") != "entry_people") continue;
    const json& image = row.at("before").is_null() ? row.at("after") : row.at("before");
    touch->reset();
    if (auto status = touch->bind(1, image.at("entry_id").get<int64_t>()).run(); !status)
      return status;
  }
  return Status::success();
}

Result<std::vector<JournalStep>> JournalStore::steps(const std::optional<std::string>& subject,
                                                     const std::optional<std::string>& subject_id,
                                                     int limit) {
  std::string where = "WHERE 1";
  if (subject && *subject == "entry")
    where = "WHERE entry_id = CAST(?2 AS INTEGER)";
  else if (subject)
    where = "WHERE subject = ?1 AND (?2 IS NULL OR subject_id = ?2)";
  auto statement = db_.prepare(std::string(kStepColumns) + where + " ORDER BY id DESC LIMIT ?3");
  if (!statement) return statement.error();
  statement->bind(1, subject).bind(2, subject_id).bind(3, limit);
  std::vector<JournalStep> steps;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    steps.push_back(read_step(*statement));
  }
  return steps;
}

Status record_step(Database& db, RowRecorder& rows, const std::string& subject,
                   const std::string& subject_id, const std::string& action,
                   const std::string& label) {
  auto images = rows.images();
  if (!images) return images.error();
  auto recorded = JournalStore(db).record(subject, subject_id, action, label, *images);
  if (!recorded) return recorded.error();
  return Status::success();
}

}  // namespace hoego
