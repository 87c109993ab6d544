#!/usr/bin/env bash
# Start-up time and idle memory of the packaged app with the demo data (README command 1 without its build step).
#
#   ./mvnw -B -q -Pdemo -Dexec.skip package        # the demo build, without starting it
#   bench/startup.sh [runs] [idle-seconds] [JVM options...]
#
# Each run starts `java [JVM options] -Dquarkus.profile=demo -jar target/quarkus-app/quarkus-run.jar` on ports of its own
# (18600, fake WeCom 18689), takes the time from the process start to the first 200 answer of GET / (the home page,
# after the demo data is loaded, the rule base compiled and the fake WeCom server listening), Quarkus's own
# "started in", then the resident set size (VmRSS) after the app has idled for [idle-seconds], and stops the app.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
idle=${2:-20}
shift $(( $# > 2 ? 2 : $# ))
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -B -q -Pdemo -Dexec.skip package" >&2; exit 1; }
port=18600
log=$(mktemp)
trap 'rm -f "$log"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT

echo "JVM options: ${*:-(none)}; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %14s %14s %12s %s\n' run "first 200 (s)" "started in" "idle RSS" load
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  java "$@" -Dquarkus.profile=demo -Dquarkus.http.port=$port -Dqingke.fake-wechat.port=$((port + 89)) \
    -jar "$jar" >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "the app died:" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 0.05
  done
  served=$(( ($(date +%s%N) - start) / 1000000 ))
  started=$(grep -o 'started in [0-9.]*s' "$log" | head -1 | cut -d' ' -f3)
  sleep "$idle"
  rss=$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status")
  printf '%-4s %14s %14s %12s %s\n' "$run" "$(awk -v ms="$served" 'BEGIN {printf "%.2f", ms / 1000}')" "$started" "$rss" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
