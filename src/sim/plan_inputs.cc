#include "sim/plan_inputs.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "text/encoding.h"
#include "text/links.h"
#include "text/similarity.h"
#include "text/template.h"

namespace smslint {

std::string MaskedBody(std::string_view body) {
  ParsedTemplate parsed = ParseTemplate(body);
  std::string masked;
  for (size_t i = 0; i < parsed.literals.size(); ++i) {
    for (char c : parsed.literals[i]) masked.push_back(c >= '0' && c <= '9' ? '#' : c);
    if (i < parsed.placeholders.size()) masked += "{{}}";
  }
  return masked;
}

std::vector<int> SimilarBodyClasses(const Campaign& campaign, double similarity) {
  std::vector<std::string> masked;
  masked.reserve(campaign.templates.size());
  for (const Template& t : campaign.templates) masked.push_back(MaskedBody(t.body->text));
  if (similarity >= 1) {
    // Equal masked bodies only.
    std::vector<int> classes;
    int next = 0;
    for (size_t i = 0; i < masked.size(); ++i) {
      int cls = -1;
      for (size_t j = 0; j < i && cls < 0; ++j) {
        if (masked[j] == masked[i]) cls = classes[j];
      }
      classes.push_back(cls >= 0 ? cls : next++);
    }
    return classes;
  }
  return SimilarityClasses(masked, similarity);
}

std::vector<int> TemplateSegments(const Campaign& campaign) {
  std::vector<int> segments;
  segments.reserve(campaign.templates.size());
  for (const Template& t : campaign.templates) {
    segments.push_back(
        std::max(1, CountSegments(RenderWithFallbacks(ParseTemplate(t.body->text))).segments));
  }
  return segments;
}

std::vector<std::string> BodyLinkDomains(std::string_view body) {
  std::vector<std::string> domains;
  for (const Link& link : FindLinks(RenderWithFallbacks(ParseTemplate(body)))) {
    std::string domain = RegistrableDomain(link.host);
    if (!domain.empty() && std::find(domains.begin(), domains.end(), domain) == domains.end()) {
      domains.push_back(std::move(domain));
    }
  }
  return domains;
}

std::vector<double> CumulativeWeights(const Campaign& campaign) {
  std::vector<double> cumulative;
  double total = 0;
  for (const Template& t : campaign.templates) {
    double w = t.weight.present ? t.weight.value : 1.0;
    if (!(w > 0)) w = 0;
    total += w;
    cumulative.push_back(total);
  }
  if (total <= 0) {
    for (size_t i = 0; i < cumulative.size(); ++i) cumulative[i] = static_cast<double>(i + 1);
  }
  return cumulative;
}

uint64_t LeastDrawReaching(double end, double total) {
  constexpr uint64_t kDraws = uint64_t{1} << 53;  // a draw is 53 bits
  // The scaled draw, rounded as the draws' callers round it, and never smaller for
  // a larger draw: a binary search finds the least one.
  auto u = [total](uint64_t bits) {
    return static_cast<double>(bits) * (1.0 / 9007199254740992.0) * total;
  };
  uint64_t lo = 0, hi = kDraws;
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    if (end <= u(mid)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

TemplateDraw::TemplateDraw(const std::vector<double>& cumulative) {
  if (cumulative.size() <= 1) {
    thresholds_.assign(cumulative.size(), 0);
    return;
  }
  for (double end : cumulative) thresholds_.push_back(LeastDrawReaching(end, cumulative.back()));
}

int SenderCount(const Campaign& campaign) {
  return std::clamp<int>(static_cast<int>(campaign.senders.size()), 1, 65535);
}

std::string SenderLabel(const Campaign& campaign, int sender) {
  if (campaign.senders.empty()) return "(no sender)";
  return campaign.senders[sender].number.value;
}

double ProfileMaxRate(const Profile& profile) {
  double rate = 0;
  for (const Limit& limit : profile.limits) {
    if (limit.scope != Scope::kSender || limit.counter == Counter::kIdentical ||
        limit.window == Window::kDay) {
      continue;
    }
    double r = limit.value / (static_cast<double>(WindowMicros(limit.window)) / 1e6);
    if (rate == 0 || r < rate) rate = r;
  }
  // The provider releases no faster than its per-number rate (one-segment messages).
  for (const ReleaseRate& release : profile.queue.release) {
    if (release.scope != Scope::kSender || release.value <= 0) continue;
    if (rate == 0 || release.value < rate) rate = release.value;
  }
  return rate > 0 ? rate : 1.0;
}

}  // namespace smslint
