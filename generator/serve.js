// `modelspec serve`: the local provider server for integration tests. Plain JavaScript over a
// generated package (this project's, or one named with --out), so it runs wherever one is
// installed, with no TypeScript tooling. Its fault hooks and defaults come from that package's mock
// (the table in generator/mock/faults.ts), as the README's list does.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/**
 * The mock entry of the generated package to serve: under --out, else the project's generated/
 * (the nearest folder upwards with a "modelspec" setting in its package.json), else this
 * checkout's.
 */
function mockEntry(out) {
  const entry = (dir) => {
    const file = path.join(dir, "mock", "index.js");
    return existsSync(file) ? file : undefined;
  };
  if (out !== undefined) return entry(path.resolve(out));
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).modelspec !== undefined) {
      const found = entry(path.join(dir, "generated"));
      if (found) return found;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return entry(fileURLToPath(new URL("../generated", import.meta.url)));
}

/** The help text, with the fault hooks and defaults of the mock it would serve (when one is found). */
export function serveHelp(mock) {
  return `Usage: modelspec serve [--port N] [--host ADDRESS] [--api-key KEY] [--request-log N] [--out DIR]

Starts one HTTP server that answers every offering of a generated package on its provider's real
routes, checks the bearer token, validates requests with the generated validators (an invalid one
gets the provider's own error body, naming the field) and answers from the spec examples, as JSON,
bytes or an event stream. Prints "listening on http://127.0.0.1:PORT" and runs until stopped
(Ctrl-C, SIGTERM). In a test, startMockProviders() from the package's "/mock" entry starts the same
server in-process.

${mock ? mock.mockHooksHelp() : "(No generated package found here: its fault hooks are listed once one is; see --out.)"}

Options:
  --port N         Port to listen on (default: a free port)
  --host ADDRESS   Address to bind (default: ${mock?.MOCK_DEFAULTS.host ?? "127.0.0.1"})
  --api-key KEY    Accept only this bearer token (default: any non-empty token)
  --request-log N  Keep only the N most recent requests in memory (default: ${mock?.MOCK_DEFAULTS.requestLogLimit ?? 1000}; 0 keeps
                   none); in-process, startMockProviders() shows them as server.requests
  --out DIR        The generated package to serve (default: the project's generated/), e.g.
                   node_modules/@modelspec/models
  -h, --help       Show this help`;
}

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
  const entry = mockEntry(values.out);
  const mock = entry === undefined ? undefined : await import(pathToFileURL(entry).href);
  if (values.help) {
    io.out(serveHelp(mock));
    return { code: 0 };
  }
  if (mock === undefined) {
    io.err(
      `modelspec serve: no generated package with a mock in ${values.out ?? "this project's generated/"}; run \`modelspec generate\` or pass --out DIR`,
    );
    return { code: 2 };
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`modelspec: --port must be a whole number from 0 to 65535, got ${JSON.stringify(values.port)}`);
    return { code: 2 };
  }
  const requestLog = values["request-log"] === undefined ? mock.MOCK_DEFAULTS.requestLogLimit : wholeNumber(values["request-log"]);
  if (requestLog === undefined) {
    io.err(`modelspec: --request-log must be a whole number of requests (0 or more), got ${JSON.stringify(values["request-log"])}`);
    return { code: 2 };
  }
  const host = values.host ?? mock.MOCK_DEFAULTS.host;
  let server;
  try {
    server = await mock.startMockProviders({
      port,
      host,
      requestLog: { limit: requestLog },
      ...(values["api-key"] ? { apiKey: values["api-key"] } : {}),
    });
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
