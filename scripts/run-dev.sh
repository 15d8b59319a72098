#!/usr/bin/env bash
# `make run`: the backend (dev profile: demo store seeded, logins printed) and the web app's dev server,
# which proxies /api to the backend. Ctrl-C (SIGINT) or SIGTERM stops both; if either stops by itself, the other is
# stopped too and the exit status is non-zero.
# The backend runs as the jar `make` built rather than `quarkus:dev`: Quarkus' dev mode needs Maven 3.9+, and
# Debian ships 3.8 (use `cd backend && mvn quarkus:dev` where a newer Maven exists, for live reload).
#
# Ports (both must be free):
#   HARBOR_HTTP_PORT  the backend's HTTP port [8080]
#   HARBOR_WEB_PORT   the web app's dev server [5173]; it proxies /api and /q to the backend
#   HARBOR_MAIL_PORT  the local mail catcher's SMTP port [1025]: the demo store's e-mail goes there, nowhere else
#   HARBOR_MAIL_WEB_PORT  the mail catcher's web inbox [1080]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HTTP_PORT="${HARBOR_HTTP_PORT:-8080}"
WEB_PORT="${HARBOR_WEB_PORT:-5173}"
MAIL_PORT="${HARBOR_MAIL_PORT:-1025}"
MAIL_WEB_PORT="${HARBOR_MAIL_WEB_PORT:-1080}"
MAILDEV="$ROOT/tools/mail-catcher/node_modules/maildev/bin/maildev"
JAR="$ROOT/backend/target/quarkus-app/quarkus-run.jar"
VITE="$ROOT/frontend/node_modules/vite/bin/vite.js"

say() { echo "[run] $*" >&2; }

for port in "$HTTP_PORT" "$WEB_PORT" "$MAIL_PORT" "$MAIL_WEB_PORT"; do
  [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -gt 0 ] && [ "$port" -lt 65536 ] || { say "not a port: '$port'"; exit 2; }
done
[ "$HTTP_PORT" != "$WEB_PORT" ] || { say "HARBOR_HTTP_PORT and HARBOR_WEB_PORT are both $HTTP_PORT"; exit 2; }
[ -f "$JAR" ] || { say "the backend jar is missing ($JAR): run \`make run\`, which builds it"; exit 1; }
[ -f "$VITE" ] || { say "the web app's dependencies are missing: run \`make run\`, which installs them"; exit 1; }
[ -f "$MAILDEV" ] || { say "the mail catcher is missing: run \`make run\`, which installs it"; exit 1; }

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if in_use "$HTTP_PORT"; then say "port $HTTP_PORT (backend) is in use: stop what holds it, or choose another with HARBOR_HTTP_PORT=..."; exit 1; fi
if in_use "$WEB_PORT"; then say "port $WEB_PORT (web app) is in use: stop what holds it, or choose another with HARBOR_WEB_PORT=..."; exit 1; fi
if in_use "$MAIL_PORT"; then say "port $MAIL_PORT (mail catcher SMTP) is in use: stop what holds it, or choose another with HARBOR_MAIL_PORT=..."; exit 1; fi
if in_use "$MAIL_WEB_PORT"; then say "port $MAIL_WEB_PORT (mail inbox) is in use: stop what holds it, or choose another with HARBOR_MAIL_WEB_PORT=..."; exit 1; fi

# The backend: its port; the web port (the demo banner prints the web app's address); the browser origins it
# admits. CORS matters although the dev server proxies /api: the proxy passes on the browser's Origin header
# (http://localhost:$WEB_PORT), which the backend's CORS filter checks on every write.
export HARBOR_HTTP_PORT="$HTTP_PORT" HARBOR_WEB_PORT="$WEB_PORT"
export QUARKUS_HTTP_PORT="$HTTP_PORT"
# The demo store's e-mail goes to the local mail catcher; unsubscribe links point at the web app.
export HARBOR_DEMO_MAIL_PORT="$MAIL_PORT"
export HARBOR_CORS_ORIGINS="${HARBOR_CORS_ORIGINS:-http://localhost:$WEB_PORT,http://127.0.0.1:$WEB_PORT}"

API="" WEB="" MAIL=""
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# Stops both servers (SIGTERM, then SIGKILL after 20 s) and waits for them, so none outlives this script.
stop_all() {
  local pid
  for pid in $WEB $API $MAIL; do alive "$pid" && kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 80); do
    alive "$API" || alive "$WEB" || alive "$MAIL" || break
    sleep 0.25
  done
  for pid in $WEB $API $MAIL; do
    if alive "$pid"; then say "process $pid did not stop within 20 s: killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
  done
  wait 2>/dev/null || true
}

on_signal() {
  trap - INT TERM
  say "stopping the backend and the web app"
  stop_all
  exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM
trap 'stop_all' EXIT

# The mail catcher first: the backend connects the demo store to it at start-up. Local only (127.0.0.1).
(cd "$ROOT/tools/mail-catcher" && exec node "$MAILDEV" --smtp "$MAIL_PORT" --ip 127.0.0.1 --web "$MAIL_WEB_PORT" \
  --web-ip 127.0.0.1 --silent) &
MAIL=$!

# Both run in the background, each exec'ed so that its process id is the server's own: the trap can then stop
# them (a foreground child would delay the trap until it exited).
(cd "$ROOT/backend" && exec java -Dquarkus.profile=dev -jar "$JAR") &
API=$!
# vite.config.ts reads HARBOR_WEB_PORT (its port) and HARBOR_HTTP_PORT (where it proxies /api and /q).
(cd "$ROOT/frontend" && exec node "$VITE" --port "$WEB_PORT" --strictPort --clearScreen false) &
WEB=$!
say "web app: http://localhost:$WEB_PORT   API: http://localhost:$HTTP_PORT/api/v1   mail inbox: http://localhost:$MAIL_WEB_PORT   (Ctrl-C stops all)"

# Whichever stops first (the backend failing to start, say) ends the run, and the other is stopped. On a terminal's
# Ctrl-C the dev server (Node) dies of the SIGINT too, and bash then returns from `wait` with 130 without running
# the INT trap: hence the same stop here.
status=0
wait -n "$API" "$WEB" "$MAIL" || status=$?
trap - INT TERM
if [ "$status" = 130 ] || [ "$status" = 143 ]; then
  say "interrupted: stopping the backend and the web app"
  stop_all
  exit "$status"
elif ! alive "$API"; then
  say "the backend stopped (exit status $status): see its log above"
elif ! alive "$MAIL"; then
  say "the mail catcher stopped (exit status $status): see its log above"
else
  say "the web app's dev server stopped (exit status $status): see its log above"
fi
stop_all
[ "$status" -ne 0 ] || status=1
exit "$status"
