#!/usr/bin/env bash
# The API tests once more, through Prism: Quarkus listens on a fixed test port, Prism (proxy mode, --errors)
# in front of it validates every answer against openapi.yaml, and REST Assured sends the requests Prism can judge
# through it (backend/src/test/java/com/harborcrm/testing/ContractProxy.java says which and why).
# Usage: scripts/api-contract-test.sh [Maven -Dtest pattern]   (default: API_CONTRACT_TESTS below)
set -euo pipefail
cd "$(dirname "$0")/.."

BACKEND_PORT=${HARBOR_CONTRACT_TEST_PORT:-18480}
PRISM_PORT=${HARBOR_CONTRACT_PROXY_PORT:-$((BACKEND_PORT + 1))}
TESTS=${1:-${API_CONTRACT_TESTS:-}}
LOG=backend/target/prism-api.log
PRISM=contract/node_modules/@stoplight/prism-cli/dist/index.js

[ -f "$PRISM" ] || { echo "Prism is missing: run make contract-deps" >&2; exit 1; }
mkdir -p backend/target
node "$PRISM" proxy openapi.yaml "http://127.0.0.1:$BACKEND_PORT" --errors --validate-request=false \
  --host 127.0.0.1 --port "$PRISM_PORT" >"$LOG" 2>&1 &
prism=$!
trap 'kill "$prism" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "Prism is listening" "$LOG" && break
  kill -0 "$prism" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.5
done

cd backend
status=0
${MVN:-mvn -B} test -Dquarkus.http.test-port="$BACKEND_PORT" -Dcontract-proxy.port="$PRISM_PORT" \
  ${TESTS:+-Dtest="$TESTS"} -Dsurefire.failIfNoSpecifiedTests=false || status=$?
cd ..

# Each violation already failed the test that caused it; list them once more, most frequent first.
violations=$(grep "✖" "$LOG" | grep "Violation:" | sed -E 's/^\[[^]]*\] › //' | sort | uniq -c | sort -rn || true)
if [ -n "$violations" ]; then
  echo "Prism saw contract violations (full log: $LOG):" >&2
  echo "$violations" | head -40 >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
echo "[api-contract-test] no contract violation (Prism log: $LOG)"
