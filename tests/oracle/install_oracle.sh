#!/usr/bin/env bash
# Installs the pinned sms-segments-calculator into a scratch directory (once) and
# prints that directory. Used by regenerate_segments_golden.sh and tests/perf/bench_segments.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${SMSLINT_ORACLE_DIR:-${TMPDIR:-/tmp}/smslint-segments-oracle}"
mkdir -p "$dir"
cp "$here/package.json" "$here/package-lock.json" "$here/segments_oracle.js" "$dir/"
want="$(node -p "require('$here/package.json').dependencies['sms-segments-calculator']")"
have="$(node -p "try { require('$dir/node_modules/sms-segments-calculator/package.json').version } catch (e) { '' }")"
if [[ "$have" != "$want" ]]; then
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
echo "$dir"
