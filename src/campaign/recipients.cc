#include "campaign/recipients.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "campaign/number_states.h"
#include "campaign/phone_numbers.h"
#include "campaign/recipients_csv.h"
#include "campaign/suppression.h"
#include "campaign/time_zones.h"
#include "text/template.h"
#include "util/files.h"
#include "util/status.h"
#include "util/strings.h"
#include "util/threads.h"

namespace smslint {
namespace {

// Field offsets are 32-bit; larger inputs are refused up front.
constexpr uint64_t kMaxRecipientsFileBytes = 3ull << 30;
// A suppression file is read whole (and UTF-16 converted, its rows parsed), about
// three times its size in memory: 256 MiB is some 16 million numbers, past any
// opt-out list, and bounds that memory.
constexpr uint64_t kMaxSuppressionFileBytes = 256ull << 20;

// ---- Reading the file --------------------------------------------------------

// A recipients or suppression file read with read(2) a block at a time, never
// mapped (a mapped file cut short while it is parsed raises SIGBUS): the bytes not
// consumed yet, and more on demand. A file that shrinks while it is read is an
// error (its rows would be some of the list's); one that grows is read to its end,
// up to `max_bytes` in all. Only regular files are opened (not a FIFO, a device or
// a directory).
class BlockReader {
 public:
  explicit BlockReader(uint64_t max_bytes) : max_bytes_(max_bytes) {}
  BlockReader(const BlockReader&) = delete;
  BlockReader& operator=(const BlockReader&) = delete;
  ~BlockReader() {
    if (fd_ >= 0) close(fd_);
  }
  // Returns an error text ("" when fine).
  std::string Open(const std::string& path) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
    fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd_ < 0) return std::strerror(errno);
    struct stat st;
    if (fstat(fd_, &st) != 0) return std::strerror(errno);
    if (S_ISDIR(st.st_mode)) return "it is a directory";
    if (!S_ISREG(st.st_mode)) return "it is not a regular file (a device, FIFO or socket)";
    if (static_cast<uint64_t>(st.st_size) > max_bytes_) return TooLarge();
    size_ = static_cast<uint64_t>(st.st_size);
    return "";
  }
  std::string_view pending() const {
    return std::string_view(buffer_.get() + start_, length_ - start_);
  }
  void Consume(size_t bytes) { start_ = std::min(length_, start_ + bytes); }
  bool eof() const { return eof_; }
  // The bytes not read yet as the file's size tells, plus those pending.
  size_t size_hint() const {
    return static_cast<size_t>(size_ > read_ ? size_ - read_ : 0) + pending().size();
  }
  // Reads until `bytes` are pending or the file ends; returns an error text.
  std::string Fill(size_t bytes) {
    if (pending().size() >= bytes || eof_) return "";
    if (start_ > 0) {
      std::memmove(buffer_.get(), buffer_.get() + start_, length_ - start_);
      length_ -= start_;
      start_ = 0;
    }
    while (length_ < bytes && !eof_) {
      const size_t want = std::min<size_t>(bytes - length_, 1u << 30);
      if (length_ + want > capacity_) {
        // Not zero-filled: read(2) writes what is used.
        const size_t capacity = std::max(length_ + want, capacity_ * 2);
        auto wider = std::make_unique_for_overwrite<char[]>(capacity);
        if (length_ > 0) std::memcpy(wider.get(), buffer_.get(), length_);
        buffer_ = std::move(wider);
        capacity_ = capacity;
      }
      ssize_t got = read(fd_, buffer_.get() + length_, want);
      const int saved = errno;
      length_ += static_cast<size_t>(std::max<ssize_t>(got, 0));
      if (got < 0 && saved == EINTR) continue;
      if (got < 0) return std::strerror(saved);
      read_ += static_cast<uint64_t>(got);
      if (got == 0) {
        eof_ = true;
        // Cut short while it was read: the rows seen are not the file's.
        if (read_ < size_) {
          return "it was cut short while it was read (" + WithCommas(static_cast<int64_t>(read_)) +
                 " of " + WithCommas(static_cast<int64_t>(size_)) + " bytes)";
        }
      }
      if (read_ > max_bytes_) return TooLarge();
    }
    return "";
  }
  std::string ReadAll() {
    std::string error;
    while (!eof_ && error.empty()) error = Fill(pending().size() + (4u << 20));
    return error;
  }

