#include "entry_output.h"

#include <sstream>

namespace hoego::cli {

namespace {

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
  return text;
}

// A field's value as a person reads it: a choice by its label, a yes/no in words, a checklist
// with its boxes, a number with its unit.
std::string field_text(const nlohmann::json& value, const FieldSpec* spec, const Words& words) {
  if (value.is_string()) {
    if (spec != nullptr)
      for (const auto& option : spec->options)
        if (option.id == value.get<std::string>()) return option.label.in(words.language);
    return value.get<std::string>();
  }
  if (value.is_boolean() && words.korean()) return value.get<bool>() ? "예" : "아니요";
  if (value.is_number() && spec != nullptr && !spec->unit.empty())
    return words.with_unit(value.dump(), value.get<double>(), spec->unit);
  if (value.is_array()) {
    std::vector<std::string> items;
    for (const auto& item : value) {
      if (item.is_object())
        items.push_back(std::string(item.value("done", false) ? "[x] " : "[ ] ") +
                        item.value("text", std::string{}));
      else
        items.push_back(field_text(item, spec, words));
    }
    return join(items, ", ");
  }
  return value.dump();
}

}  // namespace

std::string entry_line(const Entry& entry, const Words& words) {
  // "2022-10-05T20:00:00+09:00" → "2022-10-05 20:00 +09:00"
  const std::string& iso = entry.when.iso;
  std::string when =
      iso.size() >= 25 ? iso.substr(0, 10) + " " + iso.substr(11, 5) + " " + iso.substr(19) : iso;
  std::string line = "#" + std::to_string(entry.id) + "  " + when + "  " + entry.plugin + "/" +
                     entry.kind + "  " + entry.title;
  if (!entry.people.empty()) line += " · " + join(entry.people, ", ");
  if (entry.deleted_at) line += words.pick("  (삭제됨)", "  (deleted)");
  return line;
}

std::string revision_text(int revision, const Words& words) {
  return words.korean() ? "(" + std::to_string(revision) + "번째 판)"
                        : "(revision " + std::to_string(revision) + ")";
}

std::string entry_details(const Entry& entry, const KindSpec* kind, const Words& words) {
  // The labels are padded to one column: each Korean label is two characters, twice as wide
  // on a terminal as a Latin letter.
  std::ostringstream out;
  out << "#" << entry.id << " " << entry.plugin << "/" << entry.kind << " "
      << revision_text(entry.revision, words) << "\n";
  out << words.pick("일시:    ", "when:    ") << entry.when.iso;
  // Written with another offset than the user's, its day may be another: say which day it counts
  // on.
  if (entry.when.iso.compare(0, 10, entry.when.local_date) != 0)
    out << words.pick(" (내 시간대로는 ", " (counts on ") << entry.when.local_date << ")";
  out << "\n";
  out << words.pick("제목:    ", "title:   ") << entry.title << "\n";
  if (!entry.people.empty())
    out << words.pick("사람:    ", "people:  ") << join(entry.people, ", ") << "\n";
  if (entry.track) out << words.pick("트랙:    ", "track:   ") << *entry.track << "\n";
  if (!entry.tags.empty())
    out << words.pick("태그:    ", "tags:    ") << join(entry.tags, ", ") << "\n";
  for (const auto& [key, value] : entry.fields.items()) {
    const FieldSpec* spec = kind != nullptr ? kind->field(key) : nullptr;
    out << (spec != nullptr ? spec->label.in(words.language) + " (" + key + ")" : key) << ": "
        << field_text(value, spec, words) << "\n";
  }
  if (!entry.notes.empty()) out << words.pick("메모:", "notes:") << "\n" << entry.notes << "\n";
  return out.str();
}

}  // namespace hoego::cli
