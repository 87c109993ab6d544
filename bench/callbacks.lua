-- wrk script of the callback ingestion benchmark (bench/callbacks.sh): replays pre-generated, distinct, signed and
-- encrypted WeCom callbacks (file in QK_CALLBACKS_FILE, one "<path?query>\t<body>" per line, made by
-- com.qingke.bench.CallbackBenchData). Thread n of N sends lines n, n+N, n+2N, ... once each; a thread that runs out
-- starts over (redeliveries, counted as "replayed": the run is then too long for the file).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  nthreads = tonumber(os.getenv("QK_WRK_THREADS") or "2")
  items = {}
  local n = 0
  for line in io.lines(os.getenv("QK_CALLBACKS_FILE")) do
    if n % nthreads == id then
      local path, body = line:match("^([^\t]+)\t(.+)$")
      items[#items + 1] = wrk.format("POST", path, { ["Content-Type"] = "text/xml; charset=UTF-8" }, body)
    end
    n = n + 1
  end
  next_item = 1
  replayed = 0
  failed = 0
end

function request()
  if next_item > #items then
    next_item = 1
    replayed = replayed + 1
  end
  local r = items[next_item]
  next_item = next_item + 1
  return r
end

function response(status, headers, body)
  if status ~= 200 or body ~= "success" then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local failed_total, replayed_total = 0, 0
  for _, t in ipairs(threads) do
    failed_total = failed_total + t:get("failed")
    replayed_total = replayed_total + t:get("replayed")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT callbacks requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d replayed=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    failed_total + e.connect + e.read + e.write + e.timeout, replayed_total))
end
