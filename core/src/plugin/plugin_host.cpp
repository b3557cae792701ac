#include <dlfcn.h>
#include <hoego/core/plugin_host.h>
#include <hoego/sdk.h>

#include <algorithm>
#include <atomic>
#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <cstring>
#include <hoego/sdk_json_reader.hpp>
#include <iostream>
#include <mutex>
#include <sstream>
#include <system_error>

#include "../domain/json_members.h"

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

}  // namespace

struct LoadedPlugin::Library {
  boost::dll::shared_library library;
  std::filesystem::path path;
  hoego_plugin descriptor{};  // zero-filled beyond what the plugin declared
  hoego_host host{};
  std::string id;
  const PluginHost* owner = nullptr;
  const LoadedPlugin* plugin = nullptr;  // set once loaded; null during init
  bool initialised = false;
  // While init runs, what the plugin logs is kept here instead of printed: a failed init's
  // reason then shows once, in the refusal (hoego plugins), not on stderr at every command.
  bool collecting_log = false;
  std::string init_log;
  // Calls to language, time_zone and read_entries: what a caller keeps from a call may depend
  // on them.
  std::atomic<uint64_t> host_reads{0};
};

namespace {

// The plugin the host is calling on this thread, if any. The host API answers only then,
// because it reads the user's data, which the host guards around its own calls.
thread_local const LoadedPlugin::Library* plugin_in_call = nullptr;

class CallScope {
 public:
  explicit CallScope(const LoadedPlugin::Library& library) : previous_(plugin_in_call) {
    plugin_in_call = &library;
  }
  ~CallScope() { plugin_in_call = previous_; }
  CallScope(const CallScope&) = delete;
  CallScope& operator=(const CallScope&) = delete;

 private:
  const LoadedPlugin::Library* previous_;
};

void write_to(const hoego_sink* out, const std::string& text) {
  if (out != nullptr && out->write != nullptr) out->write(out->context, text.data(), text.size());
}

hoego_status host_failure(const hoego_sink* out, const std::string& message) {
  write_to(out, json{{"error", message}}.dump(-1, ' ', false, json::error_handler_t::replace));
  return HOEGO_STATUS_FAILED;
}

// The environment for a host API call from `context`, or a reason it cannot be answered.
PluginEnvironment* environment_for(void* context, const char* function, std::string& reason) {
  const auto* library = static_cast<const LoadedPlugin::Library*>(context);
  if (library == nullptr || plugin_in_call != library) {
    reason = std::string(function) + " is only answered during a call from the host";
    return nullptr;
  }
  PluginEnvironment* environment = library->owner->environment();
  if (environment == nullptr) reason = std::string(function) + " has no user data to answer from";
  return environment;
}

void log_from_plugin(void* context, int32_t level, const char* message, size_t size) {
  static constexpr const char* kLevels[] = {"debug", "info", "warning", "error"};
  const char* level_name = level >= 0 && level <= 3 ? kLevels[level] : "info";
  auto* library = static_cast<LoadedPlugin::Library*>(context);
  if (library->collecting_log) {
    const std::string_view text(message != nullptr ? message : "", message ? size : 0);
    if (level >= HOEGO_LOG_WARNING)
      library->init_log.append(library->init_log.empty() ? "" : "; ").append(text);
    return;
  }
  std::lock_guard lock(log_mutex);
  std::cerr << "[" << library->id << "] " << level_name << ": "
            << std::string_view(message != nullptr ? message : "", message ? size : 0) << "\n";
}

hoego_status language_for_plugin(void* context, const hoego_sink* out) noexcept {
  try {
    std::string reason;
    PluginEnvironment* environment = environment_for(context, "language", reason);
    if (environment == nullptr) return host_failure(out, reason);
    ++static_cast<LoadedPlugin::Library*>(context)->host_reads;
    write_to(out, environment->language());
    return HOEGO_STATUS_OK;
  } catch (const std::exception& error) {
    return host_failure(out, std::string("language failed: ") + error.what());
  }
}

hoego_status time_zone_for_plugin(void* context, const hoego_sink* out) noexcept {
  try {
    std::string reason;
    PluginEnvironment* environment = environment_for(context, "time_zone", reason);
    if (environment == nullptr) return host_failure(out, reason);
    ++static_cast<LoadedPlugin::Library*>(context)->host_reads;
    write_to(out, environment->time_zone());
    return HOEGO_STATUS_OK;
  } catch (const std::exception& error) {
    return host_failure(out, std::string("time_zone failed: ") + error.what());
  }
}

hoego_status entries_for_plugin(void* context, const char* query, size_t size,
                                const hoego_sink* out) noexcept {
  try {
    std::string reason;
    PluginEnvironment* environment = environment_for(context, "read_entries", reason);
    if (environment == nullptr) return host_failure(out, reason);
    auto* library = static_cast<LoadedPlugin::Library*>(context);
    if (library->plugin == nullptr)
      return host_failure(out, "read_entries is not answered during init");
    ++library->host_reads;
    const json request =
        query != nullptr ? json::parse(query, query + size, nullptr, false) : json::object();
    if (request.is_discarded()) {
      write_to(out,
               json{{"errors", {{{"field", "query"}, {"message", "is not valid JSON"}}}}}.dump());
      return HOEGO_STATUS_REJECTED;
    }
    auto answer = environment->read_entries(*library->plugin, request);
    if (!answer && answer.error().code == ErrorCode::kInvalidInput) {
      json errors = json::array();
      for (const auto& field : answer.error().fields)
        errors.push_back({{"field", field.field}, {"message", field.message}});
      write_to(out, json{{"errors", errors}}.dump(-1, ' ', false, json::error_handler_t::replace));
      return HOEGO_STATUS_REJECTED;
    }
    if (!answer) return host_failure(out, "read_entries failed: " + answer.error().message);
    write_to(out, answer->dump(-1, ' ', false, json::error_handler_t::replace));
    return HOEGO_STATUS_OK;
  } catch (const std::exception& error) {
    return host_failure(out, std::string("read_entries failed: ") + error.what());
  }
}

}  // namespace

