#include "campaign/recipients.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "campaign/number_states.h"
#include "campaign/phone_numbers.h"
#include "campaign/recipients_csv.h"
#include "campaign/suppression.h"
#include "campaign/time_zones.h"
#include "util/files.h"
#include "util/status.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr size_t kHeaderReadBytes = 1u << 20;
// Offsets into the arena are 32-bit; larger inputs are refused up front.
constexpr uint64_t kMaxRecipientsFileBytes = 3ull << 30;

// ---- Reading the file --------------------------------------------------------

// The bytes of a recipients file, read with read(2), never mapped: a mapped file
// cut short while it is parsed raises SIGBUS. A regular file is read into
// anonymous memory of its size (the pages the parser has passed can still be
// released); one that shrinks gives what was there, one that grows what fstat saw.
// A regular file of size 0 is read like a pipe: /proc files claim 0 bytes and have
// content, and one whose reads fail (/proc/self/mem) must be an error, not empty.
class FileBytes {
 public:
  ~FileBytes() {
    if (map_ != nullptr) munmap(map_, capacity_);
  }
  // Releases the mapped pages below `offset`: the parser has passed them, and the
  // rows now live in the table's arena, so a huge file is not held twice.
  void Release(size_t offset) {
    if (map_ == nullptr) return;
    size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    size_t end = offset / page * page;
    if (end > released_) {
      madvise(static_cast<char*>(map_) + released_, end - released_, MADV_DONTNEED);
      released_ = end;
    }
  }
  std::string_view view() const {
    return map_ != nullptr ? std::string_view(static_cast<const char*>(map_), size_)
                           : std::string_view(copy_);
  }
  // Returns an error text ("" when fine). `limit` bounds how much is read (0: all).
  std::string Open(const std::string& path, size_t limit) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::strerror(errno);
    struct stat st;
    if (fstat(fd, &st) != 0) {
      std::string error = std::strerror(errno);
      close(fd);
      return error;
    }
    std::string error;
    if (S_ISDIR(st.st_mode)) {
      error = "it is a directory";
    } else if (!S_ISREG(st.st_mode)) {
      error = "it is not a regular file (a device, FIFO or socket)";
    } else if (S_ISREG(st.st_mode) && limit == 0 && st.st_size > 0) {
      if (static_cast<uint64_t>(st.st_size) > kMaxRecipientsFileBytes) {
        error = "it is larger than 3 GiB";
      } else {
        capacity_ = static_cast<size_t>(st.st_size);
        void* map =
            mmap(nullptr, capacity_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (map == MAP_FAILED) {
          error = std::strerror(errno);
          capacity_ = 0;
        } else {
          map_ = map;
          char* out = static_cast<char*>(map_);
          while (size_ < capacity_) {
            ssize_t got = read(fd, out + size_, std::min<size_t>(capacity_ - size_, 1u << 30));
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) {
              error = std::strerror(errno);
              break;
            }
            if (got == 0) break;  // the file was cut short: what was read is the file
            size_ += static_cast<size_t>(got);
          }
        }
      }
    } else {
      size_t cap = limit != 0 ? limit : kMaxRecipientsFileBytes;
      char buffer[1 << 16];
      while (copy_.size() < cap) {
        ssize_t got = read(fd, buffer, std::min(sizeof(buffer), cap - copy_.size()));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
          error = std::strerror(errno);
          break;
        }
        if (got == 0) break;
        copy_.append(buffer, static_cast<size_t>(got));
      }
    }
    close(fd);
    return error;
  }

 private:
  void* map_ = nullptr;  // anonymous memory holding a regular file's bytes
  size_t capacity_ = 0;  // bytes mapped
  size_t size_ = 0;      // bytes read into it
  size_t released_ = 0;
  std::string copy_;
};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

int FindColumn(const std::vector<std::string>& columns, std::string_view name) {
  for (size_t i = 0; i < columns.size(); ++i)
    if (LowerAscii(columns[i]) == name) return static_cast<int>(i);
  return -1;
}

