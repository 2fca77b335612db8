#include "campaign/recipients_csv.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/strings.h"

namespace smslint {
namespace {

// The first byte at or after `p` (before `n`) that `stops` stops at, else `n`.
// Sixteen bytes at a time where SSE2 is there (every x86-64): most fields are a few
// bytes to a few dozen, and a byte at a time this loop was the hottest of a large
// list's load. CsvStopBytes stops at its delimiter, '\n' and '\r' only.
size_t FindStop(const char* base, size_t p, size_t n, const CsvStopBytes& stops) {
#if defined(__SSE2__)
  const __m128i delimiter = _mm_set1_epi8(stops.delimiter);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  for (; p + 16 <= n; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + p));
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, delimiter),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr)));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask != 0) return p + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  while (p < n && !stops.stop[static_cast<unsigned char>(base[p])]) ++p;
  return p;
}

// One record's raw extent and what was wrong with it.
struct RecordScan {
  size_t end = 0;      // offset just past the record's line end
  uint32_t lines = 0;  // line ends consumed (quoted newlines included)
  uint32_t fields = 0;
  bool too_long = false;
  bool in_quotes = false;  // too_long inside a quoted field: `end` is at a quote or the input's end
  bool unterminated = false;
  bool clean = false;  // its bytes were seen to be ASCII without NUL (CheckBytes' answer)
};

#if defined(__SSE2__)
// A record of unquoted fields that ends in '\n' within `n` (nearly every row of a
// real list), scanned sixteen bytes at a time: its separators and line end found
// with one pass that also sees whether every byte is ASCII and none is NUL. Writes
// what ScanRecord would and returns true; returns false with nothing written for
// any other record (a quote or '\r' before its line end, no line end before `n`,
// longer than `max_bytes`), which ScanRecord then reads itself. Field by field,
// the search for each field's end was the hottest part of a large list's load.
bool ScanPlainRecord(const char* base, size_t pos, size_t n, std::string& out,
                     std::vector<uint32_t>& ends, size_t max_bytes, char delimiter,
                     RecordScan& scan) {
  if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') return false;
  const size_t ends_before = ends.size();
  const size_t out_before = out.size();
  const __m128i d = _mm_set1_epi8(delimiter);
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i zero = _mm_setzero_si128();
  bool clean = true;
  uint32_t fields = 0;
  for (size_t q = pos; q + 16 <= n && q - pos <= max_bytes; q += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + q));
    const unsigned lf_mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)));
    // The bytes of this record in the sixteen: up to its line end, included.
    const unsigned mine = lf_mask != 0 ? ((lf_mask & (0u - lf_mask)) << 1) - 1 : 0xFFFFu;
    const unsigned special = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, cr))));
    if ((special & mine) != 0) break;
    // A top bit set (not ASCII) or a zero byte: CheckBytes decides.
    const unsigned odd = static_cast<unsigned>(_mm_movemask_epi8(v)) |
                         static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
    if ((odd & mine) != 0) clean = false;
    for (unsigned delims = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, d))) & mine;
         delims != 0; delims &= delims - 1) {
      ends.push_back(static_cast<uint32_t>(out_before + (q + __builtin_ctz(delims) + 1 - pos)));
      ++fields;
    }
    if (lf_mask == 0) continue;
    const size_t at = q + static_cast<size_t>(__builtin_ctz(lf_mask));
    if (at - pos > max_bytes) break;
    ends.push_back(static_cast<uint32_t>(out_before + (at + 1 - pos)));
    out.append(base + pos, at + 1 - pos);
    scan.end = at + 1;
    scan.lines = 1;
    scan.fields = fields + 1;
    scan.clean = clean;
    return true;
  }
  ends.resize(ends_before);
  return false;
}
#endif

