#include "text/gsm7_tables.h"

#include <algorithm>
#include <array>

namespace smslint {
namespace {

constexpr std::array<uint8_t, 256> MakeAsciiTable() {
  std::array<uint8_t, 256> table{};
  // Basic table, ASCII part: LF, CR, space to 'Z' (with '@' and '$' at other
  // code positions, still one septet), '_', 'a' to 'z'.
  table['\n'] = 1;
  table['\r'] = 1;
  for (int c = 0x20; c <= 0x5A; ++c) table[c] = 1;
  table['_'] = 1;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = 1;
  // Extension table: escape 0x1B plus one septet.
  table['\f'] = 2;
  for (char c : {'[', '\\', ']', '^', '{', '|', '}', '~'}) table[static_cast<uint8_t>(c)] = 2;
  // Not in GSM 03.38: other C0 controls (tab included), '`', DEL.
  return table;
}

constexpr std::array<uint8_t, 256> kAsciiTable = MakeAsciiTable();

// Basic-table characters outside ASCII (GSM 03.38 code positions in comments).
constexpr char32_t kBasicNonAscii[] = {
    0x00A1,  // ¡ 0x40
    0x00A3,  // £ 0x01
    0x00A4,  // ¤ 0x24
    0x00A5,  // ¥ 0x03
    0x00A7,  // § 0x5F
    0x00BF,  // ¿ 0x60
    0x00C4,  // Ä 0x5B
    0x00C5,  // Å 0x0E
    0x00C6,  // Æ 0x1C
    0x00C7,  // Ç 0x09
    0x00C9,  // É 0x1F
    0x00D1,  // Ñ 0x5D
    0x00D6,  // Ö 0x5C
    0x00D8,  // Ø 0x0B
    0x00DC,  // Ü 0x5E
    0x00DF,  // ß 0x1E
    0x00E0,  // à 0x7F
    0x00E4,  // ä 0x7B
    0x00E5,  // å 0x0F
    0x00E6,  // æ 0x1D
    0x00E8,  // è 0x04
    0x00E9,  // é 0x05
    0x00EC,  // ì 0x07
    0x00F1,  // ñ 0x7D
    0x00F2,  // ò 0x08
    0x00F6,  // ö 0x7C
    0x00F8,  // ø 0x0C
    0x00F9,  // ù 0x06
    0x00FC,  // ü 0x7E
    0x0393,  // Γ 0x13
    0x0394,  // Δ 0x10
    0x0398,  // Θ 0x19
    0x039B,  // Λ 0x14
    0x039E,  // Ξ 0x1A
    0x03A0,  // Π 0x16
    0x03A3,  // Σ 0x18
    0x03A6,  // Φ 0x12
    0x03A8,  // Ψ 0x17
    0x03A9,  // Ω 0x15
};

struct Replacement {
  char32_t code_point;
  std::string_view text;
};

// Sorted by code point. Typographic punctuation and spaces that word processors
// and phones insert, Windows-1252 punctuation mis-decoded as C1 controls, and
// accented letters that GSM-7 lacks (the ones it has are in kBasicNonAscii).
constexpr Replacement kReplacements[] = {
    {0x0009, " "},    // tab
    {0x0060, "'"},    // grave accent
    {0x0085, "..."},  // C1 NEL: Windows-1252 ellipsis read as Latin-1
    {0x0091, "'"},    // C1 PU1: Windows-1252 left single quote
    {0x0092, "'"},    // C1 PU2: Windows-1252 right single quote
    {0x0093, "\""},   // C1 STS: Windows-1252 left double quote
    {0x0094, "\""},   // C1 CCH: Windows-1252 right double quote
    {0x0095, "-"},    // C1 MW: Windows-1252 bullet
    {0x0096, "-"},    // C1 SPA: Windows-1252 en dash
    {0x0097, "-"},    // C1 EPA: Windows-1252 em dash
    {0x00A0, " "},    // no-break space
    {0x00A2, "c"},    // cent sign
    {0x00A9, "(c)"},  // copyright
    {0x00AB, "\""},   // left guillemet
    {0x00AD, ""},     // soft hyphen (invisible)
    {0x00AE, "(R)"},  // registered
    {0x00B4, "'"},    // acute accent
    {0x00B7, "-"},    // middle dot
    {0x00BB, "\""},   // right guillemet
    {0x00BC, "1/4"}, {0x00BD, "1/2"},      {0x00BE, "3/4"},
    {0x00C0, "A"},   {0x00C1, "A"},        {0x00C2, "A"},
    {0x00C3, "A"},   {0x00C8, "E"},        {0x00CA, "E"},
    {0x00CB, "E"},   {0x00CC, "I"},        {0x00CD, "I"},
    {0x00CE, "I"},   {0x00CF, "I"},        {0x00D0, "D"},
    {0x00D2, "O"},   {0x00D3, "O"},        {0x00D4, "O"},
    {0x00D5, "O"},   {0x00D7, "x"},  // multiplication sign
    {0x00D9, "U"},   {0x00DA, "U"},        {0x00DB, "U"},
    {0x00DD, "Y"},   {0x00E1, "a"},        {0x00E2, "a"},
    {0x00E3, "a"},   {0x00E7, "\xC3\x87"},  // ç -> Ç, the only c-cedilla GSM 03.38 has
    {0x00EA, "e"},   {0x00EB, "e"},        {0x00ED, "i"},
    {0x00EE, "i"},   {0x00EF, "i"},        {0x00F0, "d"},
    {0x00F3, "o"},   {0x00F4, "o"},        {0x00F5, "o"},
    {0x00F7, "/"},  // division sign
    {0x00FA, "u"},   {0x00FB, "u"},        {0x00FD, "y"},
    {0x00FF, "y"},   {0x0152, "OE"},       {0x0153, "oe"},
    {0x0160, "S"},   {0x0161, "s"},        {0x0178, "Y"},
    {0x017D, "Z"},   {0x017E, "z"},        {0x02BC, "'"},  // modifier letter apostrophe
    {0x02C6, "^"},   {0x02DC, "~"},        {0x2000, " "},
    {0x2001, " "},   {0x2002, " "},        {0x2003, " "},
    {0x2004, " "},   {0x2005, " "},        {0x2006, " "},
    {0x2007, " "},   {0x2008, " "},        {0x2009, " "},
    {0x200A, " "},   {0x200B, ""},  // zero width space
    {0x200C, ""},                   // zero width non-joiner
    {0x200D, ""},                   // zero width joiner
    {0x200E, ""},                   // left-to-right mark
    {0x200F, ""},                   // right-to-left mark
    {0x2010, "-"},   {0x2011, "-"},        {0x2012, "-"},
    {0x2013, "-"},   {0x2014, "-"},        {0x2015, "-"},
    {0x2018, "'"},   {0x2019, "'"},        {0x201A, "'"},
    {0x201B, "'"},   {0x201C, "\""},       {0x201D, "\""},
    {0x201E, "\""},  {0x201F, "\""},       {0x2022, "-"},  // bullet
    {0x2023, "-"},                                         // triangular bullet
    {0x2024, "."},                                         // one dot leader
    {0x2026, "..."},                                       // horizontal ellipsis
    {0x2028, "\n"},                                        // line separator
    {0x2029, "\n"},                                        // paragraph separator
    {0x202F, " "},                                         // narrow no-break space
    {0x2032, "'"},                                         // prime
    {0x2033, "\""},                                        // double prime
    {0x2039, "<"},   {0x203A, ">"},        {0x2043, "-"},  // hyphen bullet
    {0x2044, "/"},                                         // fraction slash
    {0x205F, " "},                                         // medium mathematical space
    {0x2060, ""},                                          // word joiner
    {0x2122, "TM"},  {0x2212, "-"},                        // minus sign
    {0x2215, "/"},                                         // division slash
    {0x2219, "-"},                                         // bullet operator
    {0x25CF, "-"},                                         // black circle (used as a bullet)
    {0x3000, " "},                                         // ideographic space
    {0xFEFF, ""},   // byte order mark / zero width no-break space
    {0xFF01, "!"},  // fullwidth punctuation seen in pasted text
    {0xFF0C, ","},   {0xFF1A, ":"},        {0xFF1F, "?"},
};

constexpr bool IsSortedByCodePoint() {
  for (size_t i = 1; i < std::size(kReplacements); ++i) {
    if (kReplacements[i - 1].code_point >= kReplacements[i].code_point) return false;
  }
  for (size_t i = 1; i < std::size(kBasicNonAscii); ++i) {
    if (kBasicNonAscii[i - 1] >= kBasicNonAscii[i]) return false;
  }
  return true;
}
static_assert(IsSortedByCodePoint(), "GSM-7 tables must stay sorted for binary search");

}  // namespace

const std::array<uint8_t, 256> kAsciiGsm7Septets = kAsciiTable;

int Gsm7Septets(char32_t code_point) {
  if (code_point < 0x80) return kAsciiTable[code_point];
  if (code_point == 0x20AC) return 2;  // € is in the extension table
  return std::binary_search(std::begin(kBasicNonAscii), std::end(kBasicNonAscii), code_point) ? 1
                                                                                              : 0;
}

std::optional<std::string_view> Gsm7Replacement(char32_t code_point) {
  const Replacement* end = std::end(kReplacements);
  const Replacement* it =
      std::lower_bound(std::begin(kReplacements), end, code_point,
                       [](const Replacement& r, char32_t c) { return r.code_point < c; });
  if (it == end || it->code_point != code_point) return std::nullopt;
  return it->text;
}

}  // namespace smslint
