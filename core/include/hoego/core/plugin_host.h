// Loads plugins through the SDK's C ABI and calls them safely: a plugin that fails, throws or
// answers nonsense produces an Error for that call and nothing else.
#pragma once

#include <hoego/core/manifest.h>
#include <hoego/core/result.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoego {

// One plugin that passed every check and is ready to be called. Owned by a PluginHost.
class LoadedPlugin {
 public:
  struct Library;  // the loaded shared library and its descriptor (private to the host)

  LoadedPlugin(std::unique_ptr<Library> library, Manifest manifest);
  ~LoadedPlugin();
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  const Manifest& manifest() const { return manifest_; }
  const std::string& id() const { return manifest_.id; }
  const std::filesystem::path& path() const;
  // The HOEGO_SDK_VERSION the plugin was built against.
  uint32_t sdk_version() const;
  // "1.0.0" for sdk_version().
  std::string sdk_version_text() const;

  // Asks the plugin to validate and normalise an entry (see hoego_plugin.normalize_entry).
  // Returns the plugin's answer, {"fields":{…}} and maybe "title"; an Error of kind
  // kInvalidInput with per-field details when the plugin rejected the entry; kPluginFailed when
  // the plugin failed or answered with something other than the documented JSON.
  Result<nlohmann::json> normalize_entry(const nlohmann::json& request) const;
  // Asks the plugin for the milestones its entries reached; {"milestones":[…]} on success.
  Result<nlohmann::json> derive_milestones(const nlohmann::json& request) const;
  // Asks for the plugin's year-in-review section (extension "hoego.year_report.v1"):
  // {"title":"…","paragraphs":["…"]}, or nullopt when the plugin does not write one.
  Result<std::optional<nlohmann::json>> year_report_section(const nlohmann::json& request) const;

 private:
  std::unique_ptr<Library> library_;
  Manifest manifest_;
};

// A library that was not loaded, and why, in one line.
struct PluginRefusal {
  std::filesystem::path path;
  std::string reason;
};

// Finds, checks and owns the loaded plugins. Not thread-safe while loading; once loading is
// done, calls into the plugins may come from any thread.
class PluginHost {
 public:
  PluginHost();
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Loads every plugin library (*.so) in `directory`, in name order. A missing directory is
  // skipped silently; an unreadable one is recorded as a refusal.
  void load_directory(const std::filesystem::path& directory);
  // Loads one library. Returns the plugin, or nullptr after recording why it was refused.
  const LoadedPlugin* load_file(const std::filesystem::path& path);

  const std::vector<std::unique_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
  const std::vector<PluginRefusal>& refusals() const { return refusals_; }
  // The loaded plugin with this id, or nullptr.
  const LoadedPlugin* find(std::string_view id) const;
  // The plugin with this id, or a kNotFound error that names the loaded ones.
  Result<const LoadedPlugin*> require(std::string_view id) const;

 private:
  Result<std::unique_ptr<LoadedPlugin>> load(const std::filesystem::path& path);

  std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
  std::vector<PluginRefusal> refusals_;
  std::vector<std::filesystem::path> seen_;
};

// Where plugins are looked for, in order: the bundled directory (lib/hoego/plugins beside the
// executable's bin/), each directory given with --plugins, then each of HOEGO_PLUGIN_PATH
// (colon-separated).
std::vector<std::filesystem::path> plugin_search_path(
    const std::filesystem::path& executable, const std::vector<std::filesystem::path>& extra,
    const char* environment_path);

}  // namespace hoego
