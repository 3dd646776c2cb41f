-- Sends the requests listed in a file, one per line: METHOD <tab> PATH <tab> AUTH <tab> BODY.
-- AUTH is "Token …" (sent as Authorization) or a cookie; BODY, when given, is JSON (starting with "{") or
-- a form (the peer's answer POST).
-- Each wrk thread takes every Nth line from its own offset, so no two threads send the same answer; a run
-- starts at the line given (where the run before it stopped, so that every answer it posts is new).
-- Prints one JSON line: requests, duration, errors, non-2xx responses and latency percentiles (µs).
local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  lines = {}
  for line in io.lines(args[1]) do
    local method, path, auth, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    table.insert(lines, { method, path, auth, body })
  end
  line_count = #lines
  step = tonumber(args[2])
  position = tonumber(args[3] or "0") + offset
  start = position
  unexpected = 0
end

function request()
  local line = lines[(position % #lines) + 1]
  position = position + step
  local headers, body = {}, nil
  if line[3]:sub(1, 6) == "Token " then
    headers["Authorization"] = line[3]
  elseif line[3] ~= "" then
    headers["Cookie"] = line[3]
  end
  if line[4] ~= "" then
    if line[4]:sub(1, 1) == "{" then
      headers["Content-Type"] = "application/json"
    else
      headers["Content-Type"] = "application/x-www-form-urlencoded"
    end
    body = line[4]
  end
  return wrk.format(line[1], line[2], headers, body)
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local unexpected, sent, line_count, reached = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    line_count = thread:get("line_count")
    unexpected = unexpected + thread:get("unexpected")
    sent = sent + thread:get("position") - thread:get("start")
    reached = math.max(reached, thread:get("position"))
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "unexpected_status": %d, "socket_errors": %d, "sent": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "lines": %d, "reached": %d}\n',
    summary.requests, summary.duration, unexpected, e.connect + e.read + e.write + e.timeout, sent,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, line_count, reached))
end
