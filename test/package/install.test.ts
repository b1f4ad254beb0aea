/**
 * Both packages as a stranger gets them: `npm pack` of the generator (`modelspec`) and of the
 * generated package, installed into a fresh project offline (see install.ts). There: every public
 * entry imports in Node; a consumer type-checks under strict with three module resolutions; it runs
 * against `modelspec serve`; `modelspec init` and `generate` make a working package for an
 * invented provider; one offering bundles small and alone. One pack and install for the file.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PROJECT_ROOT } from "../../generator/options.js";
import { appEntry, bundle, createOnlyEntry, TARGET_GZIP } from "./bundle.js";
import { installOffline, pack, run, type Tarball } from "./install.js";

let dir: string;
let app: string;
let models: Tarball;
const node = (script: string, cwd = app) => run(process.execPath, ["--input-type=module", "-e", script], { cwd });
const modelspec = (args: string[]) => run(path.join(app, "node_modules", ".bin", "modelspec"), args, { cwd: app });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "modelspec-pack-"));
  const cli = await pack(PROJECT_ROOT, dir);
  models = await pack(path.join(PROJECT_ROOT, "generated"), dir);
  app = path.join(dir, "app");
  await run("mkdir", [app]);
  await installOffline(app, path.join(PROJECT_ROOT, "package-lock.json"), [cli, models]);
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the generator package (modelspec)", () => {
  test("ships the build and no generator sources, specs or generated code", async () => {
    const { stdout } = await run("tar", ["-tzf", path.join(dir, "modelspec-0.1.0.tgz")]);
    const files = stdout.split("\n").filter(Boolean);
    expect(files).toContain("package/dist/generator/cli.js");
    expect(files).toContain("package/generator/bin.js");
    expect(files.filter((f) => /^package\/(schemas|generated)\//.test(f) || /^package\/generator\/.*\.ts$/.test(f))).toEqual([]);
  });

  test("answers an unknown command with the list of commands, exit 2", async () => {
    const failed = await modelspec(["bogus"]).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain(
      'unknown command "bogus"; the commands are generate, provenance, diff, import, serve, init, help',
    );
  });

  test("generates from this repository's specs exactly what the checkout generates (the build prints the same bytes)", async () => {
    const bin = path.join(app, "node_modules", ".bin", "modelspec");
    const args = [
      "generate",
      "--check",
      "--no-cache",
      "--schemas",
      path.join(PROJECT_ROOT, "schemas"),
      "--out",
      path.join(PROJECT_ROOT, "generated"),
    ];
    // Run in the checkout, so the project setting (the generated package's name and version) is the same.
    const checked = await run(bin, args, { cwd: PROJECT_ROOT });
    expect(checked.stdout).toContain("is up to date");
  });

  test("init writes a starter spec and scripts; generate makes a package that runs", async () => {
    const init = await modelspec(["init", "--name", "acme-models"]);
    expect(init.stdout).toContain("wrote schemas/example/provider.yaml, schemas/example/chat.yaml");
    const manifest = JSON.parse(await readFile(path.join(app, "package.json"), "utf8"));
    expect(manifest.scripts).toEqual({ generate: "modelspec generate", "generate:check": "modelspec generate --check" });
    expect(manifest.modelspec).toEqual({ package: { name: "acme-models", version: "0.1.0" } });
    // A second init refuses, naming the files relative to here.
    const again = await modelspec(["init"]).catch((error: { code: number; stderr: string }) => error);
    expect(again).toMatchObject({ code: 2 });
    expect((again as { stderr: string }).stderr).toContain("schemas/example/provider.yaml, schemas/example/chat.yaml already exist");

    const generated = await run("npm", ["run", "generate", "--", "--quiet"], { cwd: app });
    expect(generated.stderr).not.toMatch(/error/i);
    const own = JSON.parse(await readFile(path.join(app, "generated", "package.json"), "utf8"));
    expect(own).toMatchObject({ name: "acme-models", version: "0.1.0", sideEffects: false });
    expect(Object.keys(own.exports)).toContain("./example/chat");
    const { stdout } = await node(`
      import { createExampleRestClient, validateRequest } from "./generated/example/chat/index.js";
      import { startMockProviders } from "./generated/mock/index.js";
      const server = await startMockProviders({ apiKey: "k" });
      try {
        const client = createExampleRestClient({ apiKey: "k", baseUrl: server.url });
        const reply = await client.chat.create({ messages: [{ role: "user", content: "Hello" }] });
        console.log(JSON.stringify({ valid: validateRequest({ messages: [] }), reply }));
      } finally { await server.close(); }
    `);
    expect(JSON.parse(stdout)).toEqual({ valid: false, reply: { text: "Hello!" } });
  });
});

describe("the generated package (@modelspec/models)", () => {
  test("every public entry imports from Node ESM", async () => {
    const manifest = JSON.parse(await readFile(path.join(app, "node_modules", "@modelspec", "models", "package.json"), "utf8"));
    const catalog = JSON.parse(await readFile(path.join(app, "node_modules", "@modelspec", "models", "catalog.json"), "utf8"));
    const specifiers = Object.keys(manifest.exports).map((key: string) =>
      key.includes("*")
        ? key.replace("*", path.basename(catalog.find((e: { provider: string }) => key.startsWith(`./${e.provider}/`)).schemas.request, ".json"))
        : key,
    );
    const script = `
      const loaded = {};
      for (const key of ${JSON.stringify(specifiers)}) {
        const specifier = "@modelspec/models" + key.slice(1);
        const module = key.endsWith(".json") ? await import(specifier, { with: { type: "json" } }) : await import(specifier);
        loaded[key] = Object.keys(module).length;
      }
      console.log(JSON.stringify(loaded));`;
    const loaded = JSON.parse((await node(script)).stdout) as Record<string, number>;
    expect(Object.keys(loaded).sort()).toEqual(specifiers.sort());
    for (const [key, count] of Object.entries(loaded)) expect(count, key).toBeGreaterThan(0);
    // Internals are not reachable.
    await expect(node(`await import("@modelspec/models/runtime/util.js")`)).rejects.toMatchObject({
      stderr: expect.stringContaining("ERR_PACKAGE_PATH_NOT_EXPORTED"),
    });
  });

  test.each([
    ["bundler", { module: "esnext", moduleResolution: "bundler" }],
    ["node16", { module: "node20", moduleResolution: "node16" }],
    ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }],
  ])("a consumer type-checks under strict with %s resolution", async (name, options) => {
    const project = path.join(app, `types-${name}`);
    await run("mkdir", [project]);
    await writeFile(path.join(project, "consumer.ts"), CONSUMER);
    await writeFile(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { ...options, target: "es2022", lib: ["es2022", "dom"], types: [], strict: true, noEmit: true, skipLibCheck: false },
        files: ["consumer.ts"],
      }),
    );
    const result = await run(path.join(PROJECT_ROOT, "node_modules", ".bin", "tsc"), ["-p", project], { cwd: project }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect((result as { stdout: string }).stdout).toBe("");
    expect((result as { code?: number }).code ?? 0).toBe(0);
  });

  test("a consumer runs against modelspec serve", async () => {
    const child = spawn(
      path.join(app, "node_modules", ".bin", "modelspec"),
      ["serve", "--port", "0", "--api-key", "k", "--out", "node_modules/@modelspec/models"],
      {
        cwd: app,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          out += chunk;
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once("close", (code) => reject(new Error(`serve exited ${code}`)));
      });
      const { stdout } = await node(`
        import { createAnyfastRestClient } from "@modelspec/models/anyfast/gpt-5.4-mini";
        import { offerings } from "@modelspec/models/offerings";
        const client = createAnyfastRestClient({ apiKey: "k", baseUrl: ${JSON.stringify(url)} });
        const reply = await client.gpt54Mini.create(offerings["anyfast/gpt-5.4-mini"].examples[0].request);
        console.log(reply.object);
      `);
      expect(stdout.trim()).toBe("response");
    } finally {
      child.kill("SIGTERM");
    }
  });

  test("one offering bundles alone, within the budget (its create factory) and without its siblings (either way)", async () => {
    const specifier = "@modelspec/models/cloudflare/gpt-5.4-mini";
    const created = await bundle(createOnlyEntry(specifier, "createCloudflareRestCreate"), app);
    const client = await bundle(appEntry(specifier, "createCloudflareRestClient", "gpt54Mini"), app);
    for (const result of [created, client]) {
      expect(result.code).toContain('"openai/gpt-5.4-mini"');
      for (const other of ['"openai/gpt-5.4"', '"openai/gpt-5.4-nano"', "api.runware.ai", "anyfast"])
        expect(result.code.includes(other), other).toBe(false);
    }
    expect(created.gzipBytes).toBeLessThanOrEqual(TARGET_GZIP);
    // The client object holds stream() too, so its bundle carries the SSE reader: more, but bounded.
    expect(created.code).not.toContain("text/event-stream");
    expect(client.code).toContain("text/event-stream");
    expect(client.gzipBytes).toBeLessThanOrEqual(TARGET_GZIP + 3_000);
  });
});

/** A user's module: the root's types and errors, one offering's entry, the registry and the mock. */
const CONSUMER = `import { RateLimitError, type CloudflareGpt54MiniRequest, type ClientOptions } from "@modelspec/models";
import { createCloudflareRestClient, validateRequest, validateResponse } from "@modelspec/models/cloudflare/gpt-5.4-mini";
import { offerings, type OfferingId } from "@modelspec/models/offerings";
import type { MockServer } from "@modelspec/models/mock";

const request: CloudflareGpt54MiniRequest = { messages: [{ role: "user", content: "Hi" }], max_tokens: 500 };
const options: ClientOptions = { apiKey: "k" };
const client = createCloudflareRestClient({ ...options, accountId: "a", validateResponse: true, validators: { response: validateResponse } });
export async function call(): Promise<string | null | undefined> {
  try {
    const reply = await client.gpt54Mini.create(request);
    return reply.choices[0]?.message.content;
  } catch (error) {
    if (error instanceof RateLimitError) return null;
    throw error;
  }
}
export const ok: boolean = validateRequest(request);
export const id: OfferingId = "cloudflare/gpt-5.4-mini";
export const window: number | null = offerings[id].catalog.contextWindow;
export type Server = MockServer;
// @ts-expect-error: a misspelled parameter is a compile error
export const bad: CloudflareGpt54MiniRequest = { messages: [], max_token: 1 };
`;