// ---- Consent dates -----------------------------------------------------------

bool ReadDigits(std::string_view s, size_t& p, int count, int& value) {
  if (p + count > s.size()) return false;
  value = 0;
  for (int i = 0; i < count; ++i) {
    char c = s[p + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  p += count;
  return true;
}

}  // namespace

// ISO 8601 calendar date or date-time: 2024-03-01, 2024-03-01T09:30,
// 2024-03-01 09:30:15.250Z, 2024-03-01T09:30:15+01:00.
bool IsIsoDateOrDateTime(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  size_t p = 0;
  int year, month, day;
  if (!ReadDigits(s, p, 4, year) || p >= s.size() || s[p++] != '-' || !ReadDigits(s, p, 2, month) ||
      p >= s.size() || s[p++] != '-' || !ReadDigits(s, p, 2, day))
    return false;
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0)) return false;
  if (p == s.size()) return true;
  if (s[p] != 'T' && s[p] != 't' && s[p] != ' ') return false;
  ++p;
  int hour, minute, second;
  if (!ReadDigits(s, p, 2, hour) || p >= s.size() || s[p++] != ':' ||
      !ReadDigits(s, p, 2, minute) || hour > 23 || minute > 59)
    return false;
  if (p < s.size() && s[p] == ':') {
    ++p;
    if (!ReadDigits(s, p, 2, second) || second > 60) return false;
    if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
      ++p;
      size_t start = p;
      while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
      if (p == start) return false;
    }
  }
  if (p == s.size()) return true;
  if ((s[p] == 'Z' || s[p] == 'z') && p + 1 == s.size()) return true;
  if (s[p] != '+' && s[p] != '-') return false;
  ++p;
  int zone_hour, zone_minute = 0;
  if (!ReadDigits(s, p, 2, zone_hour) || zone_hour > 14) return false;
  if (p < s.size() && s[p] == ':') ++p;
  if (p < s.size() && (!ReadDigits(s, p, 2, zone_minute) || zone_minute > 59)) return false;
  return p == s.size();
}

std::string RecipientsOpenPath(const Campaign& campaign, const std::string& file) {
  if (!file.empty() && file.front() == '/') return file;
  if (campaign.dir.empty() || campaign.dir == ".") return file;
  return campaign.dir + "/" + file;
}

std::string RecipientsDisplayPath(const Campaign& campaign, const std::string& file) {
  return RecipientsOpenPath(campaign, file);
}

namespace {

// ---- Per-row work, split across threads ----------------------------------------

struct Columns {
  int phone = -1;
  int consent = -1;
  int timezone = -1;
  int state = -1;
};

struct RowResults {
  std::vector<uint8_t> type;      // PhoneNumberType of valid numbers
  std::vector<int32_t> tz_entry;  // TimeZoneMap entry, -1 none
};

// Zone entry and state of +1 numbers per area code and exchange (1NPANXX), for
// the rows of one thread: lists hold few exchanges many times over. Dense for
// large chunks (one slot per exchange), a hash map for small ones.
class ExchangePlaces {
 public:
  struct Place {
    int32_t tz_entry = -1;
    int16_t state = -1;  // -1: depends on the whole number (NumberStates::ExchangeState)
  };
  explicit ExchangePlaces(size_t rows, size_t zone_entries)
      : dense_(rows >= 50000 && zone_entries < (1u << 23) - 1),
        packable_(zone_entries < (1u << 23) - 1) {}
  // `compute` is called once per exchange.
  template <typename Compute>
  Place Get(uint64_t e164, const Compute& compute) {
    const uint64_t key = e164 / 10000 - 1000000;  // 0 .. 999,999
    if (dense_) {
      if (slots_.empty()) slots_.assign(kExchanges, 0);
      uint32_t& slot = slots_[key];
      if (slot == 0) slot = Pack(compute());
      return Unpack(slot);
    }
    auto [it, inserted] = map_.try_emplace(key, Place{});
    if (inserted) it->second = compute();
    return it->second;
  }
  // Whether Pack holds every place of this zone map.
  bool Packable() const { return packable_; }
  // 32 bits, never 0: set bit, zone entry + 1 (23 bits), state + 1 (8 bits).
  static uint32_t Pack(Place p) {
    return 1u << 31 | static_cast<uint32_t>(p.tz_entry + 1) |
           static_cast<uint32_t>(p.state + 1) << 23;
  }
  static Place Unpack(uint32_t v) {
    return {static_cast<int32_t>(v & 0x7FFFFF) - 1,
            static_cast<int16_t>(static_cast<int>(v >> 23 & 0xFF) - 1)};
  }

