// A plugin's manifest: what it declares about its kinds, fields, metrics and milestones.
#pragma once

#include <hoego/core/result.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace hoego {

// A text in the languages hoego speaks.
struct LocalizedText {
  std::string ko;
  std::string en;
  // The text in `language` ("ko" or "en"), falling back to the other one.
  const std::string& in(std::string_view language) const;
};

enum class FieldType {
  kText,
  kMarkdown,
  kInteger,
  kNumber,
  kBoolean,
  kDate,
  kUrl,
  kChoice,
  kList,
  kChecklist
};

// The manifest's name of a field type ("integer", "checklist", …).
std::string_view field_type_name(FieldType type);

struct ChoiceOption {
  std::string id;
  LocalizedText label;
};

struct FieldSpec {
  std::string id;
  FieldType type = FieldType::kText;
  bool required = false;
  LocalizedText label;
  std::optional<double> min;
  std::optional<double> max;
  std::string unit;
  std::vector<ChoiceOption> options;  // for kChoice
};

// Whether a kind takes people (mentees, teammates…) and how the web view and CLI name them.
struct PeopleSpec {
  LocalizedText label;
  bool required = false;
  // The people named wrote the entry ("authors": true; a writing group's members' posts): an
  // entry that names someone is theirs, so the user's own goals count only entries naming no one.
  bool authors = false;
};

// How entries of a kind appear in a calendar export: at their time for a duration (from an
// integer field of minutes, else a fixed length), or as an all-day event on a date field.
struct CalendarSpec {
  std::string duration_field;  // an integer field in minutes
  int default_minutes = 60;    // when there is no duration field, or the entry leaves it empty
  std::string date_field;      // set: an all-day event on this date field's day instead
};

struct KindSpec {
  std::string id;
  int version = 1;
  LocalizedText label;
  std::optional<PeopleSpec> people;      // absent: entries of this kind take no people
  std::optional<CalendarSpec> calendar;  // absent: not in calendar exports
  std::vector<FieldSpec> fields;

  const FieldSpec* field(std::string_view field_id) const;
};

enum class Aggregate {
  kCount,            // entries
  kSum,              // a numeric field, over entries
  kDistinctPeople,   // people named in entries
  kCountItems,       // items of a list or checklist field
  kPerMonth,         // entries per calendar month of the period
  kLongestGapDays,   // the longest run of days between consecutive entries
  kAverageSpanDays,  // per track: days from the first "from" entry to the first "to" entry
  kMostFrequent,     // the option of a choice field that most entries chose, and how many did
};

// A condition on one field of an entry: equal to a value, or present (or absent).
struct FieldCondition {
  std::string field;
  std::optional<nlohmann::json> equals;  // a string, number or boolean
  bool present = true;                   // used when `equals` is empty
};

struct MetricSpec {
  std::string id;
  LocalizedText label;
  std::string kind;
  Aggregate aggregate = Aggregate::kCount;
  std::string field;  // for kSum, kCountItems and kMostFrequent
  // For kCount and kSum: a choice field; the value is also given per option it holds.
  std::string by;
  double divide_by = 1.0;             // for kSum: minutes → hours
  std::optional<bool> item_done;      // for kCountItems: count only items whose done flag matches
  std::vector<FieldCondition> where;  // only entries meeting every condition count
  // "people": "some" (true) counts only entries that name someone, "none" (false) only those that
  // name no one (a writing group's own posts beside the members' gathered from their feeds).
  std::optional<bool> names_people;
  // For kDistinctPeople: only the people met for the first time in these entries, named in no
  // earlier entry of any plugin ("first_time": true).
  bool first_time = false;
  std::vector<FieldCondition> from;  // for kAverageSpanDays
  std::vector<FieldCondition> to;    // for kAverageSpanDays
  std::string unit;
};

struct MilestoneSpec {
  std::string id;
  LocalizedText label;
};

// One part of a plugin's dashboard card, in the order the manifest lists them.
enum class WidgetType {
  kStats,       // metric values
  kGoals,       // progress of the goals on the plugin's kinds
  kRecent,      // the newest entries
  kMilestones,  // milestones reached
};

struct WidgetSpec {
  WidgetType type = WidgetType::kStats;
  std::vector<std::string> metrics;  // kStats: these metrics, in this order; empty means all
  std::string kind;                  // kRecent: only entries of this kind; empty means any
  int limit = 5;                     // kRecent and kMilestones: at most this many
};

// The manifest's name of a widget type ("stats", "goals", "recent", "milestones").
std::string_view widget_type_name(WidgetType type);

struct Manifest {
  std::string id;
  LocalizedText name;
  std::string version;
  LocalizedText description;
  std::vector<KindSpec> kinds;
  std::vector<MetricSpec> metrics;
  std::vector<MilestoneSpec> milestones;
  // The dashboard card; a manifest without "widgets" gets stats, goals, recent and milestones.
  std::vector<WidgetSpec> widgets;
  nlohmann::json source;  // the manifest as the plugin wrote it, for the API

  const KindSpec* kind(std::string_view kind_id) const;
  const MilestoneSpec* milestone(std::string_view milestone_id) const;
};

// Parses and checks manifest text. On failure the error's message names the first problem and
// its `fields` list every problem found, each with the JSON path it concerns.
Result<Manifest> parse_manifest(std::string_view text);

}  // namespace hoego
