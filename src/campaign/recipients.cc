#include "campaign/recipients.h"

#include <fcntl.h>
#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumber.pb.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unicode/locid.h>
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
#include "campaign/phone_numbers.h"
#include "campaign/recipients_csv.h"
#include "campaign/suppression.h"
#include "campaign/time_zones.h"
#include "util/status.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr size_t kMaxExamples = 5;
constexpr size_t kHeaderReadBytes = 1u << 20;
// Offsets into the arena are 32-bit; larger inputs are refused up front.
constexpr uint64_t kMaxRecipientsFileBytes = 3ull << 30;

// Valid UTF-8 prefix of at most `max_bytes` bytes.
std::string_view CutUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// ---- Reading the file --------------------------------------------------------

// The bytes of a recipients file: mapped when it is a regular file, else read.
// A regular file of size 0 is read too: /proc files claim 0 bytes and have
// content, and one whose reads fail (/proc/self/mem) must be an error, not empty.
class FileBytes {
 public:
  ~FileBytes() {
    if (map_ != nullptr) munmap(map_, size_);
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
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
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
    } else if (S_ISREG(st.st_mode) && limit == 0 && st.st_size > 0) {
      if (static_cast<uint64_t>(st.st_size) > kMaxRecipientsFileBytes) {
        error = "it is larger than 3 GiB";
      } else {
        size_ = static_cast<size_t>(st.st_size);
        void* map = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
          error = std::strerror(errno);
          size_ = 0;
        } else {
          map_ = map;
          madvise(map_, size_, MADV_SEQUENTIAL);
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
  void* map_ = nullptr;
  size_t size_ = 0;
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
  if (!ReadDigits(s, p, 4, year) || p >= s.size() || s[p++] != '-' ||
      !ReadDigits(s, p, 2, month) || p >= s.size() || s[p++] != '-' ||
      !ReadDigits(s, p, 2, day))
    return false;
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  absl::CivilDay civil(year, month, day);
  if (civil.day() != day || civil.month() != month) return false;
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

// ---- Findings ----------------------------------------------------------------

// Count plus up to five examples: one finding for many recipients.
struct Aggregate {
  size_t count = 0;
  std::vector<std::string> examples;
  uint32_t first_line = 0;
  void Add(uint32_t line, const std::function<std::string()>& example) {
    if (count == 0) first_line = line;
    ++count;
    if (examples.size() < kMaxExamples) examples.push_back(example());
  }
};

struct Source {
  const Campaign* campaign = nullptr;
  bool from_list = false;
  std::string csv_display;  // CSV path as shown; "" for a list
  Position anchor;          // recipients.file (or recipients) in the campaign file

  // "recipients.csv:12" or "line 12" (of the campaign file, for inline lists).
  std::string Where(uint32_t line) const {
    if (from_list) return "line " + std::to_string(line);
    return csv_display + ":" + std::to_string(line);
  }
};

Diagnostic MakeFinding(const Source& source, std::string rule, Level level, std::string message,
                       const Aggregate* aggregate) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.level = level;
  d.message = std::move(message);
  Position pos = source.anchor;
  if (source.from_list && aggregate != nullptr && aggregate->first_line > 0)
    pos = Position{static_cast<int>(aggregate->first_line), pos.column};
  d.span = Span{source.campaign->path, pos.line, pos.column, pos.line, pos.column};
  if (aggregate != nullptr) {
    d.notes = aggregate->examples;
    if (aggregate->count > aggregate->examples.size())
      d.notes.push_back("and " + std::to_string(aggregate->count - aggregate->examples.size()) +
                        " more");
  }
  return d;
}

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// ---- Per-row work, split across threads ----------------------------------------

struct Columns {
  int phone = -1;
  int consent = -1;
  int timezone = -1;
  int state = -1;
};

struct RowResults {
  std::vector<uint8_t> type;     // PhoneNumberType of valid numbers
  std::vector<int32_t> tz_entry; // TimeZoneMap entry, -1 none
};

// State of a North American number from the offline geocoder, cached per area
// code and exchange (the finest prefix the geocoder's US data distinguishes).
class StateGeocoder {
 public:
  uint8_t StateFor(uint64_t e164) {
    if (e164 < 10000000000ull || e164 >= 20000000000ull) return 0;  // not +1 NXX NXX XXXX
    uint64_t key = e164 / 10000;
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    i18n::phonenumbers::PhoneNumber number;
    number.set_country_code(1);
    number.set_national_number(e164 - 10000000000ull);
    std::string description =
        geocoder_.GetDescriptionForValidNumber(number, icu::Locale("en", "US"));
    uint8_t state = StateFromGeocoderDescription(description);
    cache_.emplace(key, state);
    return state;
  }

 private:
  i18n::phonenumbers::PhoneNumberOfflineGeocoder geocoder_;
  absl::flat_hash_map<uint64_t, uint8_t> cache_;
};

void ClassifyRows(const RecipientTable* table_in, RecipientTable* table, RowResults* rows,
                  const Columns& columns, const PhoneNumberClassifier& classifier,
                  const TimeZoneMap& zones, size_t begin, size_t end) {
  (void)table_in;
  StateGeocoder geocoder;
  // Zone entry and geocoded state of +1 numbers per area code and exchange: both
  // depend on no more digits when the map's NANP prefixes are at most 7 digits.
  const bool cache_nanp = zones.max_nanp_digits() <= 7;
  struct NanpPlace {
    int32_t tz_entry;
    uint8_t state;
  };
  absl::flat_hash_map<uint64_t, NanpPlace> places;
  for (size_t r = begin; r < end; ++r) {
    uint8_t flags = 0;
    NumberInfo info = classifier.Classify(table->Field(r, columns.phone));
    uint8_t number_state = 0;
    if (info.valid) {
      table->e164[r] = info.e164;
      rows->type[r] = static_cast<uint8_t>(info.type);
      if (cache_nanp && info.e164 >= 10000000000ull && info.e164 < 20000000000ull) {
        auto [it, inserted] = places.try_emplace(info.e164 / 10000, NanpPlace{-1, 0});
        if (inserted) it->second = {zones.Lookup(info.e164), geocoder.StateFor(info.e164)};
        rows->tz_entry[r] = it->second.tz_entry;
        number_state = it->second.state;
      } else {
        rows->tz_entry[r] = zones.Lookup(info.e164);
      }
    } else {
      flags |= kRecipientInvalid;
    }
    if (columns.consent >= 0 && !IsIsoDateOrDateTime(table->Field(r, columns.consent)))
      flags |= kRecipientNoConsent;
    uint8_t state = 0;
    if (columns.state >= 0) state = StateIndex(table->Field(r, columns.state));
    if (state == 0 && info.valid) state = number_state;
    table->state[r] = state;
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
    pool.emplace_back(ClassifyRows, &table, &table, &rows, columns, std::cref(classifier),
                      std::cref(zones), begin, end);
  }
  ClassifyRows(&table, &table, &rows, columns, classifier, zones, 0, std::min(n, chunk));
  for (std::thread& thread : pool) thread.join();
}

absl::Status FileError(const Campaign& campaign, Position pos, const std::string& what) {
  return absl::InvalidArgumentError(campaign.path + ":" + std::to_string(pos.line) + ":" +
                                    std::to_string(pos.column) + ": error: " + what);
}

// Every check that needs the rows: numbers, duplicates, suppression, consent, zones.
absl::Status CheckRows(const Campaign& campaign, const Source& source, const Columns& columns,
                       bool show_pii, RecipientLoadResult& result) {
  RecipientTable& table = result.table;
  RecipientStats& stats = result.stats;
  const size_t n = table.source_line.size();
  std::string country =
      campaign.campaign.country.present && !campaign.campaign.country->empty()
          ? campaign.campaign.country.value
          : "US";
  PhoneNumberClassifier classifier(country);
  const TimeZoneMap& zone_map = TimeZoneMap::Embedded();
  table.e164.assign(n, 0);
  table.zone.assign(n, 0);
  table.state.assign(n, 0);
  table.flags.assign(n, 0);
  table.states = StateCodes();
  RowResults rows;
  rows.type.assign(n, 0);
  rows.tz_entry.assign(n, -1);
  ClassifyAll(table, rows, columns, classifier, zone_map);

  // Suppression list.
  SuppressionList suppression;
  std::string suppression_display;
  if (campaign.suppression_file.present && !campaign.suppression_file->empty()) {
    suppression_display = RecipientsDisplayPath(campaign, campaign.suppression_file.value);
    FileBytes bytes;
    std::string error =
        bytes.Open(RecipientsOpenPath(campaign, campaign.suppression_file.value), 0);
    if (!error.empty()) {
      return FileError(campaign, campaign.suppression_file.pos,
                       "suppression file '" + campaign.suppression_file.value +
                           "' cannot be read: " + error +
                           "; the path is relative to the campaign file");
    }
    suppression = ParseSuppressionList(bytes.view(), classifier);
  }

  // Zones: zones[0] is the schedule's zone.
  std::string schedule_zone_name =
      campaign.schedule.timezone.present && !campaign.schedule.timezone->empty()
          ? campaign.schedule.timezone.value
          : "America/New_York";
  absl::TimeZone schedule_zone;
  if (!absl::LoadTimeZone(schedule_zone_name, &schedule_zone)) {
    schedule_zone_name = "America/New_York";
    absl::LoadTimeZone(schedule_zone_name, &schedule_zone);
  }
  // Offsets are compared at the campaign's start (a fixed winter day without one,
  // so results do not depend on today's date).
  absl::Time at = campaign.schedule.start.present
                      ? absl::FromCivil(campaign.schedule.start.value, schedule_zone)
                      : absl::FromCivil(absl::CivilMinute(2026, 1, 15, 12, 0), absl::UTCTimeZone());
  table.zones = {schedule_zone_name};
  absl::flat_hash_map<std::string, uint16_t> zone_index{{schedule_zone_name, 0}};
  auto intern_zone = [&](const std::string& name) -> uint16_t {
    auto [it, inserted] = zone_index.try_emplace(name, static_cast<uint16_t>(table.zones.size()));
    if (inserted) {
      if (table.zones.size() >= 65535) return 0;
      table.zones.push_back(name);
    }
    return it->second;
  };
  struct EntryZone {
    int zone = -1;  // -1: not computed yet; -2: no usable zone
    bool guessed = false;
  };
  std::vector<EntryZone> entry_zones(zone_map.size());
  absl::flat_hash_map<std::string, int> column_zones;  // value -> zone index or -1

  Aggregate invalid, duplicate, suppressed, no_consent, non_mobile, bad_zone, bad_state;
  size_t type_counts[16] = {};
  absl::flat_hash_map<uint64_t, uint32_t> first_row;
  first_row.reserve(n);
  for (size_t r = 0; r < n; ++r) {
    uint8_t& flags = table.flags[r];
    const uint32_t line = table.source_line[r];
    const uint64_t e164 = table.e164[r];
    if (flags & kRecipientInvalid) {
      invalid.Add(line, [&] {
        std::string_view written = table.Field(r, columns.phone);
        return source.Where(line) + ": " +
               (written.empty() ? std::string("(empty)")
                                : "'" + ShowRecipientNumber(written, 0, show_pii) + "'");
      });
    } else {
      auto [it, inserted] = first_row.try_emplace(e164, static_cast<uint32_t>(r));
      if (!inserted) {
        flags |= kRecipientDuplicate;
        duplicate.Add(line, [&] {
          return source.Where(line) + " repeats line " +
                 std::to_string(table.source_line[it->second]) + ": " +
                 ShowRecipientNumber(E164Text(e164), e164, show_pii);
        });
      }
      if (suppression.numbers.contains(e164)) {
        flags |= kRecipientSuppressed;
        suppressed.Add(line, [&] {
          return source.Where(line) + ": " + ShowRecipientNumber(E164Text(e164), e164, show_pii);
        });
      }
      auto type = static_cast<PhoneNumberType>(rows.type[r]);
      if (IsNonMobileType(type) && !(flags & kRecipientDuplicate)) {
        ++type_counts[rows.type[r] & 15];
        non_mobile.Add(line, [&] {
          return source.Where(line) + ": " + ShowRecipientNumber(E164Text(e164), e164, show_pii) +
                 " (" + std::string(NumberTypeName(type)) + ")";
        });
      }
    }
    if ((flags & kRecipientNoConsent) && !(flags & (kRecipientInvalid | kRecipientDuplicate))) {
      no_consent.Add(line, [&] {
        std::string value(CutUtf8(table.Field(r, columns.consent), 40));
        return source.Where(line) + ": " + ShowRecipientNumber(table.Field(r, columns.phone), e164, show_pii) +
               (value.empty() ? " has no opted_in_at" : " opted_in_at '" + value + "' is not an ISO 8601 date");
      });
    }
    if (columns.state >= 0 && !table.Field(r, columns.state).empty() &&
        StateIndex(table.Field(r, columns.state)) == 0) {
      bad_state.Add(line, [&] {
        return source.Where(line) + ": '" + std::string(CutUtf8(table.Field(r, columns.state), 40)) + "'";
      });
    }
    if (table.state[r] != 0) ++stats.state_known;

    // Zone: a valid `timezone` value wins, else the number's prefix.
    bool zone_set = false;
    if (columns.timezone >= 0 && !table.Field(r, columns.timezone).empty()) {
      std::string_view value = table.Field(r, columns.timezone);
      auto it = column_zones.find(absl::string_view(value.data(), value.size()));
      if (it == column_zones.end()) {
        absl::TimeZone tz;
        std::string name(value);
        int index = absl::LoadTimeZone(name, &tz) && name.find('/') != std::string::npos
                        ? intern_zone(name)
                        : -1;
        if (name == "UTC") index = intern_zone(name);
        it = column_zones.emplace(name, index).first;
      }
      if (it->second >= 0) {
        table.zone[r] = static_cast<uint16_t>(it->second);
        zone_set = true;
      } else {
        bad_zone.Add(line, [&] {
          return source.Where(line) + ": '" + std::string(CutUtf8(value, 40)) + "'";
        });
      }
    }
    if (!zone_set) {
      int entry = rows.tz_entry[r];
      if (entry >= 0 && entry_zones[entry].zone == -1) {
        std::vector<std::string> candidates;
        for (const std::string& z : zone_map.Zones(entry))
          if (z != "Etc/Unknown") candidates.push_back(z);
        std::string chosen = QuietHoursZone(candidates, schedule_zone, at);
        entry_zones[entry].zone = chosen.empty() ? -2 : intern_zone(chosen);
        entry_zones[entry].guessed = candidates.size() > 1;
      }
      if (entry >= 0 && entry_zones[entry].zone >= 0) {
        table.zone[r] = static_cast<uint16_t>(entry_zones[entry].zone);
        if (entry_zones[entry].guessed) {
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
  stats.invalid = invalid.count;
  stats.duplicate = duplicate.count;
  stats.suppressed = suppressed.count;
  stats.no_consent = no_consent.count;
  stats.non_mobile = non_mobile.count;
  stats.consent_column = columns.consent >= 0;

  auto& out = result.diagnostics;
  if (invalid.count > 0) {
    out.push_back(MakeFinding(
        source, "data/invalid-number", Level::kError,
        Plural(invalid.count, "recipient is not a valid phone number",
               "recipients are not valid phone numbers") +
            " for " + country + " (libphonenumber); they will not be sent to",
        &invalid));
    out.back().suggestion = "fix the digits, or write numbers in E.164: + country code, then the number";
  }
  if (duplicate.count > 0) {
    out.push_back(MakeFinding(source, "data/duplicate-recipient", Level::kWarning,
                              Plural(duplicate.count, "row repeats", "rows repeat") +
                                  " an earlier recipient (same number after normalising to "
                                  "E.164); only the first row is sent to",
                              &duplicate));
    out.back().suggestion = "remove the repeated rows";
  }
  if (suppressed.count > 0) {
    out.push_back(MakeFinding(
        source, "data/suppressed-recipient", Level::kError,
        Plural(suppressed.count, "recipient is", "recipients are") + " on the suppression list " +
            suppression_display + ": they opted out and must not be texted",
        &suppressed));
    out.back().suggestion = "remove suppressed numbers from the recipients file";
  }
  if (columns.consent < 0) {
    Diagnostic d = MakeFinding(
        source, "data/missing-consent", Level::kWarning,
        source.from_list
            ? "inline recipients carry no consent record: nothing shows they opted in"
            : "the recipients file has no opted_in_at column: nothing shows the recipients "
              "opted in",
        nullptr);
    d.suggestion = "add an opted_in_at column with each recipient's opt-in date (ISO 8601)";
    out.push_back(std::move(d));
  } else if (no_consent.count > 0) {
    out.push_back(MakeFinding(
        source, "data/missing-consent", Level::kError,
        Plural(no_consent.count, "recipient has", "recipients have") +
            " no valid opted_in_at date (ISO 8601, e.g. 2024-03-01 or 2024-03-01T09:30:00Z)",
        &no_consent));
    out.back().suggestion = "record when each recipient opted in, or remove those without consent";
  }
  if (non_mobile.count > 0) {
    std::string breakdown;
    for (int t = 0; t < 16; ++t) {
      if (type_counts[t] == 0) continue;
      if (!breakdown.empty()) breakdown += ", ";
      breakdown += std::to_string(type_counts[t]) + " " +
                   std::string(NumberTypeName(static_cast<PhoneNumberType>(t)));
    }
    out.push_back(MakeFinding(source, "data/non-mobile-number", Level::kWarning,
                              Plural(non_mobile.count, "recipient is not a mobile number",
                                     "recipients are not mobile numbers") +
                                  " (libphonenumber: " + breakdown + "); texts to them are lost",
                              &non_mobile));
    out.back().suggestion = "text mobile numbers only";
  }
  if (bad_zone.count > 0) {
    out.push_back(MakeFinding(source, "schema/invalid-value", Level::kError,
                              Plural(bad_zone.count, "timezone value is", "timezone values are") +
                                  " not an IANA time zone; the zone is taken from the number",
                              &bad_zone));
    out.back().suggestion = "use IANA names such as America/Chicago";
  }
  if (bad_state.count > 0) {
    out.push_back(MakeFinding(source, "schema/invalid-value", Level::kError,
                              Plural(bad_state.count, "state value is", "state values are") +
                                  " not a two-letter US state or Canadian province code; the "
                                  "state is taken from the number",
                              &bad_state));
    out.back().suggestion = "use codes such as NY, FL, ON";
  }
  return absl::OkStatus();
}

void AddCsvIssues(const Source& source, const std::vector<CsvRowIssue>& issues, size_t columns,
                  RecipientLoadResult& result) {
  if (issues.empty()) return;
  Aggregate aggregate;
  bool unterminated = false;
  for (const CsvRowIssue& issue : issues) {
    unterminated |= issue.problem == CsvProblem::kUnterminatedQuote;
    aggregate.Add(issue.line, [&] {
      std::string text = source.Where(issue.line) + ": " + std::string(CsvProblemText(issue.problem));
      if (issue.problem == CsvProblem::kWrongFieldCount)
        text += " (" + std::to_string(issue.fields) + ", the header has " + std::to_string(columns) + ")";
      return text;
    });
  }
  Diagnostic d;
  d.rule = "data/malformed-row";
  d.level = Level::kError;
  d.message = Plural(issues.size(), "row", "rows") + " of " + source.csv_display +
              (issues.size() == 1 ? " is" : " are") + " malformed and will not be sent to" +
              (unterminated ? "; a quote that never closes hides the rest of the file" : "");
  d.span = Span{source.csv_display, static_cast<int>(aggregate.first_line), 1,
                static_cast<int>(aggregate.first_line), 1};
  d.notes = aggregate.examples;
  if (aggregate.count > aggregate.examples.size())
    d.notes.push_back("and " + std::to_string(aggregate.count - aggregate.examples.size()) + " more");
  d.suggestion = "quote fields that contain commas, quotes or line breaks; save as UTF-8";
  result.diagnostics.push_back(std::move(d));
  result.stats.malformed_rows = issues.size();
}

Diagnostic HeaderFinding(const Source& source, std::string rule, std::string message,
                         std::string suggestion) {
  Diagnostic d = MakeFinding(source, std::move(rule), Level::kError, std::move(message), nullptr);
  d.suggestion = std::move(suggestion);
  return d;
}

}  // namespace

absl::StatusOr<RecipientLoadResult> LoadRecipients(const Campaign& campaign,
                                                   RecipientLoadMode mode, bool show_pii) {
  RecipientLoadResult result;
  RecipientTable& table = result.table;
  Source source;
  source.campaign = &campaign;
  const Recipients& recipients = campaign.recipients;
  Columns columns;

  if (recipients.file.present && !recipients.file->empty()) {
    source.csv_display = RecipientsDisplayPath(campaign, recipients.file.value);
    source.anchor = recipients.file.pos;
    FileBytes bytes;
    std::string error = bytes.Open(RecipientsOpenPath(campaign, recipients.file.value),
                                   mode == RecipientLoadMode::kHeaderOnly ? kHeaderReadBytes : 0);
    if (!error.empty()) {
      return FileError(campaign, recipients.file.pos,
                       "recipients file '" + recipients.file.value + "' cannot be read: " + error +
                           "; the path is relative to the campaign file");
    }
    std::string_view data = bytes.view();
    CsvHeader header = ParseCsvHeader(data);
    if (!header.found) {
      result.diagnostics.push_back(HeaderFinding(
          source, "schema/missing-field",
          "recipients file '" + recipients.file.value + "' is empty: it needs a header row with a phone column",
          "start the file with a header such as: phone,first_name,opted_in_at"));
      return result;
    }
    if (!header.complete || !header.valid_utf8) {
      result.diagnostics.push_back(HeaderFinding(
          source, "schema/invalid-value",
          "the header row of '" + recipients.file.value + "' " +
              (header.valid_utf8 ? "does not end (a quote never closes or it is over 1 MiB)"
                                 : "is not valid UTF-8"),
          "the first line must list the column names, comma-separated"));
      return result;
    }
    table.columns = header.columns;
    columns.phone = FindColumn(table.columns, "phone");
    columns.consent = FindColumn(table.columns, "opted_in_at");
    columns.timezone = FindColumn(table.columns, "timezone");
    columns.state = FindColumn(table.columns, "state");
    if (columns.phone < 0) {
      std::vector<std::string_view> names(table.columns.begin(), table.columns.end());
      std::string guess;
      for (const std::string& c : table.columns) {
        std::string lower = LowerAscii(c);
        if (lower == "phone_number" || lower == "mobile" || lower == "number" || lower == "cell" ||
            lower == "msisdn" || lower == "tel")
          guess = c;
      }
      std::string listed;
      for (const std::string& c : table.columns) listed += (listed.empty() ? "" : ", ") + c;
      Diagnostic d = HeaderFinding(
          source, "schema/missing-field",
          "recipients file '" + recipients.file.value + "' has no phone column (columns: " +
              std::string(CutUtf8(listed, 200)) + ")",
          guess.empty() ? "name the column of numbers 'phone'"
                        : "rename the column '" + guess + "' to 'phone'");
      result.diagnostics.push_back(std::move(d));
      table.columns.clear();
      return result;
    }
    table.phone_column = columns.phone;
    if (mode == RecipientLoadMode::kHeaderOnly) return result;

    // Sizes are estimated from the line count so the columns grow once.
    // Row count estimated from the first MiB, so the columns grow once without a
    // pass that would page in the whole file before the parser releases it.
    std::string_view sample = data.substr(0, 1u << 20);
    size_t sample_lines = static_cast<size_t>(std::count(sample.begin(), sample.end(), '\n')) + 1;
    size_t lines = data.size() / std::max<size_t>(1, sample.size() / sample_lines) * 11 / 10 + 16;
    table.arena.reserve(data.size());
    table.offsets.reserve(lines * table.columns.size() + 1);
    table.source_line.reserve(lines);
    std::vector<CsvRowIssue> issues;
    ParseCsvRows(data, header, table, issues, kMaxCsvRowBytes,
                 [&bytes](size_t offset) { bytes.Release(offset); });
    AddCsvIssues(source, issues, table.columns.size(), result);
  } else if (!recipients.list.empty()) {
    source.from_list = true;
    source.anchor = recipients.pos;
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
  RETURN_IF_ERROR(CheckRows(campaign, source, columns, show_pii, result));
  return result;
}

std::vector<SourceRange> InlineRecipientRanges(const Campaign& campaign) {
  std::string_view source = campaign.source;
  // Byte offset of each line start, to find every list item's token.
  std::vector<size_t> line_starts = {0};
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n') line_starts.push_back(i + 1);
  }
  std::vector<SourceRange> ranges;
  if (campaign.recipients.list.empty()) return ranges;
  // Valid numbers are masked like in findings, so each item is read here too.
  PhoneNumberClassifier classifier(campaign.campaign.country.present &&
                                           !campaign.campaign.country->empty()
                                       ? campaign.campaign.country.value
                                       : "US");
  for (const Located<std::string>& item : campaign.recipients.list) {
    if (!item.pos.known() || item.pos.line > static_cast<int>(line_starts.size())) continue;
    size_t at = line_starts[item.pos.line - 1];
    for (int col = 1; col < item.pos.column && at < source.size(); ++at) {
      if ((static_cast<unsigned char>(source[at]) & 0xC0) != 0x80) ++col;
    }
    int width = TokenWidth(SourceLine(source, item.pos.line), item.pos.column);
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
