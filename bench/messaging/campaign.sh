#!/usr/bin/env bash
# A campaign to 100,000 recipients on the local mail catcher (issue 24's target): enqueue ≤ 10 s; the sending
# rate limited only by the configured throttle; the backend's memory flat while it sends.
#
#   bench/messaging/campaign.sh            CUSTOMERS=145000 (≈ 100,000 with an address and consent)
#   RATES="600 6000 60000" SECONDS_EACH=60 sending phases: the configured rate per minute, and how long each runs
#
# Steps: a store filled by bench/customers/generate.sql, consent for every customer with an e-mail (set-based), the
# store's e-mail pointed at maildev (tools/mail-catcher) on a private port; then the dry run, the send (every
# recipient written at once: that is the enqueue), and sending phases at each rate, sampling the messages SENT
# and the backend's resident memory every 5 s. EXPLAIN ANALYZE of the enqueue's statement is printed beside it.
source "$(dirname "$0")/../lib.sh"
CUSTOMERS="${CUSTOMERS:-145000}"
RATES="${RATES:-600 6000 60000}"
SECONDS_EACH="${SECONDS_EACH:-60}"
MAIL_PORT="${MAIL_PORT:-11125}"
MAIL_WEB_PORT="${MAIL_WEB_PORT:-11180}"
MAILDEV="$BENCH_ROOT/tools/mail-catcher/node_modules/maildev/bin/maildev"
[ -f "$MAILDEV" ] || (cd "$BENCH_ROOT" && make -s mail-deps)

FRESH=1 bench_db
export HARBOR_MESSAGING_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
BENCH_JAVA_OPTS="-Xmx1g -Dharbor.messaging.allow-insecure=true -Dharbor.messaging.allowed-private-hosts=127.0.0.1" \
  start_backend
node "$MAILDEV" --smtp "$MAIL_PORT" --ip 127.0.0.1 --web "$MAIL_WEB_PORT" --web-ip 127.0.0.1 --silent \
  > "$OUT/maildev.log" 2>&1 &
MAIL_PID=$!
trap 'kill $BACKEND_PID $MAIL_PID 2>/dev/null || true' EXIT
machine

read -r store token < <(signup "Campaign bench" "campaign-admin@bench.harbor-crm.dev")
reps="{"; for r in $(seq 1 10); do reps+="$(add_rep "$token" "campaign-rep$r@bench.harbor-crm.dev"),"; done
reps="${reps%,}}"
echo "filling store $store with $CUSTOMERS customers..."
"${PSQL[@]}" -v store="$store" -v n="$CUSTOMERS" -v reps="$reps" -f "$BENCH_ROOT/bench/customers/generate.sql" >/dev/null
"${PSQL[@]}" -c "insert into customer_consents (store_id, customer_id, channel, opted_in, source, changed_at)
  select store_id, id, 'EMAIL', true, 'IMPORT', now() from customers where store_id = $store and email is not null"
"${PSQL[@]}" -c "vacuum analyze customers"
"${PSQL[@]}" -c "vacuum analyze customer_consents"

api() { curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
api -X PUT "$BASE/api/v1/messaging/settings" -d "{\"email\":{\"enabled\":true,\"host\":\"127.0.0.1\",\"port\":$MAIL_PORT,
  \"security\":\"NONE\",\"fromAddress\":\"bench@bench.harbor-crm.dev\",\"fromName\":\"Bench\"},\"sms\":{\"enabled\":false},
  \"dailyEmailCap\":1000000,\"dailySmsCap\":0,\"campaignRatePerMinute\":1}" >/dev/null
template=$(api -X POST "$BASE/api/v1/messaging/templates" -d '{"name":"Bench","channel":"EMAIL","language":"en",
  "subject":"Hello {{name}}","body":"Dear {{name|customer}},\n\nour new catalogue is out.\n\n{{owner.name|The team}}"}' \
  | json 'd["id"]')
request="{\"name\":\"Bench campaign\",\"templateId\":$template,\"segment\":{\"filter\":{\"hasEmail\":true}}}"

t0=$(date +%s%N)
api -X POST "$BASE/api/v1/campaigns/dry-run" -d "$request" > "$OUT/campaign-dry-run.json"
t1=$(date +%s%N)
echo "dry run: $(json 'str(d["recipients"]) + " recipients, skipped " + str(d["skipped"])' < "$OUT/campaign-dry-run.json") in $(( (t1 - t0) / 1000000 )) ms"
campaign=$(api -X POST "$BASE/api/v1/campaigns" -d "$request" | json 'd["id"]')
t0=$(date +%s%N)
api -X POST "$BASE/api/v1/campaigns/$campaign/send" > "$OUT/campaign-send.json"
t1=$(date +%s%N)
echo "enqueue (POST /campaigns/$campaign/send, every recipient written): $(( (t1 - t0) / 1000000 )) ms for $(json 'str(d["counts"]["recipients"]) + " rows, " + str(d["counts"]["queued"]) + " queued"' < "$OUT/campaign-send.json")"

rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$BACKEND_PID/status"; }
sent() { "${PSQL[@]}" -c "select count(*) from messages where store_id = $store and campaign_id = $campaign and status = 'SENT'"; }
for rate in $RATES; do
  api -X PUT "$BASE/api/v1/messaging/settings" -d "{\"email\":{\"enabled\":true,\"host\":\"127.0.0.1\",\"port\":$MAIL_PORT,
    \"security\":\"NONE\",\"fromAddress\":\"bench@bench.harbor-crm.dev\",\"fromName\":\"Bench\"},\"sms\":{\"enabled\":false},
    \"dailyEmailCap\":1000000,\"dailySmsCap\":0,\"campaignRatePerMinute\":$rate}" >/dev/null
  sleep 2
  s0=$(sent); start=$(date +%s%N); samples=""
  j0=$(java_cpu); p0=$(pg_cpu)
  for _ in $(seq 1 $((SECONDS_EACH / 5))); do sleep 5; samples+="$(rss) "; done
  s1=$(sent); end=$(date +%s%N)
  per_min=$(echo "scale=0; ($s1 - $s0) * 60000000000 / ($end - $start)" | bc)
  echo "rate $rate/min: sent $((s1 - s0)) in $(( (end - start) / 1000000000 )) s = $per_min/min; backend RSS every 5 s (MiB): $samples; CPU per message: backend $(echo "scale=2; ($(java_cpu) - $j0) * 1000 / ($s1 - $s0 + 1)" | bc) ms, PostgreSQL $(echo "scale=2; ($(pg_cpu) - $p0) * 1000 / ($s1 - $s0 + 1)" | bc) ms"
done
api -X POST "$BASE/api/v1/campaigns/$campaign/cancel" | json '"cancelled; counts " + str(d["counts"])'
echo "mail catcher received: $(curl -fs "http://127.0.0.1:$MAIL_WEB_PORT/email" | json 'len(d)') messages"

# The enqueue statement on its own, as EXPLAIN ANALYZE sees it (a second campaign, rolled back).
"${PSQL[@]}" <<SQL | sed -n '1,40p'
begin;
explain (analyze, buffers, costs off)
insert into messages (store_id, customer_id, channel, direction, campaign_id, address, status, skip_reason,
                      next_attempt_at, created_at, updated_at)
select $store, r.id, 'EMAIL', 'OUT', $campaign, r.address, case when r.reason is null then 'QUEUED' else 'SKIPPED' end,
       r.reason, case when r.reason is null then now() end, now(), now()
from (select id, address,
             case when address is null then 'NO_ADDRESS'
                  when opted_in is false or address_unsubscribed then 'UNSUBSCRIBED'
                  when opted_in is null then 'NO_CONSENT'
                  when row_number() over (partition by address_key, opted_in order by id) > 1 then 'DUPLICATE_ADDRESS' end as reason
      from (select c.id, nullif(trim(c.email), '') as address, lower(trim(c.email)) as address_key, k.opted_in,
                   coalesce(bool_or(k.opted_in is false) over (partition by lower(trim(c.email))), false)
                     and lower(trim(c.email)) is not null as address_unsubscribed
            from customers c
            left join customer_consents k on k.store_id = c.store_id and k.customer_id = c.id and k.channel = 'EMAIL'
            where c.store_id = $store and c.email is not null) s) r;
rollback;
SQL
