// One `hoego serve` per data directory: a second would answer from the same file with its own
// cache of answers and its own view of the settings, and a user who started it by mistake could
// not tell which window is which. The CLI's other commands may still run beside the server.
#pragma once

#include <hoego/core/result.h>

#include <filesystem>

namespace hoego::cli {

class ServeLock {
 public:
  // Takes the lock `serve.lock` beside the database file; fails, naming the server that holds
  // it, when another `hoego serve` does. A directory that cannot be written (read-only storage)
  // takes no lock: nothing can be changed there to disagree about.
  static Result<ServeLock> take(const std::filesystem::path& database_file);
  ServeLock(ServeLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ServeLock& operator=(ServeLock&&) = delete;
  ~ServeLock();

  // Records where this server listens, for the message a second one shows.
  void record(const std::string& address) const;

 private:
  explicit ServeLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace hoego::cli
