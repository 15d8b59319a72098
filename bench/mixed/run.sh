#!/usr/bin/env bash
# Mixed workload (issue 10 item 3): screening 60%, customer detail 15%, follow-up POST 10%, claim POST 10%,
# inquiry POST 5%, concurrency 32, on the customers benchmark's 1,000,000-customer store (bench/customers/run.sh
# makes it). Prints p95 per operation, throughput, errors, the backend's CPU per request and its RSS after the run.
#   BENCH_DB=... bench/mixed/run.sh               # 5 minutes
#   MIXED_SECONDS=30 BENCH_DB=... bench/mixed/run.sh   # a short check
# Writes: follow-ups, claims (the admin's private-customer and daily limits soon make most claims "skipped", still
# a 200) and new pool customers from inquiries land in the data set.
source "$(dirname "$0")/../lib.sh"
SECONDS_TO_RUN="${MIXED_SECONDS:-300}"
CONCURRENCY="${MIXED_CONCURRENCY:-32}"
MAIN_EMAIL="bench-main@bench.harbor-crm.dev"

bench_db
if [ "$("${PSQL[@]}" -c "select count(*) from login_identities where email = '$MAIN_EMAIL'")" = 0 ]; then
  echo "no customers data set in $BENCH_DB: run bench/customers/run.sh data first" >&2
  exit 1
fi
start_backend
TOKEN=$(login "$MAIN_EMAIL")
STORE=$("${PSQL[@]}" -c "select store_id from login_identities where email = '$MAIN_EMAIL'")
read -r MIN MAX < <("${PSQL[@]}" -F' ' -c "select min(id), max(id) from customers where store_id = $STORE")
POOL_MIN=$("${PSQL[@]}" -c "select min(id) from customers where store_id = $STORE and owner_id is null")

S="/api/v1/customers"
screening=(
  "screening=$S?stage=INQUIRY&country=US&sort=-score&limit=50"
  "screening=$S?stage=SAMPLE_ORDER&stars=3&sort=-score&limit=50"
  "screening=$S?status=ACTIVE&hasEmail=true&country=DE&sort=-score&limit=50"
  "screening=$S?sort=-score&limit=50"
  "screening=$S?sort=-createdAt&limit=50"
  "screening=$S?stage=TRANSACTION&sort=-score&limit=50"
  "screening=$S?country=GB&stars=2&sort=-score&limit=50"
  "screening=$S?ownerId=none&sort=-score&limit=50"
  "screening=$S?q=buyer{rand:1000000}%40&sort=-score&limit=50"
  "screening=$S?q=Atlas%20Trading%20{rand:90000}&sort=-score&limit=50"
  "screening=$S?q=555%20{rand:10000000}&sort=-score&limit=50"
  "screening=$S?stage=INQUIRY&sort=-lastFollowUpAt&limit=50"
)
detail="detail=$S/{rand:$MIN:$MAX}"
follow_up="follow_up=POST $S/{rand:$MIN:$MAX}/follow-ups {\"type\":\"NOTE\",\"content\":\"Mixed load note {rand:1000000}\"}"
claim="claim=POST /api/v1/pool/claim {\"customerIds\":[{rand:$POOL_MIN:$MAX},{rand:$POOL_MIN:$MAX}]}"
inquiry="inquiry=POST /api/v1/inquiries {\"channel\":\"ALIBABA\",\"product\":\"LED panels\",\"message\":\"Please quote 500 pcs\",\"contact\":{\"name\":\"Mixed Buyer {rand:1000000000}\",\"email\":\"mixed{rand:1000000000}@load.example.com\"}}"

RESULT="$OUT/mixed-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "mixed workload on store $STORE (customers $MIN..$MAX), concurrency $CONCURRENCY, ${SECONDS_TO_RUN}s; load before: $(uptime | sed 's/.*load average: //')"
  # Weights by repetition: 12 screening : 3 detail : 2 follow-up : 2 claim : 1 inquiry = 60/15/10/10/5 %.
  BACKEND_PID=$BACKEND_PID java "$BENCH_ROOT/bench/LoadTest.java" "$BASE" "$TOKEN" "$CONCURRENCY" "$SECONDS_TO_RUN" \
    "${screening[@]}" "$detail" "$detail" "$detail" "$follow_up" "$follow_up" "$claim" "$claim" "$inquiry"
  echo "load after: $(uptime | sed 's/.*load average: //')"
} | tee "$RESULT"
echo "[bench] written to $RESULT"
