#include <hoego/core/plugin_host.h>
#include <hoego/sdk.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <cstring>
#include <iostream>
#include <mutex>
#include <sstream>
#include <system_error>

namespace hoego {
namespace {

using nlohmann::json;

// Later 1.x SDKs only append fields, so every SDK 1 plugin is at least this big.
constexpr size_t kSdk1PluginSize = HOEGO_PLUGIN_SIZE_1_0;

std::string version_text(uint32_t version) {
  return std::to_string(HOEGO_SDK_VERSION_MAJOR_OF(version)) + "." +
         std::to_string(HOEGO_SDK_VERSION_MINOR_OF(version)) + "." +
         std::to_string(HOEGO_SDK_VERSION_PATCH_OF(version));
}

void append_to_string(void* context, const char* data, size_t size) {
  if (data != nullptr && size > 0) static_cast<std::string*>(context)->append(data, size);
}

std::mutex log_mutex;

void log_from_plugin(void* context, int32_t level, const char* message, size_t size) {
  static constexpr const char* kLevels[] = {"debug", "info", "warning", "error"};
  const char* level_name = level >= 0 && level <= 3 ? kLevels[level] : "info";
  std::lock_guard lock(log_mutex);
  std::cerr << "[" << static_cast<const std::string*>(context)->c_str() << "] " << level_name
            << ": " << std::string_view(message != nullptr ? message : "", message ? size : 0)
            << "\n";
}

}  // namespace

struct LoadedPlugin::Library {
  boost::dll::shared_library library;
  std::filesystem::path path;
  hoego_plugin descriptor{};  // zero-filled beyond what the plugin declared
  hoego_host host{};
  std::string id;  // the host's log context
  bool initialised = false;
};

LoadedPlugin::LoadedPlugin(std::unique_ptr<Library> library, Manifest manifest)
    : library_(std::move(library)), manifest_(std::move(manifest)) {}

LoadedPlugin::~LoadedPlugin() {
  if (library_->initialised && library_->descriptor.deinit != nullptr)
    library_->descriptor.deinit();
}

const std::filesystem::path& LoadedPlugin::path() const { return library_->path; }

uint32_t LoadedPlugin::sdk_version() const { return library_->descriptor.sdk_version; }

std::string LoadedPlugin::sdk_version_text() const { return version_text(sdk_version()); }

namespace {

using PluginFunction = hoego_status (*)(const char*, size_t, const hoego_sink*);

// Calls one plugin function and checks its answer is the documented JSON object.
Result<json> call_plugin(const std::string& plugin_id, const char* function_name,
                         PluginFunction function, const json& request) {
  const std::string request_text = request.dump();
  std::string answer;
  const hoego_sink sink{sizeof(hoego_sink), &answer, &append_to_string};
  const hoego_status status = function(request_text.data(), request_text.size(), &sink);
  const std::string where = "plugin '" + plugin_id + "' " + function_name;
  json parsed = json::parse(answer, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object())
    return Error::plugin(where + " answered with malformed JSON (status " + std::to_string(status) +
                         ")");
  if (status == HOEGO_STATUS_OK) return parsed;
  if (status == HOEGO_STATUS_REJECTED) {
    Error error = Error::invalid(where + " rejected the input");
    if (auto errors = parsed.find("errors"); errors != parsed.end() && errors->is_array()) {
      for (const auto& item : *errors) {
        if (!item.is_object()) continue;
        error.fields.push_back(
            {item.value("field", std::string{}), item.value("message", std::string{"rejected"})});
      }
    }
    if (!error.fields.empty()) {
      const auto& first = error.fields.front();
      error.message = first.field.empty() ? first.message : first.field + ": " + first.message;
    }
    return error;
  }
  std::string message = parsed.value("error", std::string{"no reason given"});
  return Error::plugin(where + " failed: " + message);
}

}  // namespace

Result<json> LoadedPlugin::normalize_entry(const json& request) const {
  if (library_->descriptor.normalize_entry == nullptr)
    return json{{"fields", request.value("fields", json::object())}};
  return call_plugin(id(), "normalize_entry", library_->descriptor.normalize_entry, request);
}

Result<json> LoadedPlugin::derive_milestones(const json& request) const {
  if (library_->descriptor.derive_milestones == nullptr) return json{{"milestones", json::array()}};
  auto answer =
      call_plugin(id(), "derive_milestones", library_->descriptor.derive_milestones, request);
  if (answer && !answer->value("milestones", json()).is_array())
    return Error::plugin("plugin '" + id() +
                         "' derive_milestones answered without a milestones array");
  return answer;
}

Result<std::optional<json>> LoadedPlugin::year_report_section(const json& request) const {
  if (library_->descriptor.get_extension == nullptr) return std::optional<json>{};
  const auto* extension = static_cast<const hoego_year_report_v1*>(
      library_->descriptor.get_extension(HOEGO_EXTENSION_YEAR_REPORT_1));
  if (extension == nullptr) return std::optional<json>{};
  if (!HOEGO_HAS_FIELD(extension, hoego_year_report_v1, write_section) ||
      extension->write_section == nullptr)
    return Error::plugin("plugin '" + id() + "' offers a year report without its function");
  auto answer = call_plugin(id(), "year_report.write_section", extension->write_section, request);
  if (!answer) return answer.error();
  const json& paragraphs = answer->value("paragraphs", json());
  bool well_formed = answer->value("title", json()).is_string() && paragraphs.is_array() &&
                     paragraphs.size() <= 20;
  for (const auto& paragraph : paragraphs) well_formed = well_formed && paragraph.is_string();
  if (!well_formed)
    return Error::plugin("plugin '" + id() +
                         "' answered its year report without a title and up to 20 paragraphs");
  return std::optional<json>{std::move(*answer)};
}

PluginHost::PluginHost() = default;

PluginHost::~PluginHost() {
  // Unload in reverse order of loading.
  while (!plugins_.empty()) plugins_.pop_back();
}

void PluginHost::load_directory(const std::filesystem::path& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) return;
  std::vector<std::filesystem::path> libraries;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    if (it->path().extension() == ".so" && it->is_regular_file(error))
      libraries.push_back(it->path());
  }
  if (error) {
    refusals_.push_back({directory, "cannot read plugin directory: " + error.message()});
    return;
  }
  std::sort(libraries.begin(), libraries.end());
  for (const auto& library : libraries) load_file(library);
}

