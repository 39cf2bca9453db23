#!/usr/bin/env bash
# Wall-clock time of each stage of `make test`, printed as a table at the end of the run.
#   scripts/stage-time.sh reset FILE          forget the times of an earlier run
#   scripts/stage-time.sh begin FILE STAGE    STAGE starts now
#   scripts/stage-time.sh end FILE STAGE      append "STAGE SECONDS" to FILE
#   scripts/stage-time.sh table FILE          print every stage and the total
# A stage that fails stops make before its `end`: `make test` fails as before, with no table.
set -euo pipefail
usage="usage: stage-time.sh reset|begin|end|table FILE [STAGE]"
action="${1:?$usage}"
file="${2:?$usage}"
now() { date +%s.%N; }
case "$action" in
  reset)
    mkdir -p "$(dirname "$file")"
    rm -f "$file" "$file".*.start
    ;;
  begin)
    stage="${3:?$usage}"
    mkdir -p "$(dirname "$file")"
    now >"$file.$stage.start"
    ;;
  end)
    stage="${3:?$usage}"
    start="$(cat "$file.$stage.start")"
    rm -f "$file.$stage.start"
    awk -v s="$stage" -v a="$start" -v b="$(now)" 'BEGIN { printf "%s %.1f\n", s, b - a }' >>"$file"
    ;;
  table)
    echo "== Tempi delle fasi (secondi) =="
    awk '{ printf "%-12s %8.1f\n", $1, $2; total += $2 } END { printf "%-12s %8.1f\n", "totale", total }' "$file"
    ;;
  *)
    echo "$usage" >&2
    exit 2
    ;;
esac
