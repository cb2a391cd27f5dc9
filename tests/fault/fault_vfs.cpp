#include "fault_vfs.hpp"

#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

namespace levande::test::fault {
namespace {

// A change made to a file since its last sync: a write, or a truncation
// (data empty, offset the new size).
struct Pending {
  bool truncate = false;
  std::int64_t offset = 0;
  std::string data;
};

// What the disk holds of a file: its content at the last sync (none when it
// was created and never synced) and the changes since.
struct FileLog {
  std::optional<std::string> durable;
  std::vector<Pending> pending;
};

enum class Call { read, write, sync, truncate };

struct State {
  sqlite3_vfs *base = nullptr;
  Fault fault = Fault::none;
  std::int64_t at = 0;
  std::int64_t counted[4] = {0, 0, 0, 0};
  bool tripped = false;
  bool dead = false;  // after a power cut, until reboot()
  std::uint32_t seed = 0;
  std::map<std::string, FileLog> files;
};

State &state() {
  static State s;
  return s;
}

std::string read_whole(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool counts(Fault fault, Call call) {
  switch (fault) {
    case Fault::none:
    case Fault::io_error:
      return true;
    case Fault::power_cut:
      return call != Call::read;
    case Fault::short_write:
      return call == Call::write;
  }
  return false;
}

// Counts the call; true when the armed fault happens at it.
bool strikes(Call call) {
  auto &s = state();
  ++s.counted[static_cast<int>(call)];
  if (s.tripped || s.fault == Fault::none || !counts(s.fault, call)) return false;
  std::int64_t n = 0;
  for (int c = 0; c < 4; ++c) {
    if (counts(s.fault, static_cast<Call>(c))) n += s.counted[c];
  }
  if (n != s.at) return false;
  s.tripped = true;
  if (s.fault == Fault::power_cut) s.dead = true;
  return true;
}

struct File {
  sqlite3_file base;
  sqlite3_file *real;
  std::string *path;  // tracked file, or null (temporary files have no name)
};

sqlite3_file *real(sqlite3_file *f) {
  return reinterpret_cast<File *>(f)->real;
}

FileLog *log_of(sqlite3_file *f) {
  auto *file = reinterpret_cast<File *>(f);
  if (file->path == nullptr) return nullptr;
  auto it = state().files.find(*file->path);
  return it == state().files.end() ? nullptr : &it->second;
}

int x_close(sqlite3_file *f) {
  auto *file = reinterpret_cast<File *>(f);
  const int rc = file->real->pMethods ? file->real->pMethods->xClose(file->real) : SQLITE_OK;
  delete file->path;
  file->path = nullptr;
  return rc;
}

int x_read(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset) {
  if (state().dead || strikes(Call::read)) return SQLITE_IOERR_READ;
  return real(f)->pMethods->xRead(real(f), buffer, amount, offset);
}

int x_write(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset) {
  if (state().dead) return SQLITE_IOERR_WRITE;
  const bool strike = strikes(Call::write);
  if (strike && state().fault == Fault::power_cut) return SQLITE_IOERR_WRITE;
  if (strike && state().fault == Fault::io_error) return SQLITE_IOERR_WRITE;
  const int stored = strike ? amount / 2 : amount;  // a short write keeps half
  int rc = SQLITE_OK;
  if (stored > 0) rc = real(f)->pMethods->xWrite(real(f), buffer, stored, offset);
  if (rc == SQLITE_OK && stored > 0) {
    if (auto *log = log_of(f)) {
      log->pending.push_back(
          {false, offset, std::string(static_cast<const char *>(buffer), std::size_t(stored))});
    }
  }
  if (strike) return SQLITE_FULL;
  return rc;
}

int x_truncate(sqlite3_file *f, sqlite3_int64 size) {
  if (state().dead || strikes(Call::truncate)) return SQLITE_IOERR_TRUNCATE;
  const int rc = real(f)->pMethods->xTruncate(real(f), size);
  if (rc == SQLITE_OK) {
    if (auto *log = log_of(f)) log->pending.push_back({true, size, {}});
  }
  return rc;
}

int x_sync(sqlite3_file *f, int) {
  if (state().dead || strikes(Call::sync)) return SQLITE_IOERR_FSYNC;
  // Not passed on: what is durable is modelled here.
  if (auto *log = log_of(f)) {
    log->durable = read_whole(*reinterpret_cast<File *>(f)->path);
    log->pending.clear();
  }
  return SQLITE_OK;
}

int x_file_size(sqlite3_file *f, sqlite3_int64 *size) {
  if (state().dead) return SQLITE_IOERR_FSTAT;
  return real(f)->pMethods->xFileSize(real(f), size);
}

int x_lock(sqlite3_file *f, int level) {
  return real(f)->pMethods->xLock(real(f), level);
}
int x_unlock(sqlite3_file *f, int level) {
  return real(f)->pMethods->xUnlock(real(f), level);
}
int x_check_reserved(sqlite3_file *f, int *out) {
  return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int x_file_control(sqlite3_file *f, int op, void *arg) {
  return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int x_sector_size(sqlite3_file *f) {
  return real(f)->pMethods->xSectorSize(real(f));
}
int x_device(sqlite3_file *f) {
  return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
// The shared-memory index is memory, not disk: passed through untouched.
int x_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out) {
  return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file *f, int offset, int n, int flags) {
  return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file *f) {
  real(f)->pMethods->xShmBarrier(real(f));
}
int x_shm_unmap(sqlite3_file *f, int remove) {
  return real(f)->pMethods->xShmUnmap(real(f), remove);
}
int x_fetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out) {
  *out = nullptr;  // no memory-mapped reads: every read goes through x_read
  (void)f, (void)offset, (void)amount;
  return SQLITE_OK;
}
int x_unfetch(sqlite3_file *f, sqlite3_int64 offset, void *page) {
  (void)f, (void)offset, (void)page;
  return SQLITE_OK;
}

const sqlite3_io_methods methods = {
    3,           x_close,   x_read,     x_write,          x_truncate,     x_sync,
    x_file_size, x_lock,    x_unlock,   x_check_reserved, x_file_control, x_sector_size,
    x_device,    x_shm_map, x_shm_lock, x_shm_barrier,    x_shm_unmap,    x_fetch,
    x_unfetch,
};

int x_open(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *f, int flags, int *out_flags) {
  auto &s = state();
  auto *file = reinterpret_cast<File *>(f);
  file->base.pMethods = nullptr;
  file->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + sizeof(File));
  file->path = nullptr;
  if (s.dead) return SQLITE_CANTOPEN;
  const bool existed = name != nullptr && std::filesystem::exists(name);
  const int rc = s.base->xOpen(s.base, name, file->real, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  file->base.pMethods = &methods;
  if (name != nullptr && (flags & SQLITE_OPEN_DELETEONCLOSE) == 0) {
    file->path = new std::string(name);
    // A file met for the first time was on disk before: durable as it is.
    if (!s.files.contains(name)) {
      FileLog log;
      if (existed) log.durable = read_whole(name);
      s.files.emplace(name, std::move(log));
    }
  }
  return SQLITE_OK;
}

int x_delete(sqlite3_vfs *, const char *name, int sync_dir) {
  auto &s = state();
  if (s.dead) return SQLITE_IOERR_DELETE;
  s.files.erase(name);
  return s.base->xDelete(s.base, name, sync_dir);
}

sqlite3_vfs vfs;

}  // namespace

void install() {
  auto &s = state();
  if (s.base == nullptr) {
    s.base = sqlite3_vfs_find(nullptr);
    if (s.base == nullptr) throw std::runtime_error("no default SQLite VFS");
    vfs = *s.base;
    vfs.zName = "levande-fault";
    vfs.szOsFile = static_cast<int>(sizeof(File)) + s.base->szOsFile;
    vfs.pNext = nullptr;
    vfs.xOpen = x_open;
    vfs.xDelete = x_delete;
  }
  // Again after each sqlite3_initialize(), which makes the platform's VFS the default.
  if (sqlite3_vfs_register(&vfs, 1) != SQLITE_OK)
    throw std::runtime_error("cannot register the fault VFS");
}

void arm(Fault fault, std::int64_t at, std::uint32_t seed) {
  auto &s = state();
  s.fault = fault;
  s.at = at;
  s.seed = seed;
  s.tripped = false;
  for (auto &c : s.counted)
    c = 0;
}

std::int64_t calls(Fault fault) {
  const auto &s = state();
  std::int64_t n = 0;
  for (int c = 0; c < 4; ++c) {
    if (counts(fault, static_cast<Call>(c))) n += s.counted[c];
  }
  return n;
}

bool tripped() {
  return state().tripped;
}

void reboot() {
  auto &s = state();
  std::mt19937 rng(s.seed);
  for (auto &[path, log] : s.files) {
    std::string content = log.durable.value_or(std::string());
    bool any = log.durable.has_value();
    for (const auto &p : log.pending) {
      const int fate = std::uniform_int_distribution<int>(0, 2)(rng);
      if (fate == 0) continue;  // never reached the disk
      any = true;
      if (p.truncate) {
        content.resize(static_cast<std::size_t>(p.offset));
        continue;
      }
      std::size_t kept = p.data.size();
      if (fate == 2 && kept > 512) {
        // Torn: the sectors up to some boundary made it.
        kept = 512 * std::uniform_int_distribution<std::size_t>(0, (kept - 1) / 512)(rng);
      }
      const auto at = static_cast<std::size_t>(p.offset);
      if (content.size() < at + kept) content.resize(at + kept);
      std::memcpy(content.data() + at, p.data.data(), kept);
    }
    std::filesystem::remove(path + "-shm");
    if (!any) {
      std::filesystem::remove(path);
      continue;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  s.files.clear();
  s.dead = false;
  arm(Fault::none, 0);
}

void forget() {
  state().files.clear();
}

}  // namespace levande::test::fault
