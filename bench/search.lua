-- wrk script of bench/search.sh: POST /api/v1/search with the request bodies of one group, one
-- at a time (run with -t1 -c1), each picked at random with equal weight, as pgbench picks the
-- SQL side's scripts: both sides sample the same mix (taking the bodies in turn instead left
-- the two sides with different mixes and different cache warmth, docs/benchmarks.md section 16).
--
-- Latencies are timed here, not taken from wrk's statistics: before printing them, wrk
-- "corrects" its latency histogram for coordinated omission, adding made-up samples for every
-- request slower than twice the run's mean interval. For one client running a mix of fast and
-- slow searches that moves the median far up (full-text with filters: 24 ms reported where the
-- requests' own median was 13.6 ms; docs/benchmarks.md section 18). pgbench's transaction log,
-- the SQL side, holds the plain per-transaction times, and so does the file written here.
--
-- Arguments after "--": CASES TOKEN LATENCIES
--   CASES     lines "mode TAB filters TAB body" (one group of bench/gen-registry.py's cases)
--   TOKEN     bearer token of the search client
--   LATENCIES file to write, one line per completed request: its latency in microseconds, from
--             the request handed to wrk to the whole response received (optional)
-- Prints: "search TAB requests TAB errors (non-2xx and socket)".
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } search_timespec;
int clock_gettime(int clock_id, search_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("search_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local bodies = {}
local headers
local latencies
local started

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
  if args[3] then
    latencies = assert(io.open(args[3], "w"))
  end
  math.randomseed(20261128)
end

function request()
  local formatted = wrk.format("POST", "/api/v1/search", headers, bodies[math.random(#bodies)])
  started = now_us()
  return formatted
end

-- wrk calls this with the whole response received; the file is flushed when wrk exits
function response()
  if latencies then
    latencies:write(string.format("%d\n", now_us() - started))
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("search\t%d\t%d\n", summary.requests,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout))
end