LoadedPlugin::LoadedPlugin(std::unique_ptr<Library> library, Manifest manifest)
    : library_(std::move(library)), manifest_(std::move(manifest)) {
  library_->plugin = this;
}

LoadedPlugin::~LoadedPlugin() {
  if (library_->initialised && library_->descriptor.deinit != nullptr)
    library_->descriptor.deinit();
}

const std::filesystem::path& LoadedPlugin::path() const { return library_->path; }

uint32_t LoadedPlugin::sdk_version() const { return library_->descriptor.sdk_version; }

std::string LoadedPlugin::sdk_version_text() const { return version_text(sdk_version()); }

std::string LoadedPlugin::build() const { return manifest_.version + " sdk " + sdk_version_text(); }

uint64_t LoadedPlugin::host_reads() const { return library_->host_reads; }

std::vector<std::string> LoadedPlugin::capabilities() const {
  std::vector<std::string> result;
  const hoego_plugin& descriptor = library_->descriptor;
  if (descriptor.normalize_entry != nullptr) result.emplace_back("normalize_entry");
  if (descriptor.derive_milestones != nullptr) result.emplace_back("derive_milestones");
  if (descriptor.get_extension != nullptr) {
    const CallScope scope(*library_);
    for (const char* extension :
         {HOEGO_EXTENSION_YEAR_REPORT_1, HOEGO_EXTENSION_RESUMABLE_MILESTONES_1,
          HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1})
      if (descriptor.get_extension(extension) != nullptr) result.emplace_back(extension);
  }
  return result;
}

