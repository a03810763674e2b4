# Shared functions of the bench/run-*.sh scripts (sourced, not run). Everything listens on 127.0.0.1 only.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
export JAVA_HOME=${JAVA_HOME_BENCH:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
# COURRIEL_JAR= runs another build's jar (e.g. another worktree's, to compare two commits); its deploy test classes
# are taken from beside it (deploy/target/test-classes). SKIP_BUILD=1 is implied for a jar given this way.
JAR=${COURRIEL_JAR:-$ROOT/deploy/target/courriel.jar}
DEPLOY_TEST_CLASSES=$(dirname "$JAR")/test-classes
if [[ -n ${COURRIEL_JAR:-} ]]; then SKIP_BUILD=1; fi
# COURRIEL_EXTRA_ARGS= "--a=b --c=d": Spring arguments added to every server start (split on spaces).
read -r -a COURRIEL_EXTRA <<<"${COURRIEL_EXTRA_ARGS:-}"
WORK=${WORK:-/var/tmp/courriel-bench}
# Fixed high ports, far from the defaults so a developer's running server is not disturbed.
MX_PORT=${MX_PORT:-42525}
IMAP_PORT=${IMAP_PORT:-41143}
HTTP_PORT=${HTTP_PORT:-48080}
MGMT_PORT=${MGMT_PORT:-48081}
DOMAIN=${DOMAIN:-bench.example.org}
PASSWORD='bench password'
# The admin command line starts a whole Spring context per call: class data sharing and C1 only halve that.
CLI_JVM_OPTS=(-XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$WORK/courriel-cli.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
COURRIEL_PID=

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

load() { uptime | sed 's/.*load average: /load average (1, 5, 15 min): /'; }

build_jar() {
    if [[ ${SKIP_BUILD:-0} != 1 ]]; then
        log "building $JAR"
        (cd "$ROOT" && ./mvnw -B -q -pl deploy -am package -DskipTests)
    fi
    [[ -f $JAR ]] || { echo "no $JAR" >&2; exit 1; }
}

# The H2 jar inside the Spring Boot jar, for counting rows through the running server (AUTO_SERVER).
h2_jar() {
    local h2
    h2=$(ls "$WORK"/h2-*.jar 2>/dev/null | head -1)
    if [[ -z $h2 ]]; then
        (cd "$WORK" && unzip -q -j -o "$JAR" 'BOOT-INF/lib/h2-*.jar')
        h2=$(ls "$WORK"/h2-*.jar | head -1)
    fi
    echo "$h2"
}

# h2_sql DATA_DIR SQL: runs SQL on the data directory's database (through the server when it runs).
h2_sql() {
    "$JAVA" -cp "$(h2_jar)" org.h2.tools.Shell -url "jdbc:h2:file:$1/courriel;AUTO_SERVER=TRUE" -user sa -password '' -sql "$2"
}

courriel_cli() {   # courriel_cli DATA_DIR ARGS...
    local data=$1
    shift
    "$JAVA" "${CLI_JVM_OPTS[@]}" -jar "$JAR" "--courriel.data-dir=$data" --logging.level.root=WARN "$@"
}

# create_users DATA_DIR COUNT: the domain and u0..u(COUNT-1)@DOMAIN, with the admin command line.
# REUSE_USERS=1: the first run keeps a copy of the data directory with just those users in WORK, later runs start
# from a copy of it (the command line costs minutes on a busy machine; runs that compare builds repeat this a lot).
create_users() {
    local data=$1 count=$2 i template
    template=$WORK/users-template-$count
    if [[ ${REUSE_USERS:-0} == 1 && -d $template ]]; then
        cp -a "$template/." "$data/"
        log "domain $DOMAIN and $count users copied from $template"
        return 0
    fi
    courriel_cli "$data" domain add "$DOMAIN" >/dev/null
    for ((i = 0; i < count; i++)); do
        courriel_cli "$data" user add "u$i@$DOMAIN" --password "$PASSWORD" >/dev/null
    done
    log "domain $DOMAIN and $count users created in $data"
    if [[ ${REUSE_USERS:-0} == 1 ]]; then
        rm -rf "$template.tmp" && cp -a "$data" "$template.tmp" && mv "$template.tmp" "$template"
    fi
}

# courriel_start DATA_DIR LOGFILE [extra JVM or Spring arguments as COURRIEL_JVM_OPTS / COURRIEL_ARGS arrays]
# Only the listeners a bench uses, on the ports above: POP3 and ManageSieve stay off, since their fixed default
# ports would clash between benches run side by side (another engineer's bench, a developer's server).
# LAUNCHER=1: start the server as the service does, through deploy/bin/courriel (the jar extracted once, with
# the JDK AOT cache its training run makes, in $WORK/launcher-cache); else java -jar.
courriel_start() {
    local data=$1 logfile=$2
    local start=("$JAVA" "${COURRIEL_JVM_OPTS[@]}" -jar "$JAR")
    if [[ ${LAUNCHER:-0} == 1 ]]; then
        start=(env "JAVA_HOME=$JAVA_HOME" "COURRIEL_JAR=$JAR" "COURRIEL_CACHE=$WORK/launcher-cache"
            "COURRIEL_JAVA_OPTS=${COURRIEL_JVM_OPTS[*]}" "$ROOT/deploy/bin/courriel")
    fi
    "${start[@]}" \
        "--courriel.data-dir=$data" --courriel.hostname=mx.bench.invalid \
        --courriel.mx.bind-address=127.0.0.1 "--courriel.mx.port=$MX_PORT" \
        --courriel.mx.max-connections=2000 --courriel.mx.max-connections-per-ip=1000 \
        --courriel.submission.enabled=false --courriel.submissions.enabled=false \
        --courriel.imap.bind-address=127.0.0.1 "--courriel.imap.port=$IMAP_PORT" --courriel.imaps.port=-1 --courriel.imap.allow-plaintext-loopback=true \
        --courriel.pop3.enabled=false --courriel.managesieve.enabled=false \
        --server.address=127.0.0.1 "--server.port=$HTTP_PORT" \
        --management.server.address=127.0.0.1 "--management.server.port=$MGMT_PORT" \
        "${COURRIEL_EXTRA[@]}" "${COURRIEL_ARGS[@]}" >"$logfile" 2>&1 &
    COURRIEL_PID=$!
    local i
    for ((i = 0; i < 600; i++)); do
        if curl -fsS "http://127.0.0.1:$MGMT_PORT/actuator/health" >/dev/null 2>&1; then
            log "Courriel up (pid $COURRIEL_PID, log $logfile)"
            return 0
        fi
        if ! kill -0 "$COURRIEL_PID" 2>/dev/null; then
            tail -30 "$logfile" >&2
            echo "Courriel did not start" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "Courriel not healthy after 300 s" >&2
    exit 1
}

courriel_stop() {
    if [[ -n $COURRIEL_PID ]] && kill -0 "$COURRIEL_PID" 2>/dev/null; then
        kill "$COURRIEL_PID"
        wait "$COURRIEL_PID" 2>/dev/null || true
    fi
    COURRIEL_PID=
}

# The store's group-commit figures from the Prometheus endpoint.
store_metrics() {
    curl -fsS "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" |
        grep -E '^courriel_store_(commit_batch|commit_seconds|sync_seconds)_(count|sum|max)' || true
}

# cpu_seconds PID: user + system CPU time the process has used so far (from /proc, in clock ticks).
cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / hz}' "/proc/$1/stat"
}

