#include "util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"

namespace smslint {
namespace {

absl::Status ErrnoError(const std::string& path, const std::string& what) {
  return absl::InvalidArgumentError(
      absl::StrCat(path, ":1:1: error: ", what, ": ", std::strerror(errno)));
}

bool IsCampaignFile(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

}  // namespace

absl::StatusOr<std::string> ReadFileBounded(const std::string& path, size_t max_bytes) {
  int fd = path == "-" ? dup(STDIN_FILENO) : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError(path, "cannot open file");
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":1:1: error: is a directory, expected a file"));
  }
  std::string data;
  if (S_ISREG(st.st_mode)) {
    if (static_cast<size_t>(st.st_size) > max_bytes) {
      close(fd);
      return absl::InvalidArgumentError(absl::StrCat(path, ":1:1: error: file is ", st.st_size,
                                                     " bytes, more than the ", max_bytes,
                                                     "-byte limit"));
    }
    data.reserve(st.st_size);
  }
  char buffer[1 << 16];
  while (true) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      absl::Status s = ErrnoError(path, "cannot read file");
      close(fd);
      return s;
    }
    if (n == 0) break;
    if (data.size() + n > max_bytes) {
      close(fd);
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":1:1: error: input is larger than the ", max_bytes, "-byte limit"));
    }
    data.append(buffer, n);
  }
  close(fd);
  return data;
}

// Writes every byte to `fd`; false with errno set on failure.
static bool WriteAll(int fd, std::string_view bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

absl::StatusOr<std::unique_ptr<AtomicOutputFile>> AtomicOutputFile::Open(const std::string& path,
                                                                         mode_t mode) {
  std::unique_ptr<AtomicOutputFile> file(new AtomicOutputFile());
  file->path_ = path;
  file->mode_ = mode;
  // A device, FIFO or socket (/dev/stdout, /dev/null, /dev/full) is written in
  // place: renaming a temporary file over it would replace the device itself.
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    file->fd_ = open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (file->fd_ < 0) return ErrnoError(path, "cannot open output");
    file->in_place_ = true;
    return file;
  }
  std::filesystem::path target(path);
  std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  std::string tmpl = absl::StrCat(dir, "/.", target.filename().string(), ".XXXXXX");
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  file->fd_ = mkstemp(name.data());
  if (file->fd_ < 0) return ErrnoError(path, "cannot create output file");
  file->temp_path_ = name.data();
  return file;
}

AtomicOutputFile::~AtomicOutputFile() {
  if (fd_ >= 0) close(fd_);
  if (!temp_path_.empty()) unlink(temp_path_.c_str());
}

absl::Status AtomicOutputFile::Write(std::string_view bytes) {
  if (fd_ < 0) return absl::FailedPreconditionError(absl::StrCat(path_, ": output closed"));
  if (!WriteAll(fd_, bytes)) return ErrnoError(path_, "cannot write output");
  return absl::OkStatus();
}

absl::Status AtomicOutputFile::Commit() {
  if (fd_ < 0) return absl::FailedPreconditionError(absl::StrCat(path_, ": output closed"));
  int fd = fd_;
  fd_ = -1;
  if (in_place_) {
    if (close(fd) != 0) return ErrnoError(path_, "cannot write output");
    return absl::OkStatus();
  }
  if (fsync(fd) != 0) {
    absl::Status s = ErrnoError(path_, "cannot write output");
    close(fd);
    return s;
  }
  if (close(fd) != 0) return ErrnoError(path_, "cannot write output");
  // mkstemp creates 0600; widen to what open(2) would give: `mode` less the umask.
  mode_t mask = umask(0);
  umask(mask);
  if ((mode_ & ~mask & 0777) != 0600 && chmod(temp_path_.c_str(), mode_ & ~mask & 0777) != 0)
    return ErrnoError(path_, "cannot set output file mode");
  if (rename(temp_path_.c_str(), path_.c_str()) != 0)
    return ErrnoError(path_, "cannot replace output file");
  temp_path_.clear();
  return absl::OkStatus();
}

absl::Status WriteFileAtomically(const std::string& path, const std::string& bytes, mode_t mode) {
  absl::StatusOr<std::unique_ptr<AtomicOutputFile>> file = AtomicOutputFile::Open(path, mode);
  if (!file.ok()) return file.status();
  if (absl::Status s = (*file)->Write(bytes); !s.ok()) return s;
  return (*file)->Commit();
}

absl::StatusOr<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && std::filesystem::is_directory(input, ec)) {
      const std::filesystem::path root = ResolvedPath(input);
      std::vector<std::string> found;
      // The default options do not follow directory symlinks: a link to a directory
      // outside the tree (or to an ancestor, a cycle) is never listed.
      for (auto it = std::filesystem::recursive_directory_iterator(
               input, std::filesystem::directory_options::skip_permission_denied, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!IsCampaignFile(it->path()) || it->path().filename().string() == ".smslint.yaml")
          continue;
        std::error_code entry_ec;
        if (it->is_symlink(entry_ec) && !IsWithin(ResolvedPath(it->path()), root)) continue;
        if (it->is_regular_file(entry_ec)) found.push_back(it->path().string());
      }
      if (ec) {
        return absl::InvalidArgumentError(
            absl::StrCat(input, ":1:1: error: cannot list directory: ", ec.message()));
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  return files;
}

std::filesystem::path ResolvedPath(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) absolute = path;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : resolved;
}

bool IsWithin(const std::filesystem::path& path, const std::filesystem::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // the trailing "" of "dir/"
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

}  // namespace smslint
