#!/usr/bin/env bash
# `make image`: Harbor's container images, from Debian packages only, with podman (no daemon, no registry).
#   localhost/harbor-crm/backend-jvm:latest   the backend's fast-jar on the JRE base   (needs backend/target/quarkus-app)
#   localhost/harbor-crm/web:latest           the SPA on nginx, proxying /api            (needs frontend/dist)
#   localhost/harbor-crm/postgres:15          PostgreSQL 15 with the official image's settings
# The bases come from base-images.sh (mmdebstrap, built once per version of that script). podman caches every
# layer by content, so an unchanged part is not rebuilt: a code change rebuilds the backend's app layers only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$root/containers/containers.conf}

for tool in podman mmdebstrap; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install podman runc mmdebstrap" >&2; exit 1; }
done
[ -f "$root/backend/target/quarkus-app/quarkus-run.jar" ] || { echo "build the backend first (make image does)" >&2; exit 1; }
[ -f "$root/frontend/dist/index.html" ] || { echo "build the web app first (make image does)" >&2; exit 1; }

"$root/containers/base-images.sh"

stage=$(mktemp -d /tmp/harbor-images.XXXXXX)
trap 'rm -rf "$stage"' EXIT

image() { # image <name:tag> <Containerfile> <context> <base>
  local started=$SECONDS
  podman build --quiet --layers --pull=never --build-arg "BASE_IMAGE=localhost/harbor-crm/base-$4:latest" \
    -f "$2" -t "localhost/harbor-crm/$1" "$3" >/dev/null
  echo "[image] localhost/harbor-crm/$1 in $((SECONDS - started)) s, $(podman image inspect -f '{{.Size}}' "localhost/harbor-crm/$1" | awk '{printf "%.0f MB", $1/1e6}')"
}

image backend-jvm:latest "$root/backend/src/main/docker/Containerfile.jvm" "$root/backend/target/quarkus-app" jre

mkdir -p "$stage/web"
cp -r "$root/frontend/dist" "$stage/web/dist"
cp "$root/containers/web/nginx.conf" "$root/containers/web/entrypoint.sh" "$stage/web/"
image web:latest "$root/containers/web/Containerfile" "$stage/web" nginx

image postgres:15 "$root/containers/postgres/Containerfile" "$root/containers/postgres" postgres
