#!/usr/bin/env bash
# IMAP mixed load (issue 9): CLIENTS clients, each on its own account, repeat LOGIN SELECT FETCH STORE SEARCH APPEND
# STORE-\Deleted EXPUNGE LOGOUT (mode cycle: a new connection per cycle; mode session: one session per client),
# against Courriel and Debian's Dovecot 2.3 in the same run, alternating; both hash passwords with bcrypt cost 10.
# bench/src/ImapMixedLoad.java prints commands/s, LOGIN p50/p99 and each command's mean and p99. See bench/README.md.
#
#   bench/run-imap.sh        CLIENTS=10 DURATION=30 WARMUP=5 ROUNDS=2 MODES="cycle session" AUTH_CACHE_ROUND=1 SKIP_BUILD=1
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
DOVECOT_PID=

mkdir -p "$WORK"
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }
dovecot_stop() {
    if [[ -n $DOVECOT_PID ]] && kill -0 "$DOVECOT_PID" 2>/dev/null; then
        kill "$DOVECOT_PID"
        wait "$DOVECOT_PID" 2>/dev/null || true
    fi
    DOVECOT_PID=
}
trap 'courriel_stop; dovecot_stop' EXIT
command -v dovecot >/dev/null || [[ -x /usr/sbin/dovecot ]] || { echo "install Debian's dovecot-imapd" >&2; exit 1; }
DOVECOT=$(command -v dovecot || echo /usr/sbin/dovecot)
DOVEADM=$(command -v doveadm || echo /usr/bin/doveadm)

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
COURRIEL_ARGS=()
courriel_start "$DATA" "$WORK/courriel-imap.log"

# --- Dovecot: its own configuration and state under DOVECOT_DIR, passwd-file users with {BLF-CRYPT} cost 10,
# Maildir under DOVECOT_DIR/mail; run as root its processes drop to Debian's dovecot/dovenull users.
rm -rf "$DOVECOT_DIR"
mkdir -p "$DOVECOT_DIR/mail" "$DOVECOT_DIR/state" "$DOVECOT_DIR/run"
chmod 755 "$DOVECOT_DIR"
if [[ $(id -u) == 0 ]]; then
    INTERNAL_USER=dovecot LOGIN_USER=dovenull
    chown dovecot:dovecot "$DOVECOT_DIR/mail"
else
    INTERNAL_USER=$(id -un) LOGIN_USER=$(id -un)
fi
cat >"$DOVECOT_DIR/dovecot.conf" <<EOF
base_dir = $DOVECOT_DIR/run
state_dir = $DOVECOT_DIR/state
log_path = $DOVECOT_DIR/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
!include_try $DOVECOT_DIR/auth-cache.conf
auth_mechanisms = plain login
default_internal_user = $INTERNAL_USER
default_login_user = $LOGIN_USER
first_valid_uid = 0
first_valid_gid = 0
mail_location = maildir:$DOVECOT_DIR/mail/%u
passdb {
  driver = passwd-file
  args = $DOVECOT_DIR/passwd
}
userdb {
  driver = passwd-file
  args = $DOVECOT_DIR/passwd
  default_fields = uid=$(stat -c %u "$DOVECOT_DIR/mail") gid=$(stat -c %g "$DOVECOT_DIR/mail")
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $DOVECOT_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
namespace inbox {
  inbox = yes
  separator = /
}
EOF
HASH=$("$DOVEADM" -c "$DOVECOT_DIR/dovecot.conf" pw -s BLF-CRYPT -r 10 -p "$PASSWORD")
for ((i = 0; i < CLIENTS; i++)); do
    echo "u$i@$DOMAIN:$HASH::::"
done >"$DOVECOT_DIR/passwd"
say "   Dovecot passwords: ${HASH:0:16}... (bcrypt cost 10, as Courriel's)"
dovecot_start() {
    "$DOVECOT" -F -c "$DOVECOT_DIR/dovecot.conf" >>"$DOVECOT_DIR/dovecot.out" 2>&1 &
    DOVECOT_PID=$!
    local i
    for ((i = 0; i < 100; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$DOVECOT_PORT") 2>/dev/null && break
        kill -0 "$DOVECOT_PID" 2>/dev/null || { cat "$DOVECOT_DIR/dovecot.out" "$DOVECOT_DIR/dovecot.log" >&2; exit 1; }
        sleep 0.2
    done
    log "Dovecot up (pid $DOVECOT_PID, port $DOVECOT_PORT)"
}
dovecot_start

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
    dovecot_start
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
