// `modelspec serve`: the local provider server for integration tests. Plain JavaScript over the
// generated package, so it runs where only the package is installed (no TypeScript tooling).
import { parseArgs } from "node:util";

export const SERVE_HELP = `Usage: modelspec serve [--port N] [--host ADDRESS] [--api-key KEY]

Starts one HTTP server that answers every offering on its provider's real routes
(Cloudflare /client/v4/accounts/{account}/ai/run/{model}, Runware /v1, Anyfast /v1/responses),
validates requests with the generated validators and answers from the spec examples.
Prints "listening on http://127.0.0.1:PORT" and runs until stopped (Ctrl-C).

Faults for tests, per request: header x-modelspec-fault: rate-limit | server-error | unavailable |
slow | cut-stream | malformed-json | stream-error (x-modelspec-fault-count: N faults only the first N).

Options:
  --port N         Port to listen on (default: a free port)
  --host ADDRESS   Address to bind (default: 127.0.0.1)
  --api-key KEY    Accept only this bearer token (default: any non-empty token)
  -h, --help       Show this help`;

/** Starts the server and resolves with it; the caller decides how long it runs. */
export async function serveCommand(argv, io) {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: "string" }, host: { type: "string" }, "api-key": { type: "string" }, debug: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    io.out(SERVE_HELP);
    return { code: 0 };
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`modelspec: --port must be a whole number from 0 to 65535, got ${JSON.stringify(values.port)}`);
    return { code: 2 };
  }
  const { startMockProviders } = await import("../generated/mock.js");
  const server = await startMockProviders({ port, host: values.host ?? "127.0.0.1", ...(values["api-key"] ? { apiKey: values["api-key"] } : {}) });
  io.out(`listening on ${server.url}`);
  return { code: 0, server };
}