generator() {   # runs bench/src/SmtpLoadGenerator.java with the given arguments
    "$JAVA" "$BENCH_DIR/src/SmtpLoadGenerator.java" "$@"
}

# --- Dovecot 2.3 from Debian's dovecot-imapd, the reference of the IMAP benches

DOVECOT_PID=

dovecot_find() {
    command -v dovecot >/dev/null || [[ -x /usr/sbin/dovecot ]] || { echo "install Debian's dovecot-imapd" >&2; exit 1; }
    DOVECOT=$(command -v dovecot || echo /usr/sbin/dovecot)
    DOVEADM=$(command -v doveadm || echo /usr/bin/doveadm)
}

# dovecot_configure DIR PORT: a configuration and state of its own under DIR (users in DIR/passwd, which the
# caller writes; Maildir under DIR/mail/USER; optional settings in DIR/auth-cache.conf); plain IMAP on
# 127.0.0.1:PORT. Run as root, its processes drop to Debian's dovecot/dovenull users.
dovecot_configure() {
    local dir=$1 port=$2 internal login
    rm -rf "$dir"
    mkdir -p "$dir/mail" "$dir/state" "$dir/run"
    chmod 755 "$dir"
    if [[ $(id -u) == 0 ]]; then
        internal=dovecot login=dovenull
        chown dovecot:dovecot "$dir/mail"
    else
        internal=$(id -un) login=$(id -un)
    fi
    cat >"$dir/dovecot.conf" <<EOF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
!include_try $dir/auth-cache.conf
auth_mechanisms = plain login
default_internal_user = $internal
default_login_user = $login
first_valid_uid = 0
first_valid_gid = 0
mail_location = maildir:$dir/mail/%u
passdb {
  driver = passwd-file
  args = $dir/passwd
}
userdb {
  driver = passwd-file
  args = $dir/passwd
  default_fields = uid=$(stat -c %u "$dir/mail") gid=$(stat -c %g "$dir/mail")
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $port
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
}

dovecot_start() {   # dovecot_start DIR PORT
    "$DOVECOT" -F -c "$1/dovecot.conf" >>"$1/dovecot.out" 2>&1 &
    DOVECOT_PID=$!
    local i
    for ((i = 0; i < 100; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && break
        kill -0 "$DOVECOT_PID" 2>/dev/null || { cat "$1/dovecot.out" "$1/dovecot.log" >&2; exit 1; }
        sleep 0.2
    done
    log "Dovecot up (pid $DOVECOT_PID, port $2)"
}

dovecot_stop() {
    if [[ -n $DOVECOT_PID ]] && kill -0 "$DOVECOT_PID" 2>/dev/null; then
        kill "$DOVECOT_PID"
        wait "$DOVECOT_PID" 2>/dev/null || true
    fi
    DOVECOT_PID=
}

# --- PostgreSQL from Debian's packages: a cluster of the bench's own in PG_DATA (the caller sets it) on PG_PORT,
# superuser and database both named courriel, trust authentication on 127.0.0.1 only

PG_PORT=${PG_PORT:-45432}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

pg_start() {
    [[ -x $PG_BIN/initdb ]] || { echo "PostgreSQL is missing (apt-get install postgresql)" >&2; exit 1; }
    pg_stop
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA" && chown postgres "$PG_DATA"
    su postgres -s /bin/sh -c "'$PG_BIN/initdb' -D '$PG_DATA' -U courriel --auth=trust -E UTF8" >"$PG_DATA.init.log" 2>&1
    su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$PG_DATA/log' -w -o '-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1' start" >/dev/null
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U courriel courriel
}

pg_resume() {   # starts the cluster pg_start made earlier, its data as it was
    [[ -f $PG_DATA/PG_VERSION ]] || { echo "no PostgreSQL cluster in $PG_DATA: run without SKIP_FILL" >&2; exit 1; }
    pg_stop
    su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$PG_DATA/log' -w -o '-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1' start" >/dev/null
}

pg_stop() {
    if [[ -n ${PG_DATA:-} && -f $PG_DATA/postmaster.pid ]]; then
        su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m fast -w stop" >/dev/null 2>&1 || true
    fi
}

# The Spring arguments that put the store on that cluster.
PG_STORE_ARGS=("--spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/courriel"
    --spring.datasource.username=courriel --spring.datasource.password=)

# --- Postfix from Debian's package, the reference of the ingest benches: smtpd on 127.0.0.1:POSTFIX_PORT (the caller
# sets POSTFIX_PORT, VMAIL, USERS), virtual(8) delivery of u0..u(USERS-1)@DOMAIN to Maildirs under VMAIL.
postfix_setup() {
    if ! command -v postfix >/dev/null; then
        echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
        echo "postfix postfix/mailname string mx.bench.invalid" | debconf-set-selections
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix >"$WORK/apt-postfix.log"
    fi
    id benchvmail >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin benchvmail
    rm -rf "$VMAIL"
    mkdir -p "$VMAIL"
    chown benchvmail:benchvmail "$VMAIL"
    local i
    : >/etc/postfix/bench_vmailbox
    for ((i = 0; i < USERS; i++)); do
        echo "u$i@$DOMAIN $DOMAIN/u$i/" >>/etc/postfix/bench_vmailbox   # trailing slash: Maildir
    done
    postmap /etc/postfix/bench_vmailbox
    # Only what a virtual-domain Maildir server needs; every fsync and queue setting stays at its default.
    postconf -e \
        "inet_interfaces = loopback-only" "inet_protocols = ipv4" \
        "myhostname = mx.bench.invalid" "mydestination = localhost" \
        "virtual_mailbox_domains = $DOMAIN" "virtual_mailbox_maps = hash:/etc/postfix/bench_vmailbox" \
        "virtual_mailbox_base = $VMAIL" \
        "virtual_uid_maps = static:$(id -u benchvmail)" "virtual_gid_maps = static:$(id -g benchvmail)" \
        "maillog_file = $WORK/postfix.log"
    if ! grep -q "^127.0.0.1:$POSTFIX_PORT " /etc/postfix/master.cf; then
        echo "127.0.0.1:$POSTFIX_PORT inet n - y - - smtpd" >>/etc/postfix/master.cf
    fi
    /usr/lib/postfix/configure-instance.sh - 2>/dev/null || true   # Debian: copies what the chroot needs
    postfix check
    if postfix status >/dev/null 2>&1; then
        postfix stop >/dev/null 2>&1 || true
        sleep 2
    fi
    postsuper -d ALL >/dev/null 2>&1 || true
    postfix start >/dev/null 2>&1
    local j
    for ((j = 0; j < 50; j++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$POSTFIX_PORT") 2>/dev/null && return 0
        sleep 0.2
    done
    echo "Postfix does not listen on 127.0.0.1:$POSTFIX_PORT" >&2
    exit 1
}

count_postfix() { find "$VMAIL" -path '*/new/*' -type f 2>/dev/null | wc -l; }

# CPU seconds used by Postfix: its live processes (smtpd, cleanup, qmgr, virtual... stay up between uses) plus
# what the master has reaped from the ones that exited (cutime, cstime).
postfix_cpu() {
    local pid exe total=0 hz
    hz=$(getconf CLK_TCK)
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
        exe=$(readlink "/proc/$pid/exe" 2>/dev/null || true)
        [[ $exe == /usr/lib/postfix/sbin/* || $exe == /usr/sbin/postlogd ]] || continue
        total=$(awk -v t="$total" -v exe="$exe" '{ c = $14 + $15; if (exe ~ /master$/) c += $16 + $17; print t + c }' "/proc/$pid/stat")
    done
    awk -v t="$total" -v hz="$hz" 'BEGIN {printf "%.2f\n", t / hz}'
}

queue_empty() { postqueue -p 2>/dev/null | grep -q 'Mail queue is empty'; }