 private:
  std::string TooLarge() const {
    return max_bytes_ >= (1ull << 30)
               ? "it is larger than " + std::to_string(max_bytes_ >> 30) + " GiB"
               : "it is larger than " + std::to_string(max_bytes_ >> 20) + " MiB";
  }
  uint64_t max_bytes_;
  int fd_ = -1;
  uint64_t size_ = 0;  // as fstat saw it
  uint64_t read_ = 0;
  bool eof_ = false;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t length_ = 0;  // bytes read into buffer_
  size_t start_ = 0;   // buffer_[start_ .. length_) is pending
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
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  auto valid_date = [](int year, int month, int day) {
    if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
  };
  // The shape nearly every list's column has, "2024-02-16T00:57:00Z", read at fixed
  // offsets: the general reading below costs some 350 instructions a row.
  if (s.size() == 20 && s[4] == '-' && s[7] == '-' && (s[10] == 'T' || s[10] == 't') &&
      s[13] == ':' && s[16] == ':' && (s[19] == 'Z' || s[19] == 'z')) {
    unsigned bad = 0;
    // A digit's value; a byte that is not one sets `bad` (the compares unrolled: a
    // loop over the fourteen offsets was most of the cost).
    auto digit = [&s, &bad](size_t i) {
      const unsigned v = static_cast<unsigned>(static_cast<unsigned char>(s[i])) - '0';
      bad |= v > 9 ? 1u : 0u;
      return static_cast<int>(v);
    };
    const int year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
    const int month = digit(5) * 10 + digit(6), day = digit(8) * 10 + digit(9);
    const int hour = digit(11) * 10 + digit(12), minute = digit(14) * 10 + digit(15);
    const int second = digit(17) * 10 + digit(18);
    if (bad == 0) {
      return valid_date(year, month, day) && hour <= 23 && minute <= 59 && second <= 60;
    }
  }
  size_t p = 0;
  int year, month, day;
  if (!ReadDigits(s, p, 4, year) || p >= s.size() || s[p++] != '-' || !ReadDigits(s, p, 2, month) ||
      p >= s.size() || s[p++] != '-' || !ReadDigits(s, p, 2, day))
    return false;
  if (!valid_date(year, month, day)) return false;
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

// What classification gives per row of a chunk that is not kept in the table.
struct ChunkResults {
  // TimeZoneMap entry, -1 none; kZoned once the row's zone set is in the table.
  std::vector<int32_t> tz_entry;
  static constexpr int32_t kZoned = -2;
};

// The zone set of a TimeZoneMap entry, once the reading thread has worked it out
// (TableBuilder::Zone, in row order: the sets are numbered as rows first show them).
struct EntrySet {
  int set = -1;  // -1: not computed yet; else the zone set (0: no usable zone)
  bool guessed = false;
};

// A row placed by its number's entry (`known`, worked out; null when the number has
// none): its zone set and "guessed" flag, counted in `guessed` or, for a valid number
// with no usable zone, `unknown` (RecipientStats' zone_guessed, zone_unknown).
void PlaceByEntry(const EntrySet* known, uint16_t& zone_set, uint8_t& flags, size_t& guessed,
                  size_t& unknown) {
  if (known != nullptr && known->set > 0) {
    zone_set = static_cast<uint16_t>(known->set);
    if (known->guessed) {
      flags |= kRecipientZoneGuessed;
      ++guessed;
    }
  } else if (!(flags & kRecipientInvalid)) {
    ++unknown;
  }
}

// Zone entry and state of +1 numbers per area code and exchange (1NPANXX), for
// the rows of one thread: lists hold few exchanges many times over. Dense for
// large chunks (one slot per exchange), a hash map for small ones.
class ExchangePlaces {
 public:
  struct Place {
    int32_t tz_entry = -1;
    int16_t state = -1;  // or NumberStates::kByRegion, kByNumber (ExchangeState)
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
  // 32 bits, never 0: set bit, zone entry + 1 (23 bits), state + 2 (8 bits).
  static uint32_t Pack(Place p) {
    return 1u << 31 | static_cast<uint32_t>(p.tz_entry + 1) |
           static_cast<uint32_t>(p.state + 2) << 23;
  }
  static Place Unpack(uint32_t v) {
    return {static_cast<int32_t>(v & 0x7FFFFF) - 1,
            static_cast<int16_t>(static_cast<int>(v >> 23 & 0xFF) - 2)};
  }

