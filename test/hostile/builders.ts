/**
 * The hostile corpus: specs whose every free-text and naming field carries code that would run,
 * or markup that would render, if the generator pasted it anywhere unescaped. Each case is one
 * spec (an offering, or a provider with its offering) written as YAML or JSON; the marker
 * `__pwned` is in every payload, so a test can prove that none of it ever became code.
 */
import { stringify } from "yaml";
import { parameterPaths } from "../../generator/parameters.js";

export const MARKER = "__pwned";
export const RUN = `globalThis.${MARKER} = 1`;

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

export const text = (data: unknown, json: boolean) => (json ? `${JSON.stringify(data, null, 2)}\n` : stringify(data, { lineWidth: 0 }));

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

export const RESPONSE = { type: "object", required: ["text"], properties: { text: { type: "string" } } };
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
export function offering(slug: string, parts: OfferingParts): Record<string, unknown> {
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
export function perPayload(property: (payload: string, index: number) => Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { type: "object", ...extra, properties: own(PAYLOADS.map((p, i) => [`p${i}`, property(p, i)])) };
}

export function oddKeyObject(value: (key: string) => unknown, required: readonly string[] = []) {
  return { type: "object", required, properties: own(ODD_KEYS.map((k) => [k, value(k)])) };
}

/** Regular expressions (valid with the `u` flag) full of comment, quote and markup characters. */
export const PATTERNS = [
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

/** Starts the YAML/JSON alternation afresh, so every build of the corpus writes the same files. */
export function resetFormats(): void {
  counter = 0;
}
/** Alternate YAML and JSON so both parsers meet every payload. */
export function spec(path: string, data: unknown): Record<string, string> {
  const json = counter++ % 3 === 2;
  return { [json ? path.replace(/\.yaml$/, ".json") : path]: text(data, json) };
}

export function offeringCase(
  name: string,
  slug: string,
  parts: OfferingParts & { probes?: unknown[] },
  extra: Partial<HostileCase> = {},
): HostileCase {
  const { probes, ...offeringParts } = parts;
  return { name, files: spec(`hostile/${slug}.yaml`, offering(slug, offeringParts)), want: "ok", ...(probes ? { probes } : {}), ...extra };
}

/** A whole provider (id `p-<slug>`) built from the base, changed by `change`, with one plain offering. */
export function providerCase(
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

/** Every payload in one text. */
export const joined = PAYLOADS.join(" ");
