// A child process the test starts, talks to and stops: a hoego server to send requests to, or an
// import to kill half-way. Header-only; POSIX.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace hoego::testing {

class ChildProcess {
 public:
  // Starts `arguments[0]` with the rest, stdin from /dev/null, stdout into a pipe this object
  // reads (first_line), stderr inherited; `environment` is set (an empty value unsets).
  ChildProcess(const std::vector<std::string>& arguments,
               const std::map<std::string, std::string>& environment) {
    int output[2];
    if (pipe(output) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(output[1], STDOUT_FILENO);
      close(output[0]);
      close(output[1]);
      for (const auto& [name, value] : environment) {
        if (value.empty())
          unsetenv(name.c_str());
        else
          setenv(name.c_str(), value.c_str(), 1);
      }
      std::vector<char*> argv;
      for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(output[1]);
    output_ = output[0];
  }
  ~ChildProcess() {
    if (pid_ > 0 && !reaped_) {
      kill(pid_, SIGKILL);
      wait();
    }
    if (output_ >= 0) close(output_);
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const { return pid_ > 0; }

  // The next line the child writes to stdout, without its newline; empty at its end.
  std::string next_line() {
    std::string line;
    for (char c; output_ >= 0 && read(output_, &c, 1) == 1 && c != '\n';) line += c;
    return line;
  }

  // For `hoego serve --port 0`: the port its first line ("… http://127.0.0.1:PORT/ …") names,
  // or 0 when it said something else; `said` gets the line.
  int listening_port(std::string* said = nullptr) {
    const std::string line = next_line();
    if (said != nullptr) *said = line;
    const auto colon = line.rfind(':');
    return colon == std::string::npos ? 0 : std::atoi(line.c_str() + colon + 1);
  }

  void signal(int number) {
    if (pid_ > 0 && !reaped_) kill(pid_, number);
  }

  // Waits for the child to end: its exit code, or -N when signal N ended it.
  int wait() {
    if (pid_ <= 0) return -1;
    if (!reaped_) {
      waitpid(pid_, &status_, 0);
      reaped_ = true;
    }
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -WTERMSIG(status_);
  }

 private:
  pid_t pid_ = -1;
  int output_ = -1;
  int status_ = 0;
  bool reaped_ = false;
};

}  // namespace hoego::testing
