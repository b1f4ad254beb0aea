/**
 * What one offering costs an app's bundle (issue: at most 8 kB minified and gzipped with the
 * default options, whatever the number of its siblings). For every offering, esbuild bundles an
 * app that imports that offering's entry, as a user would, and calls `create`: through the entry's
 * create-only factory the bundle stays within the target and holds no streaming code; through the
 * client it holds both methods. Either way it holds no other offering's or provider's code and no
 * other response-body kind's unwrapper, and the response and stream validators come in only when
 * the app passes them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { offerings, providers } from "../../generated/offerings.js";
import { PROJECT_ROOT } from "../../generator/options.js";
import { GENERATED_DIR } from "../helpers.js";
import { appEntry, bundle, createOnlyEntry, TARGET_GZIP, type OfferingBundle } from "./bundle.js";

/** What streams: the SSE reader, its parser and the streaming call. */
const STREAMING_INPUTS = ["node_modules/eventsource-parser/", "generated/runtime/sse.js", "generated/runtime/http-stream.js"];

/**
 * What each response-body kind's unwrapper (runtime/unwrap.ts) leaves in minified code: the refusal
 * it alone words, or the descriptor field it alone reads. A bundle holds its transport's only.
 */
const UNWRAPPER_MARKS = { plain: `.pointer!==""`, envelope: ".success]", "data-array": `an array at "` };

describe.each(Object.values(offerings))("a bundle of $id", (offering) => {
  const provider = providers[offering.provider];
  const entry = `./generated/${offering.id}/index.js`;
  const http = provider.transports.findIndex((t) => t.kind === "http");
  const validators = offering.catalog.validators as { request: string; response: string; stream?: string };

  async function factories(): Promise<{ client: string; create: string; stream: string | undefined }> {
    const module = await import(path.join(GENERATED_DIR, offering.id, "index.js"));
    const client = Object.keys(module).filter((k) => /^create\w+Client$/.test(k))[http]!;
    const stream = client.replace(/Client$/, "Stream");
    return { client, create: client.replace(/Client$/, "Create"), stream: stream in module ? stream : undefined };
  }

  /** No other offering's model id (quoted, so `gpt-5.4` is not found inside `gpt-5.4-mini`), no other provider's host. */
  function holdsNoOtherCode(result: OfferingBundle): void {
    const holds = (text: string) => result.code.includes(text);
    expect(holds(JSON.stringify(offering.model))).toBe(true);
    for (const other of Object.values(offerings))
      if (other.id !== offering.id) expect(holds(JSON.stringify(other.model)) && other.model !== offering.model, other.id).toBe(false);
    for (const other of Object.values(providers))
      for (const t of other.transports)
        if (other.id !== offering.provider && t.kind === "http") expect(holds(new URL(t.baseUrl).host), other.id).toBe(false);
  }

  /** Its transport's unwrapper and no other body kind's. */
  function holdsOwnUnwrapperOnly(result: OfferingBundle): void {
    const transport = provider.transports[http]!;
    const kind = transport.kind === "http" ? transport.responseBody.kind : undefined;
    for (const [other, mark] of Object.entries(UNWRAPPER_MARKS)) expect(result.code.includes(mark), `${other} unwrapper`).toBe(other === kind);
  }

  /** The files of the package a bundle holds, less the runtime (which knows no offering). */
  const offeringFiles = (result: OfferingBundle) =>
    Object.keys(result.inputs)
      .filter((f) => f.startsWith("generated/") && !f.startsWith("generated/runtime/"))
      .sort();
  const validatorFile = (role: keyof typeof validators) => `generated/${validators[role]}`;

  test("create alone: within the target, no streaming code, no response validator, no other body kind's unwrapper, no other offering's or provider's code", async () => {
    const { create } = await factories();
    const result = await bundle(createOnlyEntry(entry, create), PROJECT_ROOT);
    holdsNoOtherCode(result);
    holdsOwnUnwrapperOnly(result);
    expect(offeringFiles(result)).toEqual(
      [`generated/${offering.provider}/provider.js`, `generated/${offering.id}/client.js`, validatorFile("request")].sort(),
    );
    for (const input of Object.keys(result.inputs)) for (const streaming of STREAMING_INPUTS) expect(input).not.toContain(streaming);
    // The provider's prose and error schema (the mock's) stay out: the client reads only its wire descriptor.
    expect(result.code).not.toContain(JSON.stringify(provider.docsUrl));
    expect(result.inputs[`generated/${offering.id}/client.js`]).toBeLessThan(1024);
    expect(result.gzipBytes).toBeLessThanOrEqual(TARGET_GZIP);
    console.log(`${offering.id}: create alone ${result.bytes} B minified, ${result.gzipBytes} B gzipped (target ${TARGET_GZIP})`);
  });

  test("the client: no other offering's or provider's code or body kind's unwrapper, and no response or stream validator unless passed", async () => {
    const { client } = await factories();
    const result = await bundle(appEntry(entry, client, offering.clientKey), PROJECT_ROOT);
    holdsNoOtherCode(result);
    holdsOwnUnwrapperOnly(result);
    expect(offeringFiles(result)).toEqual(
      [`generated/${offering.provider}/provider.js`, `generated/${offering.id}/client.js`, validatorFile("request")].sort(),
    );
  });

  test("response and stream validators come in when the app passes them", async () => {
    const { create, stream } = await factories();
    const withResponse = [
      `import { ${create}, validateResponse } from ${JSON.stringify(entry)};`,
      `export const create = (options) => ${create}({ ...options, validateResponse: true, validators: { response: validateResponse } });`,
    ].join("\n");
    const checked = await bundle(withResponse, PROJECT_ROOT);
    expect(offeringFiles(checked)).toContain(validatorFile("response"));
    if (validators.stream) expect(offeringFiles(checked)).not.toContain(validatorFile("stream"));
    if (!stream || !validators.stream) return;
    const streaming = [
      `import { ${stream}, validateStreamEvent } from ${JSON.stringify(entry)};`,
      `export const stream = (options) => ${stream}({ ...options, validators: { stream: validateStreamEvent } });`,
    ].join("\n");
    const streamed = await bundle(streaming, PROJECT_ROOT);
    expect(offeringFiles(streamed)).toContain(validatorFile("stream"));
    expect(offeringFiles(streamed)).not.toContain(validatorFile("response"));
    expect(Object.keys(streamed.inputs).some((f) => f.includes("eventsource-parser"))).toBe(true);
  });
});

