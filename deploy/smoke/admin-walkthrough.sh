#!/usr/bin/env bash
# The README's quickstart as a new admin follows it, on the packaged jar (deploy/target/courriel.jar) run by
# deploy/bin/courriel on the embedded H2 store: start the server, `courriel quickstart admin@example.org`
# (the password it prints is the one used below), `courriel status`, a message sent over SMTP submission and
# read over IMAP, `courriel log MESSAGE-ID` finding its received and delivered lines, `courriel backup DIR`
# while the server runs, `courriel restore DIR` into a fresh data directory and a second server started on
# it that holds the message, then `courriel import` of a Maildir and of an mboxrd file (both made here) and
# their messages found over IMAP, and `courriel import imap://...` of that account into another one (the
# second server playing the old IMAP server). The mail client is deploy/smoke/walkthrough_mail.py.
#
#   deploy/smoke/admin-walkthrough.sh      # builds the jar first if it is missing
#
# Needs java 21+ (found by deploy/bin/courriel), python3 and curl. Each server runs in a directory of its own
# under a temporary one (removed at the end; WALK_KEEP=1 keeps it), with an application.yml there that puts
# every listener on a free 127.0.0.1 port: the admin's commands are those of the README, word for word. The
# launcher's extraction cache is kept in the temporary directory too. The run is bounded by WALK_TIMEOUT
# seconds; a failure says which step, and prints the end of each server's log.
set -euo pipefail

WALK_TIMEOUT=${WALK_TIMEOUT:-420}
if [ -z "${WALK_UNDER_TIMEOUT:-}" ]; then
  WALK_UNDER_TIMEOUT=1 exec timeout --kill-after=20 "$WALK_TIMEOUT" bash "$0" "$@"
fi

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export COURRIEL_JAR=${COURRIEL_JAR:-$ROOT/deploy/target/courriel.jar}
MAIL=$ROOT/deploy/smoke/walkthrough_mail.py

exec 3>&2
say() { echo "walkthrough: [${SECONDS}s] $*"; }
fail() { echo "walkthrough: FAILED: $*" >&3; exit 1; }

for tool in python3 curl; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (apt-get install python3 curl)"
done
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64   # for the launcher and the Maven wrapper
fi
if [ ! -f "$COURRIEL_JAR" ]; then
  say "building $COURRIEL_JAR"
  ./mvnw -B -q -pl deploy -am package -DskipTests
fi

WORK=$(mktemp -d /tmp/courriel-walkthrough.XXXXXX)
export COURRIEL_CLI_CACHE=$WORK/cli-cache
export COURRIEL_JAVA_OPTS="-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
PIDS=()

