-- wrk script for Benchmarks/quiz-start.sh. Run with one connection per thread (-tN -cN):
--
--   wrk -tN -cN … -s quiz-start.lua URL -- MODE FILE N WORKDIR
--
-- MODE health: GET /healthz, the baseline (a normal timed run).
-- MODE start:  FILE has "employee_id token quiz_id" lines; each is one learner starting the
--              quiz: POST /api/v1/quizzes/{id}/attempts with the learner's bearer token.
-- MODE save:   FILE has "token attempt_id question_id response_json" lines, question by
--              question, so consecutive requests come from different learners; each line is
--              one answer sent through POST /api/v1/sync, as the page and the app send them.
--
-- Thread n takes lines n, n+N, …: one connection working through its own learners, so every
-- learner starts once and every answer is saved once. A run is a count, not a duration: a
-- thread that has its last response stops and leaves a marker file in WORKDIR; once every
-- thread has, quiz-start.sh interrupts wrk (SIGINT, which wrk takes as "time is up"), so
-- requests/s is over the real running time.
-- done() prints "RESULT mode requests rps p50 p90 p99 non2xx socket_errors rejected" (ms).

local counter = 0
local threads = {}

function setup(thread)
    thread:set("id", counter)
    table.insert(threads, thread)
    counter = counter + 1
end

mode, lines, sent, received, rejected, finished = "health", {}, 0, 0, 0, false
local workdir

function init(args)
    mode = args[1] or "health"
    if mode == "health" then return end
    local total = tonumber(args[3])
    workdir = args[4]
    local n = 0
    for line in io.lines(args[2]) do
        if n % total == id then
            local fields = { n }
            for field in line:gmatch("%S+") do table.insert(fields, field) end
            table.insert(lines, fields)
        end
        n = n + 1
    end
end

-- fields[1] is the line's number in the file: the answer's event id, so that a resend of the
-- same line is a duplicate the server acknowledges without saving it again.
local function build(fields)
    if mode == "start" then
        return wrk.format("POST", "/api/v1/quizzes/" .. fields[4] .. "/attempts",
            { ["Authorization"] = "Bearer " .. fields[3], ["Content-Length"] = "0" }, "")
    end
    local body = '{"events":[{"id":"bench-' .. fields[1] .. '","type":"answer","attemptId":"' .. fields[3]
        .. '","questionId":"' .. fields[4] .. '","response":' .. fields[5] .. '}]}'
    return wrk.format("POST", "/api/v1/sync",
        { ["Authorization"] = "Bearer " .. fields[2], ["Content-Type"] = "application/json" }, body)
end

-- wrk calls request() once in the first thread before any connection, to count pipelined
-- requests; that call must not use up a line.
local verifying = true

function request()
    if mode == "health" then return wrk.format("GET", "/healthz") end
    if verifying and id == 0 then
        verifying = false
        return build(lines[1])
    end
    sent = sent + 1
    -- Past the end only once this thread has stopped (its request is never timed).
    return build(lines[math.min(sent, #lines)])
end

function response(status, headers, body)
    if mode == "health" or finished then return end
    received = received + 1
    if mode == "save" and body:find('"status":"rejected"', 1, true) then rejected = rejected + 1 end
    if received >= #lines then
        finished = true
        wrk.thread:stop()
        io.open(workdir .. "/finished-" .. id, "w"):close()
    end
end

function done(summary, latency, requests)
    local rejected_total = 0
    for _, thread in ipairs(threads) do rejected_total = rejected_total + (thread:get("rejected") or 0) end
    local seconds = summary.duration / 1e6
    io.write(string.format("RESULT %s %d %.1f %.2f %.2f %.2f %d %d %d\n", threads[1]:get("mode"),
        summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(99) / 1000, summary.errors.status,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, rejected_total))
end
