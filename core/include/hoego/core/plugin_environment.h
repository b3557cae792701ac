// The host API a plugin may call (hoego_host in <hoego/sdk.h>, SDK 1.1): the user's language and
// time zone, and the plugin's own entries. The plugin host forwards those calls here.
#pragma once

#include <hoego/core/database.h>
#include <hoego/core/result.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

namespace hoego {

class LoadedPlugin;

class PluginEnvironment {
 public:
  virtual ~PluginEnvironment() = default;
  // "ko" or "en".
  virtual std::string language() = 0;
  // An IANA time zone name.
  virtual std::string time_zone() = 0;
  // The plugin's own live entries matching `query` (see hoego_host.read_entries):
  // {"entries":[…],"truncated":bool}, or kInvalidInput naming the query's wrong member.
  virtual Result<nlohmann::json> read_entries(const LoadedPlugin& plugin,
                                              const nlohmann::json& query) = 0;
};

// Answers from a database. The language and zone are asked of the functions on every call, so
// that a changed setting applies at once; `database` may open it lazily and return nullptr
// when it cannot.
class DatabasePluginEnvironment final : public PluginEnvironment {
 public:
  DatabasePluginEnvironment(std::function<Database*()> database,
                            std::function<std::string()> language,
                            std::function<std::string()> time_zone);

  // The language of the request this thread is answering (RequestLanguage), else the user's.
  std::string language() override;
  std::string time_zone() override { return time_zone_(); }
  Result<nlohmann::json> read_entries(const LoadedPlugin& plugin,
                                      const nlohmann::json& query) override;

 private:
  std::function<Database*()> database_;
  std::function<std::string()> language_;
  std::function<std::string()> time_zone_;
};

// While it lives, plugins called from this thread are told `language` as the user's: a web page
// in Korean on a server set to English gets a plugin's refusals and default titles in Korean,
// as it gets the host's own. The HTTP API holds one around each request.
class RequestLanguage {
 public:
  explicit RequestLanguage(std::string language);
  ~RequestLanguage();
  RequestLanguage(const RequestLanguage&) = delete;
  RequestLanguage& operator=(const RequestLanguage&) = delete;

 private:
  std::string previous_;
};

}  // namespace hoego