 private:
  static constexpr size_t kExchanges = 1000000;
  bool dense_;
  bool packable_;
  std::vector<uint32_t> slots_;  // 4 bytes a slot: read at random, once per row
  absl::flat_hash_map<uint64_t, Place> map_;
};

// One thread's classification state, kept from chunk to chunk: the answers per
// exchange are learned once for the whole file.
struct RowClassifier {
  // `exchanges`: the slots shared by every thread's memo.
  RowClassifier(const PhoneNumberClassifier& classifier, const TimeZoneMap& zones,
                size_t expected_rows,
                std::shared_ptr<PhoneNumberClassifier::ExchangeMemo::Table> exchanges)
      : classifier(classifier),
        zones(zones),
        places(expected_rows, zones.size()),
        memo(std::move(exchanges)),
        use_memo(expected_rows >= 50000) {}
  const PhoneNumberClassifier& classifier;
  const TimeZoneMap& zones;
  const NumberStates* states = nullptr;  // loaded on the first +1 number
  ExchangePlaces places;
  PhoneNumberClassifier::ExchangeMemo memo;
  bool use_memo;
  // The zone sets known when the chunk began (read only while it is classified), and
  // this thread's counts of the rows it placed with them.
  const std::vector<EntrySet>* entry_sets = nullptr;
  size_t zone_guessed = 0;
  size_t zone_unknown = 0;
};

// Classifies rows [begin, end) of `chunk`, stored from table row `base` on.
void ClassifyRows(RowClassifier& state, const CsvRows& chunk, const Columns& columns, size_t base,
                  RecipientTable* table, std::vector<uint8_t>* types, ChunkResults* results,
                  size_t begin, size_t end) {
  const TimeZoneMap& zones = state.zones;
  // Zone entries of +1 numbers depend on area code and exchange only when the
  // map's NANP prefixes are at most 7 digits.
  const bool cache_nanp = zones.max_nanp_digits() <= 7;
  ExchangePlaces& places = state.places;
  PhoneNumberClassifier::ExchangeMemo& memo = state.memo;
  PhoneNumberClassifier::ExchangeMemo* use_memo = state.use_memo ? &memo : nullptr;
  // A list's exchanges come in no order, so each row's memo slot is a cache miss:
  // the number of the row kAhead rows on is read (its digits kept for when it is
  // classified) and its slot fetched while this one is classified.
  constexpr size_t kAhead = 16;
  std::array<PhoneNumberClassifier::FastDigits, kAhead> ahead;
  auto read_ahead = [&](size_t i) {
    if (i >= end) return;
    PhoneNumberClassifier::FastDigits& digits = ahead[i % kAhead];
    digits = state.classifier.ReadFast(chunk.Field(i, columns.phone));
    uint32_t key;
    if (use_memo != nullptr && digits.ExchangeKey(key)) __builtin_prefetch(&memo.At(key));
  };
  for (size_t i = begin; i < begin + kAhead; ++i) read_ahead(i);
  for (size_t i = begin; i < end; ++i) {
    const PhoneNumberClassifier::FastDigits digits = ahead[i % kAhead];
    read_ahead(i + kAhead);
    const size_t r = base + i;
    uint8_t flags = 0;
    NumberInfo info = state.classifier.Classify(chunk.Field(i, columns.phone), digits, use_memo);
    uint8_t number_state = 0;
    if (info.valid) {
      table->e164[r] = info.e164;
      (*types)[r] = static_cast<uint8_t>(info.type);
      if (info.e164 >= 10000000000ull && info.e164 < 20000000000ull) {
        if (state.states == nullptr) state.states = &NumberStates::Get();
        const NumberStates* states = state.states;
        if (cache_nanp) {
          auto compute = [&] {
            return ExchangePlaces::Place{zones.Lookup(info.e164),
                                         static_cast<int16_t>(states->ExchangeState(info.e164))};
          };
          ExchangePlaces::Place place;
          if (use_memo != nullptr && memo.extra != nullptr && places.Packable()) {
            // Beside the classifier's answer for the exchange: one memory access.
            uint32_t packed = PhoneNumberClassifier::ExchangeMemo::Load(*memo.extra);
            if (packed == 0) {
              packed = ExchangePlaces::Pack(compute());
              PhoneNumberClassifier::ExchangeMemo::Store(*memo.extra, packed);
            }
            place = ExchangePlaces::Unpack(packed);
          } else {
            place = places.Get(info.e164, compute);
          }
          results->tz_entry[i] = place.tz_entry;
          number_state = place.state >= 0 ? static_cast<uint8_t>(place.state)
                         : place.state == NumberStates::kByRegion
                             ? states->StateForRegion(info.region.data())
                             : states->StateFor(info.e164, info.region.data());
        } else {
          results->tz_entry[i] = zones.Lookup(info.e164);
          number_state = states->StateFor(info.e164, info.region.data());
        }
      } else {
        results->tz_entry[i] = zones.Lookup(info.e164);
      }
    } else {
      flags |= kRecipientInvalid;
    }
    if (columns.consent >= 0 && !IsIsoDateOrDateTime(chunk.Field(i, columns.consent)))
      flags |= kRecipientNoConsent;
    uint8_t state_index = 0;
    if (columns.state >= 0) {
      std::string_view value = chunk.Field(i, columns.state);
      state_index = StateIndex(value);
      if (state_index == 0 && !value.empty()) flags |= kRecipientBadState;
    }
    if (state_index == 0) state_index = number_state;
    table->state[r] = state_index;
    table->number_state[r] = number_state;
    // The row's zone set when its number's entry has one already and no `timezone`
    // value decides (TableBuilder::Zone does the rest, on the reading thread).
    const int32_t entry = results->tz_entry[i];
    if (state.entry_sets != nullptr &&
        (columns.timezone < 0 || chunk.Field(i, columns.timezone).empty()) &&
        (entry < 0 || (*state.entry_sets)[entry].set != -1)) {
      PlaceByEntry(entry >= 0 ? &(*state.entry_sets)[entry] : nullptr, table->zone_set[r], flags,
                   state.zone_guessed, state.zone_unknown);
      results->tz_entry[i] = ChunkResults::kZoned;
    }
    table->flags[r] = flags;
  }
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

// A set of numbers as hashed bits, a few a number: a number whose bits are not all
// set is not in the set (one access to a small table, where a hash set costs a hash
// and a probe); one whose bits are may be. Two bits a number, in one 64-bit word: a
// number not in the set passes a third as often as with one bit at 8 bits a number
// (10,000,000 rows: 443,031 duplicate candidates -> 218,264), at the same one access.
class NumberFilter {
 public:
  // For about `numbers` numbers, `bits_per_number` bits each.
  NumberFilter(size_t numbers, size_t bits_per_number) {
    int bits_log2 = 6;
    while ((size_t{1} << bits_log2) < numbers * bits_per_number && bits_log2 < 40) ++bits_log2;
    shift_ = 64 - bits_log2;
    words_.assign((size_t{1} << bits_log2) / 64, 0);
  }
  // Adds `e164`; true when its bits were set already.
  bool Add(uint64_t e164) {
    const uint64_t h = Hash(e164);
    uint64_t& word = words_[Word(h)];
    const uint64_t mask = Mask(h);
    const bool was = (word & mask) == mask;
    word |= mask;
    return was;
  }
  bool MayHold(uint64_t e164) const {
    const uint64_t h = Hash(e164);
    const uint64_t mask = Mask(h);
    return (words_[Word(h)] & mask) == mask;
  }
  // Fetches the word of `e164`'s bits into the cache ahead of an Add or MayHold.
  void Prefetch(uint64_t e164) const { __builtin_prefetch(&words_[Word(Hash(e164))]); }

 private:
  static uint64_t Hash(uint64_t e164) { return e164 * 0x9E3779B97F4A7C15ull; }
  // The word from the hash's top bits, the two bits' places from the twelve below
  // (shift_ is at least 24).
  size_t Word(uint64_t h) const { return static_cast<size_t>((h >> shift_) >> 6); }
  uint64_t Mask(uint64_t h) const {
    return uint64_t{1} << ((h >> shift_) & 63) | uint64_t{1} << ((h >> (shift_ - 6)) & 63);
  }
  int shift_ = 58;
  std::vector<uint64_t> words_;
};

// Marks every later copy of a valid number kRecipientDuplicate. Most numbers occur
// once, so a set of every number (16 bytes a row) is not needed: a first pass sets
// a number's bits in a table of 8 bits a row (NumberFilter), and a number whose bits
// are already set may repeat an earlier one (or share them); only those candidates go into a
// map, and a second pass in file order marks the later rows of each. One thread:
// split between two by the table's top bits (each walking every row for its own
// numbers), it took twice the time at 1,000,000 rows and the same at 10,000,000; the
// classifying threads making the first pass with atomic bits, 20% more wall time at
// 1,000,000 (the two cores contend for the table's cache lines).
void MarkDuplicates(RecipientTable& table) {
  const size_t n = table.size();
  // Numbers come in no order, so each row's bit is a cache miss: the word of the
  // row kAhead rows on is fetched while this one is looked at.
  constexpr size_t kAhead = 16;
  absl::flat_hash_map<uint64_t, bool> candidates;  // number -> its first row was met
  {
    NumberFilter seen(n, 8);
    for (size_t r = 0; r < n; ++r) {
      if (r + kAhead < n) seen.Prefetch(table.e164[r + kAhead]);
      const uint64_t e164 = table.e164[r];  // 0: invalid (flags are not read here)
      if (e164 != 0 && seen.Add(e164)) candidates.try_emplace(e164, false);
    }
  }
  if (candidates.empty()) return;
  // The candidates' bits only, in a table of their own size: most rows skip the map.
  NumberFilter filter(candidates.size(), 16);
  for (const auto& [e164, met] : candidates) filter.Add(e164);
  for (size_t r = 0; r < n; ++r) {
    const uint64_t e164 = table.e164[r];
    if (e164 == 0 || !filter.MayHold(e164)) continue;
    auto it = candidates.find(e164);
    if (it == candidates.end()) continue;
    if (it->second) {
      table.flags[r] |= kRecipientDuplicate;
    } else {
      it->second = true;
    }
  }
}

// A column's distinct values, each stored once: the index is a set of value ids
// hashed and compared by the text they stand for.
class ColumnInterner {
 public:
  explicit ColumnInterner(RecipientColumn& column)
      : column_(column), index_(0, Hash{&column}, Eq{&column}) {}
  uint32_t Intern(std::string_view value) {
    auto it = index_.find(value);
    if (it != index_.end()) return *it;
    const uint32_t id = static_cast<uint32_t>(column_.distinct());
    column_.values.append(value);
    column_.ends.push_back(static_cast<uint32_t>(column_.values.size()));
    index_.insert(id);
    return id;
  }

 private:
  static size_t HashText(std::string_view v) {
    return absl::Hash<absl::string_view>{}(absl::string_view(v.data(), v.size()));
  }
  struct Hash {
    using is_transparent = void;
    const RecipientColumn* column;
    size_t operator()(uint32_t id) const { return HashText(column->Value(id)); }
    size_t operator()(std::string_view v) const { return HashText(v); }
  };
  struct Eq {
    using is_transparent = void;
    const RecipientColumn* column;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t a, std::string_view b) const { return column->Value(a) == b; }
    bool operator()(std::string_view a, uint32_t b) const { return a == column->Value(b); }
  };
  RecipientColumn& column_;
  absl::flat_hash_set<uint32_t, Hash, Eq> index_;
};

// Builds the table a chunk of rows at a time: each chunk's rows are classified
// (both cores on large files), their zones found, the interned columns' values
// interned and the text of rows a finding may quote kept; then the chunk's text is
// dropped. Memory is the table's fixed-width columns, not the file's text.
class TableBuilder {
 public:
  TableBuilder(RecipientLoadResult& result, const Columns& columns,
               const std::vector<bool>& interned, size_t expected_rows)
      : table_(result.table),
        facts_(result.facts),
        stats_(result.stats),
        columns_(columns),
        classifier_(facts_.country),
        zone_map_(TimeZoneMap::Embedded()),
        zone_sets_(table_.zone_sets),
        entry_sets_(zone_map_.size()) {
    threads_ = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
    if (expected_rows < 20000) threads_ = 1;
    // One memory of the answers per exchange for every thread: each exchange is
    // classified once, by whichever thread meets it first.
    auto exchanges = std::make_shared<PhoneNumberClassifier::ExchangeMemo::Table>();
    for (unsigned t = 0; t < threads_; ++t) {
      workers_.push_back(std::make_unique<RowClassifier>(classifier_, zone_map_,
                                                         expected_rows / threads_, exchanges));
      workers_.back()->entry_sets = &entry_sets_;
    }
    table_.states = StateCodes();
    table_.fields.resize(table_.columns.size());
    for (size_t c = 0; c < table_.columns.size(); ++c) {
      if (c < interned.size() && interned[c]) {
        table_.fields[c].interned = true;
        interners_.push_back(std::make_unique<ColumnInterner>(table_.fields[c]));
      } else {
        interners_.push_back(nullptr);
      }
    }
    const size_t reserve = std::max<size_t>(expected_rows, 16);
    table_.e164.reserve(reserve);
    table_.zone_set.reserve(reserve);
    table_.state.reserve(reserve);
    table_.number_state.reserve(reserve);
    table_.flags.reserve(reserve);
    facts_.number_type.reserve(reserve);
    for (RecipientColumn& f : table_.fields)
      if (f.interned) f.ids.reserve(reserve);
  }

