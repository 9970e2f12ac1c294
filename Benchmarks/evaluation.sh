#!/usr/bin/env bash
# Times BKPPD's evaluation comparison over a city-sized evaluation history.
#
#   Benchmarks/evaluation.sh [PROGRAMMES] [RESPONSES] [RUNS]   (default 200 20000 7;
#                                                              CONFIG=release for a release build)
#
# Starts a fresh server (SQLite in a temporary folder, or PostgreSQL when DATABASE_URL is set),
# imports 2,000 civil servants through the API, writes PROGRAMMES programmes with RESPONSES survey
# responses (and their answer rows, invitations, L2 pre/post attempts, L3 answers, interviews and
# L4 indicators) straight into the database (seed_evaluation.py), then times RUNS requests each of
# /healthz (the baseline), the comparison page, its CSV, one effectiveness page, the needs summary
# and the evaluation API, and prints the medians and their ratio to the baseline of the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
PROGRAMMES=${1:-200}
RESPONSES=${2:-20000}
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

echo "seeding $PROGRAMMES programmes and $RESPONSES survey responses for $YEAR…" >&2
TOKEN=$(curl -fs -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -fs -o /dev/null -X POST "$BASE/api/v1/agencies" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{"code":"OPD01","name":"Perangkat Daerah Uji 01"}'
python3 Benchmarks/gen_employees.py 2000 OPD01 0 >"$DATA/employees.csv"
curl -fs -o /dev/null -X POST "$BASE/api/v1/employees/import" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary "@$DATA/employees.csv"
echo "SELECT id FROM employees;" | sql >"$DATA/employee-ids"
DIALECT=$([ -n "${DATABASE_URL:-}" ] && echo postgres || echo sqlite)
python3 Benchmarks/seed_evaluation.py "$PROGRAMMES" "$RESPONSES" "$YEAR" "$DIALECT" "$DATA/employee-ids" >"$DATA/seed.sql"
sql <"$DATA/seed.sql" >/dev/null
if [ "$DIALECT" = postgres ]; then  # fresh statistics, as autovacuum would give a live server
    echo "ANALYZE surveys, survey_responses, survey_answers, survey_invitations, quiz_attempts, programme_evaluations;" | sql >/dev/null
fi
COUNTS=$(echo "SELECT (SELECT COUNT(*) FROM survey_responses) || ' responses, ' || (SELECT COUNT(*) FROM survey_answers)
    || ' answer rows, ' || (SELECT COUNT(*) FROM quiz_attempts) || ' attempts';" | sql)
echo "$COUNTS" >&2
PROGRAMME=$(echo "SELECT programme_id FROM surveys ORDER BY programme_id LIMIT 1;" | sql)

# The pages are BKPPD's: sign in like a browser (session cookie + CSRF token).
JAR="$DATA/cookies"
CSRF=$(curl -fs -c "$JAR" "$BASE/masuk" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)
curl -fs -o /dev/null -b "$JAR" -c "$JAR" -X POST "$BASE/masuk" \
    --data-urlencode "_csrf=$CSRF" --data-urlencode "identifier=admin" --data-urlencode "password=$PASSWORD"

time_runs() {  # time_runs PATH [curl args] -> one "seconds status bytes" line per run, after one warm-up
    local path=$1
    shift
    curl -s -o /dev/null -b "$JAR" "$@" "$BASE$path"
    for _ in $(seq 1 "$RUNS"); do
        curl -s -o /dev/null -b "$JAR" "$@" -w '%{time_total} %{http_code} %{size_download}\n' "$BASE$path"
    done
}
time_runs "/healthz" >"$DATA/t-health"
time_runs "/evaluasi?year=$YEAR" >"$DATA/t-compare"
time_runs "/evaluasi/perbandingan.csv?year=$YEAR" >"$DATA/t-csv"
time_runs "/pelatihan/$PROGRAMME/evaluasi?year=$YEAR" >"$DATA/t-programme"
time_runs "/evaluasi/kebutuhan?year=$YEAR" >"$DATA/t-needs"
time_runs "/api/v1/programs/$PROGRAMME/evaluation?year=$YEAR" -H "Authorization: Bearer $TOKEN" >"$DATA/t-api"

python3 - "$DATA" "$PROGRAMMES" "$COUNTS" "$CONFIG" "${DATABASE_URL:+PostgreSQL}" <<'PY'
import statistics, sys
data, programmes, counts, config, db = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] or "SQLite"
def load(name):
    rows = [line.split() for line in open(f"{data}/t-{name}") if line.strip()]
    return statistics.median(float(r[0]) for r in rows), {r[1] for r in rows}, int(rows[-1][2])
base = load("health")[0]
print(f"Evaluation reports: {programmes} programmes, {counts}, {config} build, {db}")
for label, name in [("/healthz (baseline)", "health"), ("comparison page (3 years)", "compare"),
                    ("comparison CSV", "csv"), ("effectiveness page", "programme"), ("needs summary", "needs"),
                    ("evaluation API", "api")]:
    median, statuses, size = load(name)
    print(f"  {label:26s} median {median * 1000:8.1f} ms  x{median / base:8.1f}  HTTP {','.join(sorted(statuses))}"
          f"  {size / 1024:8.1f} KiB")
PY
