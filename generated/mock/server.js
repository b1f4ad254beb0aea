// Copied by modelspec from generator/mock/server.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * A local server that speaks each provider's wire format, driven by the same descriptors as the
 * clients: routes from `transport.path`, bodies from the request/response descriptors, errors in the
 * provider's own envelope, answers from the spec examples. Node-only (node:http), so it ships apart
 * from the client runtime, in `generated/mock/`. Prints nothing.
 *
 * Faults are chosen per request with the `x-modelspec-fault` header; faults.ts is the table of them
 * and of the headers that tune them. `server.requests` keeps the most recent requests only
 * (`requestLog.limit`), so a long-running server does not grow.
 */
import { createServer } from "node:http";
import { handleRequest } from "./handle.js";
import { sendJson } from "./io.js";
import { createRequestLog } from "./request-log.js";
import { buildRoutes } from "./routes.js";
import { MOCK_DEFAULTS } from "./types.js";
export async function startMockServer(options) {
    const host = options.host ?? MOCK_DEFAULTS.host;
    const log = createRequestLog(options);
    const timers = new Set();
    const jobs = new Map();
    let requestCounter = 0;
    let closed = false;
    let inFlight = 0;
    const idleWaiters = [];
    const ctx = {
        options,
        routes: buildRoutes(options.offerings),
        jobs,
        faultCounts: new Map(),
        nextRequestId: () => `req_mock_${++requestCounter}`,
        pause(ms, res) {
            if (ms <= 0)
                return Promise.resolve(!res.destroyed && !closed);
            return new Promise((resolve) => {
                const entry = {
                    timer: setTimeout(() => finish(), ms),
                    done: () => finish(),
                };
                const finish = () => {
                    clearTimeout(entry.timer);
                    timers.delete(entry);
                    res.off("close", finish);
                    resolve(!res.destroyed && !closed);
                };
                timers.add(entry);
                res.once("close", finish);
            });
        },
    };
    const server = createServer((req, res) => {
        const record = { method: req.method ?? "", path: (req.url ?? "/").split("?")[0], stream: false, aborted: false };
        log.add(record);
        inFlight += 1;
        res.on("close", () => {
            if (!res.writableFinished)
                record.aborted = true;
            inFlight -= 1;
            if (inFlight === 0)
                for (const wake of idleWaiters.splice(0))
                    wake();
        });
        handleRequest(ctx, req, res, record).catch(() => {
            if (!res.headersSent && !res.destroyed)
                sendJson(res, record, 500, { error: "mock server failure" });
            else
                res.destroy();
        });
    });
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const port = server.address().port;
    return {
        url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
        port,
        requests: log.records,
        idle() {
            return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
        },
        async close() {
            if (closed)
                return;
            closed = true;
            for (const entry of [...timers])
                entry.done();
            jobs.clear();
            for (const wake of idleWaiters.splice(0))
                wake();
            const stopped = new Promise((resolve) => server.close(() => resolve()));
            server.closeAllConnections();
            await stopped;
        },
    };
}
