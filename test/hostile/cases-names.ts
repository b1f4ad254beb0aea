/** Hostile cases, part two: model ids and provider names that are whole key-like words, and other names. */
import {
  BASE_PROVIDER,
  type HostileCase,
  joined,
  KEY_WORDS,
  ODD_KEYS,
  oddKeyObject,
  offeringCase,
  own,
  PAYLOADS,
  perPayload,
  providerCase,
  RUN,
  spec,
} from "./builders.js";

export function nameCases(): HostileCase[] {
  return [
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
  ];
}
