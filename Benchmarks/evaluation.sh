#!/usr/bin/env bash
# Times BKPPD's evaluation comparison over a city-sized evaluation history.
#
#   Benchmarks/evaluation.sh [PROGRAMMES] [RESPONSES] [RUNS]   (default 200 20000 7;
#                                                              CONFIG=release for a release build)
#   LONTAR_BIN=path/to/lontar runs that binary instead of building one (see Benchmarks/lib.sh).
#
# Starts a fresh server (SQLite in a temporary folder, or PostgreSQL when DATABASE_URL is set),
# imports 2,000 civil servants through the API, writes PROGRAMMES programmes with RESPONSES survey
# responses (and their answer rows, invitations, L2 pre/post attempts, L3 answers, interviews and
# L4 indicators) straight into the database (seed_evaluation.py), then times RUNS requests each of
# /healthz (the baseline), the comparison page, its CSV, one effectiveness page, the needs summary
# and the evaluation API, and prints the medians and their ratio to the baseline of the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source-path=SCRIPTDIR/..
source Benchmarks/lib.sh
PROGRAMMES=${1:-200}
RESPONSES=${2:-20000}
RUNS=${3:-7}
CONFIG=${CONFIG:-debug}
YEAR=$(TZ=Asia/Makassar date +%Y)
bench_build_lontar stderr
bench_start_server 30

echo "seeding $PROGRAMMES programmes and $RESPONSES survey responses for $YEAR…" >&2
TOKEN=$(bench_api_token)
bench_add_agency OPD01 "Perangkat Daerah Uji 01"
bench_import_employees 2000 OPD01
echo "SELECT id FROM employees;" | bench_sql >"$DATA/employee-ids"
DIALECT=$(bench_dialect)
python3 Benchmarks/seed_evaluation.py "$PROGRAMMES" "$RESPONSES" "$YEAR" "$DIALECT" "$DATA/employee-ids" >"$DATA/seed.sql"
bench_sql <"$DATA/seed.sql" >/dev/null
if [ "$DIALECT" = postgres ]; then  # fresh statistics, as autovacuum would give a live server
    echo "ANALYZE surveys, survey_responses, survey_answers, survey_invitations, quiz_attempts, programme_evaluations, enrolments, action_plans;" | bench_sql >/dev/null
fi
COUNTS=$(echo "SELECT (SELECT COUNT(*) FROM survey_responses) || ' responses, ' || (SELECT COUNT(*) FROM survey_answers)
    || ' answer rows, ' || (SELECT COUNT(*) FROM quiz_attempts) || ' attempts';" | bench_sql)
echo "$COUNTS" >&2
PROGRAMME=$(echo "SELECT programme_id FROM surveys ORDER BY programme_id LIMIT 1;" | bench_sql)

# The pages are BKPPD's: sign in like a browser (session cookie + CSRF token).
JAR="$DATA/cookies"
bench_sign_in "$JAR"

bench_time_runs "/healthz" >"$DATA/t-health"
bench_time_runs "/evaluasi?year=$YEAR" >"$DATA/t-compare"
bench_time_runs "/evaluasi/perbandingan.csv?year=$YEAR" >"$DATA/t-csv"
bench_time_runs "/pelatihan/$PROGRAMME/evaluasi?year=$YEAR" >"$DATA/t-programme"
bench_time_runs "/evaluasi/kebutuhan?year=$YEAR" >"$DATA/t-needs"
bench_time_runs "/api/v1/programs/$PROGRAMME/evaluation?year=$YEAR" -H "Authorization: Bearer $TOKEN" >"$DATA/t-api"

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
