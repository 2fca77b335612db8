#!/usr/bin/env python3
"""Writes a deterministic recipients CSV of N rows and a campaign around it.

Usage: gen_recipients.py N OUT_DIR [--seed S]

Rows look like real exports: numbers mostly in E.164 or US national formats, about
1% repeated in another format, 0.5% invalid, 1% toll free, names (a few non-ASCII,
2% empty), opted_in_at dates (1% missing), some with a timezone or state column
value. Writes OUT_DIR/recipients.csv, OUT_DIR/optouts.txt and OUT_DIR/campaign.yaml.
"""
import argparse
import os
import random

AREA_CODES = [201, 202, 203, 205, 206, 207, 208, 210, 212, 213, 214, 215, 216, 217, 218,
              301, 302, 303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317,
              401, 402, 404, 405, 406, 407, 408, 409, 410, 412, 413, 414, 415, 417, 419,
              501, 502, 503, 504, 505, 507, 508, 509, 510, 512, 513, 515, 516, 517, 518,
              601, 602, 603, 605, 606, 607, 608, 609, 610, 612, 614, 615, 616, 617, 618,
              701, 702, 703, 704, 706, 707, 708, 712, 713, 714, 715, 716, 717, 718, 719,
              801, 802, 803, 804, 805, 806, 808, 810, 812, 813, 814, 815, 816, 817, 818,
              901, 903, 904, 906, 907, 908, 909, 910, 912, 913, 914, 915, 916, 917, 918]
NAMES = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
         "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
         "Thomas", "Sarah", "Chris", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony",
         "Betty", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily",
         "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda"]
NON_ASCII_NAMES = ["José", "Zoë", "Łukasz", "Renée", "Søren", "Nguyễn", "Björn", "Chloé"]
ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"]
STATES = ["NY", "CA", "TX", "FL", "IL", "PA", "OH", "GA"]


def number(rng):
    return "%d%03d%04d" % (rng.choice(AREA_CODES), rng.randint(200, 999), rng.randint(0, 9999))


def written(rng, national):
    a, b, c = national[:3], national[3:6], national[6:]
    r = rng.random()
    if r < 0.55:
        return "+1" + national
    if r < 0.80:
        return "(%s) %s-%s" % (a, b, c)
    if r < 0.90:
        return "%s-%s-%s" % (a, b, c)
    if r < 0.95:
        return "1-%s-%s-%s" % (a, b, c)
    return "+1 %s %s %s" % (a, b, c)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    seen = []
    optouts = []
    with open(os.path.join(args.out_dir, "recipients.csv"), "w", encoding="utf-8",
              newline="") as out:
        out.write("phone,first_name,city,opted_in_at,timezone,state\n")
        for i in range(args.rows):
            r = rng.random()
            if r < 0.01 and seen:
                national = rng.choice(seen)               # duplicate, another format
            elif r < 0.015:
                national = number(rng)[:rng.randint(5, 9)]  # invalid: too short
            elif r < 0.025:
                national = "800%03d%04d" % (rng.randint(200, 999), rng.randint(0, 9999))
            else:
                national = number(rng)
                if len(seen) < 100000:
                    seen.append(national)
            phone = written(rng, national)
            if rng.random() < 0.0005:
                optouts.append("+1" + national)
            q = rng.random()
            name = "" if q < 0.02 else (rng.choice(NON_ASCII_NAMES) if q < 0.03
                                        else rng.choice(NAMES))
            city = rng.choice(["Springfield", "Riverside", "Franklin", "Greenville",
                               "\"Washington, DC\"", "Fairview"])
            day = "" if rng.random() < 0.01 else "2024-%02d-%02dT%02d:%02d:00Z" % (
                rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59))
            zone = rng.choice(ZONES) if rng.random() < 0.05 else ""
            state = rng.choice(STATES) if rng.random() < 0.05 else ""
            out.write("%s,%s,%s,%s,%s,%s\n" % (phone, name, city, day, zone, state))
    with open(os.path.join(args.out_dir, "optouts.txt"), "w") as out:
        out.write("# numbers that replied STOP\n")
        for n in optouts:
            out.write(n + "\n")
    templates = [
        "Acme Coffee: {{first_name|there}}, lattes are 20% off today at https://acme.com/x Reply STOP to opt out",
        "Acme Coffee: hi {{first_name}}, your {{city}} store has a new menu https://acme.com/m Reply STOP to opt out",
        "Acme Coffee: {{first_name|Friend}}, double points this weekend https://acme.com/p Reply STOP to opt out",
        "Acme Coffee: {{city}} tasting night Friday 6pm https://acme.com/t Reply STOP to opt out",
        "Acme Coffee: thanks {{first_name|for visiting}}! Show this text for a free cookie https://acme.com/c Reply STOP to opt out",
    ]
    with open(os.path.join(args.out_dir, "campaign.yaml"), "w") as out:
        out.write("version: 1\ncampaign:\n  name: Bench\n  brand: Acme Coffee\n"
                  "  use_case: marketing\n  country: US\n  route: 10dlc\n  trust_score: 80\n"
                  "  domain: acme.com\nsenders:\n  - \"+14155550100\"\ntemplates:\n")
        for i, body in enumerate(templates):
            out.write("  - id: t%d\n    body: \"%s\"\n" % (i + 1, body))
        out.write("recipients:\n  file: recipients.csv\nsuppression:\n  file: optouts.txt\n"
                  "schedule:\n  start: 2026-12-01T09:00\n  timezone: America/New_York\n"
                  "  rate: 100/s\n  window: \"09:00-20:00\"\n")


if __name__ == "__main__":
    main()
