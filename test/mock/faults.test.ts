/**
 * One table of faults (generator/mock/faults.ts) drives the handler, `modelspec serve --help` and
 * the README's "Mock server faults" section: the README is its rendering, and each row's effect is
 * what the server does on the wire.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { offerings } from "../../generated/offerings.js";
import {
  MOCK_FAULT_TABLE,
  MOCK_HEADERS,
  mockFaultsMarkdown,
  mockHooksHelp,
  startMockProviders,
  type MockServer,
} from "../../generated/mock/index.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { serveCommand } from "../../generator/serve.js";

const HEADING = "### Mock server faults";

/** The README's section from its heading to the next heading. */
function readmeSection(): string | undefined {
  const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start < 0) return undefined;
  const rest = readme.slice(start + 1);
  const next = rest.slice(HEADING.length).search(/^#{1,3} /m);
  return next < 0 ? rest : rest.slice(0, HEADING.length + next);
}

describe("the fault table is the one list", () => {
  test("the README's section is the table's rendering (paste mockFaultsMarkdown() from modelspec/mock to update it)", () => {
    const section = readmeSection();
    expect(section, `README.md has no "${HEADING}" section`).toBeDefined();
    expect(section!.trimEnd()).toBe(mockFaultsMarkdown().trimEnd());
  });

  test("the rendering names every fault and every header, with each row's own words", () => {
    const markdown = mockFaultsMarkdown();
    for (const row of MOCK_FAULT_TABLE) {
      expect(markdown).toContain(`| \`${row.name}\` | ${row.does} |`);
      for (const hook of row.tunedBy) expect(markdown).toContain(`\`${hook.header}: ${hook.value}\`: ${hook.does}`);
    }
    for (const hook of MOCK_HEADERS) expect(markdown).toContain(`| \`${hook.header}: ${hook.value}\` | ${hook.does} |`);
  });

  test("serve --help prints the same table", async () => {
    let SERVE_HELP = "";
    const run = await serveCommand(["--help"], { out: (text) => (SERVE_HELP += text), err: (text) => expect.fail(text) });
    expect(run.code).toBe(0);
    expect(SERVE_HELP).toContain(mockHooksHelp());
    const help = SERVE_HELP.replace(/\s+/g, " ");
    for (const row of MOCK_FAULT_TABLE) {
      expect(help).toContain(`${row.name} ${row.does.replace(/`/g, "")}`);
      for (const hook of row.tunedBy) expect(help).toContain(`${hook.header}: ${hook.value} ${hook.does.replace(/`/g, "")}`);
    }
    for (const hook of MOCK_HEADERS) expect(help).toContain(`${hook.header}: ${hook.value} ${hook.does.replace(/`/g, "")}`);
  });

  test("help lines stay within 100 columns", () => {
    for (const line of mockHooksHelp().split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
  });
});

describe("the handler does what each row says", () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const anyfast = offerings["anyfast/gpt-5.4-mini"];
  const call = (fault: string, stream = false) =>
    fetch(`${server!.url}/v1/responses`, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json", "x-modelspec-fault": fault },
      body: JSON.stringify({ ...(anyfast.examples[0]!.request as object), stream }),
    });

  test.each(MOCK_FAULT_TABLE.filter((row) => row.effect.kind === "reply"))("$name: answered at once with its row's failure", async (row) => {
    if (row.effect.kind !== "reply") throw new Error("filtered above");
    server = await startMockProviders();
    const res = await call(row.name);
    expect(res.status).toBe(row.effect.failure.status);
    expect(await res.json()).toMatchObject({ error: { code: row.effect.failure.code, message: row.effect.failure.message } });
    expect(res.headers.has("retry-after")).toBe(row.effect.retryAfter === true);
  });

  test.each(MOCK_FAULT_TABLE.filter((row) => row.effect.kind === "task-failed"))("$name: a 200 carrying its row's failure", async (row) => {
    if (row.effect.kind !== "task-failed") throw new Error("filtered above");
    server = await startMockProviders();
    const res = await call(row.name);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ error: { code: row.effect.failure.code, message: row.effect.failure.message } });
  });

  test.each(MOCK_FAULT_TABLE.filter((row) => row.effect.kind === "stream"))(
    "$name: a stream without its final event, ended as its row says",
    async (row) => {
      if (row.effect.kind !== "stream") throw new Error("filtered above");
      server = await startMockProviders();
      const text = await (await call(row.name, true)).text();
      expect(text).not.toContain("response.completed");
      if (row.effect.end === "error-event") expect(text).toContain(JSON.stringify(row.effect.failure.message));
      else expect(text).not.toContain("event: error");
    },
  );
});