cleanup() {
  local status=$?
  set +e
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null
  done
  if [ "$status" != 0 ]; then
    for log in "$WORK"/*.log; do
      [ -f "$log" ] && { echo "----- last lines of $log" >&2; tail -n 40 "$log" >&2; }
    done
  fi
  if [ -n "${WALK_KEEP:-}" ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'echo "walkthrough: FAILED: stopped by SIGTERM (the ${WALK_TIMEOUT}s bound, WALK_TIMEOUT?)" >&3; exit 143' TERM
trap 'exit 130' INT

# The README: alias courriel="$PWD/deploy/bin/courriel" (a function here, aliases being off in scripts).
courriel() { "$ROOT/deploy/bin/courriel" "$@"; }

# await SECONDS WHAT COMMAND...: runs COMMAND every 0.5 s until it succeeds, fails after SECONDS.
await() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "$what: not within ${seconds}s"
    sleep 0.5
  done
}

# Free loopback ports for two servers, taken at once so that none is handed out twice.
read -r -a PORTS < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(10)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

# site NAME FIRST-PORT-INDEX: a directory for one server, whose application.yml (read by Spring Boot from the
# working directory, by the server and the commands alike) puts it on loopback; the data dir is ./data.
site() {
  local dir=$WORK/$1 i=$2
  mkdir -p "$dir"
  cat >"$dir/application.yml" <<EOF
courriel:
  hostname: walkthrough.test
  mx: { bind-address: 127.0.0.1, port: ${PORTS[i]} }
  submission: { bind-address: 127.0.0.1, port: ${PORTS[i+1]} }
  submissions: { enabled: false }
  imap: { bind-address: 127.0.0.1, port: ${PORTS[i+2]}, allow-plaintext-loopback: true }
  imaps: { port: -1 }
  pop3: { enabled: false }
  managesieve: { enabled: false }
server: { address: 127.0.0.1, port: ${PORTS[i+3]} }
management: { server: { address: 127.0.0.1, port: ${PORTS[i+4]} } }
spring: { main: { banner-mode: "off" } }
EOF
}

# start NAME MANAGEMENT-PORT: the README's `deploy/bin/courriel --courriel.maillog.file=data/maillog.log` in
# that site, until it is ready.
start() {
  local name=$1 mgmt=$2 pid
  (cd "$WORK/$name" && exec "$ROOT/deploy/bin/courriel" --courriel.maillog.file=data/maillog.log) \
    >"$WORK/$name-server.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  ready() {
    kill -0 "$pid" 2>/dev/null || fail "the server in $name exited (see its log below)"
    curl -fsS --max-time 2 "http://127.0.0.1:$mgmt/actuator/health/readiness"
  }
  await 180 "the server in $name ready (/actuator/health/readiness)" ready
  say "the server in $name is ready"
  LAST_PID=$pid
}

# --- the first server and quickstart ------------------------------------------------------------------------
site first 0
FIRST_SUBMISSION=${PORTS[1]} FIRST_IMAP=${PORTS[2]}
say "starting the server (submission $FIRST_SUBMISSION, IMAP $FIRST_IMAP)"
# The launcher extracts the jar for the admin commands on their first use: meanwhile, not after.
(cd "$WORK" && courriel help) >"$WORK/help.out" 2>&1 &
WARM_PID=$!
start first "${PORTS[4]}"
wait "$WARM_PID" || fail "courriel help (see $WORK/help.out)"
FIRST_PID=$LAST_PID
cd "$WORK/first"

OUT=$(courriel quickstart admin@example.org) || fail "courriel quickstart admin@example.org"
echo "$OUT" >"$WORK/quickstart.out"
PASSWORD=$(sed -n 's/^user admin@example.org added (administrator), password: \(.*\)$/\1/p' <<<"$OUT")
[ -n "$PASSWORD" ] || fail "courriel quickstart printed no password: $OUT"
grep -q "IMAP.*port" <<<"$OUT" || fail "courriel quickstart printed no IMAP client settings: $OUT"
say "quickstart added admin@example.org (password captured)"

OUT=$(courriel status) || fail "courriel status (exit code $?)"
echo "$OUT" >"$WORK/status.out"
grep -q "^server: *running" <<<"$OUT" || fail "courriel status does not say the server runs: $OUT"
grep -q "^store: *1 account" <<<"$OUT" || fail "courriel status does not count the quickstart's account: $OUT"
say "status: the server runs, one account"

# --- mail in and out ----------------------------------------------------------------------------------------
TOKEN=walk-$RANDOM$RANDOM
MESSAGE_ID="<$TOKEN@example.org>"
python3 "$MAIL" send "$FIRST_SUBMISSION" admin@example.org "$PASSWORD" "$MESSAGE_ID" || fail "sending over submission"
find_mail() { python3 "$MAIL" find "$@" || fail "finding $5 in $4 over IMAP"; }
await 30 "the message in INBOX over IMAP" python3 "$MAIL" find "$FIRST_IMAP" admin@example.org "$PASSWORD" INBOX "$TOKEN"
find_mail "$FIRST_IMAP" admin@example.org "$PASSWORD" INBOX "$TOKEN"

logged() {
  local lines
  lines=$(courriel log "$MESSAGE_ID") || return 1
  grep -q "message-id=$MESSAGE_ID" <<<"$lines" && grep -q "to=<admin@example.org>, mailbox=INBOX, status=delivered" <<<"$lines"
}
await 20 "courriel log $MESSAGE_ID with its received and delivered lines" logged
say "courriel log $MESSAGE_ID: received and delivered"

# --- backup while running, restore into a fresh data directory ------------------------------------------------
courriel backup "$WORK/backup" >"$WORK/backup.out" || fail "courriel backup $WORK/backup (while the server runs)"
[ -f "$WORK/backup/store.zip" ] || fail "the backup holds no store.zip"
OUT=$(courriel status) || fail "courriel status after the backup"
grep -q "^backup: *last .* to $WORK/backup" <<<"$OUT" || fail "courriel status does not show the backup: $OUT"
say "backup written while the server ran; status shows it"
kill -TERM "$FIRST_PID"   # it stops while the second one starts; the cleanup waits for it

site second 5
SECOND_IMAP=${PORTS[7]}
cd "$WORK/second"
courriel restore "$WORK/backup" >"$WORK/restore.out" || fail "courriel restore $WORK/backup into an empty data dir"
say "restored into a fresh data directory; starting a second server on it (IMAP $SECOND_IMAP)"
start second "${PORTS[9]}"
find_mail "$SECOND_IMAP" admin@example.org "$PASSWORD" INBOX "$TOKEN"

# --- import of a Maildir and of an mboxrd file --------------------------------------------------------------
mkdir -p old-maildir/{cur,new,tmp} old-maildir/.Lists/{cur,new,tmp}
printf 'From: alice@old.example.net\nTo: admin@example.org\nSubject: unseen\nMessage-ID: <new-%s@old.example.net>\n\nmaildir-new-%s\n' \
  "$TOKEN" "$TOKEN" >old-maildir/new/1700000000.M1P1.oldhost
printf 'From: list@old.example.net\nTo: admin@example.org\nSubject: read\nMessage-ID: <list-%s@old.example.net>\n\nmaildir-list-%s\n' \
  "$TOKEN" "$TOKEN" >"old-maildir/.Lists/cur/1700000001.M2P1.oldhost:2,S"
cat >old-archive.mbox <<EOF
From alice@old.example.net Mon Mar  4 10:15:00 2019
From: alice@old.example.net
To: admin@example.org
Subject: archived one
Message-ID: <mbox-one-$TOKEN@old.example.net>
Status: RO

mbox-one-$TOKEN
>From the start, a line the mbox quoted.

From bob@old.example.net Tue Mar  5 11:00:00 2019
From: bob@old.example.net
To: admin@example.org
Subject: archived two
Message-ID: <mbox-two-$TOKEN@old.example.net>

mbox-two-$TOKEN
EOF
courriel import admin@example.org old-maildir/ >"$WORK/import-maildir.out" || fail "courriel import admin@example.org old-maildir/"
courriel import admin@example.org old-archive.mbox >"$WORK/import-mbox.out" || fail "courriel import admin@example.org old-archive.mbox"
say "imported a Maildir and an mbox"
find_mail "$SECOND_IMAP" admin@example.org "$PASSWORD" INBOX "maildir-new-$TOKEN"
find_mail "$SECOND_IMAP" admin@example.org "$PASSWORD" Lists "maildir-list-$TOKEN" --flag '\Seen'
find_mail "$SECOND_IMAP" admin@example.org "$PASSWORD" old-archive "mbox-one-$TOKEN" --flag '\Seen' \
  --without '>From the start'
find_mail "$SECOND_IMAP" admin@example.org "$PASSWORD" old-archive "mbox-two-$TOKEN"

# --- import from another IMAP server: this one, as if it were the old one ----------------------------------
courriel user add carol@example.org --password 'a long secret' >/dev/null || fail "courriel user add carol@example.org"
courriel import "imap://admin%40example.org@127.0.0.1:$SECOND_IMAP" carol@example.org --tls none \
  <<<"$PASSWORD" >"$WORK/import-imap.out" || fail "courriel import imap://admin%40example.org@127.0.0.1:$SECOND_IMAP carol@example.org"
say "imported admin's mail into carol over IMAP"
find_mail "$SECOND_IMAP" carol@example.org 'a long secret' old-archive "mbox-two-$TOKEN"
find_mail "$SECOND_IMAP" carol@example.org 'a long secret' Lists "maildir-list-$TOKEN" --flag '\Seen'

say "OK in ${SECONDS}s"
