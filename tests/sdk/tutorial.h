// docs/plugin-tutorial.md as steps a test runs as written: its fenced blocks, in order.
//
//   ```sh            commands, run in one bash session with the blocks before them (cd and
//                    export carry on); each must succeed
//   ```sh exit=N     commands whose last one must exit with N (a rejection the page shows)
//   ```text          what the shell block before it prints: each line appears in its output,
//                    in order, with "…" standing for anything and /home/you for $HOME
//   ```LANG title=F  a file, written as F in the directory the commands have reached
//
// Any other block is an error, so that nothing on the page goes unrun.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hoego::testing {

struct TutorialStep {
  enum class Kind { kShell, kOutput, kFile };
  Kind kind = Kind::kShell;
  int line = 0;       // the opening fence's line in the page, from 1
  std::string text;   // the block's lines, each ending in a newline
  std::string file;   // kFile: the name after title=
  int exit_code = 0;  // kShell: what its last command must exit with
};

struct Tutorial {
  std::vector<TutorialStep> steps;
  std::string problem;  // why the page cannot be run as steps; empty when it can
};

Tutorial parse_tutorial(const std::string& markdown);

// How running some steps went: `failure` names the first step that did not do what the page
// says, with its commands and output; empty when all did.
struct StepsRun {
  std::string failure;
  std::filesystem::path directory;  // where the commands ended up (after their cd)
  std::string path;                 // $PATH as they left it (after their export)
};

// Runs steps [first, last) in one bash started in `directory` with `environment` alone (nothing
// inherited), keeping each block's output and exit code in `work`.
StepsRun run_steps(const std::vector<TutorialStep>& steps, std::size_t first, std::size_t last,
                   const std::filesystem::path& directory,
                   const std::map<std::string, std::string>& environment,
                   const std::filesystem::path& work);

// Whether `output` shows every line of `expected` (see above), "/home/you" standing for `home`.
bool shows(const std::string& output, const std::string& expected, const std::string& home);

}  // namespace hoego::testing
