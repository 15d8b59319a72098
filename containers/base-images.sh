#!/usr/bin/env bash
# Builds Harbor's three base images from Debian packages, with mmdebstrap and no registry: a JRE 17 for the
# backend, nginx for the web app, PostgreSQL 15 for the database service. Each is imported into podman's local
# store as localhost/harbor-crm/base-<name>:<tag>, where the tag is a hash of this script: an image is built
# only when its tag is missing, so a warm machine skips this in a second. HARBOR_BASE_REFRESH=1 rebuilds them
# (e.g. to take Debian's security updates: the suite is pinned, its point releases are not).
#
# Runtime images keep no package manager (apt, dpkg), no Perl, no documentation and no locales. The JRE image
# keeps no shell either (the JVM needs none); nginx and PostgreSQL keep dash, which their entrypoints (and
# PostgreSQL's pg_ctl) run on. The installed packages and versions stay listed in /usr/share/harbor/packages.txt.
set -euo pipefail
cd "$(dirname "$0")"
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/containers.conf}

SUITE=bookworm
MIRROR=${HARBOR_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${HARBOR_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
# Same packages, same bytes: file times in the tarball are clamped to this (2026-01-01).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
TAG=$(sha256sum "$0" | cut -c1-12)
work=$(mktemp -d /tmp/harbor-base.XXXXXX)
trap 'rm -rf "$work"' EXIT

# mmdebstrap runs each hook file with the new root file system as $1; `chroot "$1"` resolves the image's own
# users (a chown outside it would take the build machine's uid for the same name).
hook() { # hook <file> <script>
  printf '#!/bin/sh\nset -eu\nroot="$1"\n%s\n' "$2" > "$work/$1"
  chmod +x "$work/$1"
}

# Runs last: removes what a runtime image does not need. The dpkg database stays (scanners read it); apt's
# caches and lists are emptied by mmdebstrap's own clean-up after this.
strip() { # strip <keep-shell|no-shell>
  local shells=''
  [ "$1" = no-shell ] && shells='rm -f "$root"/bin/sh "$root"/usr/bin/sh "$root"/bin/dash "$root"/usr/bin/dash'
  hook "strip-$1" "
mkdir -p \"\$root/usr/share/harbor\"
chroot \"\$root\" dpkg-query -W -f '\${Package} \${Version}\n' > \"\$root/usr/share/harbor/packages.txt\"
rm -rf \"\$root\"/usr/share/doc/* \"\$root\"/usr/share/man/* \"\$root\"/usr/share/info/* \"\$root\"/usr/share/locale/* \\
       \"\$root\"/usr/share/lintian \"\$root\"/usr/share/perl* \"\$root\"/usr/lib/x86_64-linux-gnu/perl*
rm -f \"\$root\"/usr/bin/apt* \"\$root\"/usr/bin/dpkg* \"\$root\"/usr/sbin/dpkg* \"\$root\"/usr/bin/perl* \\
      \"\$root\"/usr/lib/x86_64-linux-gnu/libperl.so* \"\$root\"/usr/sbin/useradd \"\$root\"/usr/sbin/groupadd \\
      \"\$root\"/usr/sbin/adduser \"\$root\"/usr/sbin/addgroup \"\$root\"/bin/bash \"\$root\"/usr/bin/bash \\
      \"\$root\"/bin/rbash \"\$root\"/usr/bin/rbash
$shells"
}

build() { # build <name> <keep-shell|no-shell> <packages> <setup hook script> <podman import changes...>
  local name=$1 shell=$2 packages=$3 setup=$4
  shift 4
  local image=localhost/harbor-crm/base-$name
  if [ -z "${HARBOR_BASE_REFRESH:-}" ] && podman image exists "$image:$TAG"; then
    echo "[base] $image:$TAG is built"
    return
  fi
  echo "[base] building $image:$TAG from Debian $SUITE: $packages"
  local started=$SECONDS
  hook "setup-$name" "$setup"
  strip "$shell"
  mmdebstrap --quiet --variant=essential --mode=root --format=tar \
    --aptopt='APT::Install-Recommends "false"' \
    --include="$packages" \
    --customize-hook="$work/setup-$name" --customize-hook="$work/strip-$shell" \
    "$SUITE" "$work/$name.tar" \
    "deb $MIRROR $SUITE main" "deb $MIRROR $SUITE-updates main" "deb $SECURITY_MIRROR $SUITE-security main"
  local args=()
  for change in "$@"; do args+=(--change "$change"); done
  podman import --quiet "${args[@]}" \
    --change "LABEL org.opencontainers.image.source=harbor-crm/containers/base-images.sh" \
    --change "LABEL org.opencontainers.image.base.name=debian:$SUITE" \
    "$work/$name.tar" "$image:$TAG" >/dev/null
  podman tag "$image:$TAG" "$image:latest"
  rm -f "$work/$name.tar"
  echo "[base] $image:$TAG built in $((SECONDS - started)) s," \
    "$(podman image inspect -f '{{.Size}}' "$image:$TAG" | awk '{printf "%.0f MB", $1/1e6}')"
}

# The backend's user (uid 185, as in the Red Hat OpenJDK images) owns /keys only.
build jre no-shell openjdk-17-jre-headless '
echo "harbor:x:185:185:Harbor CRM:/deployments:/usr/sbin/nologin" >> "$root/etc/passwd"
echo "harbor:x:185:" >> "$root/etc/group"
echo "harbor:!:20000::::::" >> "$root/etc/shadow"
mkdir -p "$root/deployments" "$root/keys"
chown 185:185 "$root/keys"' \
  'USER 185' 'WORKDIR /deployments'

# nginx runs as www-data (base-passwd's uid 33) on port 8080, with its pid and temporary files under /tmp.
build nginx keep-shell nginx-light '
rm -f "$root"/etc/nginx/sites-enabled/* "$root"/etc/nginx/conf.d/*' \
  'USER 33' 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin'

# PostgreSQL without its LLVM JIT (110 MB of libraries for a feature the entrypoint turns off: Harbor's
# queries are short). The server binaries come first on PATH (Debian's /usr/bin wrappers are Perl, removed).
build postgres keep-shell postgresql-15 '
rm -rf "$root"/var/lib/postgresql/15 "$root"/etc/postgresql/15 "$root"/usr/lib/postgresql/15/lib/bitcode
rm -f "$root"/usr/lib/postgresql/15/lib/llvmjit*.so "$root"/usr/lib/x86_64-linux-gnu/libLLVM-*.so* \
      "$root"/usr/lib/x86_64-linux-gnu/libz3.so*
mkdir -p "$root/var/lib/postgresql/data"
chroot "$root" chown postgres:postgres /var/lib/postgresql/data
chmod 700 "$root/var/lib/postgresql/data"' \
  'USER postgres' 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  'ENV PGDATA=/var/lib/postgresql/data' 'ENV PGHOST=/tmp'
