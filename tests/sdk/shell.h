// Running shell commands from the SDK tests, which drive cmake and the installed hoego as an
// outside author would.
#pragma once

#include <ostream>
#include <string>

namespace hoego::testing {

struct Ran {
  int exit_code = -1;  // -1 when the command could not start or a signal ended it
  std::string output;  // stdout and stderr together
};

// `text` quoted for sh, whatever it holds.
std::string quoted(const std::string& text);

// Runs `command` with sh, its stderr merged into its stdout.
Ran run(const std::string& command);

std::ostream& operator<<(std::ostream& out, const Ran& ran);

}  // namespace hoego::testing
