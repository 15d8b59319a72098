#!/usr/bin/env bash
# `make run`: the backend in Quarkus dev mode (demo store seeded, logins printed) and the web app's dev
# server, which proxies /api to the backend. Ctrl-C stops both.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$ROOT/frontend" && exec npx vite --port 5173 --strictPort) &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT INT TERM
echo "[run] web app: http://localhost:5173  (starting the backend on http://localhost:8080 ...)"
cd "$ROOT/backend" && mvn -B -q quarkus:dev -Dquarkus.console.enabled=false -Ddebug=false
