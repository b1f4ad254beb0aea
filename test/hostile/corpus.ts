/**
 * The hostile corpus: specs whose every free-text and naming field carries code that would run,
 * or markup that would render, if the generator pasted it anywhere unescaped. Each case is one
 * spec (an offering, or a provider with its offering) written as YAML or JSON; the marker
 * `__pwned` is in every payload, so a test can prove that none of it ever became code.
 */
import { stringify } from "yaml";
import { joinParameterPath, parameterPaths } from "../../generator/parameters.js";

export const MARKER = "__pwned";
const RUN = `globalThis.${MARKER} = 1`;

/** Strings that break out of a comment, a string literal, a template, HTML or Markdown. */
export const PAYLOADS: readonly string[] = [
  `*/ ${RUN}; /*`,
  `/* ${RUN} */ // ${RUN}`,
  `//${RUN}`,
  "`; " + RUN + "; `",
  "${" + RUN + "}",
  `"); ${RUN}; ("`,
  `'); ${RUN}; ('`,
  `"; ${RUN}; "`,
  `'; ${RUN}; '`,
  `\u201c smart \u201d \u2018 quotes \u2019 \u00ab guillemets \u00bb`,
  `\\"); ${RUN}; //`,
  `trailing backslash \\`,
  `\\u0022); ${RUN}; //`,
  `line one\n${RUN};\n// line three`,
  `crlf\r\n${RUN};\rcr`,
  `\u2028${RUN};\u2029${RUN};`,
  `next line\u0085${RUN}`,
  `</script><script>${RUN}</script>`,
  `<!-- ${RUN} --> ---> <!-->`,
  `<img src=x onerror="${RUN}">`,
  `| pipe | breaks | rows |`,
  `[link](javascript:${RUN}) ![image](https://x.invalid/i.png) <https://x.invalid>`,
  `# heading\n- list\n1. item\n> quote`,
  "**bold** _em_ ~~strike~~ `code` ```fence```",
  `&amp; &lt;script&gt; &#x3c;`,
  `\u0000 nul \u0001 \u001b[31m ansi \u007f del \u000b vt \u000c ff`,
  `\ufeff bom \u200b zero width \u202e rtl-override`,
  `emoji \u{1F600} astral \u{1D4B3} lone ${"\ud800"} surrogate`,
  `*/ process.exit(13) /*`,
  `-->${RUN}<!--`,
  `@deprecated @type {never} {@link javascript:${RUN}} @see x\n@returns nothing`,
  // Mentions that would notify people when docs or a diff are pasted into GitHub.
  `cc @octocat @acme/team (@x) \\@y *@z@w, not gpt@5.4 nor a@b.example`,
];

/** Keys that are not identifiers, or that name something every object already has. */
export const ODD_KEYS: readonly string[] = [
  "a-b",
  "with space",
  "123",
  "",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "0",
  "-1",
  "1e3",
  "NaN",
  "a.b",
  "a[0]",
  "a/b",
  "a~b",
  "~1",
  "$ref",
  "*/",
  "`",
  "${x}",
  '"',
  "'",
  "\\",
  "\n",
  "\u2028",
  "</script>",
  "class",
  "\u00e9t\u00e9",
  "/*",
  "//",
  "\u201cq\u201d \u2018q\u2019",
  "\u2029",
];

/** Words that are fine keys to JSON but not to JavaScript, as whole values of every field. */
export const KEY_WORDS: readonly string[] = ["a-b", "with space", "123", "", "__proto__", "constructor", "prototype", "toString"];

export interface HostileCase {
  name: string;
  /** Spec files added to the base provider, by path under the schemas folder. */
  files: Record<string, string>;
  /** Generation succeeds, or loading fails with this diagnostic (`file` without its extension). */
  want: "ok" | { file: string; pointer?: string; message: RegExp };
  /** Extra values both validators must judge alike (beyond the generated ones). */
  probes?: unknown[];
  /** Keys the request type must keep as quoted properties. */
  quotedKeys?: readonly string[];
}

