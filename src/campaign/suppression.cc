#include "campaign/suppression.h"

#include "campaign/recipients.h"
#include "campaign/recipients_csv.h"

namespace smslint {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

void AddEntry(std::string_view text, const PhoneNumberClassifier& classifier,
              SuppressionList& list) {
  text = Trim(text);
  if (text.empty() || text.front() == '#') return;
  ++list.entries;
  NumberInfo info = classifier.Classify(text);
  if (info.valid) {
    list.numbers.insert(info.e164);
  } else {
    ++list.unreadable;
  }
}

}  // namespace

SuppressionList ParseSuppressionList(std::string_view text,
                                     const PhoneNumberClassifier& classifier) {
  SuppressionList list;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string_view first = text.substr(0, text.find('\n'));
  std::string lower(Trim(first));
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  bool csv = lower.find(',') != std::string::npos || lower == "phone";
  if (csv) {
    CsvHeader header = ParseCsvHeader(text);
    int phone = -1;
    for (size_t i = 0; i < header.columns.size(); ++i) {
      std::string name = header.columns[i];
      for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (name == "phone") phone = static_cast<int>(i);
    }
    if (phone >= 0) {
      RecipientTable table;
      table.columns = header.columns;
      std::vector<CsvRowIssue> issues;
      ParseCsvRows(text, header, table, issues);
      for (size_t r = 0; r < table.source_line.size(); ++r)
        AddEntry(table.Field(r, static_cast<size_t>(phone)), classifier, list);
      list.unreadable += issues.size();
      return list;
    }
  }
  while (!text.empty()) {
    size_t end = text.find('\n');
    AddEntry(text.substr(0, end), classifier, list);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return list;
}

}  // namespace smslint
