#!/usr/bin/env bash
# Server time of the manager workbench on a running app (docs/BENCHMARKS.md, section "Dashboard").
# Usage: bench/dashboard.sh [requests per URL]   (default 30)
# Env:   QK_BASE_URL (default http://localhost:8080), QK_DB (MariaDB database the app uses, default qingke_bench),
#        QK_CORP (default ww-demo-corp), QINGKE_SESSION_SECRET (the app's session secret, required).
# Signs in as the corp's manager liuyang with a session token made here (same format as SessionTokens), then requests
# each URL: the first (cold) request's Server-Timing "render" duration (queries plus template, measured inside the
# app), then N warm requests after a warm-up with the median / p90 / max of Server-Timing and of curl's total time.
# Start the app with -Dqingke.dashboard.warm-up-every=off so the background warm-up does not pre-fill the default view.
set -euo pipefail
N=${1:-30}
BASE=${QK_BASE_URL:-http://localhost:8080}
DB=${QK_DB:-qingke_bench}
CORP=${QK_CORP:-ww-demo-corp}
: "${QINGKE_SESSION_SECRET:?set QINGKE_SESSION_SECRET to the session secret of the app}"

sql() { mariadb --protocol=tcp -h127.0.0.1 -uroot -N -B "$DB" -e "$1"; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
manager=$(sql "select id from employee where corp_id='$CORP' and wecom_userid='liuyang'")
rep=$(sql "select id from employee where corp_id='$CORP' and wecom_userid='zhangwei'")
expires=$(( $(date +%s) + 3600 ))
payload=$(printf '%s|liuyang|%s|%s' "$manager" "$CORP" "$expires" | b64url)
signature=$(printf '%s' "$payload" | openssl dgst -sha256 -hmac "$QINGKE_SESSION_SECRET" -binary | b64url)
token="$payload.$signature"

echo "data: $(sql "select count(*) from customer where corp_id='$CORP'") customers, $(sql "select count(*) from behaviour_event where corp_id='$CORP'") events"
stats() { sort -n | awk '{v[NR]=$1} END {printf "median %7.1f  p90 %7.1f  max %7.1f ms", v[int((NR+1)/2)], v[int(NR*0.9+0.5)], v[NR]}'; }
measure() {
  local label=$1 path=$2 render=() total=()
  # The first request of a filter computes its period figures (cold); the next ones are served from the cache
  # until qingke.dashboard.cache-ttl passes.
  local first
  first=$(curl -s -o /dev/null -D - -b "qk_session=$token" "$BASE$path" | grep -i '^server-timing:' | sed -E 's/.*dur=([0-9.]+).*/\1/' || true)
  for _ in 1 2 3 4; do curl -s -o /dev/null -b "qk_session=$token" "$BASE$path"; done
  for _ in $(seq "$N"); do
    out=$(curl -s -o /dev/null -D - -w 'TOTAL %{time_total} %{http_code}\n' -b "qk_session=$token" "$BASE$path")
    code=$(awk '/^TOTAL/ {print $3}' <<<"$out")
    [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
    # (no match for a JSON endpoint without the header: || true, or set -e would end the script silently here)
    render+=("$(grep -i '^server-timing:' <<<"$out" | sed -E 's/.*dur=([0-9.]+).*/\1/' || true)")
    total+=("$(awk '/^TOTAL/ {printf "%.1f", $2 * 1000}' <<<"$out")")
  done
  local server="no Server-Timing header"
  if [ -n "${render[0]}" ]; then
    server=$(printf '%s\n' "${render[@]}" | stats)
  fi
  printf '%-34s first (cold) %8s ms | warm: server %s | curl total %s\n' "$label" "${first:--}" "$server" \
    "$(printf '%s\n' "${total[@]}" | stats)"
}
today=$(TZ=Asia/Shanghai date +%F)
measure "/dashboard (30 days, team)" "/dashboard"
measure "/dashboard (30 days, one rep)" "/dashboard?rep=$rep"
measure "/dashboard (90 days, team)" "/dashboard?from=$(TZ=Asia/Shanghai date -d "$today -89 days" +%F)&to=$(TZ=Asia/Shanghai date -d "$today +1 day" +%F)"
measure "/dashboard (366 days, team)" "/dashboard?from=$(TZ=Asia/Shanghai date -d "$today -365 days" +%F)&to=$(TZ=Asia/Shanghai date -d "$today +1 day" +%F)"
measure "/dashboard/api/activity (live)" "/dashboard/api/activity"
