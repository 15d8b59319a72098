-- wrk script: the mixed workload of bench/mixed/workload.sh from a C load generator (bench/LoadTest.java, a JVM on
-- the same two cores, takes CPU from the backend it measures). WRK_WORKLOAD names a file of operations, one per line,
-- in LoadTest's syntax: "name=PATH" (a GET) or "name=POST PATH JSON"; repeat a line to weight it. Each request is
-- a random operation; "{rand:N}" becomes a random number below N, "{rand:MIN:MAX}" one from MIN to MAX, and
-- "{pick:FILE}" a random line of FILE. POSTs carry a fresh Idempotency-Key. WRK_TOKEN is the bearer token.
-- wrk reports one latency histogram for all operations (MIXED_CLIENT=java in bench/mixed/run.sh gives percentiles per
-- operation); answers are counted by status class, 4xx apart from 5xx, and the POSTs sent are counted.
--   WRK_WORKLOAD=ops.txt WRK_TOKEN=... wrk -t2 -c32 -d300s -s bench/wrk/mixed.lua http://127.0.0.1:18090
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

local ops, token, files = {}, nil, {}

local function pick(file)
  local lines = files[file]
  if not lines then
    lines = {}
    for line in io.lines(file) do
      if line ~= "" then lines[#lines + 1] = line end
    end
    files[file] = lines
  end
  return lines[math.random(1, #lines)]
end

local function fill(text)
  text = text:gsub("{rand:(%d+):(%d+)}", function(a, b) return tostring(math.random(tonumber(a), tonumber(b))) end)
  text = text:gsub("{rand:(%d+)}", function(n) return tostring(math.random(0, tonumber(n) - 1)) end)
  return (text:gsub("{pick:([^}]+)}", pick))
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    return string.format("%x", c == "x" and math.random(0, 15) or math.random(8, 11))
  end))
end

-- globals: done() reads them from each thread
ok, client_errors, server_errors, posts = 0, 0, 0, 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  token = os.getenv("WRK_TOKEN")
  for line in io.lines(os.getenv("WRK_WORKLOAD")) do
    local target = line:match("^[^=]+=(.*)$")
    if target then
      local path, body = target:match("^POST (%S+) (.*)$")
      ops[#ops + 1] = path and { method = "POST", path = path, body = body } or { method = "GET", path = target }
    end
  end
end

function request()
  local op = ops[math.random(1, #ops)]
  if op.method == "GET" then
    return wrk.format("GET", fill(op.path), { ["Authorization"] = "Bearer " .. token })
  end
  posts = posts + 1
  return wrk.format("POST", fill(op.path), { ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json", ["Idempotency-Key"] = uuid() }, fill(op.body))
end

function response(status, headers, body)
  if status < 400 then ok = ok + 1 elseif status < 500 then client_errors = client_errors + 1
  else server_errors = server_errors + 1 end
end

function done(summary, latency, requests)
  local good, c4, c5, p = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    good = good + t:get("ok"); c4 = c4 + t:get("client_errors"); c5 = c5 + t:get("server_errors")
    p = p + t:get("posts")
  end
  local e = summary.errors
  io.write(string.format("%d requests in %.1f s (%.1f req/s), %d of them POSTs; answers: %d 2xx/3xx, %d 4xx, %d 5xx; socket errors %d; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), p, good, c4, c5,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
