#include "text/similarity.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace smslint {
namespace {

uint64_t HashWord(std::string_view word) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#' ||
         c >= 0x80;
}

int Find(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::vector<uint64_t> WordShingles(std::string_view text) {
  std::vector<uint64_t> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(HashWord(word));
    word.clear();
  };
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    } else {
      flush();
    }
  }
  flush();
  std::vector<uint64_t> shingles;
  if (words.size() == 1) shingles.push_back(words[0]);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    shingles.push_back(words[i] * 0x9e3779b97f4a7c15ULL ^ (words[i + 1] + 0x632be59bd9b4e019ULL));
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::vector<int> SimilarityClasses(const std::vector<std::string>& texts, double threshold) {
  const int n = static_cast<int>(texts.size());
  std::vector<std::vector<uint64_t>> shingles;
  shingles.reserve(texts.size());
  for (const std::string& t : texts) shingles.push_back(WordShingles(t));
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto join = [&](int a, int b) {
    a = Find(parent, a), b = Find(parent, b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  if (texts.size() <= kMaxPairwiseTexts) {
    for (int i = 0; i < n; ++i) {
      for (int j = i + 1; j < n; ++j) {
        // Jaccard is at most min/max of the set sizes: skip pairs that cannot reach it.
        const double small = static_cast<double>(std::min(shingles[i].size(), shingles[j].size()));
        const double large = static_cast<double>(std::max(shingles[i].size(), shingles[j].size()));
        if (large > 0 && small / large < threshold) continue;
        if (Jaccard(shingles[i], shingles[j]) >= threshold) join(i, j);
      }
    }
  } else {
    std::map<std::vector<uint64_t>, int> first;
    for (int i = 0; i < n; ++i) {
      auto [it, inserted] = first.emplace(shingles[i], i);
      if (!inserted) join(it->second, i);
    }
  }
  std::vector<int> classes(n), number(n, -1);
  int next = 0;
  for (int i = 0; i < n; ++i) {
    int root = Find(parent, i);
    if (number[root] < 0) number[root] = next++;
    classes[i] = number[root];
  }
  return classes;
}

}  // namespace smslint
