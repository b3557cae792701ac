#include "csv_reader.h"

#include <hoego/core/utf8.h>

namespace hoego {
namespace {

Error refused_row(int row, const std::string& english, const std::string& korean) {
  const std::string number = std::to_string(row);
  return Error::invalid("row " + number + ": " + english, number + "번째 행: " + korean);
}

}  // namespace

Result<std::vector<CsvRecord>> read_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRecord> records;
  CsvRecord record{1, {}};
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool after_quote = false;  // a quoted field has closed; only a separator may follow
  bool field_started = false;
  int row = 1;
  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    after_quote = false;
    field_started = false;
  };
  auto end_record = [&] {
    end_field();
    const bool blank = record.fields.size() == 1 && record.fields.front().empty();
    if (!blank) records.push_back(std::move(record));
    record = CsvRecord{++row, {}};
  };
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (at + 1 < text.size() && text[at + 1] == '"') {
        field += '"';
        ++at;
      } else {
        quoted = false;
        after_quote = true;
      }
      continue;
    }
    if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') ++at;
      end_record();
    } else if (after_quote) {
      return refused_row(row, "text after a closing quote (write a quote inside a field as \"\")",
                         "닫는 따옴표 뒤에 글자가 있습니다 (필드 안의 따옴표는 \"\"로 써 주세요)");
    } else if (c == '"') {
      if (field_started)
        return refused_row(row, "a quote inside an unquoted field (quote the whole field)",
                           "따옴표로 감싸지 않은 필드 안에 따옴표가 있습니다 (필드 전체를 "
                           "따옴표로 감싸 주세요)");
      quoted = true;
      field_started = true;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted)
    return refused_row(record.row, "a quote is never closed", "따옴표가 닫히지 않았습니다");
  if (field_started || after_quote || !record.fields.empty()) end_record();
  for (const auto& read : records)
    for (const auto& value : read.fields)
      if (!is_valid_utf8(value))
        return refused_row(read.row, "the text is not UTF-8 (save the file as UTF-8 CSV)",
                           "UTF-8 텍스트가 아닙니다 (파일을 UTF-8 CSV로 저장해 주세요)");
  return records;
}

}  // namespace hoego