  ~TableBuilder() {
    for (std::thread& thread : pool_) thread.join();
  }

  // Starts on `chunk`, which must live until Finish: the table grows by its rows and
  // the other threads start classifying them, while the caller may read the next
  // chunk.
  void Begin(const CsvRows& chunk) {
    chunk_ = &chunk;
    base_ = table_.size();
    const size_t n = chunk.size();
    table_.source_line.Append(chunk.lines.data(), chunk.lines.size());
    results_.tz_entry.assign(n, -1);
    next_row_.store(0, std::memory_order_relaxed);
    const unsigned threads = n < 4096 ? 1 : threads_;
    if (threads == 1) {
      Grow(base_ + n);
      interned_ahead_ = false;
      return;
    }
    // The first other thread grows the table's columns by the chunk's rows (their
    // fresh pages' faults, a fifth of the reading thread's time on a list of
    // millions, are then off it), interns the chunk's values and classifies; the
    // others classify once the columns are grown. The caller reads the next chunk
    // meanwhile.
    grown_.store(false, std::memory_order_relaxed);
    interned_ahead_ = true;
    for (unsigned t = 1; t < threads; ++t) {
      pool_.push_back(StartThread([this, t, total = base_ + n] {
        if (t == 1) {
          Grow(total);
          grown_.store(true, std::memory_order_release);
          grown_.notify_all();
          Intern();
        }
        Classify(t);
      }));
    }
  }

