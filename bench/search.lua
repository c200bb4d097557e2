-- wrk script of bench/search.sh: POST /api/v1/search with the request bodies of one group, one
-- at a time (run with -t1 -c1), each picked at random with equal weight, as pgbench picks the
-- SQL side's scripts: both sides sample the same mix (taking the bodies in turn instead left
-- the two sides with different mixes and different cache warmth, docs/benchmarks.md section 16).
-- Arguments after "--": CASES TOKEN
--   CASES     lines "mode TAB filters TAB body" (one group of bench/gen-registry.py's cases)
--   TOKEN     bearer token of the search client
-- Prints: "search TAB - TAB p50 ms TAB p99 ms TAB requests TAB errors (non-2xx and socket)".
local bodies = {}
local headers

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
  math.randomseed(20261128)
end

function request()
  return wrk.format("POST", "/api/v1/search", headers, bodies[math.random(#bodies)])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("search\t-\t%.2f\t%.2f\t%d\t%d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout))
end
