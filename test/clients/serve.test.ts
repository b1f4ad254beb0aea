/**
 * `modelspec serve` as users run it: the real CLI in a child process, real requests to every
 * provider's routes, SIGTERM. Then `modelspec` where only the package is installed (no tsx, no
 * TypeScript tooling): `serve` and `--help` work, the generator commands explain themselves.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { offerings, providers } from "../../generated/offerings.js";
import { MOCK_FAULT_TABLE, MOCK_FAULTS, MOCK_HEADERS } from "../../generated/mock/index.js";
import type { HttpTransportDescriptor } from "../../generated/runtime/index.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { ACCOUNT_ID, API_KEY } from "./harness.js";

const BIN = path.join(PROJECT_ROOT, "generator", "bin.js");

/** A `modelspec` process; `listening` resolves with the URL it printed. */
function start(bin: string, args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: os.tmpdir(),
    stdio: ["ignore", "pipe", "pipe"],
  }) as unknown as ChildProcessWithoutNullStreams;
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then(({ code }) => reject(new Error(`modelspec exited (${code}) before listening: ${stderr}`)));
  });
  listening.catch(() => {}); // observed by the tests that wait for it
  return { child, listening, exited, output: () => ({ stdout, stderr }) };
}

/** Runs `node bin args` to the end. */
async function run(bin: string, args: string[]) {
  const proc = start(bin, args);
  const { code } = await proc.exited;
  return { code, ...proc.output() };
}

/** One HTTP route per offering: the path and a valid and an invalid wire body, from the spec's examples. */
const routes = Object.values(offerings).flatMap((offering) =>
  providers[offering.provider].transports
    .filter((t): t is HttpTransportDescriptor & (typeof providers)[keyof typeof providers]["transports"][number] => t.kind === "http")
    .map((transport) => {
      const example = { ...(offering.examples[0]!.request as unknown as Record<string, unknown>) };
      delete example[transport.streaming?.enable.field ?? ""];
      const field = Object.keys(example).find((key) => Array.isArray(example[key]))!;
      const wrap = (task: object) => (transport.requestBody.kind === "task-array" ? [task] : task);
      return {
        name: `${offering.id} (${transport.path})`,
        path: transport.path.replace(/\{([^}]+)\}/g, (_, name: string) => (name === "model" ? offering.model : ACCOUNT_ID)),
        valid: wrap(example),
        invalid: wrap({ ...example, [field]: 42 }),
        field,
        errors: providers[offering.provider].errors,
      };
    }),
);

describe("modelspec serve", () => {
  let server: ReturnType<typeof start>;
  let url: string;
  beforeAll(async () => {
    server = start(BIN, ["serve", "--port", "0", "--api-key", API_KEY]);
    url = await server.listening;
  });
  afterAll(async () => {
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
    await server.exited;
  });

  const post = (route: (typeof routes)[number], body: unknown, headers: Record<string, string> = { authorization: `Bearer ${API_KEY}` }) =>
    fetch(url + route.path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  test.each(routes)("$name: a valid request gets 200", async (route) => {
    const response = await post(route, route.valid);
    expect(response.status).toBe(200);
    expect(await response.json()).toBeTruthy();
  });

  test.each(routes)("$name: an invalid request gets the provider's error, naming the field", async (route) => {
    const response = await post(route, route.invalid);
    expect(response.status).toBe(400);
    let error = route.errors.pointer
      .split("/")
      .slice(1)
      .reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], await response.json());
    if (Array.isArray(error)) error = error[0];
    expect((error as Record<string, string>)[route.errors.fields.message]).toContain(route.field);
  });

  test.each(routes)("$name: the bearer token is enforced", async (route) => {
    expect((await post(route, route.valid, {})).status).toBe(401);
    expect((await post(route, route.valid, { authorization: "Bearer wrong-key" })).status).toBe(401);
    expect((await post(route, route.valid, { authorization: API_KEY })).status).toBe(401); // no "Bearer "
  });

  test("SIGTERM stops it: the process exits 0 with nothing on stderr, and the port is free", async () => {
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output().stderr).toBe("");
    expect(server.output().stdout).not.toContain(API_KEY);
    await expect(fetch(url + routes[0]!.path, { method: "POST" })).rejects.toThrow();
  });
});

test("modelspec serve --help documents every fault hook", async () => {
  const { code, stdout } = await run(BIN, ["serve", "--help"]);
  expect(code).toBe(0);
  for (const fault of MOCK_FAULTS) expect(stdout).toContain(fault);
  expect(stdout).toContain("x-modelspec-fault: KIND");
  for (const { header } of [...MOCK_HEADERS, ...MOCK_FAULT_TABLE.flatMap((row) => row.tunedBy)]) expect(stdout).toContain(header);
  expect(stdout).toContain("--request-log N");
});

test("modelspec serve --request-log rejects a value that is not a whole number, with exit 2", async () => {
  const { code, stderr } = await run(BIN, ["serve", "--request-log", "1.5"]);
  expect(code).toBe(2);
  expect(stderr).toContain('--request-log must be a whole number of requests (0 or more), got "1.5"');
});

test("modelspec serve --port rejects a bad port with exit 2", async () => {
  const { code, stderr } = await run(BIN, ["serve", "--port", "http"]);
  expect(code).toBe(2);
  expect(stderr).toContain("--port must be a whole number");
});

test("modelspec --help in the checkout lists the generator's commands and serve", async () => {
  const { code, stdout } = await run(BIN, ["--help"]);
  expect(code).toBe(0);
  for (const command of ["generate", "diff", "provenance", "serve"]) expect(stdout).toContain(command);
});

// The packed packages, installed into fresh projects, are tested in test/package/install.test.ts.
describe("where only bin.js, serve.js and a generated package are present (no tsx, no generator tooling)", () => {
  let dir: string;
  let bin: string;
  beforeAll(async () => {
    // node_modules/modelspec as npm installs it (bin, serve and the generated code), beside its one
    // runtime dependency; nothing above the temp folder provides tsx.
    dir = await mkdtemp(path.join(os.tmpdir(), "modelspec-installed-"));
    const pkg = path.join(dir, "node_modules", "modelspec");
    await mkdir(path.join(pkg, "generator"), { recursive: true });
    for (const file of ["bin.js", "serve.js"]) await cp(path.join(PROJECT_ROOT, "generator", file), path.join(pkg, "generator", file));
    await cp(path.join(PROJECT_ROOT, "generated"), path.join(pkg, "generated"), { recursive: true });
    await cp(path.join(PROJECT_ROOT, "package.json"), path.join(pkg, "package.json"));
    await symlink(path.join(PROJECT_ROOT, "node_modules", "eventsource-parser"), path.join(dir, "node_modules", "eventsource-parser"), "dir");
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    bin = path.join(pkg, "generator", "bin.js");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("modelspec serve runs, answers and stops", async () => {
    const proc = start(bin, ["serve", "--port", "0"]);
    const url = await proc.listening;
    const response = await fetch(`${url}/v1/responses`, {
      method: "POST",
      headers: { authorization: "Bearer any-token", "content-type": "application/json" },
      body: JSON.stringify(offerings["anyfast/gpt-5.4-mini"].examples[0]!.request),
    });
    expect(response.status).toBe(200);
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    expect(proc.output().stderr).toBe("");
  });
});
