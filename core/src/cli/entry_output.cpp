#include "entry_output.h"

#include <sstream>

namespace hoego::cli {

namespace {

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
  return text;
}

std::string field_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::vector<std::string> items;
    for (const auto& item : value) {
      if (item.is_object())
        items.push_back(std::string(item.value("done", false) ? "[x] " : "[ ] ") +
                        item.value("text", std::string{}));
      else
        items.push_back(field_text(item));
    }
    return join(items, ", ");
  }
  return value.dump();
}

}  // namespace

std::string entry_line(const Entry& entry) {
  // "2022-10-05T20:00:00+09:00" → "2022-10-05 20:00 +09:00"
  const std::string& iso = entry.when.iso;
  std::string when =
      iso.size() >= 25 ? iso.substr(0, 10) + " " + iso.substr(11, 5) + " " + iso.substr(19) : iso;
  std::string line = "#" + std::to_string(entry.id) + "  " + when + "  " + entry.plugin + "/" +
                     entry.kind + "  " + entry.title;
  if (!entry.people.empty()) line += " · " + join(entry.people, ", ");
  if (entry.deleted_at) line += "  (deleted)";
  return line;
}

std::string entry_details(const Entry& entry, const KindSpec* kind, const std::string& language) {
  std::ostringstream out;
  out << "#" << entry.id << " " << entry.plugin << "/" << entry.kind << " (revision "
      << entry.revision << ")\n";
  out << "when:    " << entry.when.iso << "\n";
  out << "title:   " << entry.title << "\n";
  if (!entry.people.empty()) out << "people:  " << join(entry.people, ", ") << "\n";
  if (!entry.tags.empty()) out << "tags:    " << join(entry.tags, ", ") << "\n";
  for (const auto& [key, value] : entry.fields.items()) {
    const FieldSpec* spec = kind != nullptr ? kind->field(key) : nullptr;
    out << (spec != nullptr ? spec->label.in(language) + " (" + key + ")" : key) << ": "
        << field_text(value) << (spec != nullptr && !spec->unit.empty() ? " " + spec->unit : "")
        << "\n";
  }
  if (!entry.notes.empty()) out << "notes:\n" << entry.notes << "\n";
  return out.str();
}

}  // namespace hoego::cli
