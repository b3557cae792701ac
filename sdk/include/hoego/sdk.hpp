// hoego plugin SDK — the header-only C++ layer over <hoego/sdk.h>.
//
// A plugin is a small class plus one macro:
//
//   class Reading : public hoego::sdk::Plugin {
//    public:
//     const char* manifest() const override { return kManifest; }
//     hoego::sdk::NormalizedEntry normalize_entry(const hoego::sdk::EntryRequest& entry) override {
//       …
//     }
//   };
//   HOEGO_PLUGIN(Reading)
//
// Every exception thrown by the class is caught here and turned into a status and an error
// message, so nothing C++ ever crosses the boundary.
#pragma once

#if __cplusplus < 202002L
#error "<hoego/sdk.hpp> needs C++20: set CMAKE_CXX_STANDARD to 20 (or pass -std=c++20)"
#endif

#include <hoego/sdk.h>

#include <algorithm>
#include <concepts>
#include <exception>
#include <hoego/sdk_figures.hpp>
#include <hoego/sdk_json_reader.hpp>
#include <hoego/sdk_text.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

static_assert(HOEGO_SDK_VERSION_MAJOR == 1, "this C++ layer supports hoego SDK 1.x only");

namespace hoego::sdk {

// One problem with one field of an entry, shown to the user next to that field.
struct FieldError {
  std::string field;
  std::string message;
};

// Thrown from normalize_entry when the user's input is wrong. The host reports every error
// and writes nothing.
class Rejected : public std::exception {
 public:
  explicit Rejected(std::vector<FieldError> errors) : errors_(std::move(errors)) {}
  Rejected(std::string field, std::string message)
      : errors_{FieldError{std::move(field), std::move(message)}} {}
  const std::vector<FieldError>& errors() const { return errors_; }
  const char* what() const noexcept override {
    return errors_.empty() ? "rejected" : errors_.front().message.c_str();
  }

 private:
  std::vector<FieldError> errors_;
};

// The entry handed to normalize_entry, already checked against the manifest by the host.
struct EntryRequest {
  std::string kind;
  int kind_version = 1;
  std::string title;
  std::string notes;
  std::string when;   // ISO 8601 with offset, e.g. 2022-10-05T20:00:00+09:00
  std::string track;  // the track's name; empty when the entry is in none
  std::vector<std::string> people;
  std::vector<std::string> tags;
  nlohmann::json fields = nlohmann::json::object();
};

// What normalize_entry returns: the normalised fields, and optionally a default title.
struct NormalizedEntry {
  nlohmann::json fields = nlohmann::json::object();
  std::string title;  // left empty to keep the user's title
};

// One of the plugin's own entries, as handed to derive_milestones (oldest first).
struct StoredEntry {
  long long id = 0;
  std::string kind;
  std::string when;
  std::string local_date;  // YYYY-MM-DD in the entry's own offset
  std::string title;
  std::string track;  // the track's name; empty when the entry is in none
  std::vector<std::string> people;
  std::vector<std::string> tags;
  nlohmann::json fields = nlohmann::json::object();
};

// A milestone reached: `id` names one declared in the manifest; `person` is optional.
struct Milestone {
  std::string id;
  long long entry_id = 0;
  std::string person;
};

// A host service that could not answer: called outside a host call, not offered by an older
// host, or given a query the host rejected. Thrown by Host; a plugin that lets it escape fails
// the call it is in (or, from init, is not loaded).
class HostError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Which of the plugin's own entries Host::read_entries returns. Empty members mean any.
struct EntryQuery {
  std::string kind;
  std::string from;  // YYYY-MM-DD, inclusive, in each entry's own local date
  std::string to;    // YYYY-MM-DD, inclusive
  int limit = 0;     // the newest this many (1 to 10000); 0 means the host's default, 1000
};

struct EntryPage {
  std::vector<StoredEntry> entries;  // oldest first
  bool truncated = false;            // the limit left older entries out
};

// The host services of <hoego/sdk.h>, wrapped. Available from init() on. Except log(), they
// answer only while the host is calling the plugin (see hoego_host).
class Host {
 public:
  explicit Host(const hoego_host* host = nullptr) : host_(host) {}
  void log(int level, std::string_view message) const {
    if (host_ != nullptr && HOEGO_HOST_HAS(host_, log) && host_->log != nullptr)
      host_->log(host_->context, level, message.data(), message.size());
  }
  uint32_t sdk_version() const { return host_ != nullptr ? host_->sdk_version : 0; }

