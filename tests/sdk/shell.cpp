#include "shell.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace hoego::testing {

std::string quoted(const std::string& text) {
  std::string result = "'";
  for (char c : text) result += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return result + "'";
}

Ran run(const std::string& command) {
  Ran ran;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return ran;
  std::array<char, 4096> buffer{};
  for (size_t read; (read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    ran.output.append(buffer.data(), read);
  const int status = pclose(pipe);
  ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

std::ostream& operator<<(std::ostream& out, const Ran& ran) {
  return out << "exit " << ran.exit_code << "\n" << ran.output;
}

}  // namespace hoego::testing
