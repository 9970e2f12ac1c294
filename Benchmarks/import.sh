#!/usr/bin/env bash
# Times the civil-servant CSV import through the API on a fresh server.
#
#   Benchmarks/import.sh [ROWS]          (default 10000; CONFIG=release for a release build)
#   LONTAR_BIN=path/to/lontar runs that binary instead of building one (see Benchmarks/lib.sh).
#
# Reports wall times for: a dry run (checks only: the baseline), the first import (all rows
# new), a re-import (all rows updated), and the refusal of a file with 4 bad rows, each as a
# ratio to the dry run measured in the same run. Uses SQLite in a temporary folder unless
# DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source-path=SCRIPTDIR/..
source Benchmarks/lib.sh
ROWS=${1:-10000}
CONFIG=${CONFIG:-debug}
bench_build_lontar stderr
bench_start_server 20

TOKEN=$(bench_api_token)
bench_add_agency BENCH "Badan Uji Beban"
python3 Benchmarks/gen_employees.py "$ROWS" BENCH 0 >"$DATA/good.csv"
python3 Benchmarks/gen_employees.py "$ROWS" BENCH 4 >"$DATA/bad.csv"

run() {  # run LABEL QUERY FILE -> prints seconds and HTTP status
    curl -s -o "$DATA/$1.json" -w '%{time_total} %{http_code}' -X POST "$BASE/api/v1/employees/import$2" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary "@$3"
}
read -r DRY DRY_STATUS <<<"$(run dry '?dryRun=true' "$DATA/good.csv")"
read -r FIRST FIRST_STATUS <<<"$(run first '' "$DATA/good.csv")"
read -r AGAIN AGAIN_STATUS <<<"$(run again '' "$DATA/good.csv")"
read -r BAD BAD_STATUS <<<"$(run bad '' "$DATA/bad.csv")"
ERRORS=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["errors"]))' "$DATA/bad.json")
python3 - "$ROWS" "$CONFIG" "$DRY" "$FIRST" "$AGAIN" "$BAD" <<PY
import sys
rows, config, dry, first, again, bad = sys.argv[1], sys.argv[2], *map(float, sys.argv[3:])
print(f"import of {rows} rows, {config} build, {'PostgreSQL' if '${DATABASE_URL:-}' else 'SQLite'}")
for label, t, status in [("dry run (baseline)", dry, "$DRY_STATUS"), ("first import", first, "$FIRST_STATUS"),
                         ("re-import (updates)", again, "$AGAIN_STATUS"), ("file with 4 bad rows", bad, "$BAD_STATUS")]:
    print(f"  {label:24s} {t:7.2f} s  x{t / dry:5.2f}  HTTP {status}")
print("  bad rows reported: $ERRORS")
PY
