#!/usr/bin/env bash
# Segment counting speed: `smslint segments --lines` against Twilio's
# sms-segments-calculator (npm, the version pinned in tests/oracle) on the same
# messages: the SMS Spam Collection repeated to REPEAT x 5,574 lines.
# Prints a table row per output format (text, JSON Lines): messages, smslint time,
# npm time, ratio (target >= 300x),
# and whether every encoding and segment count matched.
# smslint's time is the wall time of the whole process (best of 3, in each format),
# measured with bash's $EPOCHREALTIME (no process started to read the clock), start-up and
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

# Best of 3 wall times of `segments --lines --format $1`, output to $2.
best_of_3() {
  local best="" start end t
  for _ in 1 2 3; do
    start="$EPOCHREALTIME"
    "$smslint" segments --lines --format "$1" < "$work/messages.txt" > "$2"
    end="$EPOCHREALTIME"
    t="$(echo "$end - $start" | bc -l)"
    if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc -l) )); then best="$t"; fi
  done
  echo "$best"
}
best="$(best_of_3 text "$work/smslint.txt")"
best_json="$(best_of_3 json "$work/smslint.jsonl")"

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

# The JSON Lines carry the same counts as the text lines.
if python3 - "$work/smslint.jsonl" "$work/smslint.tsv" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
text = [l.rstrip("\n").split("\t") for l in open(sys.argv[2])]
ok = len(lines) == len(text) and all(
    [str(j["line"]), j["encoding"], str(j["segments"])] == t for j, t in zip(lines, text))
sys.exit(0 if ok else 1)
PY
then json_matched="yes"; else json_matched="no"; fi

printf '| %-12s | %-9s | %-12s | %-10s | %-16s | %-20s |\n' "format" "messages" "smslint" "npm" "ratio (>= 300x)" "encodings+segments"
printf '| %-12s | %-9s | %-12s | %-10s | %-16s | %-20s |\n' "---" "---" "---" "---" "---" "---"
for format in text json; do
  if [[ "$format" == text ]]; then t="$best"; m="$matched"; else t="$best_json"; m="$json_matched"; fi
  printf '| %-12s | %-9d | %-12s | %-10s | %-16s | %-20s |\n' "$format" "$messages" \
    "$(printf '%.3f s' "$t")" "$(printf '%.2f s' "$npm_time")" \
    "$(printf '%.0fx' "$(echo "$npm_time / $t" | bc -l)")" "$m"
done