namespace {

using PluginFunction = hoego_status (*)(const char*, size_t, const hoego_sink*);

// Calls one plugin function and checks its answer is the documented JSON object.
Result<json> call_plugin(const LoadedPlugin::Library& library, const char* function_name,
                         PluginFunction function, std::string_view request_text) {
  std::string answer;
  const hoego_sink sink{sizeof(hoego_sink), &answer, &append_to_string};
  hoego_status status = HOEGO_STATUS_FAILED;
  {
    const CallScope scope(library);
    status = function(request_text.data(), request_text.size(), &sink);
  }
  json parsed = sdk::detail::parse_json_or_discarded(answer);
  if (status == HOEGO_STATUS_OK && parsed.is_object()) return parsed;
  const std::string where = "plugin '" + library.id + "' " + function_name;
  const std::string where_ko = "플러그인 '" + library.id + "'의 " + function_name;
  if (parsed.is_discarded() || !parsed.is_object())
    return Error::plugin(
        where + " answered with malformed JSON (status " + std::to_string(status) + ")",
        where_ko + " 답이 올바른 JSON이 아닙니다 (상태 " + std::to_string(status) + ")");
  if (status == HOEGO_STATUS_REJECTED) {
    Error error = Error::invalid(where + " rejected the input",
                                 where_ko + "에서 입력을 받아들이지 않았습니다");
    if (auto errors = parsed.find("errors"); errors != parsed.end() && errors->is_array()) {
      for (const auto& item : *errors) {
        if (!item.is_object()) continue;
        // The plugin's own words, in the language the host told it: they stand for both.
        const std::string message = string_member(item, "message");
        if (message.empty())
          error.fields.push_back({string_member(item, "field"), "rejected", "받아들이지 않음"});
        else
          error.fields.push_back({string_member(item, "field"), message, {}});
      }
    }
    if (!error.fields.empty()) {
      const auto& first = error.fields.front();
      const std::string named = first.field.empty() ? "" : first.field + ": ";
      error.message = named + first.message;
      error.message_ko = named + first.in("ko");
    }
    return error;
  }
  const std::string reason = string_member(parsed, "error");
  return Error::plugin(
      where + " failed: " + (reason.empty() ? "no reason given" : reason),
      where_ko + " 호출이 실패했습니다: " + (reason.empty() ? "이유를 알리지 않았습니다" : reason));
}

// A year-report section as documented: a title and at most 20 paragraphs of text.
Result<json> checked_section(const std::string& id, Result<json> answer) {
  if (!answer) return answer;
  const json& paragraphs = answer->value("paragraphs", json());
  bool well_formed = answer->value("title", json()).is_string() && paragraphs.is_array() &&
                     paragraphs.size() <= 20;
  for (const auto& paragraph : paragraphs) well_formed = well_formed && paragraph.is_string();
  if (!well_formed)
    return Error::plugin(
        "plugin '" + id + "' answered its year report without a title and up to 20 paragraphs",
        "플러그인 '" + id + "'의 연간 회고 답에 제목과 20개 이하의 문단이 없습니다");
  return answer;
}

}  // namespace

Result<json> LoadedPlugin::normalize_entry(const json& request) const {
  return normalize_entry(std::string_view(request.dump()));
}

Result<json> LoadedPlugin::normalize_entry(std::string_view request_json) const {
  if (library_->descriptor.normalize_entry == nullptr) {
    auto request = json::parse(request_json, nullptr, false);
    return json{
        {"fields", request.is_object() ? request.value("fields", json::object()) : json::object()}};
  }
  return call_plugin(*library_, "normalize_entry", library_->descriptor.normalize_entry,
                     request_json);
}

Result<json> LoadedPlugin::derive_milestones(const json& request) const {
  if (library_->descriptor.derive_milestones == nullptr) return json{{"milestones", json::array()}};
  auto answer = call_plugin(*library_, "derive_milestones", library_->descriptor.derive_milestones,
                            request.dump());
  if (answer && !answer->value("milestones", json()).is_array())
    return Error::plugin(
        "plugin '" + id() + "' derive_milestones answered without a milestones array",
        "플러그인 '" + id() + "'의 derive_milestones 답에 milestones 배열이 없습니다");
  return answer;
}

