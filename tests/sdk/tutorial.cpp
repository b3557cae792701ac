#include "tutorial.h"

#include <fstream>
#include <regex>
#include <sstream>

#include "shell.h"

namespace hoego::testing {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kEllipsis = "…";
constexpr char kFileEnd[] = "HOEGO_TUTORIAL_FILE_ENDS";

std::string read_file(const fs::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Whether `line` holds the parts of `pattern` around each "…", in order.
bool line_shows(const std::string& line, const std::string& pattern) {
  size_t from = 0, at = 0;
  while (true) {
    const size_t ellipsis = pattern.find(kEllipsis, from);
    const std::string part = pattern.substr(from, ellipsis - from);
    const size_t found = line.find(part, at);
    if (found == std::string::npos) return false;
    at = found + part.size();
    if (ellipsis == std::string::npos) return true;
    from = ellipsis + kEllipsis.size();
  }
}

std::string where(const TutorialStep& step) {
  return "docs/plugin-tutorial.md:" + std::to_string(step.line);
}

}  // namespace

Tutorial parse_tutorial(const std::string& markdown) {
  Tutorial tutorial;
  static const std::regex shell_exit(R"(sh exit=(\d+))");
  static const std::regex file(R"(\S+ title=(\S+))");
  const std::vector<std::string> lines = lines_of(markdown);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with("```")) continue;
    TutorialStep step;
    step.line = static_cast<int>(i) + 1;
    const std::string info = lines[i].substr(3);
    for (++i; i < lines.size() && lines[i] != "```"; ++i) step.text += lines[i] + "\n";
    if (i == lines.size()) {
      tutorial.problem = where(step) + ": the block is never closed";
      return tutorial;
    }
    std::smatch match;
    if (info == "sh") {
      step.kind = TutorialStep::Kind::kShell;
    } else if (std::regex_match(info, match, shell_exit)) {
      step.kind = TutorialStep::Kind::kShell;
      step.exit_code = std::stoi(match[1].str());
    } else if (info == "text") {
      step.kind = TutorialStep::Kind::kOutput;
      if (tutorial.steps.empty() || tutorial.steps.back().kind != TutorialStep::Kind::kShell) {
        tutorial.problem = where(step) +
                           ": a text block shows the output of a sh block just "
                           "before it, and there is none";
        return tutorial;
      }
    } else if (std::regex_match(info, match, file)) {
      step.kind = TutorialStep::Kind::kFile;
      step.file = match[1].str();
    } else {
      tutorial.problem = where(step) + ": a block ```" + info +
                         " is neither sh, sh exit=N, text nor a file (LANG title=NAME), so the "
                         "test could not run it";
      return tutorial;
    }
    tutorial.steps.push_back(std::move(step));
  }
  return tutorial;
}

StepsRun run_steps(const std::vector<TutorialStep>& steps, std::size_t first, std::size_t last,
                   const fs::path& directory, const std::map<std::string, std::string>& environment,
                   const fs::path& work) {
  fs::remove_all(work);
  fs::create_directories(work);
  auto kept = [&](size_t index, const char* what) {
    return quoted((work / (std::to_string(index) + what)).string());
  };
  // Each block runs as written inside braces, so that its cd and export carry on to the next.
  std::string script = "set -e\ncd " + quoted(directory.string()) + "\n";
  for (size_t i = first; i < last; ++i) {
    const TutorialStep& step = steps[i];
    script += "# " + where(step) + "\n";
    if (step.kind == TutorialStep::Kind::kFile) {
      script +=
          "cat >" + quoted(step.file) + " <<'" + kFileEnd + "'\n" + step.text + kFileEnd + "\n";
    } else if (step.kind == TutorialStep::Kind::kShell && step.exit_code == 0) {
      script += "{\n" + step.text + "} >" + kept(i, ".out") + " 2>&1 </dev/null\n";
      script += "echo 0 >" + kept(i, ".exit") + "\n";
    } else if (step.kind == TutorialStep::Kind::kShell) {
      script += "set +e\n{\n" + step.text + "} >" + kept(i, ".out") + " 2>&1 </dev/null\n";
      script += "echo $? >" + kept(i, ".exit") + "\nset -e\n";
    }
  }
  script += "pwd >" + quoted((work / "directory").string()) + "\n";
  script += "printf '%s' \"$PATH\" >" + quoted((work / "path").string()) + "\n";
  std::ofstream(work / "steps.sh") << script;

  std::string command = "env -i";
  for (const auto& [name, value] : environment) command += " " + name + "=" + quoted(value);
  const Ran ran = run(command + " /bin/bash " + quoted((work / "steps.sh").string()));

  StepsRun result;
  const std::string home = environment.count("HOME") ? environment.at("HOME") : "";
  const TutorialStep* shell = nullptr;
  std::string shell_output;
  for (size_t i = first; i < last && result.failure.empty(); ++i) {
    const TutorialStep& step = steps[i];
    if (step.kind == TutorialStep::Kind::kShell) {
      shell = &step;
      shell_output = read_file(work / (std::to_string(i) + ".out"));
      const fs::path exit_file = work / (std::to_string(i) + ".exit");
      const std::string exit_code = fs::exists(exit_file) ? read_file(exit_file) : "";
      if (exit_code.empty() || std::stoi(exit_code) != step.exit_code)
        result.failure =
            where(step) + " should exit with " + std::to_string(step.exit_code) + " but " +
            (exit_code.empty() ? "stopped the steps (exit " + std::to_string(ran.exit_code) + ")"
                               : "exited with " + exit_code) +
            ":\n" + step.text + "--- it printed:\n" + shell_output;
    } else if (step.kind == TutorialStep::Kind::kOutput && shell != nullptr &&
               !shows(shell_output, step.text, home)) {
      result.failure = where(*shell) + " printed\n" + shell_output + "--- which does not show (" +
                       where(step) + ")\n" + step.text;
    }
  }
  if (result.failure.empty() && ran.exit_code != 0)
    result.failure =
        "the steps' shell exited with " + std::to_string(ran.exit_code) + ":\n" + ran.output;
  std::string directory_reached = read_file(work / "directory");
  if (directory_reached.ends_with('\n')) directory_reached.pop_back();
  result.directory = directory_reached;
  result.path = read_file(work / "path");
  return result;
}

bool shows(const std::string& output, const std::string& expected, const std::string& home) {
  const std::vector<std::string> printed = lines_of(output);
  size_t next = 0;
  for (const std::string& wanted : lines_of(replaced_all(expected, "/home/you", home))) {
    if (wanted.empty()) continue;
    while (next < printed.size() && !line_shows(printed[next], wanted)) ++next;
    if (next == printed.size()) return false;
    ++next;
  }
  return true;
}

}  // namespace hoego::testing