  // "ko" or "en". SDK 1.1.
  std::string language() const {
    if (host_ == nullptr || !HOEGO_HOST_HAS(host_, language) || host_->language == nullptr)
      throw HostError("this hoego does not tell the language (it needs SDK 1.1)");
    return answer("language",
                  [&](const hoego_sink* out) { return host_->language(host_->context, out); });
  }
  // An IANA time zone such as "Asia/Seoul". SDK 1.1.
  std::string time_zone() const {
    if (host_ == nullptr || !HOEGO_HOST_HAS(host_, time_zone) || host_->time_zone == nullptr)
      throw HostError("this hoego does not tell the time zone (it needs SDK 1.1)");
    return answer("time_zone",
                  [&](const hoego_sink* out) { return host_->time_zone(host_->context, out); });
  }
  // The plugin's own live entries. Not from init(). SDK 1.1.
  EntryPage read_entries(const EntryQuery& query = {}) const;

 private:
  template <typename Call>
  std::string answer(const char* what, Call&& call) const {
    std::string text;
    const hoego_sink sink{sizeof(hoego_sink), &text,
                          [](void* context, const char* data, size_t size) {
                            static_cast<std::string*>(context)->append(data, size);
                          }};
    if (call(&sink) != HOEGO_STATUS_OK) {
      const auto error = nlohmann::json::parse(text, nullptr, false);
      std::string message = "the host could not answer " + std::string(what);
      if (error.is_object() && error.contains("error") && error["error"].is_string())
        message += ": " + error["error"].get<std::string>();
      else if (error.is_object() && error.contains("errors") && error["errors"].is_array())
        for (const auto& item : error["errors"])
          if (item.is_object())
            message += "; " + item.value("field", std::string{}) + ": " +
                       item.value("message", std::string{});
      throw HostError(message);
    }
    return text;
  }

  const hoego_host* host_;
};

// One of the user's goals on the plugin's kinds, as the year in review judged it (see
// hoego_year_report_v1). A paragraph that speaks of a target speaks of these: the user's own.
struct YearGoal {
  long long id = 0;
  std::string title;             // the user's words, e.g. "16편 쓰기"
  std::string kind;              // one of the plugin's kinds
  std::string track;             // the track's name; empty when the goal is on the whole year
  std::string starts_on;         // YYYY-MM-DD
  std::string ends_on;           // YYYY-MM-DD; empty when the goal has no end
  std::optional<double> target;  // the total to reach; none for a cadence alone
  std::string sum_field;         // the field whose values add up; empty when entries are counted
  double progress = 0;           // the total so far, within the goal's own period
  std::string status;            // not_started, on_track, at_risk, achieved, ended or missed
  bool met = false;              // the target was reached

  // The sentence a report paragraph states this goal with (sdk::goal_sentence); empty without
  // a target.
  std::string sentence(std::string_view language) const {
    return goal_sentence(language, title, progress, target, met);
  }
};

// What a plugin's year-report section is asked for (see hoego_year_report_v1).
struct YearReportRequest {
  int year = 0;
  std::string language;              // "ko" or "en"
  std::vector<StoredEntry> entries;  // the plugin's entries of the year, oldest first
  // The user's goals on the plugin's kinds whose period overlaps the year, when writing the
  // section; nullopt from a host that does not hand them over (and in resume_year_report).
  std::optional<std::vector<YearGoal>> goals;
};

// The section: a title and plain-text paragraphs; no paragraphs leaves the section out.
struct ReportSection {
  std::string title;
  std::vector<std::string> paragraphs;
};

// Base class of a plugin. Override what the plugin needs; the defaults accept every entry as
// the host checked it and derive no milestones.
class Plugin {
 public:
  virtual ~Plugin() = default;
  // The manifest JSON text; must outlive the plugin (a string literal is the usual choice).
  virtual const char* manifest() const = 0;
  // Called once, after host() is available. Throw to refuse loading; the message is logged.
  virtual void init() {}
  // Throw Rejected for bad input; any other exception reports a plugin failure.
  virtual NormalizedEntry normalize_entry(const EntryRequest& entry) {
    return NormalizedEntry{entry.fields, {}};
  }
  virtual std::vector<Milestone> derive_milestones(const std::vector<StoredEntry>& entries) {
    (void)entries;
    return {};
  }
  // A plugin that writes its own year-in-review section declares, in its class,
  //   ReportSection year_report_section(const YearReportRequest& request);
  // HOEGO_PLUGIN then offers the "hoego.year_report.v1" extension; without it, none.
  // A section that adds up its entries one month at a time declares instead the pair
  //   void resume_year_report(nlohmann::json& state, const YearReportRequest& month);
  //   ReportSection year_report_from(const nlohmann::json& state, const YearReportRequest& year);
  // resume_year_report adds `month.entries` (one month's, oldest first) to `state`, null for
  // the year's first month with entries; year_report_from writes the section from the state
  // after the last month (null when there were none; `year.entries` is empty). Where a paragraph
  // wants a target, it takes the user's own from `request.goals` (or `year.goals`): a plugin
  // never assumes one. Figures are written with format_figure (<hoego/sdk_figures.hpp>), the
  // rule the host writes its numbers by. HOEGO_PLUGIN then
  // offers "hoego.resumable_year_report.v1", so that after a change only the months from the
  // changed one on are added again, and "hoego.year_report.v1" running the pair over the year.
  // A plugin whose milestones follow from its entries one at a time, oldest first, declares
  // instead of overriding derive_milestones
  //   std::vector<Milestone> resume_milestones(nlohmann::json& state,
  //                                            const std::vector<StoredEntry>& entries);
  // `state` is null the first time and otherwise what the plugin left in it last time;
  // `entries` are the ones after those it has seen. It returns what these entries reached and
  // leaves in `state` what it needs to go on (counts so far, say). HOEGO_PLUGIN then offers the
  // "hoego.resumable_milestones.v1" extension, and derive_milestones runs it from null.

