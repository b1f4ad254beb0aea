// `modelspec serve`: the local provider server for integration tests. Plain JavaScript over the
// generated package, so it runs where only the package is installed (no TypeScript tooling).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/**
 * The mock entry of the generated package to serve: under --out, else the project's generated/
 * (the nearest folder upwards with a "modelspec" setting in its package.json), else this
 * checkout's. Either layout of the mock (mock.js, mock/index.js).
 */
function mockEntry(out) {
  const candidates = (dir) => [path.join(dir, "mock", "index.js"), path.join(dir, "mock.js")];
  if (out !== undefined) return candidates(path.resolve(out)).find(existsSync);
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).modelspec !== undefined) {
      const found = candidates(path.join(dir, "generated")).find(existsSync);
      if (found) return found;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return candidates(new URL("../generated", import.meta.url).pathname).find(existsSync);
}

export const SERVE_HELP = `Usage: modelspec serve [--port N] [--host ADDRESS] [--api-key KEY] [--out DIR]

Starts one HTTP server that answers every offering on its provider's real routes
(Cloudflare /client/v4/accounts/{account}/ai/run/{model}, Runware /v1, Anyfast /v1/responses),
checks the bearer token, validates requests with the generated validators (an invalid one gets the
provider's own error body, naming the field) and answers from the spec examples, as JSON or as an
event stream. Prints "listening on http://127.0.0.1:PORT" and runs until stopped (Ctrl-C, SIGTERM).
In a test, startMockProviders() from the generated package's "/mock" entry starts the same server in-process.

Fault hooks, per request: header x-modelspec-fault: KIND, where KIND is
  rate-limit      429 with Retry-After (seconds) and retry-after-ms
                  (x-modelspec-retry-after-ms: MS sets both; x-modelspec-retry-after: VALUE sends
                  only Retry-After: VALUE, e.g. seconds or an HTTP date)
  server-error    500 in the provider's error shape
  unavailable     503 in the provider's error shape
  slow            the normal answer, late (x-modelspec-fault-delay-ms: MS, default 2000): for timeouts
  cut-stream      a stream that stops before its final event
  malformed-json  a 200 whose body (or a stream event) is not valid JSON
  stream-error    the provider's error event in the middle of a stream (a provider whose spec
                  declares no error event, like Cloudflare, just stops mid-stream: as cut-stream)
  task-error      the task fails inside a 200 (Runware async: the poll reports status "error")
Other headers:
  x-modelspec-fault-count: N     fault only the first N such requests (then answer normally), so
                                 retries can be seen to succeed; counted per x-modelspec-fault-key
  x-modelspec-event-delay-ms: MS pause between stream events
  x-modelspec-pending-polls: N   Runware async: getResponse answers "processing" N times (default 1)

Options:
  --port N         Port to listen on (default: a free port)
  --host ADDRESS   Address to bind (default: 127.0.0.1)
  --api-key KEY    Accept only this bearer token (default: any non-empty token)
  --out DIR        The generated package to serve (default: the project's generated/), e.g.
                   node_modules/@modelspec/models
  -h, --help       Show this help`;

/** Starts the server and resolves with it; the caller decides how long it runs. */
export async function serveCommand(argv, io) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "api-key": { type: "string" },
        out: { type: "string" },
        debug: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    if (!String(error?.code).startsWith("ERR_PARSE_ARGS")) throw error;
    io.err(`modelspec serve: ${error.message}\nRun \`modelspec serve --help\` for usage.`);
    return { code: 2 };
  }
  if (values.help) {
    io.out(SERVE_HELP);
    return { code: 0 };
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`modelspec: --port must be a whole number from 0 to 65535, got ${JSON.stringify(values.port)}`);
    return { code: 2 };
  }
  const entry = mockEntry(values.out);
  if (entry === undefined) {
    io.err(
      `modelspec serve: no generated package with a mock in ${values.out ?? "this project's generated/"}; run \`modelspec generate\` or pass --out DIR`,
    );
    return { code: 2 };
  }
  const { startMockProviders } = await import(pathToFileURL(entry).href);
  const host = values.host ?? "127.0.0.1";
  let server;
  try {
    server = await startMockProviders({ port, host, ...(values["api-key"] ? { apiKey: values["api-key"] } : {}) });
  } catch (error) {
    if (error?.code === "EADDRINUSE") {
      io.err(`modelspec: port ${port} on ${host} is in use; choose another --port, or --port 0 for a free one`);
      return { code: 2 };
    }
    if (error?.code === "EADDRNOTAVAIL" || error?.code === "ENOTFOUND") {
      io.err(`modelspec: cannot listen on ${JSON.stringify(host)} (${error.code}); --host takes a local address such as 127.0.0.1 or ::1`);
      return { code: 2 };
    }
    throw error;
  }
  io.out(`listening on ${server.url}`);
  return { code: 0, server };
}