describe("the validators' helpers (runtime/ajv-helpers.js)", () => {
  test("each format is ajv-formats' own, taken alone: it answers as ajv-formats does and brings no other format", async () => {
    const helpers = (await import(path.join(GENERATED_DIR, "runtime/ajv-helpers.js"))) as Record<string, unknown>;
    const { fullFormats } = (await import("ajv-formats/dist/formats.js")) as unknown as { fullFormats: Record<string, unknown> };
    const samples = ["https://example.com/a?b=c#d", "urn:isbn:0451450523", "no scheme", "http://[::1]:80/", "", "x:", "/relative", "a b:c"];
    const formats = Object.keys(helpers).filter((name) => name.startsWith("ajv_formats_fullFormats_"));
    expect(formats.length).toBeGreaterThan(0);
    for (const name of formats) {
      const format = name.slice("ajv_formats_fullFormats_".length);
      const theirs = fullFormats[format] as (s: string) => boolean;
      const ours = helpers[name] as (s: string) => boolean;
      for (const sample of samples) expect(ours(sample), `${format}(${JSON.stringify(sample)})`).toBe(theirs(sample));
    }
    // The helper module holds the used formats only: not, say, email's or ipv6's expressions.
    const text = readFileSync(path.join(GENERATED_DIR, "runtime/ajv-helpers.js"), "utf8");
    for (const unused of ["email", "ipv6", "date"].filter((f) => !formats.includes(`ajv_formats_fullFormats_${f}`)))
      expect(text, unused).not.toContain(String(fullFormats[unused] instanceof RegExp ? (fullFormats[unused] as RegExp).source : unused));
  });
});
