#include "campaign/suppression.h"

#include <algorithm>
#include <array>

#include "campaign/recipients.h"
#include "campaign/recipients_csv.h"
#include "util/strings.h"

namespace smslint {
namespace {

// No phone number written any way comes near this; longer text is not classified.
constexpr size_t kMaxEntryBytes = 256;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The line starting at `p`: its text without the line end, and the offset of the
// next line. LF, CRLF and a lone CR each end a line.
std::string_view NextLine(std::string_view text, size_t& p) {
  size_t end = p;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  std::string_view line = text.substr(p, end - p);
  p = end;
  if (p < text.size() && text[p] == '\r') ++p;
  if (p < text.size() && text[p] == '\n' && (p == end || text[p - 1] == '\r')) ++p;
  return line;
}

// A header name as compared: lower case, without spaces, '_', '-' and '.'.
std::string NormalisedName(std::string_view name) {
  std::string out;
  for (char c : Trim(name)) {
    if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '"') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
  }
  return out;
}

// In order of preference: a header with both "Phone" and "Number" columns reads
// "Phone".
constexpr std::array<std::string_view, 18> kPhoneColumnNames = {
    "phone",       "phonenumber", "phoneno",   "mobile",          "mobilenumber",
    "mobilephone", "mobileno",    "cell",      "cellphone",       "cellnumber",
    "msisdn",      "tel",         "telephone", "telephonenumber", "e164",
    "smsnumber",   "number",      "to"};

int PhoneNamePreference(std::string_view name) {
  const std::string normalised = NormalisedName(name);
  for (size_t i = 0; i < kPhoneColumnNames.size(); ++i)
    if (normalised == kPhoneColumnNames[i]) return static_cast<int>(i);
  return -1;
}

// The delimiter the first line holds most of (outside quotes); 0 for none. Ties
// go to ',' then ';'.
char DetectDelimiter(std::string_view line) {
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (comma == 0 && semicolon == 0 && tab == 0) return 0;
  if (comma >= semicolon && comma >= tab) return ',';
  return semicolon >= tab ? ';' : '\t';
}

class Reader {
 public:
  Reader(const PhoneNumberClassifier& classifier, SuppressionList& list)
      : classifier_(classifier), list_(list), report_(list.report) {}

  // One entry's text: a number, or an issue at `line`. Blank text is no entry.
  void AddEntry(std::string_view text, uint32_t line) {
    text = Trim(text);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
      text = Trim(text.substr(1, text.size() - 2));
    if (text.empty()) return;
    ++report_.entries;
    if (text.size() > kMaxEntryBytes) return Issue(line, SuppressionEntryProblem::kTooLong);
    if (text.find('\0') != std::string_view::npos)
      return Issue(line, SuppressionEntryProblem::kNulByte);
    if (!IsValidUtf8(text)) return Issue(line, SuppressionEntryProblem::kInvalidUtf8);
    NumberInfo info = classifier_.Classify(text);
    if (!info.valid) return Issue(line, SuppressionEntryProblem::kNotANumber);
    ++report_.numbers;
    list_.numbers.insert(info.e164);
  }

  void Issue(uint32_t line, SuppressionEntryProblem problem) {
    report_.issues.push_back({line, problem});
  }

  // One number a line from offset `p` (line number `line`).
  void ReadLines(std::string_view text, size_t p, uint32_t line) {
    while (p < text.size()) {
      std::string_view entry = NextLine(text, p);
      if (Trim(entry).substr(0, 1) != "#") AddEntry(entry, line);
      ++line;
    }
  }

  // The rows of a CSV from header.data_offset on (0 when the file has no header),
  // numbers from report.phone_column; line numbers shifted by `line_offset` (the
  // comment lines before the first row).
  void ReadCsv(std::string_view text, const CsvHeader& header, uint32_t line_offset) {
    CsvRows rows;
    std::vector<CsvRowIssue> issues;
    ParseCsvRows(text, header, rows, issues);
    const size_t phone = static_cast<size_t>(report_.phone_column);
    for (size_t r = 0; r < rows.size(); ++r)
      AddEntry(rows.Field(r, phone), rows.lines[r] + line_offset);
    for (const CsvRowIssue& issue : issues) {
      ++report_.entries;
      SuppressionEntryProblem problem = SuppressionEntryProblem::kWrongFieldCount;
      switch (issue.problem) {
        case CsvProblem::kWrongFieldCount:
          break;
        case CsvProblem::kInvalidUtf8:
          problem = SuppressionEntryProblem::kInvalidUtf8;
          break;
        case CsvProblem::kNulByte:
          problem = SuppressionEntryProblem::kNulByte;
          break;
        case CsvProblem::kRowTooLong:
          problem = SuppressionEntryProblem::kTooLong;
          break;
        case CsvProblem::kUnterminatedQuote:
          problem = SuppressionEntryProblem::kUnterminatedQuote;
          break;
      }
      Issue(issue.line + line_offset, problem);
    }
    std::stable_sort(report_.issues.begin(), report_.issues.end(),
                     [](const SuppressionEntryIssue& a, const SuppressionEntryIssue& b) {
                       return a.line < b.line;
                     });
  }

