#!/usr/bin/env bash
# Builds the Debian package of Courriel with dpkg-deb: the jar in /usr/share/courriel, the launcher as
# /usr/bin/courriel, the systemd unit, /etc/courriel/application.yml as a conffile, and a postinst that
# creates the courriel system user.
#   deploy/deb/build-deb.sh [--jar PATH] [--out DIR] [--version VERSION]
# Defaults: deploy/target/courriel.jar (./mvnw -pl deploy -am package), deploy/target, the project version.
set -euo pipefail
deploy=$(cd "$(dirname "$0")/.." && pwd)

jar="$deploy/target/courriel.jar"
out="$deploy/target"
version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    *) echo "usage: $0 [--jar PATH] [--out DIR] [--version VERSION]" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "build-deb: no jar at $jar (build it first: ./mvnw -pl deploy -am package)" >&2; exit 1; }
if [ -z "$version" ]; then
  version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$deploy/../pom.xml" | sed -n 2p)
fi
# Debian versions sort "~" before anything, so 0.1.0~SNAPSHOT comes before 0.1.0.
version=${version//-/\~}

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"
install -D -m 0644 "$jar" "$root/usr/share/courriel/courriel.jar"
install -D -m 0755 "$deploy/bin/courriel" "$root/usr/bin/courriel"
install -D -m 0644 "$deploy/systemd/courriel.service" "$root/lib/systemd/system/courriel.service"
install -D -m 0644 "$deploy/deb/application.yml" "$root/etc/courriel/application.yml"
for doc in operations.md configuration.md; do
  [ -f "$deploy/../docs/$doc" ] && install -D -m 0644 "$deploy/../docs/$doc" "$root/usr/share/doc/courriel/$doc"
done
install -d -m 0755 "$root/DEBIAN"
install -m 0755 "$deploy/deb/postinst" "$deploy/deb/prerm" "$deploy/deb/postrm" "$root/DEBIAN/"
echo /etc/courriel/application.yml > "$root/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: courriel
Version: $version
Architecture: all
Maintainer: Courriel <dev@courriel.invalid>
Section: mail
Priority: optional
Installed-Size: $size
Depends: bash, adduser
Recommends: openjdk-21-jre-headless | temurin-25-jre | temurin-25-jdk
Description: mail server suite: SMTP, IMAP and a REST API in one Java process
 Courriel receives mail for your domains (SMTP MX, submission and submissions),
 keeps it in a store on the embedded H2 or on PostgreSQL, serves it over IMAP4rev1
 and IMAP4rev2 and a REST API, and exports metrics for Prometheus. It needs a
 Java 21 or newer runtime.
CONTROL

mkdir -p "$out"
deb="$out/courriel_${version}_all.deb"
dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
echo "$deb"
