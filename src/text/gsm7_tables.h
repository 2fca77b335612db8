// GSM 03.38 (3GPP TS 23.038) character tables and GSM-7 stand-ins for characters
// that would force UCS-2.
#ifndef SMSLINT_TEXT_GSM7_TABLES_H_
#define SMSLINT_TEXT_GSM7_TABLES_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace smslint {

// Septets per byte value for ASCII input: 1 for the basic table, 2 for the
// extension table (escape + character), 0 when the byte is not in GSM-7.
// Indexed by any byte; every value >= 0x80 is 0 (a UTF-8 lead or continuation).
extern const std::array<uint8_t, 256> kAsciiGsm7Septets;

// Septets a code point costs in GSM-7: 1 (basic table), 2 (extension table),
// or 0 when GSM 03.38 cannot encode it.
int Gsm7Septets(char32_t code_point);

// A GSM-7 stand-in for a character that forces UCS-2: "'" for U+2019, "..." for
// U+2026, "" (remove) for zero-width characters; nullopt when there is none.
std::optional<std::string_view> Gsm7Replacement(char32_t code_point);

}  // namespace smslint

#endif  // SMSLINT_TEXT_GSM7_TABLES_H_
