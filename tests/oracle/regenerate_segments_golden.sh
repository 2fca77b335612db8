#!/usr/bin/env bash
# Regenerates the golden files of the encoder's differential test from Twilio's
# sms-segments-calculator (the version pinned in package.json / package-lock.json):
#   tests/golden/segments_oracle.tsv        the SMS Spam Collection, one row per message
#   tests/golden/segments_oracle_cases.tsv  the hand-made edge cases in segment_cases.json
# The calculator is installed into a scratch directory (never into the repository):
# $SMSLINT_ORACLE_DIR, default ${TMPDIR:-/tmp}/smslint-segments-oracle.
# Usage: tests/oracle/regenerate_segments_golden.sh [CORPUS]
#   CORPUS defaults to tests/fixtures/corpora/SMSSpamCollection, a byte-for-byte copy
#   of ../shared/data/corpora/sms-spam-collection/SMSSpamCollection.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="${1:-$repo/tests/fixtures/corpora/SMSSpamCollection}"
oracle_dir="$("$here/install_oracle.sh")"

node "$oracle_dir/segments_oracle.js" corpus "$corpus" > "$repo/tests/golden/segments_oracle.tsv.tmp"
mv "$repo/tests/golden/segments_oracle.tsv.tmp" "$repo/tests/golden/segments_oracle.tsv"
node "$oracle_dir/segments_oracle.js" cases "$here/segment_cases.json" \
  > "$repo/tests/golden/segments_oracle_cases.tsv.tmp"
mv "$repo/tests/golden/segments_oracle_cases.tsv.tmp" "$repo/tests/golden/segments_oracle_cases.tsv"
echo "wrote tests/golden/segments_oracle.tsv ($(wc -l < "$repo/tests/golden/segments_oracle.tsv") rows)" \
     "and tests/golden/segments_oracle_cases.tsv ($(wc -l < "$repo/tests/golden/segments_oracle_cases.tsv") rows)"