/** An object whose keys all stay own data properties, `__proto__` included. */
export function own(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const text = (data: unknown, json: boolean) => (json ? `${JSON.stringify(data, null, 2)}\n` : stringify(data, { lineWidth: 0 }));

export const BASE_PROVIDER = {
  id: "hostile",
  name: "Hostile",
  docsUrl: "https://hostile.example/docs",
  retryStatuses: [429],
  errors: {
    provenance: "documented",
    pointer: "/error",
    fields: { message: "message" },
    schema: { type: "object", properties: { error: { type: "object", properties: { message: { type: "string" } } } } },
  },
  transports: [
    {
      id: "rest",
      kind: "http",
      description: "Plain JSON.",
      provenance: "documented",
      baseUrl: "https://api.hostile.example",
      method: "POST",
      path: "/v1/{model}/run",
      auth: { scheme: "bearer" },
      requestBody: { kind: "plain" },
      responseBody: { kind: "plain" },
      streaming: { format: "sse", enable: { field: "stream", value: true }, doneSentinel: "[DONE]" },
    },
  ],
};

const RESPONSE = { type: "object", required: ["text"], properties: { text: { type: "string" } } };
const STREAM_EVENT = { type: "object", properties: { delta: { type: "string" } } };

interface OfferingParts {
  provider?: string;
  model?: string;
  name?: string;
  description?: string;
  notes?: string[];
  source?: { seed: string; section: string };
  request?: Record<string, unknown>;
  response?: Record<string, unknown>;
  stream?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  provenance?: (path: string) => unknown;
  examples?: unknown[];
}

/** One offering spec. Parameters get `documented` provenance unless given. */
function offering(slug: string, parts: OfferingParts): Record<string, unknown> {
  const request = parts.request ?? { type: "object", properties: { prompt: { type: "string" } } };
  const parameters = parts.parameters ?? own(parameterPaths(request as never).map((p) => [p, parts.provenance?.(p) ?? "documented"]));
  return {
    provider: parts.provider ?? "hostile",
    slug,
    model: parts.model ?? `hostile-${slug}`,
    name: parts.name ?? `Hostile ${slug}`,
    description: parts.description ?? "An offering of the hostile corpus.",
    status: "beta",
    contextWindow: 1000,
    maxOutputTokens: null,
    inputModalities: ["text"],
    outputModalities: ["text"],
    source: parts.source ?? { seed: "hostile", section: slug },
    ...(parts.notes ? { notes: parts.notes } : {}),
    request: { provenance: "documented", parameters, schema: request },
    response: { provenance: "documented", schema: parts.response ?? RESPONSE },
    ...(parts.stream ? { stream: { provenance: "documented", schema: parts.stream } } : {}),
    examples: parts.examples ?? [],
  };
}

/** Object schema with one property per payload, each built by `property`. */
function perPayload(property: (payload: string, index: number) => Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { type: "object", ...extra, properties: own(PAYLOADS.map((p, i) => [`p${i}`, property(p, i)])) };
}

function oddKeyObject(value: (key: string) => unknown, required: readonly string[] = []) {
  return { type: "object", required, properties: own(ODD_KEYS.map((k) => [k, value(k)])) };
}

/** Regular expressions (valid with the `u` flag) full of comment, quote and markup characters. */
const PATTERNS = [
  "^[*/]+$",
  "^/\\*.*\\*/$",
  "^//.*$",
  "^`\\$\\{[a-z]+\\}`$",
  "^[\"'\\\\]*$",
  "^a\\nb$",
  "^<\\/script>$",
  "^\\u2028\\u2029$",
  "^x*/y*/$",
  "^(?:--|<!--|-->)$",
  "^[|#>_*~\\[\\]()!-]+$",
  // Written raw, not escaped: a comment opener, a template, curly quotes, line breaks and a closing script tag.
  "^[/*]+$",
  "^[${}]+$",
  "^[\u201c\u201d\u2018\u2019]$",
  "^a\nb$",
  "^[\u2028\u2029]$",
  "^</script>$",
  ...KEY_WORDS,
];

let counter = 0;
/** Alternate YAML and JSON so both parsers meet every payload. */
function spec(path: string, data: unknown): Record<string, string> {
  const json = counter++ % 3 === 2;
  return { [json ? path.replace(/\.yaml$/, ".json") : path]: text(data, json) };
}

function offeringCase(name: string, slug: string, parts: OfferingParts & { probes?: unknown[] }, extra: Partial<HostileCase> = {}): HostileCase {
  const { probes, ...offeringParts } = parts;
  return { name, files: spec(`hostile/${slug}.yaml`, offering(slug, offeringParts)), want: "ok", ...(probes ? { probes } : {}), ...extra };
}

/** A whole provider (id `p-<slug>`) built from the base, changed by `change`, with one plain offering. */
function providerCase(
  name: string,
  slug: string,
  change: (provider: typeof BASE_PROVIDER & Record<string, unknown>) => void,
  extra: Partial<HostileCase> = {},
): HostileCase {
  const provider = structuredClone(BASE_PROVIDER) as typeof BASE_PROVIDER & Record<string, unknown>;
  provider.id = `p-${slug}`;
  change(provider);
  const request = { type: "object", properties: { prompt: { type: "string" }, stream: { type: "boolean" } } };
  return {
    name,
    // The request takes the streaming switch, so the offering has a stream schema (a generation error otherwise).
    files: {
      ...spec(`p-${slug}/provider.yaml`, provider),
      ...spec(`p-${slug}/model.yaml`, offering("model", { provider: provider.id, request, stream: STREAM_EVENT })),
    },
    want: "ok",
    ...extra,
  };
}

const joined = PAYLOADS.join(" ");

export function hostileCases(): HostileCase[] {
  counter = 0;
  const cases: HostileCase[] = [
    offeringCase("descriptions", "descriptions", { request: perPayload((p) => ({ type: "string", description: p }), { description: joined }) }),
    offeringCase("titles", "titles", {
      request: {
        ...perPayload((p) => ({ type: "object", title: p, properties: { x: { type: "integer", title: p } } }), { title: joined }),
        $defs: own(PAYLOADS.slice(0, 6).map((p, i) => [`T${i}`, { title: p, type: "string" }])),
      },
    }),
    offeringCase("defaults", "defaults", {
      request: perPayload((p, i) =>
        i % 2
          ? { type: "string", default: p }
          : {
              type: "object",
              default: own([
                [p, p],
                ["__proto__", { polluted: p }],
              ]),
            },
      ),
    }),
    offeringCase("examples keyword", "examples-keyword", { request: perPayload((p) => ({ type: "string", examples: [p, { [p]: p }] })) }),
    offeringCase("comments and deprecated", "comments", {
      request: perPayload((p) => ({ type: "string", $comment: p, deprecated: true, "x-note": p, description: p })),
    }),
    offeringCase("string enum values", "enum-strings", {
      request: {
        type: "object",
        required: ["choice"],
        properties: { choice: { enum: PAYLOADS }, typed: { type: "string", enum: [...PAYLOADS, ""] } },
      },
      probes: [...PAYLOADS.map((p) => ({ choice: p })), { choice: "" }, { choice: `${PAYLOADS[0]} ` }],
    }),
    offeringCase("mixed enum values", "enum-mixed", {
      request: {
        type: "object",
        properties: {
          mixed: {
            enum: [
              null,
              true,
              0,
              -0.5,
              1e21,
              "",
              "__proto__",
              [PAYLOADS[0]],
              own([
                ["__proto__", 1],
                ["constructor", PAYLOADS[3]],
              ]),
              { "*/": "/*" },
            ],
          },
        },
      },
      probes: [
        { mixed: { constructor: PAYLOADS[3] } },
        { mixed: JSON.parse('{"__proto__":1,"constructor":' + JSON.stringify(PAYLOADS[3]) + "}") },
        { mixed: [PAYLOADS[0]] },
        { mixed: 1e21 },
      ],
    }),
    offeringCase("const values", "consts", {
      request: perPayload((p) => ({ const: p }), { required: ["p0", "p5"] }),
      probes: [
        { p0: PAYLOADS[0], p5: PAYLOADS[5] },
        { p0: PAYLOADS[1], p5: PAYLOADS[5] },
      ],
    }),
    offeringCase("const objects with odd keys (fixed fields the client fills)", "const-objects", {
      request: {
        type: "object",
        required: ["fixed", "__proto__"],
        properties: own([
          ["fixed", { const: own(ODD_KEYS.map((k) => [k, k])) }],
          [
            "__proto__",
            {
              const: own([
                ["__proto__", { polluted: true }],
                ["x", 1],
              ]),
            },
          ],
          ["constructor", { const: "constructor" }],
        ]),
      },
      probes: [
        JSON.parse(`{"fixed":${JSON.stringify(Object.fromEntries(ODD_KEYS.map((k) => [k, k])))},"__proto__":{"__proto__":{"polluted":true},"x":1}}`),
      ],
    }),
    offeringCase("patterns", "patterns", {
      request: { type: "object", properties: own(PATTERNS.map((p, i) => [`s${i}`, { type: "string", pattern: p, description: p }])) },
      probes: [
        { s0: "*/*/" },
        { s1: "/* x */" },
        { s2: "//x" },
        { s3: "`${ab}`" },
        { s4: `"'\\` },
        { s5: "a\nb" },
        { s6: "</script>" },
        { s7: "\u2028\u2029" },
        { s9: "-->" },
        { s10: "|#" },
        { s0: "x" },
      ],
    }),
    offeringCase("patternProperties keyed by hostile patterns", "pattern-properties", {
      request: {
        type: "object",
        patternProperties: own(PATTERNS.map((p) => [p, { type: "integer", description: p }])),
        additionalProperties: false,
      },
      probes: [{ "*/": 1 }, { "*/": "x" }, { "/* */": 2 }, { "a\nb": 3 }, { "</script>": 4.5 }, { other: 1 }],
    }),
    offeringCase(
      "odd property names",
      "odd-keys",
      { request: oddKeyObject((k) => ({ type: "string", description: k }), ["a-b", "", "__proto__", "constructor"]) },
      // Every key that is not an identifier (Unicode letters like `été` are).
      { quotedKeys: ODD_KEYS.filter((k) => !/^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(k)) },
    ),
    offeringCase("odd property names, nested and in arrays", "odd-nested", {
      request: {
        type: "object",
        properties: own(ODD_KEYS.slice(0, 10).map((k) => [k, { type: "array", items: oddKeyObject(() => ({ type: "integer", minimum: 0 }), [k]) }])),
      },
    }),
    offeringCase("odd keys closed with additionalProperties: false", "odd-closed", {
      request: { ...oddKeyObject(() => ({ type: "number" }), ["toString"]), additionalProperties: false },
      probes: [
        { toString: 1 },
        { toString: 1, extra: 2 },
        JSON.parse('{"toString":1,"__proto__":2}'),
        JSON.parse('{"toString":1,"__proto__":"x"}'),
        { toString: 1, hasOwnProperty: "x" },
      ],
    }),
    offeringCase("odd definition names", "odd-defs", {
      request: {
        type: "object",
        properties: own(
          ODD_KEYS.slice(0, 9).map((k, i) => [`d${i}`, { $ref: `#/$defs/${encodeURIComponent(k.replace(/~/g, "~0").replace(/\//g, "~1"))}` }]),
        ),
        $defs: own(ODD_KEYS.slice(0, 9).map((k) => [k, { type: "string", title: k, description: k, minLength: 1 }])),
      },
    }),
    {
      name: "a shared file with hostile definitions",
      files: {
        ...spec("hostile/shared/evil.yaml", {
          $comment: joined,
          description: joined,
          $defs: own([
            [
              "Evil",
              {
                type: "object",
                description: joined,
                properties: own(ODD_KEYS.slice(0, 8).map((k) => [k, { type: "string", description: PAYLOADS[0] }])),
              },
            ],
            ["__proto__", { type: "string", enum: PAYLOADS.slice(0, 5) }],
          ]),
        }),
        ...spec(
          "hostile/shared-refs.yaml",
          offering("shared-refs", {
            request: {
              type: "object",
              properties: { evil: { $ref: "shared/evil.yaml#/$defs/Evil" }, proto: { $ref: "shared/evil.yaml#/$defs/__proto__" } },
            },
            parameters: own([
              ["evil", "documented"],
              ["proto", "documented"],
              ...ODD_KEYS.slice(0, 8).map((k) => [joinParameterPath("evil", k), "documented"] as const),
            ]),
          }),
        ),
      },
      want: "ok",
    },
    {
      name: "spec file name with comment closers, markup and a newline",
      files: { [`hostile/we*/ird ---> <!-- </script> \`\${x}\` \n${RUN} \u2028 name.yaml`]: text(offering("file-name", {}), false) },
      want: "ok",
    },
    offeringCase("model id with quotes, backticks and a template", "model-quotes", { model: "m\"'`${" + RUN + "}`'\"\\" }),
    offeringCase("model id with comment closers and markup", "model-comments", {
      model: `*/ ${RUN} /* </script> <!-- | [x](y) // \u201c${RUN}\u201d \u2018${RUN}\u2019`,
    }),
    // Model ids and provider names that are whole key-like words (`__proto__`, `constructor`, ...): one offering or provider each.
    ...KEY_WORDS.filter((w) => w !== "").map((word, i) => offeringCase(`model id ${JSON.stringify(word)}`, `model-word-${i}`, { model: word })),
    ...KEY_WORDS.filter((w) => w !== "").map((word, i) =>
      providerCase(`provider name ${JSON.stringify(word)}`, `word-${i}`, (p) => {
        p.name = word;
      }),
    ),
    offeringCase("key-like words as whole values of every schema field", "key-words", {
      request: {
        type: "object",
        description: KEY_WORDS.join(" "),
        properties: own([
          ...KEY_WORDS.map(
            (word, i) =>
              [
                `w${i}`,
                { type: "string", enum: [word, `${word}!`], default: word, examples: [word], description: word, title: word, pattern: word },
              ] as const,
          ),
          [
            "bag",
            {
              type: "object",
              default: own(KEY_WORDS.map((w) => [w, w])),
              examples: [own(KEY_WORDS.map((w) => [w, w]))],
              properties: own(KEY_WORDS.map((w) => [w, { type: "string" }])),
            },
          ],
        ]),
      },
      examples: [
        {
          name: "words",
          title: "every word",
          provenance: "documented",
          request: own([...KEY_WORDS.map((word, i) => [`w${i}`, word] as const), ["bag", own(KEY_WORDS.map((w) => [w, w]))]]),
          response: { text: "ok" },
        },
      ],
      probes: [
        { w4: "__proto__" },
        { w4: "__proto__!" },
        { w4: "__proto_" },
        { bag: JSON.parse('{"__proto__":1}') },
        { bag: JSON.parse('{"__proto__":"x","toString":"y"}') },
      ],
    }),
    offeringCase("model id with line separators", "model-lines", { model: `m\n${RUN}\u2028${RUN}\u2029\r\n` }),
    offeringCase("offering name", "name", { name: joined }),
    offeringCase("offering description", "description", { description: joined }),
    offeringCase("notes", "notes", { notes: [...PAYLOADS] }),
    offeringCase("source", "source", { source: { seed: joined, section: joined } }),
    offeringCase("inferred provenance reasons", "provenance", {
      request: perPayload(() => ({ type: "string" })),
      provenance: (p) => ({ inferred: PAYLOADS[Number(p.slice(1)) % PAYLOADS.length]!.replace(/[\n\r]/g, " ") }),
    }),
    offeringCase("examples with hostile titles, data and keys", "examples", {
      request: {
        type: "object",
        properties: own([
          ["text", { type: "string" }],
          ["__proto__", { type: "object" }],
          ["constructor", { type: "string" }],
        ]),
      },
      examples: PAYLOADS.map((p, i) => ({
        name: `e${i}`,
        title: p,
        provenance: { inferred: p.replace(/[\n\r]/g, " ") },
        request: own([
          ["text", p],
          [
            "__proto__",
            own([
              ["__proto__", { polluted: p }],
              [p, p],
            ]),
          ],
          ["constructor", p],
        ]),
        response: { text: p },
      })),
    }),
    offeringCase("hostile response and stream schemas", "response-stream", {
      request: { type: "object", properties: { stream: { type: "boolean" } } },
      response: { ...oddKeyObject((k) => ({ type: "string", description: PAYLOADS[k.length % PAYLOADS.length] }), ["a-b"]), description: joined },
      stream: { ...perPayload((p) => ({ enum: [p], description: p })), title: joined },
      examples: [{ name: "s", title: "stream", provenance: "documented", request: { stream: true }, events: [{ p0: PAYLOADS[0] }] }],
    }),
    offeringCase("numbers at the edges", "numbers", {
      request: {
        type: "object",
        properties: {
          big: { type: "number", maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308, default: 1e308 },
          tiny: { type: "number", exclusiveMinimum: 5e-324, multipleOf: 5e-324 },
          // biome-ignore lint/correctness/noPrecisionLoss: an integer past 2^53 on purpose
          unsafe: { type: "integer", const: 9007199254740993 },
          negzero: { const: -0 },
          step: { type: "number", multipleOf: 0.1, minimum: -0.3, maximum: 0.3 },
        },
      },
      probes: [
        { step: 0.3 },
        { step: -0.3 },
        { step: 0.30000000000000004 },
        { step: 0.35 },
        { tiny: 0 },
        { tiny: 1e-323 },
        { negzero: 0 },
        { unsafe: 9007199254740992 },
        { big: Number.MAX_VALUE },
      ],
    }),
    offeringCase("deep nesting with annotations everywhere", "deep", {
      request: (function nest(depth: number): Record<string, unknown> {
        return depth === 0
          ? { type: "string", description: PAYLOADS[depth]!, maxLength: 3 }
          : {
              type: "object",
              description: PAYLOADS[depth % PAYLOADS.length]!,
              title: PAYLOADS[(depth + 3) % PAYLOADS.length]!,
              required: ["next"],
              properties: own([
                ["next", nest(depth - 1)],
                [ODD_KEYS[depth % ODD_KEYS.length]!, { anyOf: [{ type: "null" }, { type: "array", items: { $ref: "#" } }] }],
              ]),
            };
      })(12),
    }),
    offeringCase("combinators and conditionals", "combinators", {
      request: {
        type: "object",
        properties: {
          one: { oneOf: PAYLOADS.slice(0, 5).map((p) => ({ const: p, description: p })) },
          all: { allOf: [{ type: "string", description: PAYLOADS[1] }, { not: { const: PAYLOADS[2] } }] },
          cond: { if: { const: PAYLOADS[3] }, then: { description: PAYLOADS[4] }, else: { type: "string", maxLength: 2 } },
          names: { type: "object", propertyNames: { pattern: "^[^*/]*$" }, minProperties: 1 },
          tuple: { type: "array", prefixItems: [{ const: PAYLOADS[0] }, { type: "integer" }], items: false, contains: { type: "integer" } },
        },
      },
      probes: [
        { one: PAYLOADS[0] },
        { all: PAYLOADS[2] },
        { cond: PAYLOADS[3] },
        { cond: "abc" },
        { names: { "*/": 1 } },
        { names: {} },
        { tuple: [PAYLOADS[0], 1] },
        { tuple: [PAYLOADS[0], 1, 2] },
      ],
    }),
    offeringCase("type names that collide", "collide", {
      request: {
        type: "object",
        properties: { a: { $ref: "#/$defs/Response" }, b: { $ref: "#/$defs/StreamEvent" } },
        $defs: { Response: { type: "string" }, StreamEvent: { type: "integer" } },
      },
    }),
    offeringCase("slug whose type stem extends another's", "collide-request", { request: { type: "object", properties: { c: { type: "string" } } } }),
    providerCase("provider name", "name", (p) => {
      p.name = joined;
    }),
    providerCase("provider notes and descriptions", "prose", (p) => {
      p.notes = [...PAYLOADS];
      p.transports[0]!.description = joined;
      (p.transports[0] as Record<string, unknown>).provenance = { inferred: PAYLOADS[0] };
      p.errors.schema = { ...oddKeyObject(() => ({ type: "string", description: joined })), description: joined } as never;
    }),
    providerCase("provider wire fields (path, path parameters, envelope field names, sentinels)", "wire", (p) => {
      const t = p.transports[0] as Record<string, unknown>;
      t.path = `/v1/{model}/{region}/*/\`\${x}\`/"'\\/</script>`;
      t.pathParams = [{ name: "region", description: joined }];
      t.requestBody = { kind: "task-array", uuidField: "__proto__" };
      t.responseBody = { kind: "envelope", result: `*/${RUN}/*`, success: "constructor" };
      t.streaming = {
        format: "sse",
        enable: {
          field: "`${x}`",
          value: own([
            ["__proto__", { polluted: true }],
            ["*/", "/*"],
          ]),
        },
        doneSentinel: joined,
        terminalEventTypes: [...PAYLOADS],
        errorEventTypes: ["</script>"],
        errorField: "__proto__",
      };
      t.auth = { scheme: "bearer", header: "X-Api-Key" };
      p.errors.fields = { message: "*/", code: "__proto__", type: "`${x}`", parameter: "\u2028" } as never;
      p.errors.pointer = "/__proto__/*\u2028/`${x}`";
    }),
    {
      name: "a provider whose offerings are not written yet",
      files: spec("p-empty/provider.yaml", { ...BASE_PROVIDER, id: "p-empty", name: joined }),
      want: "ok",
    },
    providerCase("provider ids that are Object.prototype names", "constructor", (p) => {
      p.id = "constructor";
    }),
    providerCase("provider id that looks like a number", "123", (p) => {
      p.id = "123";
    }),
    // Inputs that cannot be represented: identifiers must match their pattern.
    {
      name: "provider id with a quote",
      files: spec("bad/provider.yaml", { ...BASE_PROVIDER, id: `x"; ${RUN}; //` }),
      want: { file: "bad/provider", pointer: "/id", message: /must match \^\[a-z0-9\]/ },
    },
    {
      name: "an empty model id",
      files: spec("hostile/empty-model.yaml", { ...offering("empty-model", { request: { type: "object" } }), model: "" }),
      want: { file: "hostile/empty-model", pointer: "/model", message: /must NOT have fewer than 1 characters/ },
    },
    {
      name: "an empty provider name",
      files: spec("bad4/provider.yaml", { ...BASE_PROVIDER, id: "bad4", name: "" }),
      want: { file: "bad4/provider", pointer: "/name", message: /must NOT have fewer than 1 characters/ },
    },
    {
      name: "slug with a comment closer",
      files: spec("hostile/bad-slug.yaml", offering("*/x", { request: { type: "object" } })),
      want: { file: "hostile/bad-slug", pointer: "/slug", message: /must match/ },
    },
    {
      name: "typePrefix that is not an identifier",
      files: spec("bad2/provider.yaml", { ...BASE_PROVIDER, id: "bad2", typePrefix: "X = 1; //" }),
      want: { file: "bad2/provider", pointer: "/typePrefix", message: /must match/ },
    },
    {
      name: "path parameter name that is not an identifier",
      files: spec("bad3/provider.yaml", {
        ...BASE_PROVIDER,
        id: "bad3",
        transports: [{ ...BASE_PROVIDER.transports[0], pathParams: [{ name: "a-b", description: "x" }] }],
      }),
      want: { file: "bad3/provider", pointer: "/transports/0/pathParams/0/name", message: /must match/ },
    },
    {
      name: "provider id that is a folder of the output (runtime)",
      files: {
        ...spec("runtime/provider.yaml", { ...BASE_PROVIDER, id: "runtime" }),
        ...spec("runtime/m.yaml", offering("m", { provider: "runtime", request: { type: "object" } })),
      },
      want: { file: "runtime/provider", pointer: "/id", message: /reserved/ },
    },
    {
      name: "slug that is a file name of the output (index.js)",
      files: spec("hostile/index-js.yaml", offering("index.js", { request: { type: "object" } })),
      want: { file: "hostile/index-js", pointer: "/slug", message: /reserved/ },
    },
    {
      name: "slug that is a folder of the provider's output (schemas, its JSON Schemas)",
      files: spec("hostile/schemas.yaml", offering("schemas", { request: { type: "object" } })),
      want: { file: "hostile/schemas", pointer: "/slug", message: /reserved/ },
    },
    {
      name: "provider id that is a folder of the docs (models, the pages comparing providers)",
      files: {
        ...spec("models/provider.yaml", { ...BASE_PROVIDER, id: "models" }),
        ...spec("models/m.yaml", offering("m", { provider: "models", request: { type: "object" } })),
      },
      want: { file: "models/provider", pointer: "/id", message: /reserved/ },
    },
    {
      name: "an $ref that names a property key, not a schema",
      files: spec(
        "hostile/ref-odd.yaml",
        offering("ref-odd", { request: { type: "object", properties: { a: { $ref: "#/properties/__proto__" } } }, parameters: { a: "documented" } }),
      ),
      want: { file: "hostile/ref-odd", pointer: "/request/schema/properties/a/$ref", message: /points to nothing/ },
    },
  ];
  return cases;
}
