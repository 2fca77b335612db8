#!/usr/bin/env python3
"""Deterministic inputs for `make bench` (tests/perf/bench.sh).

  gen_bench_inputs.py recipients N OUT_DIR   -> OUT_DIR/recipients-N.csv and
                                                OUT_DIR/check-N.yaml (5 templates
                                                with placeholders, 10dlc)
  gen_bench_inputs.py lint N OUT_DIR         -> OUT_DIR/lint-N.yaml (N templates)

The same arguments always give the same bytes (no clock, no randomness beyond a
fixed linear congruential walk), so runs are comparable across machines and days.
"""
import os
import sys

# Area codes in service across US time zones, so the zone lookup has work to do.
AREA_CODES = [212, 646, 917, 718, 415, 510, 408, 213, 310, 818, 312, 773, 305, 786,
              617, 206, 512, 303, 404, 702, 615, 503, 602, 713, 214, 972, 215, 412,
              314, 612, 414, 801, 907, 808, 505, 208, 406, 701, 605, 402]
EXCHANGES = [e for e in range(200, 1000) if e % 100 != 11]  # N11 codes are not exchanges
FIRST_NAMES = ["Ava", "Liam", "Olivia", "Noah", "Emma", "Elijah", "Amelia", "James",
               "Sophia", "Lucas", "Mia", "Mateo", "Isabella", "Benjamin", "Zoë", "Hiro"]
CITIES = ["Springfield", "Riverside", "Franklin", "Greenville", "Fairview", "Salem"]

TEMPLATES = [
    "Acme Coffee: Hi {{first_name|there}}, holiday lattes are 20% off through Sunday at https://acme.com/holiday Reply STOP to opt out",
    "Acme Coffee: {{first_name|Hello}}, warm up with 20% off any latte until Sunday. https://acme.com/holiday Reply STOP to opt out",
    "Acme Coffee: {{first_name|Friend}}, your {{city|local}} store has a new winter menu: https://acme.com/menu Reply STOP to opt out",
    "Acme Coffee: Thanks for being a member, {{first_name|friend}}! Double points this week at {{city|your}} stores. Reply STOP to opt out",
    "Acme Coffee: {{first_name|Hi}}, pastries are buy one get one at https://acme.com/bogo today. Reply STOP to opt out",
]


def write_campaign(path, recipients_name, templates):
    lines = [
        "version: 1",
        "campaign:",
        "  name: Benchmark campaign",
        "  brand: Acme Coffee",
        "  use_case: marketing",
        "  country: US",
        "  route: 10dlc",
        "  trust_score: 80",
        "  domain: acme.com",
        "  opt_in:",
        "    method: web_form",
        '    confirmation: "Acme Coffee Alerts: you\'re in! Up to 4 msgs/mo. Msg & data rates may apply. Reply HELP for help, STOP to cancel."',
        "senders:",
        '  - "+14155550100"',
        "templates:",
    ]
    for i, body in enumerate(templates):
        lines += [f"  - id: t{i}", f'    body: "{body}"', "    weight: 1"]
    if recipients_name:
        lines += ["recipients:", f"  file: {recipients_name}"]
    lines += [
        "schedule:",
        "  start: 2026-12-01T09:00",
        "  timezone: America/New_York",
        "  rate: 50/s",
        '  window: "09:00-20:00"',
        "  days: [mon, tue, wed, thu, fri, sat, sun]",
        "traffic:",
        "  reply_rate: 0.03",
        "  sender_strategy: round_robin",
    ]
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def phone(i):
    # A fixed permutation of the index space: distinct numbers, scattered prefixes.
    space = len(AREA_CODES) * len(EXCHANGES) * 10000
    j = (i * 2654435761 + 12345) % space
    area = AREA_CODES[j % len(AREA_CODES)]
    j //= len(AREA_CODES)
    exchange = EXCHANGES[j % len(EXCHANGES)]
    line = (j // len(EXCHANGES)) % 10000
    return f"+1{area}{exchange:03d}{line:04d}"


def write_recipients(path, n):
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("phone,first_name,city,opted_in_at\n")
        chunk = []
        for i in range(n):
            chunk.append(f"{phone(i)},{FIRST_NAMES[i % 16]},{CITIES[i % 6]},"
                         f"2026-10-{1 + i % 28:02d}T08:{i % 60:02d}:00Z\n")
            if len(chunk) == 65536:
                out.write("".join(chunk))
                chunk.clear()
        out.write("".join(chunk))


def lint_templates(n):
    words = ["lattes", "mochas", "scones", "teas", "muffins", "bagels", "cold brews"]
    out = []
    for i in range(n):
        base = TEMPLATES[i % len(TEMPLATES)]
        out.append(base.replace("20% off", f"{10 + i % 40}% off {words[i % len(words)]}"))
    return out


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("recipients", "lint"):
        sys.exit(__doc__)
    kind, n, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out_dir, exist_ok=True)
    if kind == "recipients":
        csv = f"recipients-{n}.csv"
        write_recipients(os.path.join(out_dir, csv), n)
        write_campaign(os.path.join(out_dir, f"check-{n}.yaml"), csv, TEMPLATES)
    else:
        write_campaign(os.path.join(out_dir, f"lint-{n}.yaml"), None, lint_templates(n))


if __name__ == "__main__":
    main()