 protected:
  const Host& host() const { return host_; }

 private:
  template <typename PluginClass>
  friend hoego_status detail_init(const hoego_host* host) noexcept;
  Host host_;
};

template <typename PluginClass>
PluginClass& plugin_instance() {
  static PluginClass plugin;
  return plugin;
}

// Hands the host to the plugin before its own init runs, and logs why init failed.
template <typename PluginClass>
hoego_status detail_init(const hoego_host* host) noexcept {
  const Host wrapped(host);
  try {
    Plugin& plugin = plugin_instance<PluginClass>();
    plugin.host_ = wrapped;
    plugin.init();
    return HOEGO_STATUS_OK;
  } catch (const std::exception& error) {
    wrapped.log(HOEGO_LOG_ERROR, std::string("init failed: ") + error.what());
  } catch (...) {
    wrapped.log(HOEGO_LOG_ERROR, "init failed: unknown exception");
  }
  return HOEGO_STATUS_FAILED;
}

// Reading and tidying an entry's `fields` in a normaliser. The host has already checked each
// field against the manifest (type, range, choice), so these only spare each plugin the same
// few lines.

// The text of field `id`; empty when it is absent or not text.
inline std::string text_field(const nlohmann::json& fields, std::string_view id) {
  const auto found = fields.find(id);
  return found != fields.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

// Whether field `id` is true; false when it is absent or not a boolean.
inline bool boolean_field(const nlohmann::json& fields, std::string_view id) {
  const auto found = fields.find(id);
  return found != fields.end() && found->is_boolean() && found->get<bool>();
}

// Trims text field `id` in place (sdk::trimmed); a field left blank carries nothing and is
// removed.
inline void trim_text_field(nlohmann::json& fields, std::string_view id) {
  const auto found = fields.find(id);
  if (found == fields.end()) return;
  std::string trimmed_text = trimmed(text_field(fields, id));
  if (trimmed_text.empty())
    fields.erase(found);
  else
    *found = std::move(trimmed_text);
}

namespace detail {

inline void write(const hoego_sink* out, const std::string& text) {
  if (out != nullptr && out->write != nullptr) out->write(out->context, text.data(), text.size());
}

inline hoego_status fail(const hoego_sink* out, std::string_view message) {
  write(out, nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                     nlohmann::json::error_handler_t::replace));
  return HOEGO_STATUS_FAILED;
}

inline std::string string_or_empty(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string{};
}

// Moves members out of a request parsed for this call alone: an import normalises thousands of
// entries, and copying each one's texts and fields again cost more than reading them.
inline std::string take_string(nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return {};
  return std::move(found->get_ref<std::string&>());
}

inline std::vector<std::string> take_strings(nlohmann::json& object, const char* key) {
  std::vector<std::string> result;
  auto found = object.find(key);
  if (found == object.end() || !found->is_array()) return result;
  for (auto& item : *found)
    if (item.is_string()) result.push_back(std::move(item.get_ref<std::string&>()));
  return result;
}

inline nlohmann::json take_member(nlohmann::json& object, const char* key, nlohmann::json absent) {
  auto found = object.find(key);
  return found != object.end() ? std::move(*found) : absent;
}

// Runs `body`, turning every exception into a status and a message in `out`.
template <typename Body>
hoego_status guarded(const hoego_sink* out, Body&& body) noexcept {
  try {
    return body();
  } catch (const Rejected& rejected) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& error : rejected.errors())
      errors.push_back({{"field", error.field}, {"message", error.message}});
    write(out, nlohmann::json{{"errors", errors}}.dump(-1, ' ', false,
                                                       nlohmann::json::error_handler_t::replace));
    return HOEGO_STATUS_REJECTED;
  } catch (const std::exception& error) {
    return fail(out, error.what());
  } catch (...) {
    return fail(out, "unknown exception");
  }
}

