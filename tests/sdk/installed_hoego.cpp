#include "installed_hoego.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "shell.h"

namespace hoego::testing {
namespace {

namespace fs = std::filesystem;

InstalledHoego install() {
  InstalledHoego installed;
  installed.work = fs::path(HOEGO_BUILD_DIRECTORY) / "tests" / "outside";
  installed.checkout = installed.work / "checkout";
  installed.home = installed.work / "home";
  installed.prefix = installed.home / ".local";
  fs::remove_all(installed.work);
  fs::create_directories(installed.checkout);
  fs::create_directory_symlink(HOEGO_BUILD_DIRECTORY, installed.checkout / "build");

  std::ifstream page(HOEGO_SOURCE_DIRECTORY "/docs/plugin-tutorial.md");
  std::stringstream markdown;
  markdown << page.rdbuf();
  installed.tutorial = parse_tutorial(markdown.str());
  if (!installed.tutorial.problem.empty()) {
    installed.problem = installed.tutorial.problem;
    return installed;
  }
  const auto& steps = installed.tutorial.steps;
  while (installed.after_install < steps.size() &&
         steps[installed.after_install].text.find("cmake --install") == std::string::npos)
    ++installed.after_install;
  if (installed.after_install == steps.size()) {
    installed.problem = "docs/plugin-tutorial.md has no step that runs cmake --install";
    return installed;
  }
  ++installed.after_install;

  const fs::path staging_home = installed.work / "staging-home";
  fs::create_directories(staging_home);
  const StepsRun ran = run_steps(steps, 0, installed.after_install, installed.checkout,
                                 tutorial_environment(staging_home), installed.work / "install");
  if (!ran.failure.empty()) {
    installed.problem = "installing as the tutorial says failed: " + ran.failure;
    return installed;
  }
  fs::rename(staging_home, installed.home);
  return installed;
}

}  // namespace

const InstalledHoego& installed_hoego() {
  static const InstalledHoego installed = install();
  return installed;
}

std::map<std::string, std::string> tutorial_environment(const fs::path& home) {
  const char* path = std::getenv("PATH");
  return {{"HOME", home.string()},
          {"PATH", fs::path(HOEGO_CMAKE_COMMAND).parent_path().string() + ":" +
                       (path != nullptr ? path : "/usr/bin:/bin")},
          {"LANG", "C.UTF-8"},
          {"HOEGO_LANG", "en"},
          {"HOEGO_TZ", "Asia/Seoul"},
          {"TZ", "Asia/Seoul"}};
}

}  // namespace hoego::testing
