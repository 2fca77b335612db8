// `smslint init [--route R] [--use-case U] [FILE]`: writes a commented starter campaign
// (default campaign.yaml) and a small recipients CSV beside it (<name>-recipients.csv,
// with a consent column), which together pass `smslint check` without findings. It never
// overwrites: if either file exists, nothing is written and the exit code is 2.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cli/command.h"
#include "report/sarif_emitter.h"
#include "util/clock.h"

namespace smslint {
namespace {

constexpr char kBrand[] = "Example Co";
constexpr char kDomain[] = "example.com";

// Use cases whose messages are promotional: the opt-out instruction is required there;
// the starter keeps it in every body anyway, since carriers favour it everywhere.
std::string BodyFor(const std::string& use_case) {
  if (use_case == "marketing" || use_case == "mixed") {
    return "Example Co: Hi {{first_name|there}}, our spring menu is here. See "
           "https://example.com/menu Reply STOP to opt out";
  }
  if (use_case == "two_factor") {
    return "Example Co: {{first_name|Hello}}, your sign-in code is on its way in the app. "
           "Reply STOP to opt out";
  }
  if (use_case == "delivery_notification") {
    return "Example Co: Hi {{first_name|there}}, your order has shipped. Track it at "
           "https://example.com/orders Reply STOP to opt out";
  }
  if (use_case == "fraud_alert" || use_case == "security_alert") {
    return "Example Co: {{first_name|Hello}}, we noticed a new sign-in on your account. If "
           "it was you, no action is needed. Details: https://example.com/security Reply "
           "STOP to opt out";
  }
  return "Example Co: Hi {{first_name|there}}, here is your update from Example Co. Details: "
         "https://example.com/updates Reply STOP to opt out";
}

// A sender of the type each route sends from (data/sender-route-mismatch): a long code
// for p2p and 10dlc and a toll-free number (both in the 555-01xx fictional range), a
// 5-digit short code for short_code.
std::string SenderFor(const std::string& route) {
  if (route == "toll_free") return "+18885550100";
  if (route == "short_code") return "24273";
  return "+14155550100";
}

std::string SenderComment(const std::string& route) {
  if (route == "short_code") return "the short code, quoted; 5 or 6 digits";
  if (route == "toll_free") return "a verified toll-free number, E.164, quoted";
  return "E.164, quoted; one number is the norm";
}

// The first weekday at least a week after `now`, 10:00: a start that is always ahead
// (SMSLINT_NOW fixes `now`).
std::string StartDate(absl::Time now) {
  absl::CivilDay day = absl::ToCivilDay(now, absl::UTCTimeZone()) + 7;
  while (absl::GetWeekday(day) == absl::Weekday::saturday ||
         absl::GetWeekday(day) == absl::Weekday::sunday) {
    ++day;
  }
  return absl::StrCat(absl::FormatCivilTime(day), "T10:00");
}

// `text`, then `# comment` at column 33 (or one space after a longer text).
std::string Line(const std::string& text, const std::string& comment = "") {
  if (comment.empty()) return text + "\n";
  constexpr size_t kCommentColumn = 32;
  size_t pad = text.size() < kCommentColumn ? kCommentColumn - text.size() : 1;
  return absl::StrCat(text, std::string(pad, ' '), "# ", comment, "\n");
}

std::string StarterCampaign(const std::string& path, const std::string& route,
                            const std::string& use_case, const std::string& recipients_file,
                            absl::Time now) {
  std::string c = absl::StrCat(
      "# yaml-language-server: $schema=", kSmslintHomepage,
      "/raw/main/campaigns/schema/campaign.schema.json\n"
      "# A starter campaign written by `smslint init`. Edit it, then run:\n"
      "#   smslint check ",
      path,
      "\n"
      "# Every key is described in the schema above (hover in an editor that reads it).\n");
  c += Line("version: 1");
  c += Line("campaign:");
  c += Line("  name: Starter campaign");
  c += Line(absl::StrCat("  brand: ", kBrand), "must appear in every message body");
  c += Line("  use_case: " + use_case, "the use case registered for this campaign");
  c += Line("  country: US", "US and CA also get the traffic rules");
  const std::vector<std::string_view> routes = RouteNames();
  c += Line("  route: " + route,
            absl::StrJoin(std::vector<std::string>(routes.begin(), routes.end()), " | "));
  if (route == "10dlc") {
    c += Line("  trust_score: 50", "10DLC brand vetting score: selects the daily cap");
  }
  c += Line(absl::StrCat("  domain: ", kDomain), "the one domain every link uses");
  c += Line("  opt_in:");
  c += Line("    method: web_form", "how recipients agreed: keyword, web_form, paper, ...");
  c += Line("    # The confirmation names the program, frequency, rates, HELP and STOP.");
  c += Line(
      "    confirmation: \"Example Co Alerts: you're in! Up to 4 msgs/mo. Msg & data "
      "rates may apply. Reply HELP for help, STOP to cancel.\"");
  c += Line("senders:");
  c += Line(absl::StrCat("  - \"", SenderFor(route), "\""), SenderComment(route));
  c += Line("templates:");
  c += Line("  - id: main");
  c += Line("    # Brand first, one link on campaign.domain, opt-out last. {{field|fallback}}");
  c += Line("    # fills in a recipients column, with a fallback for empty values.");
  c += Line(absl::StrCat("    body: \"", BodyFor(use_case), "\""));
  c += Line("    weight: 1", "share of recipients (add templates for A/B tests)");
  c += Line("    expires: 1d", "delivered later than this, a message is stale");
  c += Line("recipients:");
  c += Line("  # A CSV beside this file: phone (required), template fields, opted_in_at.");
  c += Line("  file: " + recipients_file);
  c += Line("# suppression:", "numbers that opted out, never to be sent to");
  c += Line("#   file: optouts.csv");
  c += Line("schedule:");
  c += Line("  start: " + StartDate(now), "in the time zone below");
  c += Line("  timezone: America/New_York");
  c += Line("  rate: 10/min", "per sender; carriers watch bursts");
  c += Line("  window: \"10:00-19:00\"", "recipient-local; the law allows 08:00-21:00");
  c += Line("  days: [mon, tue, wed, thu, fri]");
  c += Line("traffic:");
  c += Line("  reply_rate: 0.05", "expected replies per message");
  c += Line("  sender_strategy: round_robin", "or sticky, with several senders");
  return c;
}

constexpr char kStarterRecipients[] =
    "phone,first_name,opted_in_at\n"
    "+12125550141,Ava,2026-01-05T09:15:00Z\n"
    "+12125550142,Liam,2026-01-06T10:20:00Z\n"
    "+13125550143,Olivia,2026-01-07T11:45:00Z\n"
    "+14155550144,Noah,2026-01-08T12:05:00Z\n"
    "+16175550145,,2026-01-09T13:30:00Z\n";

// Writes `bytes` to `path` only if it does not exist: a temporary file, then link(2),
// which fails instead of replacing an existing file, so readers never see half a file.
bool WriteNewFile(const std::string& path, const std::string& bytes, std::string& error) {
  std::filesystem::path target(path);
  std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  std::string tmpl = absl::StrCat(dir, "/.", target.filename().string(), ".XXXXXX");
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    error = absl::StrCat(path, ": error: cannot create the file: ", std::strerror(errno));
    return false;
  }
  bool ok = true;
  for (size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ok && fsync(fd) == 0;
  close(fd);
  if (ok && chmod(name.data(), 0644) != 0) ok = false;
  if (!ok) {
    error = absl::StrCat(path, ": error: cannot write the file: ", std::strerror(errno));
    unlink(name.data());
    return false;
  }
  if (link(name.data(), path.c_str()) != 0) {
    int link_errno = errno;
    unlink(name.data());
    error =
        link_errno == EEXIST
            ? absl::StrCat(path,
                           ": error: the file already exists; smslint init never "
                           "overwrites: choose another name (smslint init FILE)")
            : absl::StrCat(path, ": error: cannot create the file: ", std::strerror(link_errno));
    return false;
  }
  unlink(name.data());
  return true;
}

bool Exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::symlink_status(path, ec).type() != std::filesystem::file_type::not_found;
}

int RunInit(const std::string& path, const std::string& route, const std::string& use_case) {
  if (path.empty() || path == "-") {
    return ReportInputError(
        "smslint: error: init writes a file next to its recipients CSV: give a file name "
        "such as campaign.yaml");
  }
  std::filesystem::path target(path);
  std::string stem = target.stem().string();
  std::string recipients_name = absl::StrCat(stem.empty() ? "campaign" : stem, "-recipients.csv");
  std::string recipients_path = (target.parent_path() / recipients_name).string();
  for (const std::string& p : {path, recipients_path}) {
    if (Exists(p)) {
      return ReportInputError(absl::StrCat(
          p,
          ": error: the file already exists; smslint init never overwrites: choose another "
          "name (smslint init FILE)"));
    }
  }
  absl::StatusOr<absl::Time> now = CurrentTime();
  if (!now.ok()) return ReportInputError(std::string(now.status().message()));
  std::string campaign = StarterCampaign(path, route, use_case, recipients_name, *now);
  std::string error;
  if (!WriteNewFile(recipients_path, kStarterRecipients, error)) return ReportInputError(error);
  if (!WriteNewFile(path, campaign, error)) {
    std::filesystem::remove(recipients_path);  // the pair, or nothing
    return ReportInputError(error);
  }
  std::cout << "wrote " << path << " and " << recipients_path << "\nnext: smslint check " << path
            << "\n";
  return kExitClean;
}

}  // namespace

CommandSpec InitCommand() {
  auto path = std::make_shared<std::string>("campaign.yaml");
  auto route = std::make_shared<std::string>("10dlc");
  auto use_case = std::make_shared<std::string>("marketing");
  CommandSpec spec{"init",
                   "Write a commented starter campaign that passes `check` (never overwrites)"};
  spec.args.push_back({"file", "Campaign file to create", path.get(), {}, false, "campaign.yaml"});
  const std::vector<std::string_view> routes = RouteNames();
  const std::vector<std::string_view> use_cases = UseCaseNames();
  spec.args.push_back({"--route", "Route", route.get(),
                       std::vector<std::string>(routes.begin(), routes.end()), false, "10dlc"});
  spec.args.push_back({"--use-case", "Registered use case", use_case.get(),
                       std::vector<std::string>(use_cases.begin(), use_cases.end()), false,
                       "marketing"});
  spec.run = [path, route, use_case] { return RunInit(*path, *route, *use_case); };
  return spec;
}

}  // namespace smslint