const void* LoadedPlugin::extension(const char* extension_id) const {
  if (library_->descriptor.get_extension == nullptr) return nullptr;
  const CallScope scope(*library_);
  return library_->descriptor.get_extension(extension_id);
}

bool LoadedPlugin::resumes_milestones() const {
  const auto* extension = static_cast<const hoego_resumable_milestones_v1*>(
      this->extension(HOEGO_EXTENSION_RESUMABLE_MILESTONES_1));
  return extension != nullptr &&
         HOEGO_HAS_FIELD(extension, hoego_resumable_milestones_v1, resume) &&
         extension->resume != nullptr;
}

Result<json> LoadedPlugin::resume_milestones(const json& request) const {
  const auto* extension = static_cast<const hoego_resumable_milestones_v1*>(
      this->extension(HOEGO_EXTENSION_RESUMABLE_MILESTONES_1));
  if (!resumes_milestones())
    return Error::plugin("plugin '" + id() + "' does not resume milestones",
                         "플러그인 '" + id() + "'에서는 이정표 이어 계산을 지원하지 않습니다");
  auto answer =
      call_plugin(*library_, "resumable_milestones.resume", extension->resume, request.dump());
  if (answer && (!answer->value("milestones", json()).is_array() || !answer->contains("state")))
    return Error::plugin(
        "plugin '" + id() + "' resumed its milestones without a milestones array and a state",
        "플러그인 '" + id() + "'의 이정표 이어 계산 답에 milestones 배열과 state가 없습니다");
  return answer;
}

bool LoadedPlugin::writes_year_report() const {
  return extension(HOEGO_EXTENSION_YEAR_REPORT_1) != nullptr;
}

Result<std::optional<json>> LoadedPlugin::year_report_section(const json& request) const {
  const auto* extension =
      static_cast<const hoego_year_report_v1*>(this->extension(HOEGO_EXTENSION_YEAR_REPORT_1));
  if (extension == nullptr) return std::optional<json>{};
  if (!HOEGO_HAS_FIELD(extension, hoego_year_report_v1, write_section) ||
      extension->write_section == nullptr)
    return Error::plugin("plugin '" + id() + "' offers a year report without its function",
                         "플러그인 '" + id() + "'의 연간 회고 확장에 함수가 없습니다");
  auto answer = checked_section(id(), call_plugin(*library_, "year_report.write_section",
                                                  extension->write_section, request.dump()));
  if (!answer) return answer.error();
  return std::optional<json>{std::move(*answer)};
}

const hoego_resumable_year_report_v1* LoadedPlugin::resumable_year_report() const {
  const auto* extension = static_cast<const hoego_resumable_year_report_v1*>(
      this->extension(HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1));
  return extension != nullptr &&
                 HOEGO_HAS_FIELD(extension, hoego_resumable_year_report_v1, write_section) &&
                 extension->resume != nullptr && extension->write_section != nullptr
             ? extension
             : nullptr;
}

bool LoadedPlugin::resumes_year_report() const { return resumable_year_report() != nullptr; }

Result<json> LoadedPlugin::resume_year_report(const json& request) const {
  const auto* extension = resumable_year_report();
  if (extension == nullptr)
    return Error::plugin("plugin '" + id() + "' does not resume its year report",
                         "플러그인 '" + id() + "'에서는 연간 회고 이어 쓰기를 지원하지 않습니다");
  auto answer =
      call_plugin(*library_, "resumable_year_report.resume", extension->resume, request.dump());
  if (!answer) return answer.error();
  auto state = answer->find("state");
  if (state == answer->end())
    return Error::plugin("plugin '" + id() + "' resumed its year report without a state",
                         "플러그인 '" + id() + "'의 연간 회고 이어 쓰기 답에 state가 없습니다");
  return std::move(*state);
}

