#!/usr/bin/env bash
# Regenerates the golden CLI outputs: tests/golden/cli/<campaign>.<command>.<format>.
# Run through `make golden` after an intended change, then review the diff.
set -euo pipefail
# The clock the tests use (tests/test_main.cc): outputs must not depend on the day.
export SMSLINT_NOW=2026-11-01T00:00:00Z
bin=$(realpath "${1:?usage: update.sh path/to/smslint}")
cd "$(dirname "$0")/../.."
out=tests/golden/cli
mkdir -p "$out"
rm -f "$out"/*.txt "$out"/*.json
while read -r campaign; do
  name=$(echo "${campaign#campaigns/}" | tr '/' '_' )
  name=${name%.yaml}
  for command in lint check; do
    for format in text json; do
      ext=$([ "$format" = text ] && echo txt || echo json)
      code=0
      NO_COLOR=1 LC_ALL=C "$bin" "$command" --format "$format" "$campaign" >"$out/$name.$command.$ext" 2>"$out/.stderr" || code=$?
      cat "$out/.stderr" >>"$out/$name.$command.$ext"
      echo "exit $code" >>"$out/$name.$command.$ext"
    done
  done
done < <(find campaigns -name '*.yaml' -not -path '*/schema/*' | sort)
rm -f "$out/.stderr"
echo "updated $(ls "$out" | wc -l) golden files in $out"
