# Shared by the HTTP load scripts (bench/sidebar.sh, bench/callbacks.sh): sourced after BASE and DB are set.
# Load goes only to this machine, with wrk from the Debian packages; a scratch folder lives as long as the script.
JDBC_URL="jdbc:mysql://127.0.0.1:3306/$DB?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true"
case "$BASE" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "load goes only to 127.0.0.1" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk is missing; install it from the Debian packages: apt-get install -y wrk" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