Result<json> LoadedPlugin::year_report_from_state(const json& request) const {
  const auto* extension = resumable_year_report();
  if (extension == nullptr)
    return Error::plugin("plugin '" + id() + "' does not resume its year report",
                         "플러그인 '" + id() + "'에서는 연간 회고 이어 쓰기를 지원하지 않습니다");
  return checked_section(id(), call_plugin(*library_, "resumable_year_report.write_section",
                                           extension->write_section, request.dump()));
}

PluginHost::PluginHost() = default;

PluginHost::~PluginHost() {
  // Unload in reverse order of loading.
  while (!plugins_.empty()) plugins_.pop_back();
}

std::optional<LocalizedText> misnamed_plugin(const std::filesystem::path& path) {
  if (path.extension() == ".so") return std::nullopt;
  LocalizedText reason{"불러오지 않았습니다: 플러그인 파일 이름은 .so로 끝나야 합니다",
                       "not loaded: a plugin's file name must end in .so"};
  // libx.so.1.0.0, as a library's build installs it: say what name would load.
  const std::string name = path.filename().string();
  if (const size_t so = name.find(".so."); so != std::string::npos) {
    const std::string loadable = name.substr(0, so + 3);
    reason.en += " (rename it, or link it, as " + loadable + ")";
    reason.ko += " (" + loadable + "(으)로 이름을 바꾸거나 링크를 만드세요)";
  }
  return reason;
}

void PluginHost::load_directory(const std::filesystem::path& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) return;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file(error)) files.push_back(it->path());
  }
  if (error) {
    const std::string reason = "cannot read plugin directory: " + error.message();
    const std::string reason_ko = "플러그인 폴더를 읽을 수 없습니다: " + error.message();
    refusals_.push_back({directory, reason, {reason}, reason_ko, {reason_ko}});
    return;
  }
  std::sort(files.begin(), files.end());
  // Only *.so files are loaded; every other file is listed with why, so that a library
  // installed under its versioned name (libx.so.1.0.0) is not silently left out.
  for (const auto& file : files) {
    if (auto reason = misnamed_plugin(file)) {
      const bool listed =
          std::any_of(refusals_.begin(), refusals_.end(),
                      [&](const PluginRefusal& refusal) { return refusal.path == file; });
      if (!listed) refusals_.push_back({file, reason->en, {reason->en}, reason->ko, {reason->ko}});
    } else {
      load_file(file);
    }
  }
}

const LoadedPlugin* PluginHost::load_file(const std::filesystem::path& path) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(path, error);
  const auto& key = error ? path : canonical;
  if (std::find(seen_.begin(), seen_.end(), key) != seen_.end()) return nullptr;
  seen_.push_back(key);

  PluginCheck loaded = load(path);
  if (!loaded.plugin) {
    refusals_.push_back({path, loaded.problems.front(), std::move(loaded.problems),
                         loaded.problems_ko.front(), std::move(loaded.problems_ko)});
    return nullptr;
  }
  auto& into = disabled_ids_.count(loaded.plugin->id()) != 0 ? disabled_ : plugins_;
  into.push_back(std::move(loaded.plugin));
  return into.back().get();
}

void PluginHost::set_disabled(const std::set<std::string>& ids) {
  disabled_ids_ = ids;
  // Moves the plugins whose state changed, keeping each list in loading order otherwise.
  auto move_where = [](auto& from, auto& to, auto should_move) {
    for (auto it = from.begin(); it != from.end();) {
      if (should_move(**it)) {
        to.push_back(std::move(*it));
        it = from.erase(it);
      } else {
        ++it;
      }
    }
  };
  move_where(plugins_, disabled_, [&](const LoadedPlugin& p) { return ids.count(p.id()) != 0; });
  move_where(disabled_, plugins_, [&](const LoadedPlugin& p) { return ids.count(p.id()) == 0; });
}

const LoadedPlugin* PluginHost::find_loaded(std::string_view id) const {
  if (const LoadedPlugin* plugin = find(id); plugin != nullptr) return plugin;
  for (const auto& plugin : disabled_)
    if (plugin->id() == id) return plugin.get();
  return nullptr;
}