  // Ends the chunk Begin started: its share of the classification (and the interned
  // columns when no other thread took them), then its zones and kept text, in row
  // order.
  void Finish() {
    const CsvRows& chunk = *chunk_;
    const size_t n = chunk.size();
    if (!interned_ahead_) Intern();
    Classify(0);
    for (std::thread& thread : pool_) thread.join();
    pool_.clear();
    for (const std::unique_ptr<RowClassifier>& worker : workers_) {
      stats_.zone_guessed += std::exchange(worker->zone_guessed, 0);
      stats_.zone_unknown += std::exchange(worker->zone_unknown, 0);
    }

    for (size_t i = 0; i < n; ++i) {
      const size_t r = base_ + i;
      if (results_.tz_entry[i] != ChunkResults::kZoned) Zone(chunk, i, r);
      if (table_.flags[r] & kRecipientKeepText) {
        table_.kept_rows.push_back(static_cast<uint32_t>(r));
        for (size_t c = 0; c < chunk.columns; ++c) {
          table_.kept_text.append(chunk.Field(i, c));
          table_.kept_offsets.push_back(static_cast<uint32_t>(table_.kept_text.size()));
        }
      }
    }
    chunk_ = nullptr;
  }

  void Add(const CsvRows& chunk) {
    Begin(chunk);
    Finish();
  }

 private:
  // The current chunk's values of the interned columns, in row order.
  void Intern() {
    const CsvRows& chunk = *chunk_;
    for (size_t c = 0; c < interners_.size(); ++c) {
      if (interners_[c] == nullptr) continue;
      chunk_ids_.resize(chunk.size());
      for (size_t i = 0; i < chunk.size(); ++i)
        chunk_ids_[i] = interners_[c]->Intern(chunk.Field(i, c));
      table_.fields[c].ids.Append(chunk_ids_.data(), chunk_ids_.size());
    }
  }

  // The table's per-row columns to `total` rows, zero.
  void Grow(size_t total) {
    table_.e164.resize(total, 0);
    table_.zone_set.resize(total, 0);
    table_.state.resize(total, 0);
    table_.number_state.resize(total, 0);
    table_.flags.resize(total, 0);
    facts_.number_type.resize(total, 0);
  }

  // Thread `t`'s share of the current chunk: blocks of rows taken in turn, so a
  // thread that joins late (the caller, after reading the next chunk) takes fewer.
  void Classify(unsigned t) {
    const CsvRows& chunk = *chunk_;
    const size_t n = chunk.size();
    if (interned_ahead_) grown_.wait(false, std::memory_order_acquire);
    while (true) {
      const size_t begin = next_row_.fetch_add(kClassifyBlock, std::memory_order_relaxed);
      if (begin >= n) return;
      ClassifyRows(*workers_[t], chunk, columns_, base_, &table_, &facts_.number_type, &results_,
                   begin, std::min(n, begin + kClassifyBlock));
    }
  }

