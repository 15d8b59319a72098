# The mixed workload (issue 10 item 3), sourced by run.sh, fault.sh and soak.sh after bench/lib.sh:
# screening 60% (12 shapes), customer detail 15%, follow-up POST 10%, claim POST 10%, inquiry POST 5%, on the
# customers benchmark's 1,000,000-customer store (bench/customers/run.sh data makes it). Sets TOKEN, STORE and
# WORKLOAD (the LoadTest arguments, weighted by repetition).
MAIN_EMAIL="bench-main@bench.harbor-crm.dev"

mixed_workload() {
  if [ "$("${PSQL[@]}" -c "select count(*) from login_identities where email = '$MAIN_EMAIL'")" = 0 ]; then
    echo "no customers data set in $BENCH_DB: run bench/customers/run.sh data first" >&2
    exit 1
  fi
  TOKEN=$(login "$MAIN_EMAIL")
  STORE=$("${PSQL[@]}" -c "select store_id from login_identities where email = '$MAIN_EMAIL'")
  # Ids drawn from the store's own customers: a random id between min and max would also hit other stores'
  # customers, which answer 404 as cross-store reads must, and count as errors here.
  IDS="$OUT/mixed-ids-$BENCH_DB-$STORE.txt"
  POOL_IDS="$OUT/mixed-pool-ids-$BENCH_DB-$STORE.txt"
  "${PSQL[@]}" -c "select id from customers where store_id = $STORE" > "$IDS"
  "${PSQL[@]}" -c "select customer_id from customer_owners where store_id = $STORE and owner_id is null" > "$POOL_IDS"
  local s="/api/v1/customers"
  WORKLOAD=(
    "screening=$s?stage=INQUIRY&country=US&sort=-score&limit=50"
    "screening=$s?stage=SAMPLE_ORDER&stars=3&sort=-score&limit=50"
    "screening=$s?status=ACTIVE&hasEmail=true&country=DE&sort=-score&limit=50"
    "screening=$s?sort=-score&limit=50"
    "screening=$s?sort=-createdAt&limit=50"
    "screening=$s?stage=TRANSACTION&sort=-score&limit=50"
    "screening=$s?country=GB&stars=2&sort=-score&limit=50"
    "screening=$s?ownerId=none&sort=-score&limit=50"
    "screening=$s?q=buyer{rand:1000000}%40&sort=-score&limit=50"
    "screening=$s?q=Atlas%20Trading%20{rand:90000}&sort=-score&limit=50"
    "screening=$s?q=555%20{rand:10000000}&sort=-score&limit=50"
    "screening=$s?stage=INQUIRY&sort=-lastFollowUpAt&limit=50"
  )
  local detail="detail=$s/{pick:$IDS}"
  local follow_up="follow_up=POST $s/{pick:$IDS}/follow-ups {\"type\":\"NOTE\",\"content\":\"Mixed load note {rand:1000000}\"}"
  # Two pool customers per claim: one already taken is a "failed" entry of a 200, not an error.
  local claim="claim=POST /api/v1/pool/claim {\"customerIds\":[{pick:$POOL_IDS},{pick:$POOL_IDS}]}"
  local inquiry="inquiry=POST /api/v1/inquiries {\"channel\":\"ALIBABA\",\"product\":\"LED panels\",\"message\":\"Please quote 500 pcs\",\"contact\":{\"name\":\"Mixed Buyer {rand:1000000000}\",\"email\":\"mixed{rand:1000000000}@load.example.com\"}}"
  # 12 screening : 3 detail : 2 follow-up : 2 claim : 1 inquiry = 60/15/10/10/5 %.
  WORKLOAD+=("$detail" "$detail" "$detail" "$follow_up" "$follow_up" "$claim" "$claim" "$inquiry")
}
