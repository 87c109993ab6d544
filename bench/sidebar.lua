-- wrk script of the sidebar benchmark (bench/sidebar.sh): every request is a rep opening the sidebar of a customer
-- they follow. QK_PAIRS_FILE has one "<customer id> <session token of a rep following it>" per line; each request
-- takes a random line (seeded per thread, so runs are repeatable).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  items = {}
  for line in io.lines(os.getenv("QK_PAIRS_FILE")) do
    local customer, token = line:match("^(%d+) (%S+)")
    if customer then
      items[#items + 1] = wrk.format("GET", "/api/sidebar/customers/" .. customer,
        { ["Cookie"] = "qk_session=" .. token, ["Accept"] = "application/json", ["Accept-Encoding"] = "gzip" })
    end
  end
  math.randomseed(4242 + id)
  failed = 0
end

function request()
  return items[math.random(#items)]
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local failed_total = 0
  for _, t in ipairs(threads) do
    failed_total = failed_total + t:get("failed")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT endpoint requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, failed_total + e.connect + e.read + e.write + e.timeout))
end