  // A valid `timezone` value wins, else the number's prefix.
  void Zone(const CsvRows& chunk, size_t i, size_t r) {
    uint8_t& flags = table_.flags[r];
    if (columns_.timezone >= 0 && !chunk.Field(i, columns_.timezone).empty()) {
      std::string_view value = chunk.Field(i, columns_.timezone);
      auto it = column_sets_.find(absl::string_view(value.data(), value.size()));
      if (it == column_sets_.end()) {
        std::string name(value);
        bool valid = name == "UTC" || (name.find('/') != std::string::npos && IsKnownZone(name));
        it = column_sets_.emplace(name, valid ? zone_sets_.Intern({name}) : -1).first;
      }
      if (it->second >= 0) {
        table_.zone_set[r] = static_cast<uint16_t>(it->second);
        return;
      }
      flags |= kRecipientBadTimezone;
    }
    const int entry = results_.tz_entry[i];
    if (entry >= 0 && entry_sets_[entry].set == -1) {
      std::vector<std::string> candidates;
      for (const std::string& z : zone_map_.Zones(entry))
        if (z != "Etc/Unknown" && IsKnownZone(z)) candidates.push_back(z);
      size_t named = 0;
      for (const std::string& z : zone_map_.Zones(entry)) named += z != "Etc/Unknown";
      entry_sets_[entry].set = zone_sets_.Intern(std::move(candidates));
      entry_sets_[entry].guessed = named > 1;
    }
    PlaceByEntry(entry >= 0 ? &entry_sets_[entry] : nullptr, table_.zone_set[r], flags,
                 stats_.zone_guessed, stats_.zone_unknown);
  }