PluginCheck PluginHost::check_file(const std::filesystem::path& path) {
  std::error_code error;
  const auto canonical = std::filesystem::weakly_canonical(path, error);
  const auto& key = error ? path : canonical;
  if (std::find(seen_.begin(), seen_.end(), key) != seen_.end()) {
    // The dynamic loader would hand back the library already in memory, whose plugin is
    // initialised once; report the attempt this host made instead.
    for (const auto& refusal : refusals_) {
      const auto refused = std::filesystem::weakly_canonical(refusal.path, error);
      if ((error ? refusal.path : refused) == key)
        return PluginCheck{refusal.problems, nullptr, refusal.problems_ko};
    }
    return PluginCheck{};
  }
  PluginCheck check = load(path);
  // Given by name it loads, but not from a plugins folder.
  if (auto reason = misnamed_plugin(path)) {
    check.problems.insert(check.problems.begin(), reason->en);
    check.problems_ko.insert(check.problems_ko.begin(), reason->ko);
  }
  return check;
}

PluginCheck PluginHost::load(const std::filesystem::path& path) {
  PluginCheck result;
  // Every problem in both languages, so that problems and problems_ko stay one for one.
  auto add = [&result](std::string problem, std::string problem_ko) {
    result.problems.push_back(std::move(problem));
    result.problems_ko.push_back(std::move(problem_ko));
  };
  auto refuse = [&result, &add](std::string problem, std::string problem_ko) {
    add(std::move(problem), std::move(problem_ko));
    return std::move(result);
  };
  auto library = std::make_unique<LoadedPlugin::Library>();
  library->path = path;
  library->owner = this;
  // Boost.DLL 1.74 reports a library the dynamic loader refuses by errno ("Bad file
  // descriptor") and loses dlerror()'s reason (an undefined symbol, a missing dependency). The
  // loader is asked first, with the same flags; its handle is held until Boost has taken its
  // own reference, so that the library is loaded (and its constructors run) once.
  // A bare name would send dlopen searching the system's library path; Boost.DLL reads it as
  // relative to the working directory, and so does this.
  const std::filesystem::path where = path.has_parent_path() ? path : "." / path;
  const std::unique_ptr<void, int (*)(void*)> opened(dlopen(where.c_str(), RTLD_NOW | RTLD_LOCAL),
                                                     &dlclose);
  if (opened == nullptr) {
    const char* reason = dlerror();
    return refuse(std::string("cannot load library: ") +
                      (reason != nullptr ? reason : "the dynamic loader gave no reason"),
                  std::string("라이브러리를 불러올 수 없습니다: ") +
                      (reason != nullptr ? reason : "동적 로더가 이유를 알리지 않았습니다"));
  }
  boost::dll::fs::error_code load_error;
  library->library.load(path, load_error,
                        boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (load_error)
    return refuse("cannot load library: " + load_error.message(),
                  "라이브러리를 불러올 수 없습니다: " + load_error.message());
  if (!library->library.has(HOEGO_PLUGIN_ENTRY_SYMBOL))
    return refuse(std::string("no ") + HOEGO_PLUGIN_ENTRY_SYMBOL +
                      " entry point (is it extern \"C\" and exported?)",
                  std::string("진입점 ") + HOEGO_PLUGIN_ENTRY_SYMBOL +
                      "이(가) 없습니다 (extern \"C\"로 선언하고 내보냈나요?)");

  auto& entry = library->library.get<std::remove_pointer_t<hoego_plugin_entry_function>>(
      HOEGO_PLUGIN_ENTRY_SYMBOL);
  const hoego_plugin* descriptor = entry(HOEGO_SDK_VERSION);
  if (descriptor == nullptr)
    return refuse("the entry point returned no descriptor",
                  "진입점이 설명자를 돌려주지 않았습니다");

  // Read the size first, then only the bytes the plugin declared.
  uint32_t declared_size = 0;
  std::memcpy(&declared_size, descriptor, sizeof(declared_size));
  if (declared_size < kSdk1PluginSize)
    return refuse("descriptor is " + std::to_string(declared_size) +
                      " bytes, smaller than SDK 1.0's " + std::to_string(kSdk1PluginSize),
                  "설명자가 " + std::to_string(declared_size) + "바이트로, SDK 1.0의 " +
                      std::to_string(kSdk1PluginSize) + "바이트보다 작습니다");
  std::memcpy(&library->descriptor, descriptor,
              std::min<size_t>(declared_size, sizeof(hoego_plugin)));

  // Another major may lay the descriptor out differently: nothing past its size is readable.
  const uint32_t version = library->descriptor.sdk_version;
  if (HOEGO_SDK_VERSION_MAJOR_OF(version) != HOEGO_SDK_VERSION_MAJOR)
    return refuse("built for SDK " + version_text(version) + "; this host speaks SDK " +
                      std::to_string(HOEGO_SDK_VERSION_MAJOR) + ".x",
                  "SDK " + version_text(version) + "용으로 빌드되었습니다; 이 호스트는 SDK " +
                      std::to_string(HOEGO_SDK_VERSION_MAJOR) + ".x를 씁니다");
  if (HOEGO_SDK_VERSION_MINOR_OF(version) > HOEGO_SDK_VERSION_MINOR)
    add("built against SDK " + version_text(version) + ", newer than this host's SDK " +
            version_text(HOEGO_SDK_VERSION) + "; upgrade hoego",
        "SDK " + version_text(version) + " 기준으로 빌드되어 이 호스트의 SDK " +
            version_text(HOEGO_SDK_VERSION) + "보다 새롭습니다; hoego를 업그레이드하세요");

  std::optional<Manifest> manifest;
  if (library->descriptor.manifest_json == nullptr) {
    add("it has no manifest", "매니페스트가 없습니다");
  } else if (auto parsed = parse_manifest(library->descriptor.manifest_json); !parsed) {
    // The manifest's checks speak English; the Korean names the problem and quotes their words.
    const std::string lead_ko = "매니페스트에 문제가 있습니다: ";
    const Error& error = parsed.error();
    if (error.fields.empty())
      add(error.message, error.message_ko.empty() ? lead_ko + error.message : error.message_ko);
    for (const auto& field : error.fields)
      add("invalid manifest: " + field.field + " " + field.message,
          lead_ko + field.field + " " + field.in("ko"));
  } else {
    manifest = std::move(parsed.value());
    if (const LoadedPlugin* other = find_loaded(manifest->id); other != nullptr)
      add("plugin id '" + manifest->id + "' is already loaded from " + other->path().string(),
          "플러그인 id '" + manifest->id + "'은(는) 이미 " + other->path().string() +
              "에서 불러왔습니다");
  }

  if (library->descriptor.get_extension != nullptr) {
    const CallScope scope(*library);
    const auto* year_report = static_cast<const hoego_year_report_v1*>(
        library->descriptor.get_extension(HOEGO_EXTENSION_YEAR_REPORT_1));
    if (year_report != nullptr && (year_report->struct_size < sizeof(hoego_year_report_v1) ||
                                   year_report->write_section == nullptr))
      add(std::string("its ") + HOEGO_EXTENSION_YEAR_REPORT_1 +
              " extension has no write_section function",
          std::string("확장 ") + HOEGO_EXTENSION_YEAR_REPORT_1 +
              "에 write_section 함수가 없습니다");
    const auto* resumable = static_cast<const hoego_resumable_milestones_v1*>(
        library->descriptor.get_extension(HOEGO_EXTENSION_RESUMABLE_MILESTONES_1));
    if (resumable != nullptr && (resumable->struct_size < sizeof(hoego_resumable_milestones_v1) ||
                                 resumable->resume == nullptr))
      add(std::string("its ") + HOEGO_EXTENSION_RESUMABLE_MILESTONES_1 +
              " extension has no resume function",
          std::string("확장 ") + HOEGO_EXTENSION_RESUMABLE_MILESTONES_1 +
              "에 resume 함수가 없습니다");
    const auto* resumable_report = static_cast<const hoego_resumable_year_report_v1*>(
        library->descriptor.get_extension(HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1));
    if (resumable_report != nullptr &&
        (resumable_report->struct_size < sizeof(hoego_resumable_year_report_v1) ||
         resumable_report->resume == nullptr || resumable_report->write_section == nullptr))
      add(std::string("its ") + HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1 +
              " extension lacks its resume or write_section function",
          std::string("확장 ") + HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1 +
              "에 resume 또는 write_section 함수가 없습니다");
  }
  // init runs only once everything the plugin declared has passed.
  if (!result.problems.empty()) return result;

  library->id = manifest->id;
  library->host =
      hoego_host{sizeof(hoego_host),   HOEGO_SDK_VERSION,     library.get(),      &log_from_plugin,
                 &language_for_plugin, &time_zone_for_plugin, &entries_for_plugin};
  if (library->descriptor.init != nullptr) {
    const CallScope scope(*library);
    library->collecting_log = true;
    const hoego_status status = library->descriptor.init(&library->host);
    library->collecting_log = false;
    if (status != HOEGO_STATUS_OK)
      return refuse(
          "its init function failed" + (library->init_log.empty() ? "" : ": " + library->init_log),
          "init 함수가 실패했습니다" + (library->init_log.empty() ? "" : ": " + library->init_log));
    // A plugin that started logs its warnings as it would at any other time.
    if (!library->init_log.empty()) {
      std::lock_guard lock(log_mutex);
      std::cerr << "[" << library->id << "] warning: " << library->init_log << "\n";
    }
  }
  library->initialised = true;
  result.plugin = std::make_unique<LoadedPlugin>(std::move(library), std::move(*manifest));
  return result;
}

const LoadedPlugin* PluginHost::find(std::string_view id) const {
  for (const auto& plugin : plugins_)
    if (plugin->id() == id) return plugin.get();
  return nullptr;
}

Result<const LoadedPlugin*> PluginHost::require(std::string_view id) const {
  if (const LoadedPlugin* plugin = find(id); plugin != nullptr) return plugin;
  if (disabled_ids_.count(std::string(id)) != 0)
    return Error::not_found("plugin '" + std::string(id) +
                                "' is switched off (hoego plugins enable " + std::string(id) + ")",
                            "플러그인 '" + std::string(id) +
                                "'이(가) 꺼져 있습니다 (hoego plugins enable " + std::string(id) +
                                ")");
  std::string loaded;
  for (const auto& plugin : plugins_) loaded += (loaded.empty() ? "" : ", ") + plugin->id();
  return Error::not_found("unknown plugin '" + std::string(id) +
                              "' (loaded: " + (loaded.empty() ? "none" : loaded) + ")",
                          "알 수 없는 플러그인입니다: '" + std::string(id) +
                              "' (불러온 플러그인: " + (loaded.empty() ? "없음" : loaded) + ")");
}

std::vector<std::filesystem::path> plugin_search_path(
    const std::filesystem::path& executable, const std::optional<std::filesystem::path>& user,
    const std::vector<std::filesystem::path>& extra, const char* environment_path) {
  std::vector<std::filesystem::path> directories;
  directories.push_back(executable.parent_path().parent_path() / "lib" / "hoego" / "plugins");
  if (user) directories.push_back(*user);
  directories.insert(directories.end(), extra.begin(), extra.end());
  if (environment_path != nullptr) {
    std::stringstream stream(environment_path);
    for (std::string item; std::getline(stream, item, ':');)
      if (!item.empty()) directories.emplace_back(item);
  }
  return directories;
}

}  // namespace hoego
