#!/usr/bin/env bash
# `make run`: the backend (dev profile: demo store seeded, logins printed) and the web app's dev server,
# which proxies /api to the backend. Ctrl-C stops both.
# The backend runs as the jar `make` built rather than `quarkus:dev`: Quarkus' dev mode needs Maven 3.9+, and
# Debian ships 3.8 (use `cd backend && mvn quarkus:dev` where a newer Maven exists, for live reload).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$ROOT/frontend" && exec npx vite --port 5173 --strictPort --clearScreen false) &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT INT TERM
echo "[run] web app: http://localhost:5173   API: http://localhost:8080/api/v1"
cd "$ROOT/backend" && java -Dquarkus.profile=dev -jar target/quarkus-app/quarkus-run.jar
