#include "plugin_request.h"

#include "../domain/json_text.h"

namespace hoego {

namespace {

void append_string_array(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, items[i]);
  }
  out += ']';
}

}  // namespace

std::string normalize_request(const Entry& entry) {
  std::string out;
  out.reserve(160 + entry.title.size() + entry.notes.size());
  out += "{\"kind\":";
  append_json_string(out, entry.kind);
  out += ",\"kind_version\":";
  out += std::to_string(entry.kind_version);
  out += ",\"title\":";
  append_json_string(out, entry.title);
  out += ",\"notes\":";
  append_json_string(out, entry.notes);
  out += ",\"when\":";
  append_json_string(out, entry.when.iso);
  out += ",\"track\":";
  if (entry.track)
    append_json_string(out, *entry.track);
  else
    out += "null";
  out += ",\"people\":";
  append_string_array(out, entry.people);
  out += ",\"tags\":";
  append_string_array(out, entry.tags);
  out += ",\"fields\":";
  out += entry.fields.dump();
  out += '}';
  return out;
}

}  // namespace hoego
