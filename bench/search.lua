-- wrk script of bench/search.sh: POST /api/v1/search with the request bodies of one group, in
-- turn, one at a time (run with -t1 -c1). Arguments after "--": CASES TOKEN [REQUESTS]
--   CASES     lines "mode TAB filters TAB body" (one group of bench/gen-registry.py's cases)
--   TOKEN     bearer token of the search client
--   REQUESTS  stop after this many responses (0 or absent: run for wrk's -d duration)
-- Prints: "search TAB - TAB p50 ms TAB p99 ms TAB requests TAB errors (non-2xx and socket)".
local bodies = {}
local headers
local next_body = 0
local responses = 0
local limit = 0

function init(args)
  for line in io.lines(args[1]) do
    local body = line:match("^[^\t]*\t[^\t]*\t(.*)$")
    if body then
      table.insert(bodies, body)
    end
  end
  if #bodies == 0 then
    error("no request bodies in " .. args[1])
  end
  headers = { ["Authorization"] = "Bearer " .. args[2], ["Content-Type"] = "application/json" }
  limit = tonumber(args[3] or "0")
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/api/v1/search", headers, bodies[next_body])
end

function response(status, headers, body)
  responses = responses + 1
  if limit > 0 and responses >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("search\t-\t%.2f\t%.2f\t%d\t%d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout))
end
