#!/usr/bin/env bash
# Measures the desktop app's cold start to first IPC call and its idle memory (PSS of the app
# plus its WebKit processes), release build, under Xvfb. Prints each run and the medians, and
# the ratio to DESIGN.md's reference for a bare Tauri 2 window on this machine kind
# (first IPC ~0.3 s, PSS ~180 MB; budget: within 1.5x).
#   scripts/measure-startup.sh [BINARY] [RUNS]      (make measure-startup builds and calls it)
set -euo pipefail
bin="${1:-target/release/raccordo-desktop}"
runs="${2:-5}"
ref_ms=300; ref_mb=180
[ -x "$bin" ] || { echo "errore: binario non trovato: $bin (make measure-startup lo compila)" >&2; exit 1; }

cleanup() { [ -n "${app:-}" ] && kill "$app" 2>/dev/null || true; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=":$((500 + RANDOM % 300))"
  Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${DISPLAY#:}" ] && break; sleep 0.05; done
fi
export NO_AT_BRIDGE=1 RACCORDO_TIMING=1

descendants() { local p; for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$p"; descendants "$p"; done; }
pss_kb() { local total=0 p v; for p in "$@"; do v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0); total=$((total + ${v:-0})); done; echo "$total"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

work=$(mktemp -d); times=(); mems=()
for i in $(seq "$runs"); do
  db="$work/run$i.sqlite"; log="$work/run$i.log"
  # Every run starts on an existing, already-initialised database (the everyday start);
  # run 1 also creates it, and is reported separately as the first start.
  if [ "$i" -gt 1 ]; then
    cp "$work/run1.sqlite" "$db"
    [ -f "$work/run1.sqlite-wal" ] && cp "$work/run1.sqlite-wal" "$db-wal"
  fi
  start_ms=$(date +%s%3N)
  "$bin" --db "$db" 2>"$log" >/dev/null & app=$!
  for _ in $(seq 300); do grep -q raccordo-timing "$log" && break; sleep 0.02; done
  line=$(grep -m1 raccordo-timing "$log" || true)
  [ -n "$line" ] || { echo "errore: l'app non ha risposto entro 6 s (log: $log)" >&2; exit 1; }
  ipc_ms=$(echo "$line" | sed -E 's/.*first_ipc_unix_ms=([0-9]+).*/\1/')
  t=$((ipc_ms - start_ms))
  sleep 3  # idle
  pids=("$app" $(descendants "$app"))
  kb=$(pss_kb "${pids[@]}")
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
  printf 'run %d: first IPC %d ms, idle PSS %d MB (%d processes)%s\n' "$i" "$t" $((kb / 1024)) "${#pids[@]}" "$([ "$i" -eq 1 ] && echo ', first start: creates and seeds the database')"
  [ "$i" -gt 1 ] && { times+=("$t"); mems+=("$kb"); }
done
[ "${#times[@]}" -gt 0 ] || { times=("$t"); mems=("$kb"); }
mt=$(printf '%s\n' "${times[@]}" | median); mm=$(( $(printf '%s\n' "${mems[@]}" | median) / 1024 ))
echo "median (existing database): first IPC ${mt} ms, idle PSS ${mm} MB"
awk -v t="$mt" -v m="$mm" -v rt="$ref_ms" -v rm="$ref_mb" 'BEGIN {
  printf "ratio to bare Tauri 2 reference: start %.2fx, memory %.2fx (budget 1.50x): %s\n", t/rt, m/rm, (t/rt<=1.5 && m/rm<=1.5) ? "OK" : "OVER BUDGET" }'
rm -rf "$work"