template <typename PluginClass>
PluginClass& instance() {
  return plugin_instance<PluginClass>();
}

template <typename PluginClass>
hoego_status init(const hoego_host* host) noexcept {
  return detail_init<PluginClass>(host);
}

template <typename PluginClass>
hoego_status normalize_entry(const char* request, size_t size, const hoego_sink* out) noexcept {
  return guarded(out, [&] {
    auto json = parse_json(std::string_view(request, size));
    if (!json.is_object()) throw std::invalid_argument("the request is not a JSON object");
    EntryRequest entry;
    entry.kind = take_string(json, "kind");
    entry.kind_version = json.value("kind_version", 1);
    entry.title = take_string(json, "title");
    entry.notes = take_string(json, "notes");
    entry.when = take_string(json, "when");
    entry.track = take_string(json, "track");
    entry.people = take_strings(json, "people");
    entry.tags = take_strings(json, "tags");
    entry.fields = take_member(json, "fields", nlohmann::json::object());
    NormalizedEntry normalized = instance<PluginClass>().normalize_entry(entry);
    nlohmann::json answer{{"fields", std::move(normalized.fields)}};
    if (!normalized.title.empty()) answer["title"] = std::move(normalized.title);
    write(out, answer.dump());
    return HOEGO_STATUS_OK;
  });
}

// The "entries" array of a request parsed for this call alone, moved out as StoredEntry values:
// a plugin resuming its milestones is handed up to 1,024 entries at a time, and copying each
// one's texts and fields cost a fifth of its call.
inline std::vector<StoredEntry> take_stored_entries(nlohmann::json& request) {
  std::vector<StoredEntry> entries;
  auto found = request.find("entries");
  if (found == request.end() || !found->is_array()) return entries;
  entries.reserve(found->size());
  for (auto& item : *found) {
    if (!item.is_object()) throw std::invalid_argument("an entry of the request is not an object");
    StoredEntry entry;
    entry.id = item.value("id", 0LL);
    entry.kind = take_string(item, "kind");
    entry.when = take_string(item, "when");
    entry.local_date = take_string(item, "local_date");
    entry.title = take_string(item, "title");
    entry.track = take_string(item, "track");
    entry.people = take_strings(item, "people");
    entry.tags = take_strings(item, "tags");
    entry.fields = take_member(item, "fields", nlohmann::json::object());
    entries.push_back(std::move(entry));
  }
  return entries;
}

// The "goals" of a year-report request; nullopt when the host sent none.
inline std::optional<std::vector<YearGoal>> take_goals(nlohmann::json& request) {
  auto found = request.find("goals");
  if (found == request.end() || !found->is_array()) return std::nullopt;
  std::vector<YearGoal> goals;
  for (auto& item : *found) {
    if (!item.is_object()) continue;
    YearGoal goal;
    goal.id = item.value("id", 0LL);
    goal.title = take_string(item, "title");
    goal.kind = take_string(item, "kind");
    goal.track = take_string(item, "track");
    goal.starts_on = take_string(item, "starts_on");
    goal.ends_on = take_string(item, "ends_on");
    if (auto target = item.find("target"); target != item.end() && target->is_number())
      goal.target = target->get<double>();
    goal.sum_field = take_string(item, "sum_field");
    if (auto progress = item.find("progress"); progress != item.end() && progress->is_number())
      goal.progress = progress->get<double>();
    goal.status = take_string(item, "status");
    goal.met = item.value("met", false);
    goals.push_back(std::move(goal));
  }
  return goals;
}

}  // namespace detail

