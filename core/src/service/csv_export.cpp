#include <hoego/core/csv_export.h>
#include <hoego/core/entry_service.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "../domain/number_json.h"

namespace hoego {
namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : "; ") + item;
  return text;
}

// A field's value as a spreadsheet cell shows it.
std::string cell_text(const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_array()) {
    std::vector<std::string> items;
    for (const auto& item : value) {
      if (item.is_object())  // a checklist item
        items.push_back(std::string(item.value("done", false) ? "[x] " : "[ ] ") +
                        item.value("text", ""));
      else
        items.push_back(cell_text(item));
    }
    return joined(items);
  }
  // Numbers as stored, but a whole one without ".0" (12, not 12.0): what the user typed is never
  // rounded, and a whole number reads as the figures everywhere else do.
  return value.is_number_float() ? number_json(value.get<double>()).dump() : value.dump();
}

}  // namespace

std::string csv_cell(const std::string& text) {
  std::string cell = text;
  char* end = nullptr;
  const bool number = !cell.empty() && (std::strtod(cell.c_str(), &end), *end == '\0');
  if (!cell.empty() && !number &&
      std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos)
    cell.insert(0, "'");
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

Result<size_t> export_csv(Database& db, const PluginHost& plugins, const std::string& plugin,
                          std::ostream& out) {
  // A plugin switched off still describes its entries' fields.
  const LoadedPlugin* described = plugins.find_loaded(plugin);
  auto loaded =
      described != nullptr ? Result<const LoadedPlugin*>(described) : plugins.require(plugin);
  if (!loaded) return Error::invalid(loaded.error().message, loaded.error().message_ko);
  std::vector<std::string> fields;
  for (const auto& kind : (*loaded)->manifest().kinds)
    for (const auto& field : kind.fields)
      if (std::find(fields.begin(), fields.end(), field.id) == fields.end())
        fields.push_back(field.id);

  EntryFilter filter;
  filter.plugin = plugin;
  auto entries = EntryService(db, plugins, "UTC").list(filter);
  if (!entries) return entries.error();
  std::reverse(entries->begin(), entries->end());  // oldest first, as a log reads

  std::vector<std::string> header{"id",    "date",   "time", "kind", "title",
                                  "track", "people", "tags", "notes"};
  header.insert(header.end(), fields.begin(), fields.end());
  auto write_row = [&out](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out << (i == 0 ? "" : ",") << csv_cell(cells[i]);
    out << "\r\n";
  };
  out << "\xEF\xBB\xBF";  // the BOM: without it, Excel reads UTF-8 as the system code page
  write_row(header);
  for (const auto& entry : *entries) {
    // "2022-10-05T20:00:00+09:00" → "20:00:00+09:00": the local time with its offset.
    const std::string time = entry.when.iso.size() > 11 ? entry.when.iso.substr(11) : "";
    std::vector<std::string> row{std::to_string(entry.id),
                                 entry.when.local_date,
                                 time,
                                 entry.kind,
                                 entry.title,
                                 entry.track.value_or(""),
                                 joined(entry.people),
                                 joined(entry.tags),
                                 entry.notes};
    for (const auto& field : fields)
      row.push_back(cell_text(entry.fields.contains(field) ? entry.fields[field] : json()));
    write_row(row);
  }
  if (!out) return Error::storage("writing the CSV failed", "CSV를 쓰지 못했습니다");
  return entries->size();
}

}  // namespace hoego
