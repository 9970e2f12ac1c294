#!/usr/bin/env bash
# Load test of quiz taking: a class of learners start one quiz and answer every question.
#
#   Benchmarks/quiz-start.sh [LEARNERS] [QUESTIONS]   (default 500 20; CONFIG=release for a release
#                                                      build; CONCURRENCY=32 connections)
#   LONTAR_BIN=path/to/lontar runs that binary instead of building one (see Benchmarks/lib.sh).
#
# Starts a fresh server (SQLite in a temporary folder, or PostgreSQL when DATABASE_URL names an
# empty database), imports LEARNERS civil servants through the API, and writes straight into the
# database one published course with a timed quiz of QUESTIONS questions (30 minutes, whole bank,
# shuffled), every learner enrolled, with an account and an API token (seed_quiz.py). Then, with
# wrk and quiz-start.lua, with CONCURRENCY connections (one per wrk thread) each time:
#   1. /healthz for BASELINE_SECONDS (default 10): the baseline, measured in the same run;
#   2. every learner starts the quiz once: POST /api/v1/quizzes/{id}/attempts (bearer token);
#   3. every learner saves QUESTIONS answers, one per request: POST /api/v1/sync, question by
#      question so that consecutive requests come from different learners.
# Prints requests/s and latency p50/p90/p99 of each, with the ratio to the baseline, and checks in
# the database that every attempt exists and holds every answer.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source-path=SCRIPTDIR/..
source Benchmarks/lib.sh
LEARNERS=${1:-500}
QUESTIONS=${2:-20}
CONFIG=${CONFIG:-debug}
CONCURRENCY=${CONCURRENCY:-32}
BASELINE_SECONDS=${BASELINE_SECONDS:-10}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }
[ "$LEARNERS" -ge "$CONCURRENCY" ] || { echo "need at least as many learners as connections ($CONCURRENCY)" >&2; exit 1; }
bench_build_lontar tail
bench_start_server 30
DIALECT=$(bench_dialect)

echo "seeding $LEARNERS learners and a quiz of $QUESTIONS questions…" >&2
TOKEN=$(bench_api_token)
bench_add_agency BENCH "Badan Uji Beban"
bench_import_employees "$LEARNERS" BENCH
echo "SELECT CAST(id AS TEXT) || '|' || nip || '|' || name FROM employees;" | bench_sql >"$DATA/employees"
python3 Benchmarks/seed_quiz.py "$QUESTIONS" "$DIALECT" "$DATA/employees" "$DATA" >"$DATA/seed.sql"
bench_sql <"$DATA/seed.sql" >/dev/null
QUIZ=$(cat "$DATA/quiz-id")
awk -v quiz="$QUIZ" '{ print $1, $2, quiz }' "$DATA/tokens" >"$DATA/start-lines"

run_wrk() {  # run_wrk MODE [FILE] -> the RESULT line of quiz-start.lua
    local duration=900s work="$DATA/wrk-$1"
    [ "$1" = health ] && duration="${BASELINE_SECONDS}s"
    mkdir -p "$work"
    wrk -t"$CONCURRENCY" -c"$CONCURRENCY" -d"$duration" --timeout 30s -s Benchmarks/quiz-start.lua "$BASE" \
        -- "$1" "${2:-}" "$CONCURRENCY" "$work" >"$work/out" &
    local wrk_pid=$!
    # A counted run ends when every connection has its last response (one marker file each).
    # SIGINT is what wrk takes for "time is up"; it is repeated because a signal that lands on
    # a worker thread still winding down does not wake wrk's main thread.
    if [ "$1" != health ]; then
        while kill -0 "$wrk_pid" 2>/dev/null; do
            if [ "$(find "$work" -name 'finished-*' | wc -l)" -ge "$CONCURRENCY" ]; then
                kill -INT "$wrk_pid" 2>/dev/null || true
                sleep 0.2
            else
                sleep 0.02
            fi
        done
    fi
    wait "$wrk_pid"
    grep '^RESULT' "$work/out"
}
echo "measuring /healthz, $LEARNERS starts, $((LEARNERS * QUESTIONS)) answers…" >&2
run_wrk health >"$DATA/r-health"
run_wrk start "$DATA/start-lines" >"$DATA/r-start"

# The answers: every question of every attempt, question by question. Question ids are written
# as the server writes them into attempts (upper case); right answers: option 0, or true.
echo "SELECT CAST(employee_id AS TEXT) || ' ' || CAST(id AS TEXT) FROM quiz_attempts;" | bench_sql >"$DATA/attempts"
echo "SELECT CAST(id AS TEXT) || ' ' || kind FROM question_bank ORDER BY position;" | bench_sql >"$DATA/questions"
python3 - "$DATA" <<'PY' >"$DATA/answer-lines"
import sys
data = sys.argv[1]
tokens = dict(line.split() for line in open(f"{data}/tokens"))
attempts = [line.split() for line in open(f"{data}/attempts") if line.strip()]
questions = [line.split() for line in open(f"{data}/questions") if line.strip()]
for question, kind in questions:
    response = '{"boolean":true}' if kind == "truefalse" else '{"choices":[0]}'
    for employee, attempt in attempts:
        print(tokens[employee], attempt.upper(), question.upper(), response)
PY
run_wrk save "$DATA/answer-lines" >"$DATA/r-save"

FULL=$((QUESTIONS + 1))
echo "SELECT COUNT(*) FROM quiz_attempts;" | bench_sql >"$DATA/c-attempts"
echo "SELECT COUNT(*) FROM quiz_attempts WHERE revision = $FULL;" | bench_sql >"$DATA/c-complete"

python3 - "$DATA" "$LEARNERS" "$QUESTIONS" "$CONFIG" "${DATABASE_URL:+PostgreSQL}" "$CONCURRENCY" <<'PY'
import sys
data, learners, questions, config, db, concurrency = sys.argv[1:7]
db = db or "SQLite"
def result(name):
    fields = open(f"{data}/r-{name}").read().split()
    return dict(requests=int(fields[2]), rps=float(fields[3]), p50=float(fields[4]), p90=float(fields[5]),
                p99=float(fields[6]), non2xx=int(fields[7]), socket=int(fields[8]), rejected=int(fields[9]))
base = result("health")
print(f"Quiz load: {learners} learners x {questions} questions, {config} build, {db}, "
      f"wrk, {concurrency} connections")
print(f"  {'':26s} {'requests':>8s} {'req/s':>8s} {'p50 ms':>8s} {'p90 ms':>8s} {'p99 ms':>8s}"
      f" {'p50 x base':>10s} {'req/s / base':>12s}  errors")
for label, name in [("/healthz (baseline)", "health"), ("start attempt (API)", "start"),
                    ("save answer (sync API)", "save")]:
    r = result(name)
    errors = f"{r['non2xx']} non-2xx, {r['socket']} socket, {r['rejected']} rejected"
    print(f"  {label:26s} {r['requests']:8d} {r['rps']:8.1f} {r['p50']:8.2f} {r['p90']:8.2f} {r['p99']:8.2f}"
          f" {r['p50'] / base['p50']:10.1f} {r['rps'] / base['rps']:12.3f}  {errors}")
attempts = open(f"{data}/c-attempts").read().strip()
complete = open(f"{data}/c-complete").read().strip()
print(f"  attempts stored: {attempts} of {learners}; holding all {questions} answers: {complete}")
PY
