#!/usr/bin/env bash
# Times the city JP dashboard and the SIASN export over a city-sized ledger.
#
#   Benchmarks/jp-dashboard.sh [EMPLOYEES] [ENTRIES] [RUNS]   (default 10000 100000 7;
#                                                               CONFIG=release for a release build)
#
# Starts a fresh server (SQLite in a temporary folder, or PostgreSQL when DATABASE_URL is
# set), imports EMPLOYEES civil servants through the API (as import.sh does), spreads them
# over 20 OPDs and writes ENTRIES ledger lines straight into the database, then times RUNS
# requests each of /healthz (the baseline), the city dashboard and the SIASN CSV of the
# whole city, and prints the medians and their ratio to the baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
EMPLOYEES=${1:-10000}
ENTRIES=${2:-100000}
RUNS=${3:-7}
CONFIG=${CONFIG:-debug}
YEAR=$(TZ=Asia/Makassar date +%Y)
swift build -c "$CONFIG" --product lontar >/dev/null
BIN=$(swift build -c "$CONFIG" --show-bin-path)/lontar
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
PASSWORD="Bench-sandi-2026"
export LONTAR_DATA_DIR="$DATA" LONTAR_ADMIN_PASSWORD="$PASSWORD"
"$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 150); do curl -fs "$BASE/readyz" >/dev/null && break; sleep 0.2; done

sql() {  # runs SQL from stdin against the server's database, printing rows one per line
    if [ -n "${DATABASE_URL:-}" ]; then psql "$DATABASE_URL" -qAt -v ON_ERROR_STOP=1; else sqlite3 "$DATA/lontar.sqlite"; fi
}

echo "seeding $EMPLOYEES employees and $ENTRIES ledger lines for $YEAR…" >&2
TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for n in $(seq -w 1 20); do
    curl -fs -X POST "$BASE/api/v1/agencies" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"code\":\"OPD$n\",\"name\":\"Perangkat Daerah Uji $n\"}" >/dev/null
done
python3 Benchmarks/gen_employees.py "$EMPLOYEES" OPD01 0 >"$DATA/employees.csv"
curl -fs -o /dev/null -X POST "$BASE/api/v1/employees/import" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary "@$DATA/employees.csv"
echo "SELECT id FROM employees;" | sql >"$DATA/employee-ids"
echo "SELECT id FROM agencies WHERE code LIKE 'OPD%';" | sql >"$DATA/agency-ids"
DIALECT=$([ -n "${DATABASE_URL:-}" ] && echo postgres || echo sqlite)
python3 Benchmarks/seed_ledger.py "$ENTRIES" "$YEAR" "$DIALECT" "$DATA/employee-ids" "$DATA/agency-ids" >"$DATA/seed.sql"
sql <"$DATA/seed.sql" >/dev/null
echo "SELECT COUNT(*) FROM jp_ledger;" | sql | sed 's/^/ledger lines: /' >&2

# The dashboards are pages: sign in like a browser (session cookie + CSRF token).
JAR="$DATA/cookies"
CSRF=$(curl -fs -c "$JAR" "$BASE/masuk" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -fs -o /dev/null -b "$JAR" -c "$JAR" -X POST "$BASE/masuk" \
    --data-urlencode "_csrf=$CSRF" --data-urlencode "identifier=admin" --data-urlencode "password=$PASSWORD"

time_runs() {  # time_runs PATH -> one "seconds status bytes first-byte-seconds" line per run, after one warm-up
    curl -s -o /dev/null -b "$JAR" "$BASE$1"
    for _ in $(seq 1 "$RUNS"); do
        curl -s -o /dev/null -b "$JAR" -w '%{time_total} %{http_code} %{size_download} %{time_starttransfer}\n' "$BASE$1"
    done
}
time_runs "/healthz" >"$DATA/t-health"
time_runs "/jp/kota?year=$YEAR" >"$DATA/t-city"
time_runs "/jp/ekspor-siasn.csv?year=$YEAR" >"$DATA/t-siasn"
time_runs "/jp/opd?agency=OPD01&year=$YEAR" >"$DATA/t-agency"
time_runs "/jp/berisiko?year=$YEAR" >"$DATA/t-risk"

python3 - "$DATA" "$EMPLOYEES" "$ENTRIES" "$CONFIG" "${DATABASE_URL:+PostgreSQL}" <<'PY'
import statistics, sys
data, employees, entries, config, db = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] or "SQLite"
def load(name):
    rows = [line.split() for line in open(f"{data}/t-{name}") if line.strip()]
    return (statistics.median(float(r[0]) for r in rows), {r[1] for r in rows}, int(rows[-1][2]),
            statistics.median(float(r[3]) for r in rows))
base = load("health")[0]
print(f"JP dashboards: {employees} employees, {entries} ledger lines, {config} build, {db}")
for label, name in [("/healthz (baseline)", "health"), ("city dashboard", "city"), ("SIASN export (city)", "siasn"),
                    ("OPD dashboard (OPD01)", "agency"), ("at-risk list (city)", "risk")]:
    median, statuses, size, first = load(name)
    print(f"  {label:24s} median {median * 1000:8.1f} ms  x{median / base:8.1f}  first byte {first * 1000:7.1f} ms"
          f"  HTTP {','.join(sorted(statuses))}  {size / 1024:8.1f} KiB")
PY
