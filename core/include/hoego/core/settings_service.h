// The user's settings, kept in the database so that every command and the web view agree:
// `time_zone` (an IANA name; cycles, deadlines and times without an offset are read in it),
// `language` (ko or en) and `feed_interval` (minutes between two fetches of the members' feeds
// while the server runs, or off).
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/result.h>

#include <map>
#include <optional>
#include <string>

namespace hoego {

class SettingsService {
 public:
  explicit SettingsService(Database& db) : db_(db) {}

  // Every stored setting, by key.
  Result<std::map<std::string, std::string>> all();
  Result<std::optional<std::string>> get(const std::string& key);
  // Checks the key and the value (a time zone the tz database knows, a language hoego speaks);
  // writes nothing on a problem.
  Status set(const std::string& key, const std::string& value);
  // Forgets a setting, so that its default applies again.
  Status unset(const std::string& key);

 private:
  Database& db_;
};

}  // namespace hoego