// Parses one record at `pos`, appending each field's text and one separator byte
// after it to `out` (CsvRows' layout) and the offset in `out` just past each
// separator to `ends`. Text written as is (unquoted fields, their delimiters, the
// line end that serves as the last separator) is copied in one piece up to the next
// quoted field or the record's end. Stops early (too_long) once the record passes
// `max_bytes`. Unless `final` (nothing follows `data`), a record whose end depends
// on bytes not read yet stops with end == data.size().
RecordScan ScanRecord(std::string_view data, size_t pos, std::string& out,
                      std::vector<uint32_t>& ends, size_t max_bytes, const CsvStopBytes& stops,
                      bool final) {
  const char delimiter = stops.delimiter;
  RecordScan scan;
  const size_t n = data.size();
  const char* base = data.data();
#if defined(__SSE2__)
  if (ScanPlainRecord(base, pos, n, out, ends, max_bytes, delimiter, scan)) return scan;
#endif
  size_t p = pos;
  size_t raw_from = pos;  // data[raw_from, p) goes to `out` as written, not copied yet
  auto flush = [&](size_t to) {
    out.append(base + raw_from, to - raw_from);
    raw_from = to;
  };
  while (true) {
    if (p >= n && !final) {
      // A field starts where the bytes read so far end: quoted or not is not known
      // yet (and with it where a row found too long is skipped to).
      scan.end = n;
      return scan;
    }
    if (p < n && base[p] == '"') {
      flush(p);
      ++p;
      while (true) {
        const void* q = p < n ? std::memchr(base + p, '"', n - p) : nullptr;
        size_t stop = q ? static_cast<size_t>(static_cast<const char*>(q) - base) : n;
        if (stop - pos > max_bytes) {
          scan.too_long = true;
          scan.in_quotes = true;
          scan.end = stop;
          return scan;
        }
        out.append(base + p, stop - p);
        scan.lines += static_cast<uint32_t>(std::count(base + p, base + stop, '\n'));
        p = stop;
        if (p >= n) {
          scan.unterminated = true;
          scan.end = n;
          return scan;
        }
        if (p + 1 >= n && !final) {
          // A quote at the end of what is read so far: closing, or the first of a
          // doubled pair? The record is read again with the next block.
          scan.end = n;
          return scan;
        }
        if (p + 1 < n && base[p + 1] == '"') {
          out.push_back('"');
          p += 2;
          continue;
        }
        ++p;
        break;
      }
      raw_from = p;  // the closing quote is not text
    }
    // Unquoted text (or text after a closing quote, kept as written).
    size_t stop = FindStop(base, p, n, stops);
    if (stop - pos > max_bytes) {
      scan.too_long = true;
      scan.end = stop;
      return scan;
    }
    p = stop;
    ++scan.fields;
    if (p >= n) {
      // The input's end: the last field, and a separator of its own.
      flush(p);
      out.push_back('\n');
      ends.push_back(static_cast<uint32_t>(out.size()));
      break;
    }
    const char c = base[p];
    // The byte that ends the field is its separator.
    ends.push_back(static_cast<uint32_t>(out.size() + (p + 1 - raw_from)));
    ++p;
    if (c == delimiter) continue;
    flush(p);
    if (c == '\r' && p < n && base[p] == '\n') ++p;
    ++scan.lines;
    break;
  }
  scan.end = p;
  return scan;
}

// Skips from `p` past the next line end; returns the new offset and counts the line.
size_t SkipLine(std::string_view data, size_t p, uint32_t& lines) {
  const void* q = p < data.size() ? std::memchr(data.data() + p, '\n', data.size() - p) : nullptr;
  if (!q) return data.size();
  ++lines;
  return static_cast<size_t>(static_cast<const char*>(q) - data.data()) + 1;
}

bool IsBlankLine(std::string_view data, size_t p, size_t& next) {
  if (p < data.size() && data[p] == '\n') {
    next = p + 1;
    return true;
  }
  if (p < data.size() && data[p] == '\r') {
    next = p + 1 < data.size() && data[p + 1] == '\n' ? p + 2 : p + 1;
    return true;
  }
  return false;
}

// Checks a record's raw bytes: ASCII rows (nearly all) cost one pass.
void CheckBytes(std::string_view raw, bool& nul, bool& utf8_ok) {
  nul = false;
  utf8_ok = true;
  // Eight bytes at a time: any byte with its top bit set, any zero byte.
  constexpr uint64_t kOnes = 0x0101010101010101ull, kTops = 0x8080808080808080ull;
  uint64_t any = 0, zero = 0;
  size_t i = 0;
  for (; i + 8 <= raw.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, raw.data() + i, 8);
    any |= w;
    zero |= (w - kOnes) & ~w;
  }
  bool high = (any & kTops) != 0;
  nul = (zero & kTops) != 0;
  for (; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c == 0) nul = true;
    if (c >= 0x80) high = true;
  }
  if (high) utf8_ok = IsValidUtf8(raw);
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string_view CsvProblemText(CsvProblem problem) {
  switch (problem) {
    case CsvProblem::kWrongFieldCount:
      return "wrong number of fields";
    case CsvProblem::kInvalidUtf8:
      return "invalid UTF-8";
    case CsvProblem::kNulByte:
      return "NUL byte";
    case CsvProblem::kRowTooLong:
      return "row longer than 1 MiB";
    case CsvProblem::kUnterminatedQuote:
      return "quote never closed";
  }
  return "malformed row";
}

