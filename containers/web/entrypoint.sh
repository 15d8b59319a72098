#!/bin/sh
# Writes nginx's configuration from the environment, then becomes nginx (PID 1, no shell left behind).
set -eu

backend=${HARBOR_BACKEND_URL:-http://backend:8080}
case "$backend" in
  http://*[!/]|https://*[!/]) ;;
  *) echo "HARBOR_BACKEND_URL must be http(s)://host:port with no path, not '$backend'" >&2; exit 64 ;;
esac
case "$backend" in
  *[!A-Za-z0-9.:/_-]*) echo "HARBOR_BACKEND_URL has characters a host name cannot: '$backend'" >&2; exit 64 ;;
esac
case "${backend#*://}" in
  */*) echo "HARBOR_BACKEND_URL must be http(s)://host:port with no path, not '$backend'" >&2; exit 64 ;;
esac

# nginx resolves the backend's name itself (a proxy_pass with a variable), through the container's DNS server:
# Docker's embedded one, or podman's aardvark-dns, whichever /etc/resolv.conf names first.
resolver=${HARBOR_DNS_RESOLVER:-}
if [ -z "$resolver" ]; then
  while read -r key value _; do
    if [ "$key" = nameserver ]; then resolver=$value; break; fi
  done < /etc/resolv.conf
fi
[ -n "$resolver" ] || { echo "no nameserver in /etc/resolv.conf: set HARBOR_DNS_RESOLVER" >&2; exit 64; }
case "$resolver" in *:*) resolver="[$resolver]" ;; esac

sed -e "s|@HARBOR_BACKEND_URL@|$backend|g" -e "s|@HARBOR_DNS_RESOLVER@|$resolver|g" \
  /etc/harbor/nginx.conf.template > /tmp/nginx.conf
exec nginx -c /tmp/nginx.conf -g 'daemon off;'