 private:
  const PhoneNumberClassifier& classifier_;
  SuppressionList& list_;
  SuppressionReport& report_;
};

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string_view SuppressionEntryProblemText(SuppressionEntryProblem problem) {
  switch (problem) {
    case SuppressionEntryProblem::kNotANumber:
      return "not a valid phone number";
    case SuppressionEntryProblem::kWrongFieldCount:
      return "wrong number of fields";
    case SuppressionEntryProblem::kInvalidUtf8:
      return "invalid UTF-8";
    case SuppressionEntryProblem::kNulByte:
      return "NUL byte";
    case SuppressionEntryProblem::kTooLong:
      return "entry too long to be a number";
    case SuppressionEntryProblem::kUnterminatedQuote:
      return "quote never closed: the rest of the file is lost";
  }
  return "unreadable";
}

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size() / 2 + bytes.size() / 8);
  auto unit = [&](size_t i) -> uint32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    AppendUtf8(u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u, out);
  }
  if (bytes.size() % 2 != 0) AppendUtf8(0xFFFD, out);
  return out;
}

bool IsPhoneColumnName(std::string_view name) { return PhoneNamePreference(name) >= 0; }

SuppressionList ParseSuppressionList(std::string_view bytes,
                                     const PhoneNumberClassifier& classifier) {
  SuppressionList list;
  SuppressionReport& report = list.report;
  std::string decoded;
  std::string_view text = bytes;
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const bool big_endian = bytes[0] == '\xFE';
    report.encoding =
        big_endian ? SuppressionReport::Encoding::kUtf16Be : SuppressionReport::Encoding::kUtf16Le;
    decoded = Utf16ToUtf8(bytes.substr(2), big_endian);
    text = decoded;
  } else if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    report.encoding = SuppressionReport::Encoding::kUtf8Bom;
    text.remove_prefix(3);
  }
  Reader reader(classifier, list);

  // The first line with content decides the layout.
  size_t p = 0, first_at = 0;
  uint32_t line = 1, first_line = 0;
  std::string_view first;
  while (p < text.size()) {
    const size_t at = p;
    std::string_view candidate = Trim(NextLine(text, p));
    if (!candidate.empty() && candidate.front() != '#') {
      first = candidate;
      first_at = at;
      first_line = line;
      break;
    }
    ++line;
  }
  if (first_line == 0) {
    report.file_problem = SuppressionFileProblem::kEmpty;
    return list;
  }

  report.delimiter = DetectDelimiter(first);
  if (report.delimiter == 0) {
    // One number a line, perhaps under a title ("phone", "Opt-outs").
    const bool title = IsPhoneColumnName(first) || !HasDigit(first);
    reader.ReadLines(text, title ? p : first_at, title ? first_line + 1 : first_line);
  } else {
    const std::string_view rest = text.substr(first_at);
    CsvHeader header = ParseCsvHeader(rest, report.delimiter);
    if (!header.complete || !header.valid_utf8) {
      report.file_problem = SuppressionFileProblem::kHeaderUnreadable;
      return list;
    }
    int best = -1;
    for (size_t i = 0; i < header.columns.size(); ++i) {
      const int preference = PhoneNamePreference(header.columns[i]);
      if (preference >= 0 && (best < 0 || preference < best)) {
        best = preference;
        report.phone_column = static_cast<int>(i);
      }
    }
    if (report.phone_column < 0) {
      // No header: the first row is data when one of its fields is a number.
      for (size_t i = 0; i < header.columns.size() && report.phone_column < 0; ++i) {
        std::string_view field = Trim(header.columns[i]);
        if (field.size() <= kMaxEntryBytes && classifier.Classify(field).valid)
          report.phone_column = static_cast<int>(i);
      }
      if (report.phone_column < 0) {
        report.file_problem = SuppressionFileProblem::kNoPhoneColumn;
        return list;
      }
      header.data_offset = 0;
      header.data_line = 1;
    }
    reader.ReadCsv(rest, header, first_line - 1);
  }
  if (report.entries == 0) report.file_problem = SuppressionFileProblem::kEmpty;
  return list;
}

}  // namespace smslint