  RecipientTable& table_;
  RecipientFacts& facts_;
  RecipientStats& stats_;
  const Columns& columns_;
  PhoneNumberClassifier classifier_;
  const TimeZoneMap& zone_map_;
  unsigned threads_ = 1;
  std::vector<std::unique_ptr<RowClassifier>> workers_;
  std::vector<std::unique_ptr<ColumnInterner>> interners_;
  std::vector<uint32_t> chunk_ids_;  // Intern's, for one column of the chunk
  ChunkResults results_;
  static constexpr size_t kClassifyBlock = 2048;
  const CsvRows* chunk_ = nullptr;  // between Begin and Finish
  size_t base_ = 0;                 // its first row in the table
  bool interned_ahead_ = false;     // Intern runs on another thread, after Grow
  std::atomic<bool> grown_{false};  // the columns hold the current chunk's rows
  std::atomic<size_t> next_row_{0};
  std::vector<std::thread> pool_;
  ZoneSetInterner zone_sets_;
  std::vector<EntrySet> entry_sets_;
  absl::flat_hash_map<std::string, int> column_sets_;  // value -> zone set, or -1 if invalid
};

// The suppression file opened (confined, a regular file within its size limit) and,
// when `read`, read whole; its path goes to `files_read`.
absl::Status OpenSuppressionFile(const Campaign& campaign,
                                 const std::vector<std::string>& allow_outside, BlockReader& file,
                                 std::vector<std::string>& files_read, bool read) {
  ASSIGN_OR_RETURN(std::string path, ConfinedDataPath(campaign, campaign.suppression_file,
                                                      "suppression", allow_outside));
  files_read.push_back(path);
  std::string error = file.Open(path);
  if (error.empty() && read) error = file.ReadAll();
  if (!error.empty()) {
    return FileError(campaign, campaign.suppression_file.pos,
                     "suppression file '" + campaign.suppression_file.value + "' cannot be read: " +
                         error + "; the path is relative to the campaign file");
  }
  return absl::OkStatus();
}

// Where RecipientLoadMode::kHeaderOnly stops: no row is read, nor the suppression
// file, but one `check` would read from here and could not open (missing, outside the
// tree, not a regular file) is the same error.
absl::StatusOr<RecipientLoadResult> EndHeaderOnly(const Campaign& campaign,
                                                  const std::vector<std::string>& allow_outside,
                                                  RecipientLoadResult result) {
  if (campaign.suppression_file.present && !campaign.suppression_file->empty()) {
    BlockReader file(kMaxSuppressionFileBytes);
    RETURN_IF_ERROR(
        OpenSuppressionFile(campaign, allow_outside, file, result.files_read, /*read=*/false));
  }
  return result;
}

// The row-order facts once every row is in: duplicates, suppression and the counts.
absl::Status FinishRows(const Campaign& campaign, const Columns& columns,
                        const std::vector<std::string>& allow_outside,
                        RecipientLoadResult& result) {
  RecipientTable& table = result.table;
  RecipientFacts& facts = result.facts;
  RecipientStats& stats = result.stats;
  const size_t n = table.size();

  // Suppression list.
  SuppressionList suppression;
  if (campaign.suppression_file.present && !campaign.suppression_file->empty()) {
    facts.suppression_display = RecipientsDisplayPath(campaign, campaign.suppression_file.value);
    BlockReader file(kMaxSuppressionFileBytes);
    RETURN_IF_ERROR(OpenSuppressionFile(campaign, allow_outside, file, result.files_read, true));
    PhoneNumberClassifier classifier(facts.country);
    suppression = ParseSuppressionList(file.pending(), classifier);
    facts.suppression = std::move(suppression.report);
    facts.suppression_read = true;
  }

  MarkDuplicates(table);
  NumberFilter suppressed(suppression.numbers.size(), 16);
  for (uint64_t e164 : suppression.numbers) suppressed.Add(e164);
  for (size_t r = 0; r < n; ++r) {
    uint8_t& flags = table.flags[r];
    const uint64_t e164 = table.e164[r];
    if (flags & kRecipientInvalid) {
      ++stats.invalid;
    } else {
      if (flags & kRecipientDuplicate) ++stats.duplicate;
      if (suppressed.MayHold(e164) && suppression.numbers.contains(e164)) {
        flags |= kRecipientSuppressed;
        ++stats.suppressed;
      }
      if (IsNonMobileType(static_cast<PhoneNumberType>(facts.number_type[r])) &&
          !(flags & kRecipientDuplicate))
        ++stats.non_mobile;
    }
    if ((flags & kRecipientNoConsent) && !(flags & (kRecipientInvalid | kRecipientDuplicate)))
      ++stats.no_consent;
    if (table.state[r] != 0) ++stats.state_known;
    if (IsSendable(flags)) ++stats.sendable;
  }
  stats.rows = n;
  stats.consent_column = columns.consent >= 0;
  facts.rows_read = true;
  return absl::OkStatus();
}

// Rows a chunk holds: the table grows by this many rows at a time.
constexpr size_t kChunkRows = 1u << 16;
// Bytes read from the file at a time.
constexpr size_t kBlockBytes = 4u << 20;
// At most this much reserved ahead for each of a chunk's text and field ends.
constexpr size_t kChunkReserveBytes = 16u << 20;

}  // namespace

std::vector<bool> InternedColumns(const Campaign& campaign,
                                  const std::vector<std::string>& columns) {
  std::vector<bool> interned(columns.size(), false);
  auto mark = [&](std::string_view name) {
    for (size_t c = 0; c < columns.size(); ++c)
      if (columns[c] == name) interned[c] = true;
  };
  for (const Template& t : campaign.templates) {
    if (!t.body.present) continue;
    for (const Placeholder& p : ParseTemplate(t.body->text).placeholders) mark(p.field);
  }
  mark(kCarrierColumn);  // the simulation's carrier of each recipient (sim/provider_queue.h)
  return interned;
}

const RecipientColumn& InternedColumn(const RecipientTable& table, size_t column,
                                      RecipientColumn& scratch) {
  if (column < table.fields.size() && table.fields[column].interned) return table.fields[column];
  scratch = RecipientColumn{};
  scratch.interned = true;
  ColumnInterner interner(scratch);
  scratch.ids.reserve(table.size());
  for (size_t r = 0; r < table.size(); ++r)
    scratch.ids.push_back(interner.Intern(table.Field(r, column)));
  return scratch;
}

std::string_view RecipientTable::Field(size_t row, size_t column) const {
  if (column >= fields.size()) return {};
  const RecipientColumn& f = fields[column];
  if (f.interned) return f.Value(f.ids[row]);
  auto it = std::lower_bound(kept_rows.begin(), kept_rows.end(), static_cast<uint32_t>(row));
  if (it == kept_rows.end() || *it != row) return {};
  const size_t i = static_cast<size_t>(it - kept_rows.begin()) * columns.size() + column;
  return std::string_view(kept_text).substr(kept_offsets[i], kept_offsets[i + 1] - kept_offsets[i]);
}

void RecipientTable::DropInternedExcept(std::string_view keep) {
  for (size_t c = 0; c < fields.size() && c < columns.size(); ++c) {
    if (!fields[c].interned || columns[c] == keep) continue;
    fields[c] = RecipientColumn{};
  }
}

RecipientTable RecipientTable::Subset(const std::vector<uint32_t>& rows) const {
  RecipientTable out;
  out.columns = columns;
  out.phone_column = phone_column;
  out.zone_sets = zone_sets;
  out.states = states;
  out.fields.resize(fields.size());
  for (size_t c = 0; c < fields.size(); ++c) {
    if (!fields[c].interned) continue;
    out.fields[c].interned = true;
    out.fields[c].values = fields[c].values;
    out.fields[c].ends = fields[c].ends;
    out.fields[c].ids.reserve(rows.size());
  }
  size_t k = 0;  // next candidate in kept_rows
  for (uint32_t r : rows) {
    out.e164.push_back(e164[r]);
    out.zone_set.push_back(zone_set[r]);
    out.state.push_back(state[r]);
    out.number_state.push_back(number_state[r]);
    out.source_line.push_back(source_line[r]);
    out.flags.push_back(flags[r]);
    for (RecipientColumn& f : out.fields)
      if (f.interned) f.ids.push_back(fields[&f - out.fields.data()].ids[r]);
    while (k < kept_rows.size() && kept_rows[k] < r) ++k;
    if (k < kept_rows.size() && kept_rows[k] == r && !fields.empty()) {
      out.kept_rows.push_back(static_cast<uint32_t>(out.size() - 1));
      for (size_t c = 0; c < columns.size(); ++c) {
        out.kept_text.append(Field(r, c));
        out.kept_offsets.push_back(static_cast<uint32_t>(out.kept_text.size()));
      }
    }
  }
  return out;
}

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
    BlockReader file(kMaxRecipientsFileBytes);
    auto read_error = [&](const std::string& error) {
      return FileError(campaign, recipients.file.pos,
                       "recipients file '" + recipients.file.value + "' cannot be read: " + error +
                           "; the path is relative to the campaign file");
    };
    std::string error = file.Open(path);
    if (!error.empty()) return read_error(error);
    // A BOM, blank lines (read as they come, however many), then the header row
    // whole: up to a row's limit past its start.
    if (!(error = file.Fill(3)).empty()) return read_error(error);
    if (file.pending().substr(0, 3) == "\xEF\xBB\xBF") file.Consume(3);
    uint32_t blank_lines = 0;
    while (true) {
      if (!(error = file.Fill(2)).empty()) return read_error(error);
      std::string_view pending = file.pending();
      if (pending.empty() || (pending[0] != '\n' && pending[0] != '\r')) break;
      file.Consume(pending[0] == '\r' && pending.size() > 1 && pending[1] == '\n' ? 2 : 1);
      ++blank_lines;
    }
    if (!(error = file.Fill(kMaxCsvRowBytes + 2)).empty()) return read_error(error);
    CsvHeader header = ParseCsvHeader(file.pending());
    header.data_line += blank_lines;
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
    if (mode == RecipientLoadMode::kHeaderOnly)
      return EndHeaderOnly(campaign, allow_outside, std::move(result));
    facts.consent_column = columns.consent;
    facts.timezone_column = columns.timezone;
    facts.state_column = columns.state;