inline EntryPage Host::read_entries(const EntryQuery& query) const {
  if (host_ == nullptr || !HOEGO_HOST_HAS(host_, read_entries) || host_->read_entries == nullptr)
    throw HostError("this hoego does not offer read_entries (it needs SDK 1.1)");
  nlohmann::json request = nlohmann::json::object();
  if (!query.kind.empty()) request["kind"] = query.kind;
  if (!query.from.empty()) request["from"] = query.from;
  if (!query.to.empty()) request["to"] = query.to;
  if (query.limit != 0) request["limit"] = query.limit;
  const std::string text = request.dump();
  const std::string answered = answer("read_entries", [&](const hoego_sink* out) {
    return host_->read_entries(host_->context, text.data(), text.size(), out);
  });
  auto json = detail::parse_json(answered);
  return EntryPage{detail::take_stored_entries(json), json.value("truncated", false)};
}

namespace detail {

template <typename PluginClass>
constexpr bool kResumesYearReport = requires(PluginClass& plugin, nlohmann::json& state,
                                             const YearReportRequest& request) {
  plugin.resume_year_report(state, request);
  { plugin.year_report_from(std::as_const(state), request) } -> std::convertible_to<ReportSection>;
};

template <typename PluginClass>
constexpr bool kWritesYearReport = kResumesYearReport<PluginClass> ||
                                   requires(PluginClass& plugin, const YearReportRequest& request) {
  { plugin.year_report_section(request) } -> std::convertible_to<ReportSection>;
};

inline void write_section(const hoego_sink* out, const ReportSection& section) {
  write(out, nlohmann::json{{"title", section.title}, {"paragraphs", section.paragraphs}}.dump(
                 -1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The whole year in one call: a resumable plugin adds it month by month, as the host would.
template <typename PluginClass>
hoego_status write_year_report_section(const char* request, size_t size,
                                       const hoego_sink* out) noexcept {
  return guarded(out, [&] {
    auto json = parse_json(std::string_view(request, size));
    YearReportRequest asked;
    asked.year = json.value("year", 0);
    asked.language = string_or_empty(json, "language");
    asked.entries = take_stored_entries(json);
    asked.goals = take_goals(json);
    if constexpr (kResumesYearReport<PluginClass>) {
      PluginClass& plugin = instance<PluginClass>();
      // Entries come oldest first, which near a month's end is not always in order of their
      // local dates (offsets differ): gather each month's, keeping their order within it.
      std::stable_sort(asked.entries.begin(), asked.entries.end(),
                       [](const StoredEntry& a, const StoredEntry& b) {
                         return a.local_date.compare(0, 7, b.local_date, 0, 7) < 0;
                       });
      nlohmann::json state;
      YearReportRequest month{asked.year, {}, {}, std::nullopt};
      for (auto& entry : asked.entries) {
        if (!month.entries.empty() &&
            month.entries.front().local_date.compare(0, 7, entry.local_date, 0, 7) != 0) {
          plugin.resume_year_report(state, month);
          month.entries.clear();
        }
        month.entries.push_back(std::move(entry));
      }
      if (!month.entries.empty()) plugin.resume_year_report(state, month);
      asked.entries.clear();
      write_section(out, plugin.year_report_from(std::as_const(state), asked));
    } else {
      write_section(out, instance<PluginClass>().year_report_section(asked));
    }
    return HOEGO_STATUS_OK;
  });
}

template <typename PluginClass>
hoego_status resume_year_report(const char* request, size_t size, const hoego_sink* out) noexcept {
  return guarded(out, [&] {
    auto json = parse_json(std::string_view(request, size));
    YearReportRequest month;
    month.year = json.value("year", 0);
    month.entries = take_stored_entries(json);
    nlohmann::json state = take_member(json, "state", nlohmann::json());
    instance<PluginClass>().resume_year_report(state, month);
    write(out, nlohmann::json{{"state", state}}.dump(-1, ' ', false,
                                                     nlohmann::json::error_handler_t::replace));
    return HOEGO_STATUS_OK;
  });
}

template <typename PluginClass>
hoego_status write_year_report_from_state(const char* request, size_t size,
                                          const hoego_sink* out) noexcept {
  return guarded(out, [&] {
    auto json = parse_json(std::string_view(request, size));
    YearReportRequest year;
    year.year = json.value("year", 0);
    year.language = string_or_empty(json, "language");
    year.goals = take_goals(json);
    const nlohmann::json state = json.contains("state") ? json["state"] : nlohmann::json();
    write_section(out, instance<PluginClass>().year_report_from(state, year));
    return HOEGO_STATUS_OK;
  });
}

template <typename PluginClass>
constexpr bool kResumesMilestones = requires(PluginClass& plugin, nlohmann::json& state,
                                             const std::vector<StoredEntry>& entries) {
  { plugin.resume_milestones(state, entries) } -> std::convertible_to<std::vector<Milestone>>;
};

inline nlohmann::json milestones_json(const std::vector<Milestone>& reached) {
  nlohmann::json milestones = nlohmann::json::array();
  for (const auto& milestone : reached) {
    nlohmann::json item{{"id", milestone.id}, {"entry_id", milestone.entry_id}};
    if (!milestone.person.empty()) item["person"] = milestone.person;
    milestones.push_back(std::move(item));
  }
  return milestones;
}

template <typename PluginClass>
hoego_status resume_milestones(const char* request, size_t size, const hoego_sink* out) noexcept {
  return guarded(out, [&] {
    auto json = parse_json(std::string_view(request, size));
    nlohmann::json state = take_member(json, "state", nlohmann::json());
    const auto reached =
        instance<PluginClass>().resume_milestones(state, take_stored_entries(json));
    write(out, nlohmann::json{{"milestones", milestones_json(reached)}, {"state", state}}.dump(
                   -1, ' ', false, nlohmann::json::error_handler_t::replace));
    return HOEGO_STATUS_OK;
  });
}

template <typename PluginClass>
const void* get_extension(const char* id) noexcept {
  if (id == nullptr) return nullptr;
  if constexpr (kWritesYearReport<PluginClass>) {
    static const hoego_year_report_v1 year_report{sizeof(hoego_year_report_v1),
                                                  &write_year_report_section<PluginClass>};
    if (std::string_view(id) == HOEGO_EXTENSION_YEAR_REPORT_1) return &year_report;
  }
  if constexpr (kResumesYearReport<PluginClass>) {
    static const hoego_resumable_year_report_v1 resumable{
        sizeof(hoego_resumable_year_report_v1), &resume_year_report<PluginClass>,
        &write_year_report_from_state<PluginClass>};
    if (std::string_view(id) == HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1) return &resumable;
  }
  if constexpr (kResumesMilestones<PluginClass>) {
    static const hoego_resumable_milestones_v1 resumable{sizeof(hoego_resumable_milestones_v1),
                                                         &resume_milestones<PluginClass>};
    if (std::string_view(id) == HOEGO_EXTENSION_RESUMABLE_MILESTONES_1) return &resumable;
  }
  return nullptr;
}

template <typename PluginClass>
hoego_status derive_milestones(const char* request, size_t size, const hoego_sink* out) noexcept {
  return guarded(out, [&] {
    auto json = parse_json(std::string_view(request, size));
    const std::vector<StoredEntry> entries = take_stored_entries(json);
    std::vector<Milestone> reached;
    if constexpr (kResumesMilestones<PluginClass>) {
      nlohmann::json state;
      reached = instance<PluginClass>().resume_milestones(state, entries);
    } else {
      reached = instance<PluginClass>().derive_milestones(entries);
    }
    write(out, nlohmann::json{{"milestones", milestones_json(reached)}}.dump());
    return HOEGO_STATUS_OK;
  });
}

template <typename PluginClass>
const hoego_plugin* descriptor() noexcept {
  static const hoego_plugin plugin = [] {
    hoego_plugin result{};
    result.struct_size = sizeof(hoego_plugin);
    result.sdk_version = HOEGO_SDK_VERSION;
    try {
      result.manifest_json = instance<PluginClass>().manifest();
    } catch (...) {
      result.manifest_json = nullptr;
    }
    result.init = &init<PluginClass>;
    result.deinit = nullptr;
    result.normalize_entry = &normalize_entry<PluginClass>;
    result.derive_milestones = &derive_milestones<PluginClass>;
    result.get_extension = &get_extension<PluginClass>;
    return result;
  }();
  return &plugin;
}

}  // namespace detail
}  // namespace hoego::sdk

// Exports the entry point for `PluginClass`, a default-constructible subclass of
// hoego::sdk::Plugin. Use once per plugin, at namespace scope in one source file.
#define HOEGO_PLUGIN(PluginClass)                                                   \
  extern "C" HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t) { \
    return ::hoego::sdk::detail::descriptor<PluginClass>();                         \
  }
