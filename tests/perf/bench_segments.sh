#!/usr/bin/env bash
# Segment counting speed: `smslint segments --lines` against Twilio's
# sms-segments-calculator (npm, the version pinned in tests/oracle) on the same
# messages: the SMS Spam Collection repeated to REPEAT x 5,574 lines.
# Prints one table row: messages, smslint time, npm time, ratio (target >= 300x),
# and whether every encoding and segment count matched.
# smslint's time is the wall time of the whole process (best of 3), start-up and
# output included; npm's is the time spent inside the calculator only (node's
# start-up and file reading excluded), which favours npm.
# Usage: tests/perf/bench_segments.sh path/to/smslint [REPEAT=10]
set -euo pipefail
smslint="${1:?usage: bench_segments.sh path/to/smslint [REPEAT]}"
repeat="${2:-10}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cut -f2- "$repo/tests/fixtures/corpora/SMSSpamCollection" > "$work/corpus.txt"
for _ in $(seq "$repeat"); do cat "$work/corpus.txt"; done > "$work/messages.txt"
messages="$(wc -l < "$work/messages.txt")"

best=""
for _ in 1 2 3; do
  start="$(date +%s.%N)"
  "$smslint" segments --lines < "$work/messages.txt" > "$work/smslint.txt"
  end="$(date +%s.%N)"
  t="$(echo "$end - $start" | bc -l)"
  if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best="$t"; fi
done

oracle_dir="$("$repo/tests/oracle/install_oracle.sh")"
npm_time="$(node "$oracle_dir/segments_oracle.js" lines "$work/messages.txt" --time \
             2>&1 > "$work/npm.tsv")"

# smslint lines read "N: ENCODING, S segment(s), ..."; the oracle's "N<TAB>ENCODING<TAB>S<TAB>U".
awk '{ sub(/:$/, "", $1); sub(/,$/, "", $2); print $1 "\t" $2 "\t" $3 }' "$work/smslint.txt" \
  > "$work/smslint.tsv"
cut -f1-3 "$work/npm.tsv" > "$work/npm3.tsv"
if cmp -s "$work/smslint.tsv" "$work/npm3.tsv"; then
  matched="yes"
else
  matched="no ($(diff "$work/smslint.tsv" "$work/npm3.tsv" | grep -c '^<') differ)"
fi

ratio="$(echo "$npm_time / $best" | bc -l)"
printf '| %-9s | %-12s | %-10s | %-16s | %-20s |\n' "messages" "smslint" "npm" "ratio (>= 300x)" "encodings+segments"
printf '| %-9s | %-12s | %-10s | %-16s | %-20s |\n' "---" "---" "---" "---" "---"
printf '| %-9d | %-12s | %-10s | %-16s | %-20s |\n' "$messages" \
  "$(printf '%.3f s' "$best")" "$(printf '%.2f s' "$npm_time")" \
  "$(printf '%.0fx' "$ratio")" "$matched"