CsvHeader ParseCsvHeader(std::string_view bytes, char delimiter, size_t max_row_bytes) {
  CsvHeader header;
  header.delimiter = delimiter;
  size_t p = 0;
  uint32_t line = 1;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") p = 3;
  size_t next;
  while (IsBlankLine(bytes, p, next)) {
    p = next;
    ++line;
  }
  if (p >= bytes.size()) return header;
  std::string text;
  std::vector<uint32_t> ends;
  RecordScan scan = ScanRecord(bytes, p, text, ends, max_row_bytes, CsvStopBytes(delimiter), true);
  header.found = true;
  header.complete =
      !scan.too_long && !scan.unterminated && (scan.lines > 0 || scan.end == bytes.size());
  bool nul;
  CheckBytes(bytes.substr(p, std::min(scan.end, bytes.size()) - p), nul, header.valid_utf8);
  // A row cut short (over the row limit, or a quote never closed) has no column list:
  // its last field ends were noted past the text copied.
  if (!header.complete) return header;
  uint32_t begin = 0;
  for (uint32_t end : ends) {
    header.columns.push_back(Trimmed(std::string_view(text).substr(begin, end - 1 - begin)));
    begin = end;
  }
  header.data_offset = scan.end;
  header.data_line = line + scan.lines;
  return header;
}

void CsvRows::AddField(std::string_view field) {
  text.append(field);
  text.push_back('\n');
  offsets.push_back(static_cast<uint32_t>(text.size()));
}

void CsvRows::Clear() {
  text.clear();
  offsets.assign(1, 0);
  lines.clear();
}

CsvStopBytes::CsvStopBytes(char d) : delimiter(d) {
  stop.fill(false);
  stop[static_cast<unsigned char>(d)] = stop['\n'] = stop['\r'] = true;
}

CsvRowReader::CsvRowReader(const CsvHeader& header, size_t max_row_bytes)
    : stops_(header.delimiter),
      columns_(header.columns.size()),
      max_row_bytes_(max_row_bytes),
      line_(header.data_line) {}

size_t CsvRowReader::Read(std::string_view bytes, bool final, CsvRows& rows,
                          std::vector<CsvRowIssue>& issues, size_t max_rows) {
  const size_t n = bytes.size();
  size_t p = 0;
  // The rest of a row found too long in an earlier block: its quoted field, then its line.
  if (skip_ == Skip::kToQuote) {
    const void* q = std::memchr(bytes.data(), '"', n);
    if (q == nullptr) return n;
    p = static_cast<size_t>(static_cast<const char*>(q) - bytes.data());
    skip_ = Skip::kToNewline;
  }
  if (skip_ == Skip::kToNewline) {
    uint32_t lines = 0;
    p = SkipLine(bytes, p, lines);
    if (lines == 0) return n;
    line_ += lines;
    skip_ = Skip::kNone;
  }
  while (p < n && rows.size() < max_rows) {
    if (bytes[p] == '\n') {
      ++p;
      ++line_;
      continue;
    }
    if (bytes[p] == '\r') {
      if (p + 1 >= n && !final) break;  // CR LF may be split between blocks
      p += p + 1 < n && bytes[p + 1] == '\n' ? 2 : 1;
      ++line_;
      continue;
    }
    // The record's text and field ends go straight to `rows`, taken back if it is not
    // a row.
    const size_t text_before = rows.text.size();
    const size_t offsets_before = rows.offsets.size();
    auto take_back = [&] {
      rows.text.resize(text_before);
      rows.offsets.resize(offsets_before);
    };
    RecordScan scan = ScanRecord(bytes, p, rows.text, rows.offsets, max_row_bytes_, stops_, final);
    if (!final && !scan.too_long && scan.end >= n) {
      // The record may go on in the next block: read it again then.
      take_back();
      break;
    }
    CsvRowIssue issue{line_, CsvProblem::kWrongFieldCount, scan.fields};
    bool bad = true;
    if (scan.too_long) {
      issue.problem = CsvProblem::kRowTooLong;
      if (scan.in_quotes && scan.end >= n && !final) {
        skip_ = Skip::kToQuote;
        scan.end = n;
      } else {
        const uint32_t lines = scan.lines;
        scan.end = SkipLine(bytes, scan.end, scan.lines);
        if (scan.lines == lines && !final) skip_ = Skip::kToNewline;  // its line end is to come
      }
    } else if (scan.unterminated) {
      issue.problem = CsvProblem::kUnterminatedQuote;
    } else {
      bool nul = false, utf8_ok = true;
      if (!scan.clean) CheckBytes(bytes.substr(p, scan.end - p), nul, utf8_ok);
      if (nul) {
        issue.problem = CsvProblem::kNulByte;
      } else if (!utf8_ok) {
        issue.problem = CsvProblem::kInvalidUtf8;
      } else {
        bad = scan.fields != columns_;
      }
    }
    if (bad) {
      take_back();
      issues.push_back(issue);
    } else {
      rows.lines.push_back(line_);
    }
    p = scan.end;
    line_ += scan.lines;
  }
  return p;
}

void ParseCsvRows(std::string_view bytes, const CsvHeader& header, CsvRows& rows,
                  std::vector<CsvRowIssue>& issues, size_t max_row_bytes) {
  rows.columns = header.columns.size();
  if (rows.offsets.empty()) rows.offsets.push_back(0);
  CsvRowReader reader(header, max_row_bytes);
  reader.Read(bytes.substr(std::min(header.data_offset, bytes.size())), true, rows, issues);
}

}  // namespace smslint
