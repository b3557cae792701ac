#include "plugin_request.h"

namespace hoego {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t plain_from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
    out.append(text, plain_from, i - plain_from);
    plain_from = i + 1;
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xf];
    }
  }
  out.append(text, plain_from);
  out += '"';
}

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
