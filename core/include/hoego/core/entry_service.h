// Adds, edits, deletes and undoes entries: checks every input against the plugin's manifest,
// lets the plugin normalise it, and writes it atomically with its history. The CLI and the
// HTTP API both call this; neither holds entry logic of its own.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/entry.h>
#include <hoego/core/plugin_host.h>
#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

// What a user gives to add an entry.
struct NewEntry {
  std::string plugin;
  std::string kind;
  std::optional<std::string> when;  // ISO 8601; now when absent
  std::string title;
  std::string notes;
  std::vector<std::string> people;
  std::vector<std::string> tags;
  std::optional<std::string> track;       // a track's name
  std::optional<std::string> request_id;  // see Entry::request_id
  nlohmann::json fields = nlohmann::json::object();
};

// What a user changes in an entry; absent members stay as they are. In `fields`, a member
// replaces that field and a null removes it.
struct EntryChanges {
  std::optional<std::string> when;
  std::optional<std::string> title;
  std::optional<std::string> notes;
  std::optional<std::vector<std::string>> people;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::string> track;  // an empty name takes the entry out of its track
  nlohmann::json fields = nlohmann::json::object();
};

// What `undo` reverted: an entry's add, edit or delete, or a step on what the user set up
// (goal.edit, track.delete, person.merge, plugin.disable…).
struct UndoOutcome {
  std::string action;
  std::string subject = "entry";  // entry, goal, track, person or plugin
  std::string subject_id;         // the entry's, goal's, track's or person's id; a plugin's id
  std::string label;              // what the user knows it by: a title or a name
  std::optional<Entry> entry;     // an entry's step: the entry as it is now
};

// An entry that passed every check and its plugin's normalisation, ready to be stored. Only
// EntryService makes one, so nothing unchecked reaches add_all.
class CheckedEntry {
 public:
  const Entry& entry() const { return entry_; }

 private:
  friend class EntryService;
  friend class CheckedEntries;
  explicit CheckedEntry(Entry entry) : entry_(std::move(entry)) {}
  Entry entry_;
};

// Checked entries to store together. They are kept as the entries add_all answers with, so a
// batch of thousands is moved once, not again into a second list.
class CheckedEntries {
 public:
  void reserve(size_t count) { entries_.reserve(count); }
  void push_back(CheckedEntry&& checked) { entries_.push_back(std::move(checked.entry_)); }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

 private:
  friend class EntryService;
  std::vector<Entry> entries_;
};

class EntryService {
 public:
  // `time_zone` (an IANA name) reads times written without an offset.
  EntryService(Database& db, const PluginHost& plugins, std::string time_zone);

  // Checks, normalises and stores a new entry. On any problem returns an Error naming it (with
  // per-field details) and writes nothing.
  Result<Entry> add(const NewEntry& input);
  // Checks and normalises a new entry as add() would, and writes nothing. Does not look at
  // request_id: that is add()'s (or the caller's) business.
  // Takes `input` by value: a caller done with it moves it in, and nothing is copied.
  Result<CheckedEntry> check(NewEntry input);
  // Stores checked entries in one transaction, each with its own undo step: all of them or, on
  // any error, none.
  // Answers with the entries as stored, in the order given.
  Result<std::vector<Entry>> add_all(CheckedEntries entries);
  // Applies changes to a live entry, keeping the previous revision in its history.
  Result<Entry> edit(int64_t id, const EntryChanges& changes);
  // Soft-deletes a live entry; `undo` brings it back.
  Result<Entry> remove(int64_t id);
  // Reverts the newest step of the journal not yet undone: an entry's add, edit or delete, or
  // any change to goals, tracks, people or plugins.
  Result<UndoOutcome> undo();

  // A live entry, or kNotFound.
  Result<Entry> get(int64_t id);
  Result<std::vector<Entry>> list(const EntryFilter& filter);
  // Every revision of an entry, oldest first.
  Result<std::vector<Entry>> history(int64_t id);

 private:
  // Checks and normalises `entry` in place (people, fields, title) through its plugin. On an
  // error, `entry` is left half-normalised and must not be used.
  Status prepare(Entry& entry);

  Database& db_;
  const PluginHost& plugins_;
  std::string time_zone_;
};

}  // namespace hoego
