#include "serve_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace hoego::cli {

Result<ServeLock> ServeLock::take(const std::filesystem::path& database_file) {
  const std::filesystem::path path = database_file.parent_path() / "serve.lock";
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EROFS || errno == EACCES) return ServeLock(-1);
    return Error::storage("cannot open " + path.string() + ": " + std::strerror(errno),
                          path.string() + "을(를) 열 수 없습니다: " + std::strerror(errno));
  }
  // flock is released by the kernel when the process ends, however it ends.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char held[256] = {};
    const ssize_t length = ::pread(fd, held, sizeof(held) - 1, 0);
    ::close(fd);
    std::string where(held, length > 0 ? static_cast<size_t>(length) : 0);
    if (!where.empty() && where.back() == '\n') where.pop_back();
    const std::string directory = database_file.parent_path().string();
    return Error::conflict("another hoego serve is already using " + directory +
                               (where.empty() ? "" : " (" + where + ")") +
                               "; stop it first, or use another --data",
                           "다른 hoego serve가 이미 " + directory + "을(를) 쓰고 있습니다" +
                               (where.empty() ? "" : " (" + where + ")") +
                               ". 먼저 그 서버를 멈추거나 다른 --data를 지정해 주세요");
  }
  return ServeLock(fd);
}

void ServeLock::record(const std::string& address) const {
  if (fd_ < 0) return;
  const std::string text = address + ", pid " + std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) (void)::pwrite(fd_, text.data(), text.size(), 0);
}

ServeLock::~ServeLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace hoego::cli