 private:
  static constexpr size_t kExchanges = 1000000;
  bool dense_;
  bool packable_;
  std::vector<uint32_t> slots_;  // 4 bytes a slot: read at random, once per row
  absl::flat_hash_map<uint64_t, Place> map_;
};

void ClassifyRows(RecipientTable* table, RowResults* rows, const Columns& columns,
                  const PhoneNumberClassifier& classifier, const TimeZoneMap& zones, size_t begin,
                  size_t end) {
  const NumberStates* states = nullptr;  // loaded on the first +1 number
  // Zone entries of +1 numbers depend on area code and exchange only when the
  // map's NANP prefixes are at most 7 digits.
  const bool cache_nanp = zones.max_nanp_digits() <= 7;
  ExchangePlaces places(end - begin, zones.size());
  PhoneNumberClassifier::ExchangeMemo memo;
  PhoneNumberClassifier::ExchangeMemo* use_memo = end - begin >= 50000 ? &memo : nullptr;
  for (size_t r = begin; r < end; ++r) {
    uint8_t flags = 0;
    NumberInfo info = classifier.Classify(table->Field(r, columns.phone), use_memo);
    uint8_t number_state = 0;
    if (info.valid) {
      table->e164[r] = info.e164;
      rows->type[r] = static_cast<uint8_t>(info.type);
      if (info.e164 >= 10000000000ull && info.e164 < 20000000000ull) {
        if (states == nullptr) states = &NumberStates::Get();
        if (cache_nanp) {
          auto compute = [&] {
            return ExchangePlaces::Place{zones.Lookup(info.e164),
                                         static_cast<int16_t>(states->ExchangeState(info.e164))};
          };
          ExchangePlaces::Place place;
          if (memo.extra != nullptr && places.Packable()) {
            // Beside the classifier's answer for the exchange: one memory access.
            if (*memo.extra == 0) *memo.extra = ExchangePlaces::Pack(compute());
            place = ExchangePlaces::Unpack(*memo.extra);
          } else {
            place = places.Get(info.e164, compute);
          }
          rows->tz_entry[r] = place.tz_entry;
          number_state = place.state >= 0 ? static_cast<uint8_t>(place.state)
                                          : states->StateFor(info.e164, info.region.data());
        } else {
          rows->tz_entry[r] = zones.Lookup(info.e164);
          number_state = states->StateFor(info.e164, info.region.data());
        }
      } else {
        rows->tz_entry[r] = zones.Lookup(info.e164);
      }
    } else {
      flags |= kRecipientInvalid;
    }
    if (columns.consent >= 0 && !IsIsoDateOrDateTime(table->Field(r, columns.consent)))
      flags |= kRecipientNoConsent;
    uint8_t state = 0;
    if (columns.state >= 0) {
      std::string_view value = table->Field(r, columns.state);
      state = StateIndex(value);
      if (state == 0 && !value.empty()) flags |= kRecipientBadState;
    }
    if (state == 0) state = number_state;
    table->state[r] = state;
    table->number_state[r] = number_state;
    table->flags[r] = flags;
  }
}

void ClassifyAll(RecipientTable& table, RowResults& rows, const Columns& columns,
                 const PhoneNumberClassifier& classifier, const TimeZoneMap& zones) {
  const size_t n = table.size();
  unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
  if (n < 20000) threads = 1;
  std::vector<std::thread> pool;
  size_t chunk = (n + threads - 1) / threads;
  for (unsigned t = 1; t < threads; ++t) {
    size_t begin = std::min(n, t * chunk), end = std::min(n, begin + chunk);
    pool.emplace_back(ClassifyRows, &table, &rows, columns, std::cref(classifier), std::cref(zones),
                      begin, end);
  }
  ClassifyRows(&table, &rows, columns, classifier, zones, 0, std::min(n, chunk));
  for (std::thread& thread : pool) thread.join();
}

absl::Status FileError(const Campaign& campaign, Position pos, const std::string& what) {
  return absl::InvalidArgumentError(campaign.path + ":" + std::to_string(pos.line) + ":" +
                                    std::to_string(pos.column) + ": error: " + what);
}

// The path to open for a recipients or suppression file (`what`): resolved, and
// inside the campaign file's directory tree or an --allow-outside directory.
absl::StatusOr<std::string> ConfinedDataPath(const Campaign& campaign,
                                             const Located<std::string>& file,
                                             const std::string& what,
                                             const std::vector<std::string>& allow_outside) {
  const std::filesystem::path resolved = ResolvedPath(RecipientsOpenPath(campaign, file.value));
  const std::string quoted = what + " file '" + file.value + "'";
  for (const char* pseudo : {"/proc", "/sys"}) {
    if (IsWithin(resolved, pseudo)) {
      return FileError(campaign, file.pos,
                       quoted + " resolves to " + resolved.string() + ", under " + pseudo +
                           ": only regular files are read");
    }
  }
  if (IsWithin(resolved, ResolvedPath(campaign.dir.empty() ? "." : campaign.dir)))
    return resolved.string();
  for (const std::string& dir : allow_outside)
    if (IsWithin(resolved, ResolvedPath(dir))) return resolved.string();
  return FileError(campaign, file.pos,
                   quoted + " resolves to " + resolved.string() +
                       ", outside the campaign file's directory; to read it, pass "
                       "--allow-outside with its directory");
}

// Zone sets interned by content; zone_sets[0] is {} (no zone known).
class ZoneSetInterner {
 public:
  explicit ZoneSetInterner(std::vector<std::vector<std::string>>& sets) : sets_(sets) {
    sets_.assign(1, {});
    index_.emplace("", 0);
  }
  uint16_t Intern(std::vector<std::string> zones) {
    if (zones.empty()) return 0;
    std::string key;
    for (const std::string& z : zones) key.append(z).push_back('\n');
    auto [it, inserted] = index_.try_emplace(key, static_cast<uint16_t>(sets_.size()));
    if (inserted) {
      if (sets_.size() >= 65535) {
        it->second = 0;
      } else {
        sets_.push_back(std::move(zones));
      }
    }
    return it->second;
  }

