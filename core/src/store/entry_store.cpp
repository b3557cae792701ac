#include "entry_store.h"

#include <hoego/core/local_time.h>

#include "day_zone_store.h"

namespace hoego {
namespace {

using nlohmann::json;

// Columns read by every entry query, in the order read_entry expects.
constexpr const char* kEntryColumns =
    "e.id, e.plugin, e.kind, e.kind_version, e.occurred_at, e.occurred_utc, e.local_date, "
    "e.utc_offset_min, e.title, e.notes, e.tags, e.payload, e.revision, e.created_at, "
    "e.updated_at, e.deleted_at, "
    "(SELECT json_group_array(name) FROM (SELECT p.name AS name FROM entry_people ep "
    " JOIN people p ON p.id = ep.person_id WHERE ep.entry_id = e.id ORDER BY ep.position)), "
    "(SELECT name FROM tracks WHERE id = e.track_id), e.request_id";

constexpr int64_t kSecondsPerDay = 24 * 60 * 60;
// An entry's UTC moment lies within a day of its local date: a written offset is accepted up to
// ±14:59 (parse_moment), and one taken from a zone may be a historical local mean time past 15
// hours (America/Juneau was +15:02 until 1867, Asia/Manila -15:56 until 1844), but none is a day.
constexpr int64_t kWidestOffsetSeconds = kSecondsPerDay;

// The UTC second `shift` seconds from the start of `date` (YYYY-MM-DD), as text to bind;
// nullopt when there is no date, or it is not one (the local_date condition alone then holds).
std::optional<std::string> utc_bound(const std::optional<std::string>& date, int64_t shift) {
  if (!date || !is_valid_date(*date)) return std::nullopt;
  return std::to_string(int64_t{days_between("1970-01-01", *date)} * kSecondsPerDay + shift);
}

Entry read_entry(const Statement& row) {
  Entry entry;
  entry.id = row.integer(0);
  entry.plugin = row.text(1);
  entry.kind = row.text(2);
  entry.kind_version = static_cast<int>(row.integer(3));
  entry.when.iso = row.text(4);
  entry.when.utc_seconds = row.integer(5);
  entry.when.local_date = row.text(6);
  entry.when.offset_minutes = static_cast<int>(row.integer(7));
  entry.title = row.text(8);
  entry.notes = row.text(9);
  entry.tags = json::parse(row.text(10)).get<std::vector<std::string>>();
  entry.fields = json::parse(row.text(11));
  entry.revision = static_cast<int>(row.integer(12));
  entry.created_at = row.text(13);
  entry.updated_at = row.text(14);
  entry.deleted_at = row.optional_text(15);
  entry.people = json::parse(row.text(16)).get<std::vector<std::string>>();
  entry.track = row.optional_text(17);
  entry.request_id = row.optional_text(18);
  return entry;
}

}  // namespace

Result<int64_t> EntryStore::insert(const Entry& entry) {
  auto statement = db_.prepare(
      "INSERT INTO entries (plugin, kind, kind_version, occurred_at, occurred_utc, local_date, "
      "utc_offset_min, title, notes, tags, payload, revision, created_at, updated_at, "
      "request_id, track_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!statement) return statement.error();
  auto track_id = resolve_track(entry.track);
  if (!track_id) return track_id.error();
  auto local_date = stored_date(entry.when);
  if (!local_date) return local_date.error();
  statement->bind(1, entry.plugin)
      .bind(2, entry.kind)
      .bind(3, entry.kind_version)
      .bind(4, entry.when.iso)
      .bind(5, entry.when.utc_seconds)
      .bind(6, *local_date)
      .bind(7, entry.when.offset_minutes)
      .bind(8, entry.title)
      .bind(9, entry.notes)
      .bind(10, json(entry.tags).dump())
      .bind(11, entry.fields.dump())
      .bind(12, entry.revision)
      .bind(13, entry.created_at)
      .bind(14, entry.updated_at)
      .bind(15, entry.request_id)
      .bind(16, *track_id);
  if (auto status = statement->run(); !status) return status.error();
  const int64_t id = db_.last_insert_id();
  if (auto status = write_people(id, entry.people, true); !status) return status.error();
  return id;
}

Status EntryStore::update(const Entry& entry) {
  if (auto status = keep_replaced_revision(entry.id, entry.revision - 1); !status) return status;
  auto statement = db_.prepare(
      "UPDATE entries SET kind_version = ?, occurred_at = ?, occurred_utc = ?, local_date = ?, "
      "utc_offset_min = ?, title = ?, notes = ?, tags = ?, payload = ?, revision = ?, "
      "updated_at = ?, track_id = ? WHERE id = ?");
  if (!statement) return statement.error();
  auto track_id = resolve_track(entry.track);
  if (!track_id) return track_id.error();
  auto local_date = stored_date(entry.when);
  if (!local_date) return local_date.error();
  statement->bind(1, entry.kind_version)
      .bind(2, entry.when.iso)
      .bind(3, entry.when.utc_seconds)
      .bind(4, *local_date)
      .bind(5, entry.when.offset_minutes)
      .bind(6, entry.title)
      .bind(7, entry.notes)
      .bind(8, json(entry.tags).dump())
      .bind(9, entry.fields.dump())
      .bind(10, entry.revision)
      .bind(11, entry.updated_at)
      .bind(12, *track_id)
      .bind(13, entry.id);
  if (auto status = statement->run(); !status) return status;
  return write_people(entry.id, entry.people, false);
}

Result<std::string> EntryStore::stored_date(const Moment& when) {
  if (!day_zone_) {
    auto recorded = DayZoneStore(db_).recorded();
    if (!recorded) return recorded.error();
    day_zone_ = std::move(*recorded);
  }
  if (!*day_zone_) return when.local_date;
  return local_date_in(when.utc_seconds, **day_zone_);
}

Status EntryStore::set_deleted(int64_t id, const std::optional<std::string>& deleted_at) {
  auto statement = db_.prepare("UPDATE entries SET deleted_at = ? WHERE id = ?");
  if (!statement) return statement.error();
  return statement->bind(1, deleted_at).bind(2, id).run();
}

// Only ever after a write of the entry's own row: its triggers record the change for the people
// too, as entry_people has no insert or delete triggers of its own (migration 6).
Status EntryStore::write_people(int64_t entry_id, const std::vector<std::string>& people,
                                bool fresh) {
  if (!fresh) {
    auto clear = db_.prepare("DELETE FROM entry_people WHERE entry_id = ?");
    if (!clear) return clear.error();
    if (auto status = clear->bind(1, entry_id).run(); !status) return status;
  }
  auto link = db_.prepare(
      "INSERT OR IGNORE INTO entry_people (entry_id, person_id, position) VALUES (?, ?, ?)");
  if (!link) return link.error();
  for (size_t position = 0; position < people.size(); ++position) {
    auto person = person_id(people[position]);
    if (!person) return person.error();
    if (!*person)
      return Error::not_found("no person named '" + people[position] + "'",
                              "이름이 '" + people[position] + "'인 사람이 없습니다");
    link->reset();
    link->bind(1, entry_id).bind(2, **person).bind(3, static_cast<int64_t>(position));
    if (auto status = link->run(); !status) return status;
  }
  return Status::success();
}

Status EntryStore::keep_replaced_revision(int64_t id, int replaced) {
  auto current = find(id);
  if (!current) return current.error();
  if (!current->has_value())
    return Error::not_found("no entry with id " + std::to_string(id),
                            "id가 " + std::to_string(id) + "인 기록이 없습니다");
  // Read before this transaction began, the replaced revision may have moved on since: another
  // process edited the entry meanwhile, and writing over its revision would lose it.
  if ((*current)->revision != replaced)
    return Error::conflict("entry " + std::to_string(id) +
                               " was changed meanwhile (it is at revision " +
                               std::to_string((*current)->revision) +
                               "); look at it again and retry — nothing was changed",
                           "id가 " + std::to_string(id) + "인 기록이 그사이에 바뀌었습니다 (지금 " +
                               std::to_string((*current)->revision) +
                               "번째 판입니다). 다시 확인하고 시도해 주세요. 아무것도 바뀌지 "
                               "않았습니다");
  json snapshot = to_json(**current);
  snapshot.erase("deleted_at");
  auto statement = db_.prepare(
      "INSERT OR IGNORE INTO entry_history (entry_id, revision, snapshot, recorded_at) "
      "VALUES (?, ?, ?, ?)");
  if (!statement) return statement.error();
  return statement->bind(1, id)
      .bind(2, (*current)->revision)
      .bind(3, snapshot.dump())
      .bind(4, (*current)->updated_at)
      .run();
}

Result<std::optional<Entry>> EntryStore::find(int64_t id) {
  auto found = query("e.id = ?", {std::to_string(id)}, 1);
  if (!found) return found.error();
  if (found->empty()) return std::optional<Entry>{};
  return std::optional<Entry>{std::move(found->front())};
}

Result<std::vector<Entry>> EntryStore::list(const EntryFilter& filter) {
  std::string where = filter.include_deleted ? "1" : "e.deleted_at IS NULL";
  std::vector<std::string> texts;
  auto add = [&](const std::optional<std::string>& value, const char* condition) {
    if (!value) return;
    where += std::string(" AND ") + condition;
    texts.push_back(*value);
  };
  add(filter.plugin, "e.plugin = ?");
  add(filter.kind, "e.kind = ?");
  add(filter.since, "e.local_date >= ?");
  add(filter.until, "e.local_date <= ?");
  // The same period in UTC, widened by the largest offset, lets the (plugin, occurred_utc)
  // index that gives the order also find a period's entries, instead of reading every entry of
  // the plugin and keeping those of the period (1.1 s for a month at a million entries).
  add(utc_bound(filter.since, -kWidestOffsetSeconds), "e.occurred_utc >= CAST(? AS INTEGER)");
  add(utc_bound(filter.until, kSecondsPerDay + kWidestOffsetSeconds),
      "e.occurred_utc < CAST(? AS INTEGER)");
  add(filter.person,
      "EXISTS (SELECT 1 FROM entry_people ep JOIN people p ON p.id = ep.person_id "
      "WHERE ep.entry_id = e.id AND p.name = ?)");
  add(filter.tag, "EXISTS (SELECT 1 FROM json_each(e.tags) WHERE value = ?)");
  add(filter.track, "e.track_id = (SELECT id FROM tracks WHERE name = ?)");
  // A substring anywhere in the entry's text, so that a Korean word is found inside a longer
  // word (a tokenizing full-text index would miss 회고 in 회고록). lower() folds ASCII only.
  add(filter.text,
      "instr(lower(e.title || ' ' || e.notes || ' ' || e.payload || ' ' || e.tags || ' ' || "
      "ifnull((SELECT group_concat(p.name, ' ') FROM entry_people ep JOIN people p "
      "ON p.id = ep.person_id WHERE ep.entry_id = e.id), '')), lower(?)) > 0");
  return query(where, texts, filter.limit);
}

Result<std::vector<Entry>> EntryStore::list_after(
    const std::string& plugin, const std::optional<std::pair<int64_t, int64_t>>& after, int limit) {
  std::string where = "e.deleted_at IS NULL AND e.plugin = ?";
  std::vector<std::string> texts{plugin};
  if (after) {
    where += " AND (e.occurred_utc, e.id) > (CAST(? AS INTEGER), CAST(? AS INTEGER))";
    texts.push_back(std::to_string(after->first));
    texts.push_back(std::to_string(after->second));
  }
  return query(where, texts, limit, "ASC");
}

Result<std::vector<Entry>> EntryStore::query(const std::string& where,
                                             const std::vector<std::string>& texts, int limit,
                                             const char* order) {
  // `where` is assembled from fixed fragments only; every user value is a bound parameter.
  std::string sql = std::string("SELECT ") + kEntryColumns + " FROM entries e WHERE " + where +
                    " ORDER BY e.occurred_utc " + order + ", e.id " + order;
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  auto statement = db_.prepare(sql);
  if (!statement) return statement.error();
  for (size_t i = 0; i < texts.size(); ++i) statement->bind(static_cast<int>(i + 1), texts[i]);
  std::vector<Entry> entries;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    entries.push_back(read_entry(*statement));
  }
  return entries;
}

Result<std::optional<int64_t>> EntryStore::resolve_track(const std::optional<std::string>& name) {
  if (!name) return std::optional<int64_t>{};
  auto id = track_id(*name);
  if (!id) return id.error();
  if (!*id)
    return Error::not_found("no track named '" + *name + "'",
                            "이름이 '" + *name + "'인 트랙이 없습니다");
  return id;
}

Result<std::optional<int64_t>> EntryStore::person_id(const std::string& name) {
  return id_by_name("SELECT id FROM people WHERE name = ?", name, person_ids_);
}

Result<std::optional<int64_t>> EntryStore::track_id(const std::string& name) {
  return id_by_name("SELECT id FROM tracks WHERE name = ?", name, track_ids_);
}

Result<std::optional<int64_t>> EntryStore::id_by_name(
    const char* sql, const std::string& name, std::unordered_map<std::string, int64_t>& known) {
  // An import names the same few people and tracks thousands of times.
  if (auto found = known.find(name); found != known.end()) return std::optional{found->second};
  auto statement = db_.prepare(sql);
  if (!statement) return statement.error();
  auto row = statement->bind(1, name).step();
  if (!row) return row.error();
  if (!*row) return std::optional<int64_t>{};
  const int64_t id = statement->integer(0);
  known.emplace(name, id);
  return std::optional{id};
}

Result<std::optional<Entry>> EntryStore::find_by_request(const std::string& plugin,
                                                         const std::string& request_id) {
  auto statement = db_.prepare("SELECT id FROM entries WHERE plugin = ? AND request_id = ?");
  if (!statement) return statement.error();
  auto row = statement->bind(1, plugin).bind(2, request_id).step();
  if (!row) return row.error();
  if (!*row) return std::optional<Entry>{};
  return find(statement->integer(0));
}

Result<std::optional<Entry>> EntryStore::find_by_field(const std::string& plugin,
                                                       const std::string& kind,
                                                       const std::string& field,
                                                       const std::string& value) {
  // The path is written into the statement, not bound: only then can SQLite use an index on
  // that expression (entries_by_url for "url"). Field names come from the code, never a user;
  // a quote is doubled all the same.
  std::string path = "$.\"" + field + "\"";
  for (size_t at = path.find('\''); at != std::string::npos; at = path.find('\'', at + 2))
    path.insert(at, 1, '\'');
  auto statement = db_.prepare(
      "SELECT id FROM entries WHERE plugin = ? AND kind = ? AND json_extract(payload, '" + path +
      "') = ? ORDER BY id LIMIT 1");
  if (!statement) return statement.error();
  auto row = statement->bind(1, plugin).bind(2, kind).bind(3, value).step();
  if (!row) return row.error();
  if (!*row) return std::optional<Entry>{};
  return find(statement->integer(0));
}

Result<std::vector<std::pair<std::string, int64_t>>> EntryStore::count_per_day(
    const std::string& since, const std::string& until, const std::optional<std::string>& plugin) {
  auto statement = db_.prepare(
      std::string("SELECT local_date, COUNT(*) FROM entries WHERE deleted_at IS NULL "
                  "AND local_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR plugin = ?3) AND ") +
      kMomentsOfLocalDates + " GROUP BY local_date ORDER BY local_date");
  if (!statement) return statement.error();
  statement->bind(1, since).bind(2, until).bind(3, plugin);
  std::vector<std::pair<std::string, int64_t>> days;
  while (true) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    days.emplace_back(statement->text(0), statement->integer(1));
  }
  return days;
}

