// Loads plugins through the SDK's C ABI and calls them safely: a plugin that fails, throws or
// answers nonsense produces an Error for that call and nothing else.
#pragma once

#include <hoego/core/manifest.h>
#include <hoego/core/plugin_environment.h>
#include <hoego/core/result.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

struct hoego_resumable_year_report_v1;  // <hoego/sdk.h>

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
  // The manifest version and SDK version: what is kept from this plugin's answers holds while
  // they stay the same.
  std::string build() const;
  // How many times the plugin has asked the host for the language, the time zone or its entries.
  // A caller that keeps an answer compares it before and after the call: an answer that read
  // more than it was given cannot be kept on what it was given alone.
  uint64_t host_reads() const;
  // What the plugin offers beyond its manifest: "normalize_entry", "derive_milestones", and
  // each optional extension the host knows and the plugin answers ("hoego.year_report.v1").
  std::vector<std::string> capabilities() const;

  // Asks the plugin to validate and normalise an entry (see hoego_plugin.normalize_entry).
  // Returns the plugin's answer, {"fields":{…}} and maybe "title"; an Error of kind
  // kInvalidInput with per-field details when the plugin rejected the entry; kPluginFailed when
  // the plugin failed or answered with something other than the documented JSON.
  Result<nlohmann::json> normalize_entry(const nlohmann::json& request) const;
  // The same with the request already written as JSON text.
  Result<nlohmann::json> normalize_entry(std::string_view request_json) const;
  // Asks the plugin for the milestones its entries reached; {"milestones":[…]} on success.
  Result<nlohmann::json> derive_milestones(const nlohmann::json& request) const;
  // Whether the plugin offers "hoego.resumable_milestones.v1".
  bool resumes_milestones() const;
  // Asks the plugin to go on deriving from {"state":…,"entries":[…]}; {"milestones":[…],
  // "state":…} on success (see hoego_resumable_milestones_v1).
  Result<nlohmann::json> resume_milestones(const nlohmann::json& request) const;
  // Whether the plugin offers "hoego.year_report.v1".
  bool writes_year_report() const;
  // Asks for the plugin's year-in-review section (extension "hoego.year_report.v1"):
  // {"title":"…","paragraphs":["…"]}, or nullopt when the plugin does not write one.
  Result<std::optional<nlohmann::json>> year_report_section(const nlohmann::json& request) const;
  // Whether the plugin offers "hoego.resumable_year_report.v1".
  bool resumes_year_report() const;
  // Adds a month of entries to the plugin's year-report state, from {"year":…,"month":…,
  // "state":…,"entries":[…]}: the state it answered (see hoego_resumable_year_report_v1).
  Result<nlohmann::json> resume_year_report(const nlohmann::json& request) const;
  // Its section written from the state after the year's last month ({"year":…,"language":…,
  // "state":…}), checked as year_report_section's.
  Result<nlohmann::json> year_report_from_state(const nlohmann::json& request) const;

 private:
  // The plugin's table for an optional capability, or nullptr.
  const void* extension(const char* extension_id) const;
  // The plugin's resumable year-report table when it is complete, or nullptr.
  const hoego_resumable_year_report_v1* resumable_year_report() const;

  std::unique_ptr<Library> library_;
  Manifest manifest_;
};

// A library that was not loaded, and why: the first problem in one line, then every one found.
// Each is in English and, at the same index, in Korean (`reason_ko`, `problems_ko`); words from
// outside the host (the dynamic loader's, a plugin's own log, a manifest check's detail) stay as
// they were inside the Korean sentence.
struct PluginRefusal {
  std::filesystem::path path;
  std::string reason;
  std::vector<std::string> problems;
  std::string reason_ko;
  std::vector<std::string> problems_ko;

  const std::string& reason_in(std::string_view language) const {
    return in_language(reason, reason_ko, language);
  }
  const std::vector<std::string>& problems_in(std::string_view language) const {
    return language == "ko" && problems_ko.size() == problems.size() ? problems_ko : problems;
  }
};