 private:
  std::vector<std::vector<std::string>>& sets_;
  absl::flat_hash_map<std::string, uint16_t> index_;
};

// The country national numbers are read for: the campaign's, else US.
std::string NumberCountry(const Campaign& campaign) {
  return campaign.campaign.country.present && !campaign.campaign.country->empty()
             ? campaign.campaign.country.value
             : "US";
}

bool IsKnownZone(const std::string& name) {
  absl::TimeZone zone;
  return LoadZoneByName(name, &zone);
}

// Marks every later copy of a valid number kRecipientDuplicate. The numbers are
// split between threads by a hash of the number, and each thread walks all rows in
// file order keeping the set of its own numbers seen so far: the same rows are
// marked whatever the thread count, and each core does half the set work.
void MarkDuplicates(RecipientTable& table) {
  const size_t n = table.size();
  unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
  if (n < 20000) threads = 1;
  auto work = [&table, n, threads](unsigned t) {
    absl::flat_hash_set<uint64_t> seen;
    seen.reserve(n / threads + n / 32 + 16);
    for (size_t r = 0; r < n; ++r) {
      const uint64_t e164 = table.e164[r];  // 0: invalid (flags are not read here)
      if (e164 == 0 || ((e164 * 0x9E3779B97F4A7C15ull) >> 40) % threads != t) continue;
      if (!seen.insert(e164).second) table.flags[r] |= kRecipientDuplicate;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& thread : pool) thread.join();
}

// Classifies every row, then the row-order facts: duplicates, suppression,
// consent, zone sets and the counts.
absl::Status ReadRows(const Campaign& campaign, const Columns& columns,
                      const std::vector<std::string>& allow_outside, RecipientLoadResult& result) {
  RecipientTable& table = result.table;
  RecipientFacts& facts = result.facts;
  RecipientStats& stats = result.stats;
  const size_t n = table.source_line.size();
  PhoneNumberClassifier classifier(facts.country);
  const TimeZoneMap& zone_map = TimeZoneMap::Embedded();
  table.e164.assign(n, 0);
  table.zone_set.assign(n, 0);
  table.state.assign(n, 0);
  table.number_state.assign(n, 0);
  table.flags.assign(n, 0);
  table.states = StateCodes();
  RowResults rows;
  rows.type.assign(n, 0);
  rows.tz_entry.assign(n, -1);
  ClassifyAll(table, rows, columns, classifier, zone_map);

  // Suppression list.
  SuppressionList suppression;
  if (campaign.suppression_file.present && !campaign.suppression_file->empty()) {
    facts.suppression_display = RecipientsDisplayPath(campaign, campaign.suppression_file.value);
    ASSIGN_OR_RETURN(std::string path, ConfinedDataPath(campaign, campaign.suppression_file,
                                                        "suppression", allow_outside));
    result.files_read.push_back(path);
    FileBytes bytes;
    std::string error = bytes.Open(path, 0);
    if (!error.empty()) {
      return FileError(campaign, campaign.suppression_file.pos,
                       "suppression file '" + campaign.suppression_file.value +
                           "' cannot be read: " + error +
                           "; the path is relative to the campaign file");
    }
    suppression = ParseSuppressionList(bytes.view(), classifier);
    facts.suppression = std::move(suppression.report);
    facts.suppression_read = true;
  }

  ZoneSetInterner zone_sets(table.zone_sets);
  struct EntrySet {
    int set = -1;  // -1: not computed yet; else the zone set (0: no usable zone)
    bool guessed = false;
  };
  std::vector<EntrySet> entry_sets(zone_map.size());
  absl::flat_hash_map<std::string, int> column_sets;  // value -> zone set, or -1 if invalid

  MarkDuplicates(table);
  for (size_t r = 0; r < n; ++r) {
    uint8_t& flags = table.flags[r];
    const uint64_t e164 = table.e164[r];
    if (flags & kRecipientInvalid) {
      ++stats.invalid;
    } else {
      if (flags & kRecipientDuplicate) ++stats.duplicate;
      if (suppression.numbers.contains(e164)) {
        flags |= kRecipientSuppressed;
        ++stats.suppressed;
      }
      if (IsNonMobileType(static_cast<PhoneNumberType>(rows.type[r])) &&
          !(flags & kRecipientDuplicate))
        ++stats.non_mobile;
    }
    if ((flags & kRecipientNoConsent) && !(flags & (kRecipientInvalid | kRecipientDuplicate)))
      ++stats.no_consent;
    if (table.state[r] != 0) ++stats.state_known;

    // Zone: a valid `timezone` value wins, else the number's prefix.
    bool zone_set = false;
    if (columns.timezone >= 0 && !table.Field(r, columns.timezone).empty()) {
      std::string_view value = table.Field(r, columns.timezone);
      auto it = column_sets.find(absl::string_view(value.data(), value.size()));
      if (it == column_sets.end()) {
        std::string name(value);
        bool valid = name == "UTC" || (name.find('/') != std::string::npos && IsKnownZone(name));
        it = column_sets.emplace(name, valid ? zone_sets.Intern({name}) : -1).first;
      }
      if (it->second >= 0) {
        table.zone_set[r] = static_cast<uint16_t>(it->second);
        zone_set = true;
      } else {
        flags |= kRecipientBadTimezone;
      }
    }
    if (!zone_set) {
      int entry = rows.tz_entry[r];
      if (entry >= 0 && entry_sets[entry].set == -1) {
        std::vector<std::string> candidates;
        for (const std::string& z : zone_map.Zones(entry))
          if (z != "Etc/Unknown" && IsKnownZone(z)) candidates.push_back(z);
        size_t named = 0;
        for (const std::string& z : zone_map.Zones(entry)) named += z != "Etc/Unknown";
        entry_sets[entry].set = zone_sets.Intern(std::move(candidates));
        entry_sets[entry].guessed = named > 1;
      }
      if (entry >= 0 && entry_sets[entry].set > 0) {
        table.zone_set[r] = static_cast<uint16_t>(entry_sets[entry].set);
        if (entry_sets[entry].guessed) {
          flags |= kRecipientZoneGuessed;
          ++stats.zone_guessed;
        }
      } else if (!(flags & kRecipientInvalid)) {
        ++stats.zone_unknown;
      }
    }
    if (IsSendable(flags)) ++stats.sendable;
  }
  stats.rows = n;
  stats.consent_column = columns.consent >= 0;
  facts.number_type = std::move(rows.type);
  facts.rows_read = true;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<RecipientLoadResult> LoadRecipients(const Campaign& campaign, RecipientLoadMode mode,
                                                   const std::vector<std::string>& allow_outside) {
  RecipientLoadResult result;
  RecipientTable& table = result.table;
  RecipientFacts& facts = result.facts;
  const Recipients& recipients = campaign.recipients;
  facts.country = NumberCountry(campaign);
  Columns columns;

  if (recipients.file.present && !recipients.file->empty()) {
    facts.origin = RecipientFacts::Origin::kFile;
    facts.file = recipients.file.value;
    facts.csv_display = RecipientsDisplayPath(campaign, recipients.file.value);
    facts.anchor = recipients.file.pos;
    ASSIGN_OR_RETURN(std::string path,
                     ConfinedDataPath(campaign, recipients.file, "recipients", allow_outside));
    result.files_read.push_back(path);
    FileBytes bytes;
    std::string error =
        bytes.Open(path, mode == RecipientLoadMode::kHeaderOnly ? kHeaderReadBytes : 0);
    if (!error.empty()) {
      return FileError(campaign, recipients.file.pos,
                       "recipients file '" + recipients.file.value + "' cannot be read: " + error +
                           "; the path is relative to the campaign file");
    }
    std::string_view data = bytes.view();
    CsvHeader header = ParseCsvHeader(data);
    if (!header.found) {
      facts.header_problem = RecipientFacts::HeaderProblem::kEmpty;
      return result;
    }
    if (!header.valid_utf8 || !header.complete) {
      facts.header_problem = header.valid_utf8 ? RecipientFacts::HeaderProblem::kUnterminated
                                               : RecipientFacts::HeaderProblem::kNotUtf8;
      return result;
    }
    if (header.columns.size() > kMaxCsvColumns) {
      return FileError(campaign, recipients.file.pos,
                       "recipients file '" + recipients.file.value + "' has " +
                           WithCommas(static_cast<int64_t>(header.columns.size())) +
                           " columns in its header row; smslint reads at most " +
                           WithCommas(static_cast<int64_t>(kMaxCsvColumns)));
    }
    table.columns = header.columns;
    columns.phone = FindColumn(table.columns, "phone");
    columns.consent = FindColumn(table.columns, "opted_in_at");
    columns.timezone = FindColumn(table.columns, "timezone");
    columns.state = FindColumn(table.columns, "state");
    if (columns.phone < 0) {
      facts.header_problem = RecipientFacts::HeaderProblem::kNoPhoneColumn;
      facts.header_columns = std::move(table.columns);
      table.columns.clear();
      return result;
    }
    table.phone_column = columns.phone;
    if (mode == RecipientLoadMode::kHeaderOnly) return result;

    // Row count estimated from the first MiB of rows, so the columns grow once
    // without a pass over the whole file. Bounded by the input: a stored row of C
    // fields takes at least C bytes (C-1 delimiters and a line end), so no more
    // than bytes/C rows and bytes field offsets can come out of it (blank lines,
    // counted in the sample, are no rows).
    const std::string_view rows = data.substr(std::min(header.data_offset, data.size()));
    const size_t column_count = std::max<size_t>(1, table.columns.size());
    std::string_view sample = rows.substr(0, 1u << 20);
    size_t sample_lines = static_cast<size_t>(std::count(sample.begin(), sample.end(), '\n')) + 1;
    size_t lines = rows.size() / std::max<size_t>(1, sample.size() / sample_lines) * 11 / 10 + 16;
    lines = std::min(lines, rows.size() / column_count + 1);
    table.arena.reserve(rows.size());
    table.offsets.reserve(lines * column_count + 1);
    table.source_line.reserve(lines);
    ParseCsvRows(data, header, table, facts.malformed_rows, kMaxCsvRowBytes,
                 [&bytes](size_t offset) { bytes.Release(offset); });
    result.stats.malformed_rows = facts.malformed_rows.size();
  } else if (!recipients.list.empty()) {
    facts.origin = RecipientFacts::Origin::kList;
    facts.anchor = recipients.pos;
    table.columns = {"phone"};
    table.phone_column = 0;
    columns.phone = 0;
    if (mode == RecipientLoadMode::kHeaderOnly) return result;
    table.offsets.push_back(0);
    for (const Located<std::string>& item : recipients.list) {
      table.arena += item.value;
      table.offsets.push_back(static_cast<uint32_t>(table.arena.size()));
      table.source_line.push_back(static_cast<uint32_t>(std::max(0, item.pos.line)));
    }
  } else {
    return result;
  }
  if (table.offsets.empty()) table.offsets.push_back(0);
  facts.consent_column = columns.consent;
  facts.timezone_column = columns.timezone;
  facts.state_column = columns.state;
  RETURN_IF_ERROR(ReadRows(campaign, columns, allow_outside, result));
  return result;
}

std::vector<SourceRange> InlineRecipientRanges(const Campaign& campaign) {
  std::string_view source = campaign.source;
  std::vector<SourceRange> ranges;
  if (campaign.recipients.list.empty()) return ranges;
  // Valid numbers are masked like in findings, so each item is read here too.
  PhoneNumberClassifier classifier(NumberCountry(campaign));
  for (const Located<std::string>& item : campaign.recipients.list) {
    size_t at = campaign.lines.LineStart(item.pos.line);
    if (!item.pos.known() || at == std::string_view::npos) continue;
    for (int col = 1; col < item.pos.column && at < source.size(); ++at) {
      if ((static_cast<unsigned char>(source[at]) & 0xC0) != 0x80) ++col;
    }
    int width = TokenWidth(campaign.lines.Line(source, item.pos.line), item.pos.column);
    size_t end = at;
    for (int col = 0; col < width && end < source.size(); ++end) {
      if ((static_cast<unsigned char>(source[end]) & 0xC0) != 0x80) ++col;
    }
    NumberInfo info = classifier.Classify(item.value);
    ranges.push_back({at, end, info.valid ? info.e164 : 0});
  }
  return ranges;
}

}  // namespace smslint
