-- wrk script: claims pool customers through the API, one customer a request, as ClaimBench's latency mode does but
-- from a C load generator (ClaimBench, a JVM, took ~1.4 ms of the machine's CPU per claim from the backend it
-- measured). The ids of WRK_IDS (one per line) are dealt out by wrk thread so no two requests want the same customer;
-- the claimers' tokens of WRK_TOKENS (one per line) are used in turn. WRK_THINK_MS makes each connection pause that
-- long after an answer (a set pace instead of as fast as the machine answers). An id file used up starts again:
-- those claims answer "failed" (already owned), counted apart from the claims that took a customer.
--   WRK_IDS=ids.txt WRK_TOKENS=tokens.txt wrk -t2 -c16 -d15s -s bench/wrk/claim.lua http://127.0.0.1:18090
local threads = {}

local function lines(file)
  local out = {}
  for line in io.lines(file) do
    if line ~= "" then out[#out + 1] = line end
  end
  return out
end

function setup(thread)
  thread:set("tid", #threads)
  threads[#threads + 1] = thread
end

local ids, tokens, next_id, next_token, think
-- globals: done() reads them from each thread
claimed, missed = 0, 0

function init(args)
  local all = lines(os.getenv("WRK_IDS"))
  local nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
  ids = {}
  for i = 1 + tid, #all, nthreads do ids[#ids + 1] = all[i] end
  tokens = lines(os.getenv("WRK_TOKENS"))
  next_id, next_token = 0, tid
  think = tonumber(os.getenv("WRK_THINK_MS") or "0")
end

function request()
  next_id = next_id % #ids + 1
  next_token = next_token % #tokens + 1
  return wrk.format("POST", "/api/v1/pool/claim",
    { ["Authorization"] = "Bearer " .. tokens[next_token], ["Content-Type"] = "application/json" },
    '{"customerIds":[' .. ids[next_id] .. ']}')
end

function response(status, headers, body)
  if status == 200 and body:find('"claimed":%[%d') then claimed = claimed + 1 else missed = missed + 1 end
end

if tonumber(os.getenv("WRK_THINK_MS") or "0") > 0 then
  function delay() return think end
end

function done(summary, latency, requests)
  local took, failed = 0, 0
  for _, t in ipairs(threads) do
    took = took + t:get("claimed")
    failed = failed + t:get("missed")
  end
  local e = summary.errors
  io.write(string.format("%d claim requests in %.1f s (%.1f req/s): %d took a customer, %d did not; non-2xx %d, socket errors %d; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), took, failed, e.status,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
