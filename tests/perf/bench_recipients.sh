#!/bin/sh
# Times loading and checking a generated recipients CSV (default 1,000,000 rows):
# rows per second and peak memory.
# Usage: tests/perf/bench_recipients.sh [TEST_BINARY] [ROWS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-build/smslint_tests}
rows=${2:-1000000}
dir=${TMPDIR:-/tmp}/smslint-bench-recipients-$rows
if [ ! -f "$dir/recipients.csv" ]; then
  echo "generating $rows rows in $dir"
  python3 "$here/gen_recipients.py" "$rows" "$dir"
fi
ls -l "$dir/recipients.csv"
if [ -x /usr/bin/time ]; then
  SMSLINT_BENCH_CSV="$dir/recipients.csv" /usr/bin/time -f "wall %e s, peak RSS %M KB" \
    "$binary" -tc='bench: recipients*'
else
  SMSLINT_BENCH_CSV="$dir/recipients.csv" "$binary" -tc='bench: recipients*'
fi