    // Rows expected, from the file's size and the rows of its first block; bounded
    // by the input: a stored row of C fields takes at least C bytes.
    file.Consume(header.data_offset);
    if (!(error = file.Fill(1u << 20)).empty()) return read_error(error);
    const std::string_view sample = file.pending();
    const size_t column_count = std::max<size_t>(1, table.columns.size());
    const size_t sample_lines =
        static_cast<size_t>(std::count(sample.begin(), sample.end(), '\n')) + 1;
    const size_t rest = std::max<size_t>(file.size_hint(), sample.size());
    size_t expected = rest / std::max<size_t>(1, sample.size() / sample_lines) * 11 / 10 + 16;
    expected = std::min(expected, rest / column_count + 1);

    CsvRowReader reader(header);
    // Up to kChunkRows rows into `chunk`: fewer only at the end of the file.
    auto read_chunk = [&](CsvRows& chunk) -> std::string {
      chunk.Clear();
      while (true) {
        file.Consume(
            reader.Read(file.pending(), file.eof(), chunk, facts.malformed_rows, kChunkRows));
        if (chunk.size() >= kChunkRows || file.eof()) return "";
        std::string error = file.Fill(file.pending().size() + kBlockBytes);
        if (!error.empty()) return error;
      }
    };
    // A chunk is classified while the next one is read. The first two are read before
    // the classifier is built: libphonenumber's metadata may still be being built on
    // another thread (Session::AnalyzeInputs), and parsing needs none of it.
    CsvRows chunk, next;
    chunk.columns = next.columns = table.columns.size();
    // Each chunk's buffers at the size a chunk of rows like the first block's takes,
    // up to kChunkReserveBytes (rows of a megabyte grow as they come): grown by
    // doubling, their text was copied and fresh pages touched about twice over.
    const size_t chunk_rows = std::min(kChunkRows, expected);
    for (CsvRows* rows : {&chunk, &next}) {
      rows->text.reserve(std::min(
          {rest, sample.size() / sample_lines * chunk_rows * 11 / 10, kChunkReserveBytes}));
      rows->offsets.reserve(
          std::min(chunk_rows * column_count + 1, kChunkReserveBytes / sizeof(uint32_t)));
      rows->lines.reserve(chunk_rows);
    }
    if (!(error = read_chunk(chunk)).empty()) return read_error(error);
    bool next_read = chunk.size() >= kChunkRows;  // else the file ended with the first
    std::string next_error = next_read ? read_chunk(next) : "";
    TableBuilder builder(result, columns, InternedColumns(campaign, table.columns), expected);
    while (chunk.size() > 0) {
      builder.Begin(chunk);
      error = next_read ? std::move(next_error) : read_chunk(next);
      next_read = false;
      builder.Finish();
      if (!error.empty()) return read_error(error);
      std::swap(chunk, next);
    }
    result.stats.malformed_rows = facts.malformed_rows.size();
  } else if (!recipients.list.empty()) {
    facts.origin = RecipientFacts::Origin::kList;
    facts.anchor = recipients.pos;
    table.columns = {"phone"};
    table.phone_column = 0;
    columns.phone = 0;
    if (mode == RecipientLoadMode::kHeaderOnly)
      return EndHeaderOnly(campaign, allow_outside, std::move(result));
    CsvRows chunk;
    chunk.columns = 1;
    TableBuilder builder(result, columns, InternedColumns(campaign, table.columns),
                         recipients.list.size());
    for (const Located<std::string>& item : recipients.list) {
      chunk.AddField(item.value);
      chunk.lines.push_back(static_cast<uint32_t>(std::max(0, item.pos.line)));
      if (chunk.size() >= kChunkRows) {
        builder.Add(chunk);
        chunk.Clear();
      }
    }
    if (chunk.size() > 0) builder.Add(chunk);
  } else {
    return result;
  }
  RETURN_IF_ERROR(FinishRows(campaign, columns, allow_outside, result));
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