// What checking a library without keeping it found (PluginHost::check_file).
struct PluginCheck {
  std::vector<std::string> problems;     // empty when it would load
  std::unique_ptr<LoadedPlugin> plugin;  // the loaded plugin when there were no problems
  std::vector<std::string> problems_ko;  // `problems` in Korean, one for one

  const std::vector<std::string>& problems_in(std::string_view language) const {
    return language == "ko" && problems_ko.size() == problems.size() ? problems_ko : problems;
  }
};

// Why a file in a plugins folder is not loaded for its name, in both languages, or nullopt
// when it ends in .so.
std::optional<LocalizedText> misnamed_plugin(const std::filesystem::path& path);

// Finds, checks and owns the loaded plugins. Not thread-safe while loading; once loading is
// done, calls into the plugins may come from any thread.
class PluginHost {
 public:
  PluginHost();
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Loads every plugin library (*.so) in `directory`, in name order; every other file in it
  // (libx.so.1.0.0, notes) is recorded as a refusal saying that a plugin's name must end in .so.
  // A missing directory is skipped silently; an unreadable one is recorded as a refusal.
  void load_directory(const std::filesystem::path& directory);
  // Loads one library, whatever its name. Returns the plugin, or nullptr after recording why it
  // was refused (the dynamic loader's own words when it could not load the file).
  const LoadedPlugin* load_file(const std::filesystem::path& path);
  // Loads one library as load_file would, against the plugins already loaded, but keeps it
  // apart: every problem found (a library that cannot be read stops at the first), or the
  // plugin, which unloads when the result goes. A library this host already loaded or refused
  // is reported from that attempt, since it cannot be loaded twice. A name not ending in .so is
  // a problem too: load_directory would not load it.
  PluginCheck check_file(const std::filesystem::path& path);

  // Where plugins' host API calls (language, time zone, their own entries) are answered; until
  // one is set they fail with a reason. Not owned; must outlive the loaded plugins' calls.
  void set_environment(PluginEnvironment* environment) { environment_ = environment; }
  PluginEnvironment* environment() const { return environment_; }

  // The plugins in use: loaded and not switched off by the user.
  const std::vector<std::unique_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
  // The plugins loaded but switched off: out of plugins(), find() and require(); their
  // manifests still describe their entries (CSV export).
  const std::vector<std::unique_ptr<LoadedPlugin>>& disabled() const { return disabled_; }
  // Switches off the plugins named in `ids` and on every other, now and for those loaded later.
  void set_disabled(const std::set<std::string>& ids);
  const std::set<std::string>& disabled_ids() const { return disabled_ids_; }
  // A plugin in use or switched off, or nullptr.
  const LoadedPlugin* find_loaded(std::string_view id) const;
  const std::vector<PluginRefusal>& refusals() const { return refusals_; }
  // The loaded plugin with this id, or nullptr.
  const LoadedPlugin* find(std::string_view id) const;
  // The plugin with this id, or a kNotFound error that names the loaded ones.
  Result<const LoadedPlugin*> require(std::string_view id) const;

 private:
  PluginCheck load(const std::filesystem::path& path);

  PluginEnvironment* environment_ = nullptr;
  std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
  std::vector<std::unique_ptr<LoadedPlugin>> disabled_;
  std::set<std::string> disabled_ids_;
  std::vector<PluginRefusal> refusals_;
  std::vector<std::filesystem::path> seen_;
};

// Where plugins are looked for, in order: the bundled directory (lib/hoego/plugins beside the
// executable's bin/), the user's own (`user`, the data directory's plugins/), each directory
// given with --plugins, then each of HOEGO_PLUGIN_PATH (colon-separated).
std::vector<std::filesystem::path> plugin_search_path(
    const std::filesystem::path& executable, const std::optional<std::filesystem::path>& user,
    const std::vector<std::filesystem::path>& extra, const char* environment_path);

}  // namespace hoego