const LoadedPlugin* PluginHost::load_file(const std::filesystem::path& path) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(path, error);
  const auto& key = error ? path : canonical;
  if (std::find(seen_.begin(), seen_.end(), key) != seen_.end()) return nullptr;
  seen_.push_back(key);

  auto loaded = load(path);
  if (!loaded) {
    refusals_.push_back({path, loaded.error().message});
    return nullptr;
  }
  plugins_.push_back(std::move(loaded.value()));
  return plugins_.back().get();
}

Result<std::unique_ptr<LoadedPlugin>> PluginHost::load(const std::filesystem::path& path) {
  auto library = std::make_unique<LoadedPlugin::Library>();
  library->path = path;
  boost::dll::fs::error_code load_error;
  library->library.load(path, load_error,
                        boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (load_error) return Error::invalid("cannot load library: " + load_error.message());
  if (!library->library.has(HOEGO_PLUGIN_ENTRY_SYMBOL))
    return Error::invalid(std::string("no ") + HOEGO_PLUGIN_ENTRY_SYMBOL +
                          " entry point (is it extern \"C\" and exported?)");

  auto& entry = library->library.get<std::remove_pointer_t<hoego_plugin_entry_function>>(
      HOEGO_PLUGIN_ENTRY_SYMBOL);
  const hoego_plugin* descriptor = entry(HOEGO_SDK_VERSION);
  if (descriptor == nullptr) return Error::invalid("the entry point returned no descriptor");

  // Read the size first, then only the bytes the plugin declared.
  uint32_t declared_size = 0;
  std::memcpy(&declared_size, descriptor, sizeof(declared_size));
  if (declared_size < kSdk1PluginSize)
    return Error::invalid("descriptor is " + std::to_string(declared_size) +
                          " bytes, smaller than SDK 1.0's " + std::to_string(kSdk1PluginSize));
  std::memcpy(&library->descriptor, descriptor,
              std::min<size_t>(declared_size, sizeof(hoego_plugin)));

  const uint32_t version = library->descriptor.sdk_version;
  if (HOEGO_SDK_VERSION_MAJOR_OF(version) != HOEGO_SDK_VERSION_MAJOR)
    return Error::invalid("built for SDK " + version_text(version) + "; this host speaks SDK " +
                          std::to_string(HOEGO_SDK_VERSION_MAJOR) + ".x");
  if (HOEGO_SDK_VERSION_MINOR_OF(version) > HOEGO_SDK_VERSION_MINOR)
    return Error::invalid("built against SDK " + version_text(version) +
                          ", newer than this host's SDK " + version_text(HOEGO_SDK_VERSION) +
                          "; upgrade hoego");
  if (library->descriptor.manifest_json == nullptr) return Error::invalid("it has no manifest");

  auto manifest = parse_manifest(library->descriptor.manifest_json);
  if (!manifest) return manifest.error();
  if (const LoadedPlugin* other = find(manifest->id); other != nullptr)
    return Error::conflict("plugin id '" + manifest->id + "' is already loaded from " +
                           other->path().string());

  library->id = manifest->id;
  library->host = hoego_host{sizeof(hoego_host), HOEGO_SDK_VERSION, &library->id, &log_from_plugin};
  if (library->descriptor.init != nullptr &&
      library->descriptor.init(&library->host) != HOEGO_STATUS_OK)
    return Error::plugin("its init function failed");
  library->initialised = true;
  return std::make_unique<LoadedPlugin>(std::move(library), std::move(manifest.value()));
}

const LoadedPlugin* PluginHost::find(std::string_view id) const {
  for (const auto& plugin : plugins_)
    if (plugin->id() == id) return plugin.get();
  return nullptr;
}

Result<const LoadedPlugin*> PluginHost::require(std::string_view id) const {
  if (const LoadedPlugin* plugin = find(id); plugin != nullptr) return plugin;
  std::string loaded;
  for (const auto& plugin : plugins_) loaded += (loaded.empty() ? "" : ", ") + plugin->id();
  return Error::not_found("unknown plugin '" + std::string(id) +
                          "' (loaded: " + (loaded.empty() ? "none" : loaded) + ")");
}

std::vector<std::filesystem::path> plugin_search_path(
    const std::filesystem::path& executable, const std::vector<std::filesystem::path>& extra,
    const char* environment_path) {
  std::vector<std::filesystem::path> directories;
  directories.push_back(executable.parent_path().parent_path() / "lib" / "hoego" / "plugins");
  directories.insert(directories.end(), extra.begin(), extra.end());
  if (environment_path != nullptr) {
    std::stringstream stream(environment_path);
    for (std::string item; std::getline(stream, item, ':');)
      if (!item.empty()) directories.emplace_back(item);
  }
  return directories;
}

}  // namespace hoego
