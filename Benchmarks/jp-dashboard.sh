#!/usr/bin/env bash
# Times the city JP dashboard and the SIASN export over a city-sized ledger.
#
#   Benchmarks/jp-dashboard.sh [EMPLOYEES] [ENTRIES] [RUNS]   (default 10000 100000 7;
#                                                               CONFIG=release for a release build)
#   LONTAR_BIN=path/to/lontar runs that binary instead of building one (see Benchmarks/lib.sh).
#
# Starts a fresh server (SQLite in a temporary folder, or PostgreSQL when DATABASE_URL is
# set), imports EMPLOYEES civil servants through the API (as import.sh does), spreads them
# over 20 OPDs and writes ENTRIES ledger lines straight into the database, then times RUNS
# requests each of /healthz (the baseline), the city dashboard and the SIASN CSV of the
# whole city, and prints the medians and their ratio to the baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source-path=SCRIPTDIR/..
source Benchmarks/lib.sh
EMPLOYEES=${1:-10000}
ENTRIES=${2:-100000}
RUNS=${3:-7}
CONFIG=${CONFIG:-debug}
YEAR=$(TZ=Asia/Makassar date +%Y)
bench_build_lontar stderr
bench_start_server 30

echo "seeding $EMPLOYEES employees and $ENTRIES ledger lines for $YEAR…" >&2
TOKEN=$(bench_api_token)
for n in $(seq -w 1 20); do bench_add_agency "OPD$n" "Perangkat Daerah Uji $n"; done
bench_import_employees "$EMPLOYEES" OPD01
echo "SELECT id FROM employees;" | bench_sql >"$DATA/employee-ids"
echo "SELECT id FROM agencies WHERE code LIKE 'OPD%';" | bench_sql >"$DATA/agency-ids"
DIALECT=$(bench_dialect)
python3 Benchmarks/seed_ledger.py "$ENTRIES" "$YEAR" "$DIALECT" "$DATA/employee-ids" "$DATA/agency-ids" >"$DATA/seed.sql"
bench_sql <"$DATA/seed.sql" >/dev/null
echo "SELECT COUNT(*) FROM jp_ledger;" | bench_sql | sed 's/^/ledger lines: /' >&2

# The dashboards are pages: sign in like a browser (session cookie + CSRF token).
JAR="$DATA/cookies"
bench_sign_in "$JAR"

bench_time_runs "/healthz" >"$DATA/t-health"
bench_time_runs "/jp/kota?year=$YEAR" >"$DATA/t-city"
bench_time_runs "/jp/ekspor-siasn.csv?year=$YEAR" >"$DATA/t-siasn"
bench_time_runs "/jp/opd?agency=OPD01&year=$YEAR" >"$DATA/t-agency"
bench_time_runs "/jp/berisiko?year=$YEAR" >"$DATA/t-risk"

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
