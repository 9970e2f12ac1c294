#!/usr/bin/env bash
# Page weight: what a learner's phone downloads for the e-learning pages, as sent (compressed)
# and as it would be without compression, with gzip -9 of the same body for reference.
#
# Starts nothing: point it at a running server and a signed-in learner's session cookie.
#
#   Benchmarks/page-weight.sh http://127.0.0.1:8080 '<lontar_session cookie value>' \
#       [course path] [lesson path] [attempt path]
#
# Without the last three it finds them itself: the first course in /kursus, its first lesson,
# and the attempt page its first quiz's "continue" link leads to (if an attempt is under way).
# To get the cookie: sign in with a browser and copy `lontar_session`, or with curl:
#   curl -s -c jar -b jar BASE/masuk -o page.html        # a session and its CSRF token
#   curl -s -c jar -b jar --data-urlencode "_csrf=<the _csrf value in page.html>" \
#        --data-urlencode identifier=<NIP> --data-urlencode password=<password> BASE/masuk
#   awk '$6=="lontar_session"{print $7}' jar
set -euo pipefail

BASE=${1:?usage: page-weight.sh BASE_URL SESSION_COOKIE [course] [lesson] [attempt]}
COOKIE=${2:?the lontar_session cookie of a signed-in learner}
COURSE=${3:-}
LESSON=${4:-}
ATTEMPT=${5:-}
BASE=${BASE%/}
UUID='[0-9A-Fa-f-]\{36\}'

fetch() { curl -s -b "lontar_session=$COOKIE" "$@"; }
first() { grep -o "$1" | head -n1 || true; }

if [ -z "$COURSE" ]; then COURSE=$(fetch "$BASE/kursus" | first "/kursus/$UUID\""); COURSE=${COURSE%\"}; fi
if [ -n "$COURSE" ] && [ -z "$LESSON" ]; then LESSON=$(fetch "$BASE$COURSE" | first "/materi/$UUID\""); LESSON=${LESSON%\"}; fi
if [ -n "$COURSE" ] && [ -z "$ATTEMPT" ]; then
    QUIZ=$(fetch "$BASE$COURSE" | first "/kuis/$UUID\"")
    QUIZ=${QUIZ%\"}
    if [ -z "$QUIZ" ] && [ -n "$LESSON" ]; then
        # The quiz may only be linked from its lesson page.
        for lesson in $(fetch "$BASE$COURSE" | grep -o "/materi/$UUID" | sort -u); do
            QUIZ=$(fetch "$BASE$lesson" | first "/kuis/$UUID\""); QUIZ=${QUIZ%\"}
            [ -n "$QUIZ" ] && break
        done
    fi
    if [ -n "$QUIZ" ]; then ATTEMPT=$(fetch "$BASE$QUIZ" | first "/percobaan/$UUID\""); ATTEMPT=${ATTEMPT%\"}; fi
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# name, path, whether the learner's cookie goes along
ROWS=(
    "course home|$COURSE|yes"
    "lesson page|$LESSON|yes"
    "quiz attempt|$ATTEMPT|yes"
    "sign-in page|/masuk|no"
    "lontar.css|/static/lontar.css|no"
    "lontar.js|/static/lontar.js|no"
    "learn.js|/static/learn.js|no"
    "favicon.svg|/static/favicon.svg|no"
    "sw.js|/sw.js|no"
    "manifest|/manifest.webmanifest|no"
)

printf '%-14s %-6s %10s %10s %10s  %-9s %s\n' page status raw sent gzip-9 encoding path
printf '%-14s %-6s %10s %10s %10s  %-9s %s\n' -------------- ------ ---------- ---------- ---------- --------- ----
compressed_any=no
for row in "${ROWS[@]}"; do
    IFS='|' read -r name path withCookie <<<"$row"
    if [ -z "$path" ]; then
        printf '%-14s %-6s %10s %10s %10s  %-9s %s\n' "$name" - - - - - "(not found: pass it as an argument)"
        continue
    fi
    jar=()
    [ "$withCookie" = yes ] && jar=(-b "lontar_session=$COOKIE")
    # As the phone gets it: compression offered, bytes counted as they arrive.
    read -r status sent < <(curl -s "${jar[@]}" --compressed -D "$TMP/headers" -o /dev/null \
        -w '%{http_code} %{size_download}\n' "$BASE$path")
    encoding=$(grep -i '^content-encoding:' "$TMP/headers" | tr -d '\r' | awk '{print $2}' || true)
    [ -n "$encoding" ] && compressed_any=yes
    # Without compression, and what gzip -9 would make of the same body.
    curl -s "${jar[@]}" -H 'Accept-Encoding: identity' -o "$TMP/body" "$BASE$path"
    raw=$(wc -c <"$TMP/body")
    gz=$(gzip -9 -c "$TMP/body" | wc -c)
    printf '%-14s %-6s %10s %10s %10s  %-9s %s\n' "$name" "$status" "$raw" "$sent" "$gz" "${encoding:-none}" "$path"
done

echo
if [ "$compressed_any" = yes ]; then
    echo "The server compresses responses (Configure: app.http.server.configuration.responseCompression)."
else
    echo "The server sent nothing compressed: responseCompression is off, or a proxy strips it."
fi
echo "A lesson page should stay under 30 KB compressed without its media; CSS and scripts are"
echo "cached by the service worker after the first visit."
