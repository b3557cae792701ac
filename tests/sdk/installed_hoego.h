// hoego installed once per test process, the way docs/plugin-tutorial.md installs it: its
// install step run as written (`cmake --install build --prefix ~/.local`) from a directory
// whose `build` is this build tree, with a home directory of the test's own, which is then
// moved so that every installed path must be relative to the prefix. The tutorial's test goes
// on from there, and the outside plugin's tests build against the same prefix: installing is
// the expensive part, done once.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

#include "tutorial.h"

namespace hoego::testing {

struct InstalledHoego {
  std::filesystem::path work;      // everything below lives here: build/tests/outside
  std::filesystem::path checkout;  // where the tutorial's commands start; `build` is ours
  std::filesystem::path home;      // the tutorial's home, after the move
  std::filesystem::path prefix;    // home/.local
  Tutorial tutorial;
  std::size_t after_install = 0;  // the tutorial's first step after its install step
  std::string problem;            // why hoego is not installed; empty when it is
};

const InstalledHoego& installed_hoego();

// What the tutorial's commands see, and nothing else: this home, the PATH of the test (with
// this build's cmake first), English and Seoul time in both hoego and date(1).
std::map<std::string, std::string> tutorial_environment(const std::filesystem::path& home);

}  // namespace hoego::testing
