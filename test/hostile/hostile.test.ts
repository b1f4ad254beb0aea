/**
 * The hostile corpus (corpus.ts) through the whole generator. Each spec loads on its own (or is
 * refused with a clear error where it cannot be represented); all of them generate together; the
 * output type-checks under strict with TypeScript 7; no payload ever becomes code, statically or
 * when every module is imported; data written as literals reads back unchanged; odd keys stay
 * quoted properties; the validators judge like ajv at run time; and the docs escape Markdown and HTML.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { SpecError } from "../../generator/diagnostics.js";
import { validatorFiles } from "../../generator/emit/shared.js";
import { literal, propertyKey } from "../../generator/escape.js";
import { generateFiles, loadModel } from "../../generator/generate.js";
import type { GeneratedFile, Model, SchemaRole } from "../../generator/model.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { parseSpecFiles, type ParsedFile } from "../../generator/load.js";
import { examplesFor, fuzzDifferential, runtimeValidator, sourceValidator, type Validate } from "../fuzz/differential.js";
import { sharedType, textFiles } from "../helpers.js";
import { own } from "./builders.js";
import { BASE_PROVIDER, hostileCases, MARKER, ODD_KEYS, PAYLOADS } from "./corpus.js";
import { coverageMatrix, FIELDS, matrixText, PAYLOAD_CLASSES, type Field } from "./coverage.js";

/** Random cases per hostile schema, on top of its probes and examples. */
const HOSTILE_RUNS = Number(process.env.MODELSPEC_HOSTILE_RUNS ?? 300);

const BASE = { "hostile/provider.yaml": stringify(BASE_PROVIDER) };
const cases = hostileCases();
const accepted = cases.filter((c) => c.want === "ok");
const stem = (file: string) => file.replace(/\.(ya?ml|json)$/, "");

let model: Model;
let parsed: ParsedFile[];
let files: GeneratedFile[];
let outDir: string;

const output = (relative: string) => files.find((f) => f.path === relative)!;
const importOutput = <T = Record<string, unknown>>(relative: string): Promise<T> =>
  import(pathToFileURL(path.join(outDir, relative)).href) as Promise<T>;

beforeAll(async () => {
  const specs = textFiles(Object.assign({}, BASE, ...accepted.map((c) => c.files)));
  model = loadModel(specs);
  parsed = parseSpecFiles(specs, { maxSpecBytes: Infinity }).files;
  files = await generateFiles(specs);
  // Outside the repository (nothing for its tsconfig or git to pick up), with node_modules linked in
  // so the generated modules resolve `eventsource-parser` and tsc finds @types/node.
  outDir = await mkdtemp(path.join(os.tmpdir(), "modelspec-hostile-"));
  await symlink(path.join(PROJECT_ROOT, "node_modules"), path.join(outDir, "node_modules"), "dir");
  for (const file of files) {
    await mkdir(path.dirname(path.join(outDir, file.path)), { recursive: true });
    await writeFile(path.join(outDir, file.path), file.contents);
  }
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
  delete (globalThis as Record<string, unknown>)[MARKER];
});

describe("the hostile corpus", () => {
  it("holds at least 30 specs, most of which must generate", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(accepted.length).toBeGreaterThanOrEqual(30);
  });

  /** Cells no spec can fill, with the corpus case that shows the clear error instead. */
  const REFUSED: Partial<Record<Field, Record<string, string>>> = {
    "model id": { '""': "an empty model id" },
    "provider name": { '""': "an empty provider name" },
  };

  it("puts every payload in every field the issue names (the coverage matrix has no gap)", () => {
    const matrix = coverageMatrix(cases);
    const gaps = FIELDS.flatMap((field) =>
      Object.keys(PAYLOAD_CLASSES)
        .filter((p) => !matrix[field][p] && !REFUSED[field]?.[p])
        .map((p) => `${field} × ${p}`),
    );
    expect(gaps, matrixText(matrix)).toEqual([]);
    for (const [field, cells] of Object.entries(REFUSED)) {
      for (const [payload, name] of Object.entries(cells)) {
        expect(matrix[field as Field][payload], `${field} × ${payload} is refused, not generated`).toBe(false);
        expect(cases.find((c) => c.name === name)?.want, name).not.toBe("ok");
      }
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: loads alone, or is refused with file, line, column and pointer", (_, c) => {
    const load = () => loadModel(textFiles({ ...BASE, ...c.files }));
    if (c.want === "ok") {
      expect(load).not.toThrow();
      return;
    }
    let error: unknown;
    try {
      load();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpecError);
    const want = c.want;
    const found = (error as SpecError).diagnostics;
    const match = found.find(
      (d) => stem(d.file) === want.file && want.message.test(d.message) && (want.pointer === undefined || d.pointer === want.pointer),
    );
    expect(match, JSON.stringify(found, null, 2)).toBeDefined();
    expect(match!.line).toBeGreaterThan(0);
    expect(match!.column).toBeGreaterThan(0);
  });

  it("generates as one set, every offering and provider included", () => {
    expect(model.offerings.length).toBe(
      accepted.reduce(
        (n, c) =>
          n + Object.keys(c.files).filter((f) => !f.endsWith("provider.yaml") && !f.endsWith("provider.json") && !f.includes("/shared/")).length,
        0,
      ),
    );
    for (const offering of model.offerings)
      expect(
        files.some((f) => f.path === `${offering.provider}/${offering.slug}/types.d.ts`),
        offering.id,
      ).toBe(true);
    // A provider with no offerings yet is written too.
    const empty = model.providers.filter((p) => !model.offerings.some((o) => o.provider === p.id));
    expect(empty.map((p) => p.id)).toEqual(["p-empty"]);
    for (const provider of model.providers)
      expect(
        files.some((f) => f.path === `${provider.id}/index.js`),
        provider.id,
      ).toBe(true);
  });
});

