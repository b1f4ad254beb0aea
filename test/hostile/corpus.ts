/**
 * The hostile corpus: specs whose every free-text and naming field carries code that would run,
 * or markup that would render, if the generator pasted it anywhere unescaped. Each case is one
 * spec (an offering, or a provider with its offering) written as YAML or JSON; the marker
 * `__pwned` is in every payload, so a test can prove that none of it ever became code.
 */
import { joinParameterPath } from "../../generator/parameters.js";
import {
  type HostileCase,
  joined,
  ODD_KEYS,
  oddKeyObject,
  offering,
  offeringCase,
  own,
  PATTERNS,
  PAYLOADS,
  perPayload,
  RUN,
  spec,
  text,
  resetFormats,
} from "./builders.js";
import { nameCases } from "./cases-names.js";
import { refusedCases } from "./cases-refused.js";

export { BASE_PROVIDER, type HostileCase, KEY_WORDS, MARKER, ODD_KEYS, own, PAYLOADS } from "./builders.js";

export function hostileCases(): HostileCase[] {
  resetFormats();
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
    ...nameCases(),
    ...refusedCases(),
  ];
  return cases;
}
