#!/usr/bin/env bash
# What inbound SPF, DKIM and DMARC verification costs at the ingest bench's load: the same DKIM-signed message
# (RSA 2048, signed once by dkimpy's dkimsign) sent by bench/src/SmtpLoadGenerator.java to Courriel with the
# checks off, then on, against a loopback DNS (bench/src/bench_dns.py, python3 standard library) that serves the
# sender domain's SPF, DKIM key and DMARC p=reject. Prints msg/s and ms of Courriel CPU per message for each,
# and the difference. See bench/README.md.
#
#   bench/run-ingest-verify.sh
#   CONNECTIONS=50 MESSAGES=100 RECIPIENTS=3 USERS=10 SIZE=4096 SKIP_BUILD=1 DNS_PORT=42553 ...
#
# Needs python3-dkim (dkimsign, dknewkey). Everything listens on 127.0.0.1 only.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=${CONNECTIONS:-50}
MESSAGES=${MESSAGES:-100}
RECIPIENTS=${RECIPIENTS:-3}
USERS=${USERS:-10}
SIZE=${SIZE:-4096}
DNS_PORT=${DNS_PORT:-42553}
SENDER_DOMAIN=sender.bench.example
RESULTS=$WORK/ingest-verify-results.txt
DNS_PID=

mkdir -p "$WORK"
trap 'courriel_stop; [[ -n $DNS_PID ]] && kill "$DNS_PID" 2>/dev/null; true' EXIT
: >"$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

for tool in dkimsign dknewkey; do
    command -v "$tool" >/dev/null || { echo "$tool missing: apt-get install python3-dkim" >&2; exit 1; }
done

say "== ingest with verification $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores"
say "   $CONNECTIONS connections x $MESSAGES messages, $RECIPIENTS recipients each over $USERS users, ~$SIZE B, DKIM rsa-sha256"
say "   before: $(load)"
build_jar

# The sender's key, one signed message, the zone. SPF fails for 127.0.0.1 on purpose: with p=reject, DMARC then
# passes only through an aligned DKIM pass, so every 250 proves that the signature verified.
keys=$WORK/verify-keys
rm -rf "$keys"
mkdir -p "$keys"
(cd "$keys" && dknewkey bench >/dev/null)
message=$WORK/verify-message.eml
{
    printf 'From: Load <load@%s>\r\nTo: u0@%s\r\nSubject: verification bench\r\n' "$SENDER_DOMAIN" "$DOMAIN"
    printf 'Date: %s\r\nMessage-ID: <verify@%s>\r\nMIME-Version: 1.0\r\n' "$(date -R)" "$SENDER_DOMAIN"
    printf 'Content-Type: text/plain; charset=us-ascii\r\n\r\n'
    i=0
    while (( i * 80 < SIZE )); do
        printf 'Line %d of the benchmark body, plain ASCII text that looks like mail, signed once.\r\n' "$i"
        i=$((i + 1))
    done
} | dkimsign bench "$SENDER_DOMAIN" "$keys/bench.key" >"$message"
grep -q '^DKIM-Signature:' "$message" || { echo "dkimsign did not sign" >&2; exit 1; }
cat >"$WORK/verify-dns.txt" <<ZONE
$SENDER_DOMAIN TXT v=spf1 ip4:192.0.2.1 -all
bench._domainkey.$SENDER_DOMAIN TXT $(cat "$keys/bench.dns")
_dmarc.$SENDER_DOMAIN TXT v=DMARC1; p=reject
mx.bench.invalid A 127.0.0.1
ZONE
/usr/bin/python3 "$BENCH_DIR/src/bench_dns.py" --port "$DNS_PORT" --records "$WORK/verify-dns.txt" >"$WORK/verify-dns.log" 2>&1 &
DNS_PID=$!
sleep 1
kill -0 "$DNS_PID" || { cat "$WORK/verify-dns.log" >&2; exit 1; }

GEN_ARGS=(--connections "$CONNECTIONS" --messages "$MESSAGES" --recipients "$RECIPIENTS" --users "$USERS"
    --domain "$DOMAIN" --message "$message" --sender "load@$SENDER_DOMAIN")

# run_one LABEL SPRING-ARGS...: one Courriel on a fresh store, a warm-up, the counted run; sets RATE and CPU_MS.
run_one() {
    local label=$1
    shift
    local data=$WORK/courriel-verify-$label
    rm -rf "$data"
    mkdir -p "$data"
    create_users "$data" "$USERS"
    COURRIEL_JVM_OPTS=()
    COURRIEL_ARGS=("--courriel.dns.servers=127.0.0.1:$DNS_PORT" --courriel.auth.inbound.reverse-dns=false "$@")
    courriel_start "$data" "$WORK/courriel-verify-$label.log"
    generator "${GEN_ARGS[@]}" --port "$MX_PORT" --connections 10 --messages 20 --run-id warmup >/dev/null
    say "-- verification $label ($*)"
    local cpu0 cpu1 out
    cpu0=$(cpu_seconds "$COURRIEL_PID")
    out=$(generator "${GEN_ARGS[@]}" --port "$MX_PORT" --run-id "$label")
    cpu1=$(cpu_seconds "$COURRIEL_PID")
    echo "$out" | tee -a "$RESULTS"
    local accepted
    accepted=$(echo "$out" | sed -n 's/^accepted (250 after DATA): \([0-9]*\) messages.*/\1/p')
    RATE=$(echo "$out" | sed -n 's/^RATE \([0-9.]*\) messages.*/\1/p')
    CPU_MS=$(awk -v a="$cpu0" -v b="$cpu1" -v n="${accepted:-0}" 'BEGIN {printf "%.2f", (n > 0 ? (b - a) * 1000 / n : 0)}')
    say "Courriel process CPU during the run: $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN {printf "%.1f", b - a}') s, $CPU_MS ms per message"
    local copies
    copies=$(h2_sql "$data" "select count(*) from message" | sed -n 2p | tr -d ' ')
    say "stored: $copies message copies (warm-up included)"
    courriel_stop
}

run_one off --courriel.auth.inbound.enabled=false
off_rate=$RATE off_cpu=$CPU_MS
run_one on --courriel.auth.inbound.enabled=true
on_rate=$RATE on_cpu=$CPU_MS
say "== RESULT without verification: $off_rate msg/s, $off_cpu ms CPU per message"
say "== RESULT with SPF+DKIM+DMARC:  $on_rate msg/s, $on_cpu ms CPU per message"
say "== verification cost: $(awk -v a="$off_cpu" -v b="$on_cpu" 'BEGIN {printf "%.2f", b - a}') ms CPU per message"
say "   after: $(load)"
echo "results in $RESULTS" >&2