describe("generated code from hostile specs", () => {
  it("has no payload outside string literals and comments (parsed with TypeScript)", () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f.path))) {
      const source = ts.createSourceFile(
        file.path,
        file.contents,
        ts.ScriptTarget.Latest,
        true,
        file.path.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS,
      );
      const parseErrors = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      if (parseErrors.length) problems.push(`${file.path}: ${ts.flattenDiagnosticMessageText(parseErrors[0]!.messageText, " ")}`);
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && node.text === MARKER) problems.push(`${file.path}: identifier ${MARKER} at ${node.getStart()}`);
        if (ts.isCallExpression(node) && /^process\s*\.\s*exit$/.test(node.expression.getText())) problems.push(`${file.path}: process.exit call`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(problems).toEqual([]);
  });

  it("type-checks under strict with TypeScript 7 (tsc), with odd keys and enum values usable from a consumer", async () => {
    const odd = model.offerings.find((o) => o.slug === "odd-keys")!;
    const enums = model.offerings.find((o) => o.slug === "enum-strings")!;
    // TypeScript gives every object type Object.prototype's members, so an optional `toString?: string`
    // conflicts with the inherited `toString(): string` unless the literal sets it (TypeScript's
    // limit, not the generator's): literals here always set those keys.
    const required = new Set([...(odd.request.schema.required as string[]), "toString", "valueOf", "hasOwnProperty"]);
    const consumer = [
      `import { offerings } from "./offerings.js";`,
      `import type { ${odd.request.typeName} } from "./hostile/odd-keys/types.js";`,
      `import type { ${enums.request.typeName} } from "./hostile/enum-strings/types.js";`,
      `export const every: ${odd.request.typeName} = {`,
      ...ODD_KEYS.map((k) => `  ${propertyKey(k)}: ${literal(k)},`),
      "};",
      `export const requiredOnly: ${odd.request.typeName} = { ${[...required].map((k) => `${propertyKey(k)}: "x"`).join(", ")} };`,
      `// @ts-expect-error a key the spec does not have`,
      `export const misspelled: ${odd.request.typeName} = { ${[...required].map((k) => `${propertyKey(k)}: "x"`).join(", ")}, "a-c": "x" };`,
      `// @ts-expect-error a required odd key left out`,
      `export const missing: ${odd.request.typeName} = { ${[...required]
        .filter((k) => k !== "a-b")
        .map((k) => `${propertyKey(k)}: "x"`)
        .join(", ")} };`,
      ...PAYLOADS.map((p, i) => `export const choice${i}: ${enums.request.typeName}["choice"] = ${literal(p)};`),
      `// @ts-expect-error a string that is not one of the enum's values`,
      `export const notAChoice: ${enums.request.typeName}["choice"] = ${literal(`${PAYLOADS[0]} `)};`,
      `export const count: number = Object.keys(offerings).length;`,
      "",
    ].join("\n");
    await writeFile(path.join(outDir, "consumer.ts"), consumer);
    const tsconfig = {
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable", "DOM.AsyncIterable"],
        types: ["node"],
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        skipLibCheck: false,
      },
      include: ["**/*.d.ts", "consumer.ts"],
      exclude: ["node_modules"],
    };
    await writeFile(path.join(outDir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    const tsc = path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc");
    const result = await promisify(execFile)(process.execPath, [tsc, "-p", outDir, "--pretty", "false"], { cwd: outDir }).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` }),
    );
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });

  it("has payloads that do run when pasted unescaped (so the marker check below can fail)", async () => {
    // What a careless generator writes: spec text straight into a comment, a string or a template.
    const contexts: Record<string, (payload: string) => string> = {
      "block comment": (p) => `/* ${p} */`,
      JSDoc: (p) => `/**\n * ${p}\n */\nexport {};`,
      "line comment": (p) => `// ${p}`,
      "double-quoted string": (p) => `export const s = "${p}";`,
      "single-quoted string": (p) => `export const s = '${p}';`,
      "template literal": (p) => `export const s = \`${p}\`;`,
    };
    const ran: Record<string, number> = {};
    let n = 0;
    for (const [context, paste] of Object.entries(contexts)) {
      ran[context] = 0;
      for (const payload of PAYLOADS) {
        const file = path.join(outDir, `naive-${n++}.mjs`);
        await writeFile(file, `${paste(payload)}\n`);
        delete (globalThis as Record<string, unknown>)[MARKER];
        // Most pastes are syntax errors; some are valid code that sets the marker.
        await import(pathToFileURL(file).href).catch(() => undefined);
        if ((globalThis as Record<string, unknown>)[MARKER] === 1) ran[context]++;
        await rm(file);
      }
    }
    delete (globalThis as Record<string, unknown>)[MARKER];
    for (const [context, count] of Object.entries(ran)) expect(count, `payloads that run from a ${context}`).toBeGreaterThan(0);
  });

  it("imports every generated module without running any payload", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => {
      throw new Error("a generated module called process.exit");
    }) as never);
    try {
      delete (globalThis as Record<string, unknown>)[MARKER];
      const modules = files.filter((f) => f.path.endsWith(".js")).map((f) => f.path);
      expect(modules.length).toBeGreaterThan(100);
      for (const module of modules) await importOutput(module);
      expect((globalThis as Record<string, unknown>)[MARKER]).toBeUndefined();
      expect(exit).not.toHaveBeenCalled();
    } finally {
      exit.mockRestore();
    }
  });

  it("writes spec data as literals that read back unchanged (ids, models, examples, `__proto__` keys included)", async () => {
    const { offerings } = await importOutput<{ offerings: Record<string, { id: string; model: string; examples: unknown }> }>("offerings.js");
    expect(Object.keys(offerings).sort()).toEqual(model.offerings.map((o) => o.id).sort());
    for (const offering of model.offerings) {
      const written = offerings[offering.id]!;
      expect(written.model).toBe(offering.model);
      // JSON.stringify lists own keys only, so a `__proto__` key that became a prototype would be missing.
      expect(JSON.stringify(written.examples), offering.id).toBe(JSON.stringify(offering.examples));
    }
    for (const provider of model.providers) {
      const { provider: written } = await importOutput<{ provider: { name: string; transports: unknown[] } }>(`${provider.id}/index.js`);
      expect(written.name).toBe(provider.name);
      const wire = provider.transports.map(({ description: _d, provenance: _p, ...rest }) => rest);
      expect(JSON.stringify(written.transports), provider.id).toBe(JSON.stringify(wire));
    }
    const catalog = JSON.parse(output("catalog.json").contents) as { id: string; model: string; spec: string }[];
    expect(catalog.map((e) => [e.id, e.model, e.spec])).toEqual(model.offerings.map((o) => [o.id, o.model, `schemas/${o.specFile}`]));
  });

  it("fills fixed fields with odd keys (`__proto__`, `constructor`) exactly as the spec gives them", async () => {
    const { createHostileRestClient } = await importOutput<{
      createHostileRestClient: (options: object) => Record<string, { create: (r: object) => Promise<unknown> }>;
    }>("hostile/client.js");
    const bodies: string[] = [];
    const fetch = async (_: unknown, init?: RequestInit) => {
      bodies.push(String(init?.body));
      return new Response(JSON.stringify({ text: "ok" }), { headers: { "content-type": "application/json" } });
    };
    const client = createHostileRestClient({ apiKey: "sk-hostile", fetch, maxRetries: 0 });
    await client.constObjects!.create({});
    // As the corpus writes them (corpus.ts), not as the generator loaded them.
    const expected = [
      ["fixed", JSON.stringify(own(ODD_KEYS.map((k) => [k, k])))],
      ["__proto__", '{"__proto__":{"polluted":true},"x":1}'],
      ["constructor", '"constructor"'],
    ];
    const sent = JSON.parse(bodies[0]!) as Record<string, unknown>;
    expect(
      Object.keys(sent)
        .map((k) => [k, JSON.stringify(sent[k])])
        .filter(([k]) => k !== "model"),
    ).toEqual(expected);
  });

  it("keeps every odd property name as a property of the types, quoted where it is not an identifier", () => {
    const quoted = cases.filter((x) => x.quotedKeys?.length);
    expect(quoted.length).toBeGreaterThan(0);
    for (const c of quoted) {
      const slug = stem(Object.keys(c.files)[0]!).split("/").pop()!;
      const offering = model.offerings.find((o) => o.slug === slug)!;
      const shared = sharedType(files, `${offering.provider}/${offering.slug}`, offering.request.typeName);
      const source = ts.createSourceFile("types.d.ts", shared.file.contents, ts.ScriptTarget.Latest, true);
      const members = new Map<string, ts.PropertyName>();
      source.forEachChild((node) => {
        if (ts.isInterfaceDeclaration(node) && node.name.text === shared.name) {
          for (const member of node.members) if (ts.isPropertySignature(member)) members.set(nameOf(member.name), member.name);
        }
      });
      expect([...members.keys()].sort()).toEqual([...ODD_KEYS].sort());
      for (const key of c.quotedKeys!) {
        const name = members.get(key)!;
        // `__proto__` is written computed (`["__proto__"]`), which TypeScript reads as a plain property.
        if (key === "__proto__") expect(ts.isComputedPropertyName(name) || ts.isStringLiteral(name), key).toBe(true);
        else expect(ts.isStringLiteral(name) || ts.isNumericLiteral(name), JSON.stringify(key)).toBe(true);
      }
    }
  });

  it("judges a property named like an Object.prototype member only when the value has it", async () => {
    const offering = model.offerings.find((o) => o.slug === "odd-keys")!;
    const { default: validate } = await importOutput<{ default: Validate }>(validatorFiles(model).get(offering.id)!.request!);
    const onlyRequired = JSON.parse('{"a-b":"x","":"x","__proto__":"x","constructor":"x"}') as unknown;
    expect(validate(onlyRequired), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse('{"a-b":"x","":"x","constructor":"x"}'))).toBe(false);
  });

  it("writes JSDoc with no tags but the generator's own (spec text cannot add @deprecated, @type or {@link})", () => {
    const allowed = new Set([
      "default",
      "minimum",
      "maximum",
      "exclusiveMinimum",
      "exclusiveMaximum",
      "multipleOf",
      "minLength",
      "maxLength",
      "minItems",
      "maxItems",
      "minProperties",
      "maxProperties",
      "format",
      "pattern",
      "uniqueItems",
      "deprecated",
    ]);
    const problems: string[] = [];
    for (const file of files.filter((f) => f.path.endsWith(".d.ts") && !f.path.startsWith("runtime/"))) {
      const source = ts.createSourceFile(file.path, file.contents, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
          for (const tag of doc.tags ?? []) if (!allowed.has(tag.tagName.text)) problems.push(`${file.path}: @${tag.tagName.text}`);
          const parts = [doc.comment, ...(doc.tags ?? []).map((t) => t.comment)].flatMap((c) => (typeof c === "object" && c ? [...c] : []));
          for (const part of parts) if (part.kind !== ts.SyntaxKind.JSDocText) problems.push(`${file.path}: inline ${ts.SyntaxKind[part.kind]}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(problems).toEqual([]);
    // The tags the spec asked for honestly (`deprecated: true`) are still there.
    const comments = model.offerings.find((o) => o.slug === "comments")!;
    expect(sharedType(files, "hostile/comments", comments.request.typeName).file.contents).toMatch(/@deprecated/);
  });

  it("writes no raw control, bidirectional or zero-width character into code or docs", () => {
    for (const file of files.filter((f) => !f.path.endsWith(".json"))) {
      expect(file.contents, file.path).not.toMatch(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the output
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029]/,
      );
    }
  });

  it("compare JSON values without ajv's fast-deep-equal, which throws on a `valueOf` key", async () => {
    const offering = model.offerings.find((o) => o.slug === "enum-mixed")!;
    const { default: validate } = await importOutput<{ default: Validate }>(validatorFiles(model).get(offering.id)!.request!);
    const stock = runtimeValidator(offering.request.schema, { stockAjv: true });
    const value = JSON.parse('{"mixed":{"valueOf":1,"toString":"x"}}') as unknown;
    expect(() => stock(value)).toThrow(TypeError);
    expect(validate(value)).toBe(false);
    expect(validate.errors?.map((e) => [e.instancePath, e.keyword])).toEqual([["/mixed", "enum"]]);
    expect(validate(JSON.parse(`{"mixed":{"__proto__":1,"constructor":${JSON.stringify(PAYLOADS[3])}}}`))).toBe(true);
  });

  it("validators judge like ajv compiled at run time (from the bundled and from the source schema), on probes, examples and random values", async () => {
    const probes = new Map(
      accepted.flatMap((c) => (c.probes?.length ? [[stem(Object.keys(c.files)[0]!).split("/").pop()!, c.probes] as const] : [])),
    );
    expect(probes.size).toBeGreaterThanOrEqual(8);
    let total = 0;
    for (const offering of model.offerings) {
      for (const role of ["request", "response", "stream"] as SchemaRole[]) {
        const section = offering[role];
        if (!section) continue;
        const { default: validate } = await importOutput<{ default: Validate }>(validatorFiles(model).get(offering.id)![role]!);
        const examples = examplesFor(offering.examples, role);
        const extra = [...examples, ...(role === "request" ? (probes.get(offering.slug) ?? []) : [])];
        total += fuzzDifferential(validate, section.schema, HOSTILE_RUNS, extra, sourceValidator(parsed, offering.specFile, role)).runs;
      }
    }
    expect(total).toBeGreaterThan(model.offerings.length * 2 * HOSTILE_RUNS);
  });
});

describe("generated docs from hostile specs", () => {
  // The package's README.md holds no spec text (ids only, in code spans): the rules are the docs pages'.
  const pages = () => files.filter((f) => f.path.endsWith(".md") && f.path !== "README.md");

  it("start with one HTML comment that nothing closes early", () => {
    for (const page of pages()) {
      const [banner] = page.contents.split("\n");
      expect(banner, page.path).toMatch(/^<!-- .* -->$/);
      expect(banner!.slice(4, -3), page.path).not.toContain("--");
    }
  });

  it("hold no raw HTML, links or line breaks from spec text, and every table row keeps its cells", () => {
    for (const page of pages()) {
      const lines = page.contents.split("\n").slice(1);
      let columns: number | undefined;
      for (const line of lines) {
        const prose = withoutCodeSpans(line);
        expect(prose, `${page.path}: ${line}`).not.toMatch(/</);
        // The only links are the generator's own, to pages beside this one (`[text](../p/slug.md)`); link text is escaped spec text.
        expect(prose.replace(/\]\((\.\.\/)?[a-z0-9/._-]+\.md\)/g, ""), `${page.path}: ${line}`).not.toMatch(/(^|[^\\])\]\(/);
        expect(line, page.path).not.toMatch(/^\s*(globalThis|\$\{|\/\/|`;)/);
        if (/^#/.test(line)) {
          expect(line, page.path).toMatch(
            /^(# Offerings|# .+ on .+|# .+ at \d+ providers|## (Request parameters|Notes|Examples|Offerings|Where the pages disagree|Models served by several providers)|### (Stated on only some pages|Parameters not every offering takes))$/,
          );
        }
        if (line.startsWith("|")) {
          const cells = unescapedPipes(line);
          columns ??= cells;
          expect(cells, `${page.path}: ${line}`).toBe(columns);
        } else columns = undefined;
      }
    }
  });

  it("mention nobody when pasted into GitHub: every @name is in a code span, and still reads as written", () => {
    const problems: string[] = [];
    for (const page of pages()) {
      for (const line of page.contents.split("\n").slice(1)) {
        // As GitHub reads it: backslash escapes resolved (an escaped backtick opens no code span), code spans dropped.
        const prose = withoutCodeSpans(line.replace(/\\([\s\S])/g, (_, c: string) => (c === "`" ? "'" : c)));
        if (/(?<![A-Za-z0-9_])@[A-Za-z0-9]/.test(prose)) problems.push(`${page.path}: ${line}`);
      }
    }
    expect(problems).toEqual([]);
    const described = output("docs/hostile/description.md").contents;
    expect(described).toContain("cc `@octocat` `@acme/team` (`@x`) \\\\`@y` \\*`@z@w`, not gpt@5.4 nor a@b.example");
  });
});

function nameOf(name: ts.PropertyName): string {
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return name.getText();
}

/** The line with every Markdown code span removed (a run of n backticks up to the next run of exactly n). */
function withoutCodeSpans(line: string): string {
  return line.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
}

/** Table cell separators: `|` not escaped by an odd number of backslashes. */
function unescapedPipes(line: string): number {
  return [...line.matchAll(/(\\*)\|/g)].filter((m) => m[1]!.length % 2 === 0).length;
}
