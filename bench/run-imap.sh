#!/usr/bin/env bash
# IMAP mixed load (issue 9): CLIENTS clients, each on its own account, repeat LOGIN SELECT FETCH STORE SEARCH APPEND
# STORE-\Deleted EXPUNGE LOGOUT (mode cycle: a new connection per cycle; mode session: one session per client),
# against Courriel and Debian's Dovecot 2.3 in the same run, alternating; both hash passwords with bcrypt cost 10.
# bench/src/ImapMixedLoad.java prints commands/s, LOGIN p50/p99 and each command's mean and p99. See bench/README.md.
#
#   bench/run-imap.sh        CLIENTS=10 DURATION=30 WARMUP=5 ROUNDS=2 MODES="cycle session" AUTH_CACHE_ROUND=1 SKIP_BUILD=1 PROFILE=1
#   MX_PORT=44525 IMAP_PORT=44143 HTTP_PORT=44080 MGMT_PORT=44081 DOVECOT_PORT=44144 WORK=/var/tmp/courriel-bench-imap
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CLIENTS=${CLIENTS:-10}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-2}
MODES=${MODES:-cycle session}
SEED=${SEED:-20}
DOVECOT_PORT=${DOVECOT_PORT:-44144}
DATA=$WORK/imap-data
DOVECOT_DIR=$WORK/imap-dovecot
RESULTS=$WORK/imap-results.txt

mkdir -p "$WORK"
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
trap 'courriel_stop; dovecot_stop' EXIT
dovecot_find

say "== IMAP mixed load $(date -u +%Y-%m-%dT%H:%M:%SZ): $CLIENTS clients, ${DURATION}s windows after ${WARMUP}s warm-up, modes: $MODES, $ROUNDS rounds, $(nproc) cores"
say "   Courriel $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'), Dovecot $("$DOVECOT" --version)"
say "   before: $(load)"
build_jar
[[ -d $DEPLOY_TEST_CLASSES/courriel/bench ]] || { echo "no deploy test classes: build without SKIP_BUILD" >&2; exit 1; }

# --- Courriel: accounts u0..u(CLIENTS-1)@DOMAIN in one process, bcrypt at the default cost 10
rm -rf "$DATA"
mkdir -p "$DATA"
"$JAVA" -Dbench.cheapHash=false -Dloader.path="$DEPLOY_TEST_CLASSES" -Dloader.main=courriel.bench.CreateAccounts \
    -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher u "$CLIENTS" "$DOMAIN" "$PASSWORD" \
    "--courriel.data-dir=$DATA" | tee -a "$RESULTS"
COURRIEL_JVM_OPTS=()
if [[ ${PROFILE:-0} == 1 ]]; then   # a JFR recording of the whole run: $WORK/courriel-imap.jfr
    COURRIEL_JVM_OPTS=("-XX:StartFlightRecording=filename=$WORK/courriel-imap.jfr,settings=profile")
fi
COURRIEL_ARGS=()
courriel_start "$DATA" "$WORK/courriel-imap.log"

# --- Dovecot: its own configuration and state under DOVECOT_DIR (lib.sh), passwd-file users with {BLF-CRYPT} cost 10
dovecot_configure "$DOVECOT_DIR" "$DOVECOT_PORT"
HASH=$("$DOVEADM" -c "$DOVECOT_DIR/dovecot.conf" pw -s BLF-CRYPT -r 10 -p "$PASSWORD")
for ((i = 0; i < CLIENTS; i++)); do
    echo "u$i@$DOMAIN:$HASH::::"
done >"$DOVECOT_DIR/passwd"
say "   Dovecot passwords: ${HASH:0:16}... (bcrypt cost 10, as Courriel's)"
dovecot_start "$DOVECOT_DIR" "$DOVECOT_PORT"

run() {   # run NAME PORT MODE
    say "-- $1, mode $3, $(load)"
    "$JAVA" "$BENCH_DIR/src/ImapMixedLoad.java" "$1" "$2" "$CLIENTS" u "$DOMAIN" "$PASSWORD" "$3" "$DURATION" "$WARMUP" "$SEED" |
        tee -a "$RESULTS"
}
for ((round = 1; round <= ROUNDS; round++)); do
    for mode in $MODES; do
        run courriel "$IMAP_PORT" "$mode"
        run dovecot "$DOVECOT_PORT" "$mode"
    done
done
# AUTH_CACHE_ROUND=1 (default): one more round with Dovecot's own authentication cache on (auth_cache_size, off
# by default; TTL 60 s as Courriel's credential cache). Dovecot's cache keeps the passdb's answer, the hash
# included, and still verifies the password against that hash at each login: the round shows what it saves.
if [[ ${AUTH_CACHE_ROUND:-1} == 1 ]]; then
    dovecot_stop
    printf 'auth_cache_size = 10M\nauth_cache_ttl = 60 s\n' >"$DOVECOT_DIR/auth-cache.conf"
    dovecot_start "$DOVECOT_DIR" "$DOVECOT_PORT"
    for mode in $MODES; do
        run courriel "$IMAP_PORT" "$mode"
        run dovecot+auth_cache "$DOVECOT_PORT" "$mode"
    done
fi
say "   Courriel CPU: $(cpu_seconds "$COURRIEL_PID") s"
courriel_stop
dovecot_stop
say "   after: $(load)"
say "-- summary (commands/s, LOGIN p50/p99)"
grep -E "^(RESULT|LOGIN)" "$RESULTS"
