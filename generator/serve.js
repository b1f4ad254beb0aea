// `modelspec serve`: the local provider server for integration tests. Plain JavaScript over the
// generated package, so it runs where only the package is installed (no TypeScript tooling).
import { parseArgs } from "node:util";
import { MOCK_DEFAULTS, mockHooksHelp, startMockProviders } from "../generated/mock/index.js";

// The fault hooks come from the mock's table (generator/mock/faults.ts), as the README's list does.
export const SERVE_HELP = `Usage: modelspec serve [--port N] [--host ADDRESS] [--api-key KEY] [--request-log N]

Starts one HTTP server that answers every offering on its provider's real routes
(Cloudflare /client/v4/accounts/{account}/ai/run/{model}, Runware /v1, Anyfast /v1/responses),
checks the bearer token, validates requests with the generated validators (an invalid one gets the
provider's own error body, naming the field) and answers from the spec examples, as JSON or as an
event stream. Prints "listening on http://127.0.0.1:PORT" and runs until stopped (Ctrl-C, SIGTERM).
In a test, startMockProviders() from "modelspec/mock" starts the same server in-process.

${mockHooksHelp()}

Options:
  --port N         Port to listen on (default: a free port)
  --host ADDRESS   Address to bind (default: ${MOCK_DEFAULTS.host})
  --api-key KEY    Accept only this bearer token (default: any non-empty token)
  --request-log N  Keep only the N most recent requests in memory (default: ${MOCK_DEFAULTS.requestLogLimit}; 0 keeps
                   none); in-process, startMockProviders() shows them as server.requests
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
        "request-log": { type: "string" },
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
  const requestLog = values["request-log"] === undefined ? MOCK_DEFAULTS.requestLogLimit : wholeNumber(values["request-log"]);
  if (requestLog === undefined) {
    io.err(`modelspec: --request-log must be a whole number of requests (0 or more), got ${JSON.stringify(values["request-log"])}`);
    return { code: 2 };
  }
  const host = values.host ?? MOCK_DEFAULTS.host;
  let server;
  try {
    server = await startMockProviders({ port, host, requestLog: { limit: requestLog }, ...(values["api-key"] ? { apiKey: values["api-key"] } : {}) });
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

/** A whole number ≥ 0 written in decimal digits, or undefined. */
function wholeNumber(text) {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
