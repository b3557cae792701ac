// Where the database lives.
#pragma once

#include <hoego/core/result.h>

#include <filesystem>
#include <optional>

namespace hoego {

// The data directory, from the first that is set: `option` (--data DIR), $HOEGO_DATA,
// $XDG_DATA_HOME/hoego, $HOME/.local/share/hoego. Fails when none is set.
Result<std::filesystem::path> resolve_data_directory(const std::optional<std::string>& option);

// The database file inside a data directory, creating the directory when it is missing.
Result<std::filesystem::path> database_file(const std::filesystem::path& data_directory);

}  // namespace hoego