Result<std::vector<Entry>> EntryStore::history(int64_t id) {
  auto statement =
      db_.prepare("SELECT snapshot FROM entry_history WHERE entry_id = ? ORDER BY revision");
  if (!statement) return statement.error();
  statement->bind(1, id);
  std::vector<Entry> revisions;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    revisions.push_back(entry_from_json(json::parse(statement->text(0))));
    auto day = stored_date(revisions.back().when);
    if (!day) return day.error();
    revisions.back().when.local_date = std::move(*day);
  }
  auto current = find(id);
  if (!current) return current.error();
  // Older databases (and their exports) kept the current revision in the history too.
  if (current->has_value() &&
      (revisions.empty() || revisions.back().revision < (*current)->revision)) {
    (*current)->deleted_at.reset();  // as a kept revision, which never says
    revisions.push_back(std::move(**current));
  }
  return revisions;
}

Result<std::optional<Entry>> EntryStore::revision(int64_t id, int revision) {
  auto statement =
      db_.prepare("SELECT snapshot FROM entry_history WHERE entry_id = ? AND revision = ?");
  if (!statement) return statement.error();
  auto row = statement->bind(1, id).bind(2, revision).step();
  if (!row) return row.error();
  if (*row) {
    Entry kept = entry_from_json(json::parse(statement->text(0)));
    auto day = stored_date(kept.when);
    if (!day) return day.error();
    kept.when.local_date = std::move(*day);
    return std::optional<Entry>{std::move(kept)};
  }
  auto current = find(id);
  if (!current) return current.error();
  if (!current->has_value() || (*current)->revision != revision) return std::optional<Entry>{};
  (*current)->deleted_at.reset();
  return current;
}

