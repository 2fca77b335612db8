#!/usr/bin/env python3
"""Writes the check_pipeline fuzz target's seed corpus (tests/fuzz/corpus/check_pipeline/)
from the example campaigns: a campaign, a recipients CSV and a suppression CSV joined by
the "%%" separator line (tests/fuzz/check_pipeline.h). Data-file paths are rewritten to
recipients.csv / suppression.csv; CSVs are cut to a few rows so seeds stay small."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests/fuzz/corpus/check_pipeline")
SEP = "\n%%\n"


def read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


def head(rel, rows):
    return "".join(read(rel).splitlines(keepends=True)[: rows + 1])


def campaign(rel):
    text = read(rel)
    text = re.sub(r"(?m)^(  file: ).*recipients.*\.csv$", r"\1recipients.csv", text)
    text = re.sub(r"(?m)^(  file: ).*optouts.*\.csv$", r"\1suppression.csv", text)
    # Keep the comments out: they repeat the schema hint and make seeds longer.
    return "".join(l for l in text.splitlines(keepends=True) if not l.startswith("#"))


def skeleton(*fields):
    return "%skeleton\n" + "\n".join(fields)


SEEDS = {
    "holiday-promo": (campaign("campaigns/holiday-promo.yaml"),
                      head("campaigns/holiday-promo/recipients.csv", 12),
                      read("campaigns/holiday-promo/optouts.csv")),
    "recipient-problems": (campaign("campaigns/mistakes/recipient-problems.yaml"),
                           read("campaigns/mistakes/recipient-problems/recipients.csv"),
                           read("campaigns/mistakes/recipient-problems/optouts.csv")),
    "shortcode-flash-sale": (campaign("campaigns/shortcode-flash-sale.yaml")
                             + "suppression:\n  file: suppression.csv\n",
                             head("campaigns/shortcode-flash-sale/recipients.csv", 10),
                             "phone\n+13125550099\n"),
    "arizona-morning": (campaign("campaigns/mistakes/arizona-morning.yaml"),
                        head("campaigns/mistakes/arizona/recipients.csv", 10), ""),
    "inline-list": (campaign("campaigns/mistakes/wrong-sender-type.yaml"), "", ""),
    "field-values": (campaign("campaigns/mistakes/field-values.yaml")
                     + "suppression:\n  file: suppression.csv\n",
                     read("campaigns/mistakes/field-values/recipients.csv"),
                     "Phone Number;Name\n+12125550143;A\n\"(212) 555-0144\";B\n"),
    # The fixed skeleton (every stage reached) with fuzzable values.
    "skeleton-default": (skeleton(),
                         head("campaigns/holiday-promo/recipients.csv", 8),
                         read("campaigns/holiday-promo/optouts.csv")),
    "skeleton-p2p-fast": (skeleton(
        "Acme Coffee: {{first_name|Hi}}, beans ship today: https://bit.ly/acme Reply STOP to opt out",
        "ACME COFFEE!!! {{product}} FREE at http://acme.com/free call +1 415 555 0100",
        "90/min", "2026-12-05T20:30", "08:00-21:00", "America/Chicago", "sat, sun",
        "p2p", "mixed", "CA", "+14155550100", "20", "Acme Coffee", "2", "6h", "1h",
        "0.2", "0.05", "sticky"),
        "phone,first_name,product,opted_in_at,timezone,state\n"
        "+12125550141,Ava,socks,2026-10-01T08:15:00Z,America/New_York,NY\n"
        "(646) 555-0119,Liam,vape pens,,Europe/Paris,FL\n"
        "+14165550150,Zoe,tea,2026-10-03,America/Toronto,ON\n"
        "+12125550141,Ava,socks,2026-10-01,America/New_York,NY\n",
        "# opt-outs\n+12125550103\n\n2125550104\njunk\n"),
    "skeleton-no-header": (skeleton(
        "Acme Coffee: your code is 123456. Reply STOP to opt out", "", "1/s",
        "2027-01-04T09:00", "09:00-17:00", "America/Los_Angeles", "mon",
        "toll_free", "two_factor", "US", "+18885550100"),
        "+12125550182,Ava,2026-09-14\n2125550183,Liam,2026-09-15\n",
        "\ufeffphone\r\n+12125550183\r\n"),
}

for name, parts in SEEDS.items():
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8", newline="") as f:
        f.write(SEP.join(parts))
