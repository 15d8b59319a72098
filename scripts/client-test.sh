#!/usr/bin/env bash
# The published Java client (clients/java) proven against the running API: starts the backend jar on a database of
# its own (harbor_client, emptied at start), generates the Java and TypeScript clients from openapi.yaml (any
# generator warning but "3.1 support is beta" fails), builds the Java client and runs the integrator scenario
# through it (clients/java/src/test), then stops the backend.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MVN="${MVN:-mvn -B}"
PORT="${HARBOR_CLIENT_TEST_PORT:-18490}"
JAR="$ROOT/backend/target/quarkus-app/quarkus-run.jar"
WORK="$(mktemp -d)"
[ -f "$JAR" ] || { echo "client-test: $JAR is missing: build the backend first (make backend-test or make build)" >&2; exit 1; }

(cd "$ROOT/backend" && exec java -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/harbor_client \
  -Dquarkus.datasource.username=harbor_test -Dquarkus.datasource.password=harbor_test \
  -Dquarkus.flyway.clean-at-start=true -Dquarkus.flyway.clean-disabled=false \
  -Dharbor.webhooks.allow-http=true -Dharbor.webhooks.allowed-private-hosts=127.0.0.1 \
  -jar "$JAR") > "$WORK/backend.log" 2>&1 &
BACKEND=$!
stop() { kill "$BACKEND" 2>/dev/null || true; wait "$BACKEND" 2>/dev/null || true; rm -rf "$WORK"; }
trap stop EXIT

for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$BACKEND" 2>/dev/null || { echo "client-test: the backend stopped:" >&2; tail -50 "$WORK/backend.log" >&2; exit 1; }
  sleep 1
done

cd "$ROOT/clients/java"
rm -rf target/generated-sources target/typescript-fetch
$MVN generate-sources > "$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log"; exit 1; }
WARNINGS="$(sed 's/\x1b\[[0-9;]*m//g' "$WORK/generate.log" | grep -E '^\[(WARNING|ERROR)\]' | grep -v 'OpenAPI 3.1 support is still in beta' || true)"
if [ -n "$WARNINGS" ]; then
  echo "client-test: openapi-generator complained about openapi.yaml:" >&2
  echo "$WARNINGS" >&2
  exit 1
fi
echo "client-test: openapi-generator (java native, typescript-fetch) read openapi.yaml without a warning"
$MVN verify -Dharbor.url="http://127.0.0.1:$PORT"
