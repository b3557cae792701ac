#include <date/tz.h>
#include <hoego/core/settings_service.h>

namespace hoego {
namespace {

Status check_key(const std::string& key) {
  if (key == "time_zone" || key == "language" || key == "feed_interval") return Status::success();
  return Error::invalid(
      "unknown setting '" + key + "' (settings: time_zone, language, feed_interval)",
      "알 수 없는 설정입니다: '" + key + "' (설정: time_zone, language, feed_interval)");
}

Status check_value(const std::string& key, const std::string& value) {
  if (key == "feed_interval") {
    // Minutes between two rounds of the members' feeds: from 5 (a blog is not a chat) to a week.
    int minutes = -1;
    const bool number = !value.empty() && value.size() <= 5 &&
                        value.find_first_not_of("0123456789") == std::string::npos;
    if (number) minutes = std::stoi(value);
    if (value == "off" || (minutes >= 5 && minutes <= 10'080)) return Status::success();
    return Error::invalid(
        "feed_interval must be minutes from 5 to 10080, or off, not '" + value + "'",
        "feed_interval 값은 5에서 10080 사이의 분 또는 off여야 합니다: '" + value + "'");
  }
  if (key == "language") {
    if (value == "ko" || value == "en") return Status::success();
    return Error::invalid("language must be ko or en, not '" + value + "'",
                          "language 값은 ko 또는 en이어야 합니다: '" + value + "'");
  }
  try {
    date::locate_zone(value);
    return Status::success();
  } catch (const std::exception&) {
    return Error::invalid(
        "unknown time zone '" + value + "' (write an IANA name like Asia/Seoul)",
        "알 수 없는 시간대입니다: '" + value + "' (Asia/Seoul 같은 IANA 이름으로 써 주세요)");
  }
}

}  // namespace

Result<std::map<std::string, std::string>> SettingsService::all() {
  auto statement = db_.prepare("SELECT key, value FROM settings ORDER BY key");
  if (!statement) return statement.error();
  std::map<std::string, std::string> settings;
  while (true) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    settings[statement->text(0)] = statement->text(1);
  }
  return settings;
}

Result<std::optional<std::string>> SettingsService::get(const std::string& key) {
  if (auto status = check_key(key); !status) return status.error();
  auto statement = db_.prepare("SELECT value FROM settings WHERE key = ?");
  if (!statement) return statement.error();
  auto row = statement->bind(1, key).step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>{statement->text(0)};
}

Status SettingsService::set(const std::string& key, const std::string& value) {
  if (auto status = check_key(key); !status) return status;
  if (auto status = check_value(key, value); !status) return status;
  auto statement = db_.prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!statement) return statement.error();
  return statement->bind(1, key).bind(2, value).run();
}

Status SettingsService::unset(const std::string& key) {
  if (auto status = check_key(key); !status) return status;
  auto statement = db_.prepare("DELETE FROM settings WHERE key = ?");
  if (!statement) return statement.error();
  return statement->bind(1, key).run();
}

}  // namespace hoego
