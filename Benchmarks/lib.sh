# shellcheck shell=bash
# What the benchmark scripts share. They `source Benchmarks/lib.sh` from the repository root,
# after setting CONFIG (and RUNS, for bench_time_runs).
#
#   bench_build_lontar OUTPUT      sets BIN: builds the lontar product (`swift build -c "$CONFIG"`)
#                                  and finds its binary. OUTPUT is what the build shows: stderr
#                                  (its standard output dropped) or tail (all of it held back, the
#                                  last 30 lines shown if it fails). With LONTAR_BIN set nothing is
#                                  built: BIN=$LONTAR_BIN (absolute, or relative to the repository
#                                  root); CONFIG then only labels the report, so keep them matching.
#   bench_start_server SECONDS     starts "$BIN" serve on a free local port with a fresh temporary
#                                  data folder and waits up to SECONDS for /readyz.
#                                  Sets DATA, PORT, BASE, PASSWORD (the admin's), SERVER (its pid)
#                                  and an EXIT trap that stops the server and removes DATA. Call it
#                                  directly, not in $(...) or a pipeline, so these reach the script.
#   bench_sql                      runs SQL from stdin against the server's database, printing rows
#                                  one per line: psql when DATABASE_URL is set, else sqlite3.
#   bench_dialect                  prints postgres or sqlite, the database bench_sql talks to.
#   bench_api_token                prints an API bearer token of the admin.
#   bench_add_agency CODE NAME     creates an agency through the API (with the token in TOKEN).
#   bench_import_employees N CODE  imports N generated civil servants of agency CODE through the
#                                  API (with the token in TOKEN); the CSV is $DATA/employees.csv.
#   bench_sign_in JAR              signs in as admin like a browser (session cookie + CSRF token
#                                  of the /masuk form), keeping the cookies in the file JAR.
#   bench_time_runs PATH [ARGS]    GETs PATH once to warm up, then RUNS times with the cookies in
#                                  JAR (and extra curl ARGS), printing one
#                                  "seconds status bytes first-byte-seconds" line per run.

bench_build_lontar() {
    if [ -n "${LONTAR_BIN:-}" ]; then
        [ -x "$LONTAR_BIN" ] || { echo "LONTAR_BIN=$LONTAR_BIN is not an executable" >&2; exit 1; }
        BIN=$LONTAR_BIN
        return
    fi
    case $1 in
        stderr) swift build -c "$CONFIG" --product lontar >/dev/null ;;
        tail)
            local build
            if ! build=$(swift build -c "$CONFIG" --product lontar 2>&1); then echo "$build" | tail -30 >&2; exit 1; fi
            ;;
        *) echo "bench_build_lontar: OUTPUT is stderr or tail, not '$1'" >&2; exit 1 ;;
    esac
    BIN=$(swift build -c "$CONFIG" --show-bin-path)/lontar
}

bench_start_server() {
    local tries=$(($1 * 5))  # one try every 0.2 s
    DATA=$(mktemp -d)
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    PASSWORD="Bench-sandi-2026"
    export LONTAR_DATA_DIR="$DATA" LONTAR_ADMIN_PASSWORD="$PASSWORD"
    "$BIN" serve --hostname 127.0.0.1 --port "$PORT" >"$DATA/server.log" 2>&1 &
    SERVER=$!
    # A trap set in a function is the script's own: it runs when the script exits.
    trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
    BASE="http://127.0.0.1:$PORT"
    for _ in $(seq 1 "$tries"); do curl -fs "$BASE/readyz" >/dev/null && break; sleep 0.2; done
}

bench_sql() {
    if [ -n "${DATABASE_URL:-}" ]; then psql "$DATABASE_URL" -qAt -v ON_ERROR_STOP=1; else sqlite3 "$DATA/lontar.sqlite"; fi
}

bench_dialect() {
    if [ -n "${DATABASE_URL:-}" ]; then echo postgres; else echo sqlite; fi
}

bench_api_token() {
    curl -fs -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

bench_add_agency() {
    curl -fs -o /dev/null -X POST "$BASE/api/v1/agencies" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' -d "{\"code\":\"$1\",\"name\":\"$2\"}"
}

bench_import_employees() {
    python3 Benchmarks/gen_employees.py "$1" "$2" 0 >"$DATA/employees.csv"
    curl -fs -o /dev/null -X POST "$BASE/api/v1/employees/import" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: text/csv' --data-binary "@$DATA/employees.csv"
}

bench_sign_in() {
    local jar=$1 csrf
    csrf=$(curl -fs -c "$jar" "$BASE/masuk" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)
    curl -fs -o /dev/null -b "$jar" -c "$jar" -X POST "$BASE/masuk" \
        --data-urlencode "_csrf=$csrf" --data-urlencode "identifier=admin" --data-urlencode "password=$PASSWORD"
}

bench_time_runs() {
    local path=$1
    shift
    curl -s -o /dev/null -b "$JAR" "$@" "$BASE$path"
    for _ in $(seq 1 "$RUNS"); do
        curl -s -o /dev/null -b "$JAR" "$@" -w '%{time_total} %{http_code} %{size_download} %{time_starttransfer}\n' "$BASE$path"
    done
}