Result<std::vector<std::pair<Entry, std::string>>> EntryStore::due_between(
    const std::string& plugin, const std::string& kind, const std::string& field,
    const std::string& from, const std::string& to) {
  auto statement = db_.prepare(
      "SELECT id, json_extract(payload, '$.' || ?3) AS due FROM entries "
      "WHERE deleted_at IS NULL AND plugin = ?1 AND kind = ?2 AND due BETWEEN ?4 AND ?5 "
      "ORDER BY due, id");
  if (!statement) return statement.error();
  statement->bind(1, plugin).bind(2, kind).bind(3, field).bind(4, from).bind(5, to);
  std::vector<std::pair<int64_t, std::string>> found;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    found.emplace_back(statement->integer(0), statement->text(1));
  }
  std::vector<std::pair<Entry, std::string>> due;
  for (auto& [id, day] : found) {
    auto entry = find(id);
    if (!entry) return entry.error();
    if (entry->has_value()) due.emplace_back(std::move(**entry), std::move(day));
  }
  return due;
}

Result<bool> EntryStore::has_entries_of(const std::string& plugin) {
  auto statement = db_.prepare("SELECT 1 FROM entries WHERE plugin = ? LIMIT 1");
  if (!statement) return statement.error();
  return statement->bind(1, plugin).step();
}

Status EntryStore::record_operation(int64_t entry_id, const std::string& action,
                                    std::optional<int> previous_revision,
                                    const std::string& performed_at) {
  auto statement = db_.prepare(
      "INSERT INTO operations (entry_id, action, previous_revision, performed_at) "
      "VALUES (?, ?, ?, ?)");
  if (!statement) return statement.error();
  return statement->bind(1, entry_id)
      .bind(2, action)
      .bind(3, previous_revision)
      .bind(4, performed_at)
      .run();
}

}  // namespace hoego
