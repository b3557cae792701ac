#include <hoego/core/data_directory.h>

#include <cstdlib>
#include <system_error>

namespace hoego {

Result<std::filesystem::path> resolve_data_directory(const std::optional<std::string>& option) {
  auto set = [](const char* name) -> const char* {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : nullptr;
  };
  if (option && !option->empty()) return std::filesystem::path(*option);
  if (const char* data = set("HOEGO_DATA")) return std::filesystem::path(data);
  if (const char* xdg = set("XDG_DATA_HOME")) return std::filesystem::path(xdg) / "hoego";
  if (const char* home = set("HOME"))
    return std::filesystem::path(home) / ".local" / "share" / "hoego";
  return Error::invalid("no data directory: pass --data DIR or set HOEGO_DATA",
                        "데이터 디렉터리를 정할 수 없습니다: --data DIR 옵션을 주거나 "
                        "HOEGO_DATA 환경 변수를 설정해 주세요");
}

Result<std::filesystem::path> database_file(const std::filesystem::path& data_directory) {
  std::error_code error;
  std::filesystem::create_directories(data_directory, error);
  if (error)
    return Error::storage(
        "cannot create data directory " + data_directory.string() + ": " + error.message(),
        "데이터 디렉터리를 만들 수 없습니다: " + data_directory.string() + ": " + error.message());
  return data_directory / "hoego.db";
}

}  // namespace hoego
