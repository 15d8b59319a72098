-- wrk script: GETs the paths of the file WRK_PATHS (one per line, used in turn) with WRK_TOKEN as bearer token.
-- "{rand:N}" in a path becomes a random integer in 1..N per request. Prints p50/p95/p99 and the errors.
--   WRK_PATHS=paths.txt WRK_TOKEN=... wrk -t2 -c16 -d30s -s bench/wrk/get.lua http://127.0.0.1:18090
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local token = os.getenv("WRK_TOKEN")
local counter = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  counter = counter % #paths + 1
  local path = paths[counter]:gsub("{rand:(%d+)}", function(n) return tostring(math.random(1, tonumber(n))) end)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("%d requests in %.1f s (%.1f req/s), non-2xx/3xx %d, socket errors %d; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), e.status,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
