// NumberStates reads the geocoder's table itself: it must say what the geocoder says.
#include "campaign/number_states.h"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

#include <cstdint>

#include "campaign/time_zones.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

TEST_CASE("number states: the geocoding table is found") {
  const NumberStates& states = NumberStates::Get();
  REQUIRE(states.loaded());
  CHECK(states.max_prefix_digits() <= 7);
  CHECK(StateCodes()[states.StateFor(12125550142ull)] == "NY");
  CHECK(StateCodes()[states.StateFor(14165550142ull)] == "ON");
  CHECK(states.StateFor(442079460958ull) == 0);  // not +1
  CHECK(states.StateFor(0) == 0);
}

// Every area code and exchange, valid numbers only (what the reader asks about),
// with subscriber numbers that vary per exchange: description, state and the
// per-exchange answer all agree with PhoneNumberOfflineGeocoder.
TEST_CASE("number states: same answers as the geocoder for every area code and exchange") {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const i18n::phonenumbers::PhoneNumberOfflineGeocoder geocoder;
  const NumberStates& states = NumberStates::Get();
  size_t compared = 0, by_exchange = 0, by_region = 0;
  for (uint64_t npa = 200; npa <= 999; ++npa) {
    for (uint64_t nxx = 200; nxx <= 999; ++nxx) {
      const uint64_t subscriber = (npa * 7919 + nxx * 104729) % 10000;
      const uint64_t national = npa * 10'000'000 + nxx * 10'000 + subscriber;
      PhoneNumber number;
      number.set_country_code(1);
      number.set_national_number(national);
      if (!util.IsValidNumber(number)) continue;
      const uint64_t e164 = 10'000'000'000ull + national;
      const std::string expected =
          geocoder.GetDescriptionForValidNumber(number, icu::Locale("en", "US"));
      ++compared;
      if (states.DescriptionFor(e164) != expected) {
        CAPTURE(e164);
        CHECK(states.DescriptionFor(e164) == expected);
      }
      const uint8_t state = StateFromGeocoderDescription(expected);
      if (states.StateFor(e164) != state) {
        CAPTURE(e164);
        CHECK(states.StateFor(e164) == state);
      }
      std::string region;
      util.GetRegionCodeForNumber(number, &region);
      if (states.StateFor(e164, region) != state) {
        CAPTURE(e164);
        CHECK(states.StateFor(e164, region) == state);
      }
      const int exchange = states.ExchangeState(e164);
      if (exchange >= 0) {
        ++by_exchange;
        if (exchange != state) {
          CAPTURE(e164);
          CHECK(exchange == state);
        }
      } else if (exchange == NumberStates::kByRegion) {
        ++by_region;
        if (states.StateForRegion(region) != state) {
          CAPTURE(e164);
          CHECK(states.StateForRegion(region) == state);
        }
      }
    }
  }
  CHECK(compared > 200000);
  CHECK(by_exchange > compared / 2);
  CHECK(by_region > 0);
  CHECK(by_exchange + by_region == compared);
}

}  // namespace
}  // namespace smslint
