/**
 * The generated package's surface, in the checkout: its package.json lists each public entry and
 * nothing internal, an offering's entry carries a client for that offering alone whose response
 * validation comes only with the validators passed in (what a bundle of it holds: bundle.test.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { offerings, providers } from "../../generated/offerings.js";
import { ConfigurationError, InvalidRequestError, InvalidResponseError } from "../../generated/runtime/index.js";
import { NODE_ENGINES, RUNTIME_DEPENDENCIES } from "../../generator/emit/package.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { GENERATED_DIR } from "../helpers.js";

const manifest = JSON.parse(readFileSync(path.join(GENERATED_DIR, "package.json"), "utf8")) as {
  name: string;
  sideEffects: boolean;
  types: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
};

describe("generated/package.json", () => {
  test("is a module package without side effects, with top-level types and the Node version require(esm) needs", () => {
    expect(manifest).toMatchObject({ type: "module", sideEffects: false, types: "./index.d.ts", engines: { node: NODE_ENGINES } });
    expect(NODE_ENGINES).toBe(">=20.19");
  });

  test("depends only on what generated code imports, in the range the generator itself installs", () => {
    expect(manifest.dependencies).toEqual(RUNTIME_DEPENDENCIES);
    // The packages the generated modules import by bare name (node: built-ins aside) are exactly its dependencies.
    const imported = new Set<string>();
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith(".js"))
          for (const [, specifier] of readFileSync(file, "utf8").matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/g))
            if (!specifier!.startsWith(".") && !specifier!.startsWith("node:")) imported.add(specifier!.split("/")[0]!);
      }
    };
    walk(GENERATED_DIR);
    expect([...imported].sort()).toEqual(Object.keys(manifest.dependencies).sort());
    const root = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8"));
    for (const [name, range] of Object.entries(RUNTIME_DEPENDENCIES)) expect(root.dependencies[name] ?? root.devDependencies[name]).toBe(range);
  });

  test("exports the root, the registry, every provider and offering, the mock, the data files, and no wildcard onto internals", () => {
    const keys = Object.keys(manifest.exports);
    const want = [".", "./offerings", "./runtime", "./mock", "./catalog.json", "./package.json"];
    for (const provider of Object.keys(providers)) want.push(`./${provider}`, `./${provider}/schemas/*.json`, `./${provider}/openapi.json`);
    for (const id of Object.keys(offerings)) want.push(`./${id}`);
    expect(keys.sort()).toEqual(want.sort());
    expect(keys.filter((k) => k.includes("*") && !k.endsWith(".json"))).toEqual([]);
    for (const target of Object.values(manifest.exports)) {
      const files = typeof target === "string" ? [target] : [target.types, target.default];
      for (const file of files) if (!file.includes("*")) expect(existsSync(path.join(GENERATED_DIR, file)), file).toBe(true);
    }
  });

  test("the root builds no registry on import: offerings, providers and catalog live in ./offerings", async () => {
    const root = await import("../../generated/index.js");
    for (const name of ["offerings", "providers", "catalog", "getOffering"]) expect(root).not.toHaveProperty(name);
    expect(readFileSync(path.join(GENERATED_DIR, "index.js"), "utf8")).not.toMatch(/^export (const|function)/m);
  });
});

describe.each(Object.values(offerings))("the $id entry", (offering) => {
  const provider = providers[offering.provider];

  async function entry(): Promise<Record<string, unknown>> {
    return import(path.join(GENERATED_DIR, offering.id, "index.js"));
  }

  test("has a client for this offering alone, validating requests by default", async () => {
    const module = await entry();
    const factories = Object.keys(module).filter((k) => /^create\w+Client$/.test(k));
    expect(factories.length).toBe(provider.transports.length);
    let sent = 0;
    const client = (module[factories.find((f) => !/Binding/.test(f))!] as (o: object) => Record<string, { create(r: unknown): Promise<unknown> }>)({
      apiKey: "k",
      accountId: "a",
      baseUrl: "http://127.0.0.1:9",
      fetch: async () => {
        sent++;
        throw new Error("not reached");
      },
    });
    expect(Object.keys(client)).toEqual([offering.clientKey]);
    await expect(client[offering.clientKey]!.create({ definitely: "not a request" })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(sent).toBe(0);
  });

  test("validates responses only with the validators passed in, and says so when they are missing", async () => {
    const module = await entry();
    const factory = Object.keys(module).find((k) => /^create\w+Client$/.test(k) && !/Binding/.test(k))!;
    const create = module[factory] as (o: object) => Record<string, { create(r: unknown, call?: object): Promise<unknown> }>;
    const base = { apiKey: "k", accountId: "a", baseUrl: "http://127.0.0.1:9", maxRetries: 0 };
    expect(() => create({ ...base, validateResponse: true })).toThrow(ConfigurationError);
    expect(() => create({ ...base, validateResponse: true })).toThrow("validateResponse needs validators.response: import validateResponse");
    const example = offering.examples.find((e) => !("events" in e && e.events))!;
    const bogus = () =>
      new Response(JSON.stringify({ result: { nope: true }, success: true, errors: [], messages: [], data: [{ nope: true }] }), {
        headers: { "content-type": "application/json" },
      });
    const plain = create({ ...base, fetch: async () => bogus() })[offering.clientKey]!;
    await expect(plain.create(example.request, { validateResponse: true })).rejects.toThrow(ConfigurationError);
    // Given the validators but not asked to validate: the answer is not judged.
    const unasked = create({ ...base, fetch: async () => bogus(), validators: { response: module.validateResponse } })[offering.clientKey]!;
    await expect(unasked.create(example.request)).resolves.toBeDefined();
    const checked = create({ ...base, fetch: async () => bogus(), validateResponse: true, validators: { response: module.validateResponse } })[
      offering.clientKey
    ]!;
    await expect(checked.create(example.request)).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
