#include "campaign/time_zones.h"

#include <cstdlib>
#include <iterator>

#include "util/embedded_data.h"

namespace smslint {
namespace {

constexpr std::string_view kEmbeddedMap = "rules/data/timezones-map_data-v8.12.57.txt";

struct StateName {
  const char* code;
  const char* name;
};

// USPS codes, then Canada Post province and territory codes.
constexpr StateName kStates[] = {
    {"AL", "Alabama"},
    {"AK", "Alaska"},
    {"AZ", "Arizona"},
    {"AR", "Arkansas"},
    {"CA", "California"},
    {"CO", "Colorado"},
    {"CT", "Connecticut"},
    {"DE", "Delaware"},
    {"DC", "District of Columbia"},
    {"FL", "Florida"},
    {"GA", "Georgia"},
    {"HI", "Hawaii"},
    {"ID", "Idaho"},
    {"IL", "Illinois"},
    {"IN", "Indiana"},
    {"IA", "Iowa"},
    {"KS", "Kansas"},
    {"KY", "Kentucky"},
    {"LA", "Louisiana"},
    {"ME", "Maine"},
    {"MD", "Maryland"},
    {"MA", "Massachusetts"},
    {"MI", "Michigan"},
    {"MN", "Minnesota"},
    {"MS", "Mississippi"},
    {"MO", "Missouri"},
    {"MT", "Montana"},
    {"NE", "Nebraska"},
    {"NV", "Nevada"},
    {"NH", "New Hampshire"},
    {"NJ", "New Jersey"},
    {"NM", "New Mexico"},
    {"NY", "New York"},
    {"NC", "North Carolina"},
    {"ND", "North Dakota"},
    {"OH", "Ohio"},
    {"OK", "Oklahoma"},
    {"OR", "Oregon"},
    {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"},
    {"SC", "South Carolina"},
    {"SD", "South Dakota"},
    {"TN", "Tennessee"},
    {"TX", "Texas"},
    {"UT", "Utah"},
    {"VT", "Vermont"},
    {"VA", "Virginia"},
    {"WA", "Washington"},
    {"WV", "West Virginia"},
    {"WI", "Wisconsin"},
    {"WY", "Wyoming"},
    {"PR", "Puerto Rico"},
    {"GU", "Guam"},
    {"VI", "U.S. Virgin Islands"},
    {"AS", "American Samoa"},
    {"MP", "Northern Mariana Islands"},
    {"AB", "Alberta"},
    {"BC", "British Columbia"},
    {"MB", "Manitoba"},
    {"NB", "New Brunswick"},
    {"NL", "Newfoundland and Labrador"},
    {"NS", "Nova Scotia"},
    {"NT", "Northwest Territories"},
    {"NU", "Nunavut"},
    {"ON", "Ontario"},
    {"PE", "Prince Edward Island"},
    {"QC", "Quebec"},
    {"SK", "Saskatchewan"},
    {"YT", "Yukon"},
};
// A state index is a byte, and the recipients' reader packs it (plus two codes of
// its own) into 8 bits.
static_assert(std::size(kStates) + 1 <= 254, "state indices fit a byte with two codes to spare");

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

int DigitCount(uint64_t value) {
  int n = 1;
  while (value >= 10) {
    value /= 10;
    ++n;
  }
  return n;
}

}  // namespace

absl::StatusOr<TimeZoneMap> TimeZoneMap::Parse(std::string_view text) {
  TimeZoneMap map;
  int line_number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = Trim(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    size_t bar = line.find('|');
    std::string_view prefix = line.substr(0, bar);
    if (bar == std::string_view::npos || prefix.empty() || prefix.size() > 15 ||
        prefix.find_first_not_of("0123456789") != std::string_view::npos) {
      return absl::InvalidArgumentError("time-zone map line " + std::to_string(line_number) +
                                        ": expected prefix|zone");
    }
    std::vector<std::string> zones;
    std::string_view rest = line.substr(bar + 1);
    while (!rest.empty()) {
      size_t amp = rest.find('&');
      std::string_view zone = Trim(rest.substr(0, amp));
      if (!zone.empty()) zones.emplace_back(zone);
      rest.remove_prefix(amp == std::string_view::npos ? rest.size() : amp + 1);
    }
    uint64_t value = std::strtoull(std::string(prefix).c_str(), nullptr, 10);
    int digits = static_cast<int>(prefix.size());
    map.by_prefix_[value * 32 + static_cast<uint64_t>(digits)] =
        static_cast<int>(map.entries_.size());
    map.entries_.push_back(std::move(zones));
    if (digits > map.max_digits_) map.max_digits_ = digits;
    if (prefix.front() == '1' && digits > map.max_nanp_digits_) map.max_nanp_digits_ = digits;
  }
  return map;
}

const TimeZoneMap& TimeZoneMap::Embedded() {
  static const TimeZoneMap* map = [] {
    std::optional<std::string_view> text = FindEmbeddedFile(kEmbeddedMap);
    absl::StatusOr<TimeZoneMap> parsed = Parse(text ? *text : std::string_view());
    return new TimeZoneMap(parsed.ok() ? std::move(*parsed) : TimeZoneMap());
  }();
  return *map;
}

int TimeZoneMap::Lookup(uint64_t e164) const {
  if (e164 == 0 || entries_.empty()) return -1;
  int digits = DigitCount(e164);
  uint64_t prefix = e164;
  int length = digits;
  while (length > max_digits_) {
    prefix /= 10;
    --length;
  }
  for (; length >= 1; --length, prefix /= 10) {
    auto it = by_prefix_.find(prefix * 32 + static_cast<uint64_t>(length));
    if (it != by_prefix_.end()) return it->second;
  }
  return -1;
}

bool IsZoneNameSyntax(std::string_view name) {
  if (name.empty() || name.size() > kMaxZoneNameLength) return false;
  size_t segment = 0;  // length of the segment so far
  for (char c : name) {
    if (c == '/') {
      if (segment == 0) return false;  // a leading '/' or "//"
      segment = 0;
      continue;
    }
    // No '.': it keeps "." and ".." segments out, and no zone name has one.
    bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '_' || c == '-' || c == '+';
    if (!allowed) return false;
    ++segment;
  }
  return segment > 0;  // no trailing '/'
}

bool LoadZoneByName(std::string_view name, absl::TimeZone* zone) {
  if (!IsZoneNameSyntax(name)) return false;
  if (name == "localtime" || name == "posixrules" || name == "Factory" ||
      name.starts_with("posix/") || name.starts_with("right/")) {
    return false;
  }
  return absl::LoadTimeZone(std::string(name), zone);
}

absl::TimeZone ScheduleTimeZone(const Campaign& campaign) {
  absl::TimeZone zone;
  if (campaign.schedule.timezone.present && !campaign.schedule.timezone->empty() &&
      LoadZoneByName(campaign.schedule.timezone.value, &zone))
    return zone;
  absl::LoadTimeZone(kFallbackScheduleZone, &zone);
  return zone;
}

const std::vector<std::string>& StateCodes() {
  static const std::vector<std::string>* codes = [] {
    auto* v = new std::vector<std::string>{""};
    for (const StateName& s : kStates) v->push_back(s.code);
    return v;
  }();
  return *codes;
}

uint8_t StateIndex(std::string_view code) {
  code = Trim(code);
  if (code.size() != 2) return 0;
  char a = static_cast<char>(code[0] & ~0x20), b = static_cast<char>(code[1] & ~0x20);
  for (size_t i = 0; i < std::size(kStates); ++i) {
    if (kStates[i].code[0] == a && kStates[i].code[1] == b) return static_cast<uint8_t>(i + 1);
  }
  return 0;
}

namespace {

// Descriptions libphonenumber's English geocoder gives for +1 numbers that are
// neither "City, XX" nor a state's name (every one, found by walking every valid
// NANP area code and exchange; tests/campaign/time_zones_test.cc checks them all).
// Two Canadian descriptions name several provinces: the first is taken, since the
// quiet-hours rules smslint models for Canada are national ones.
struct DescriptionAlias {
  const char* description;
  const char* code;
};
constexpr DescriptionAlias kDescriptionAliases[] = {
    {"Washington State", "WA"},
    {"Washington D.C.", "DC"},
    {"Philadelphia", "PA"},
    {"Watson Lake", "YT"},
    {"Tamuning", "GU"},
    {"Nova Scotia/Prince Edward Island", "NS"},
    {"Northwest Territories/Nunavut/Yukon", "NT"},
};

}  // namespace

uint8_t StateFromGeocoderDescription(std::string_view description) {
  description = Trim(description);
  for (const DescriptionAlias& alias : kDescriptionAliases) {
    if (description == alias.description) return StateIndex(alias.code);
  }
  size_t comma = description.rfind(", ");
  if (comma != std::string_view::npos) {
    uint8_t index = StateIndex(description.substr(comma + 2));
    if (index != 0) return index;
  }
  for (size_t i = 0; i < std::size(kStates); ++i) {
    if (description == kStates[i].name) return static_cast<uint8_t>(i + 1);
  }
  return 0;
}

}  // namespace smslint
