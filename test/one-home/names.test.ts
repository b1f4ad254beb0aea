/**
 * Client names are computed once, in normalize.ts, into the model: each transport's factory, client
 * and options types, and each offering's client key. The emitters write exactly those names.
 */
import { describe, expect, it } from "vitest";
import { generateFiles, loadModel } from "../../generator/generate.js";
import { MINIMAL_SPECS, textFiles } from "../helpers.js";

const TINY = MINIMAL_SPECS["acme/tiny.yaml"]!;

// Two providers whose type prefix and transport id make the same stem (`AcmeRestApi`), and two
// slugs that make the same client key (`tinyOne`): every exported name must still be unique.
const SPECS: Record<string, string> = {
  ...MINIMAL_SPECS,
  "acme/provider.yaml": MINIMAL_SPECS["acme/provider.yaml"]!.replace("  - id: rest\n", "  - id: rest-api\n"),
  "acme-rest/provider.yaml": MINIMAL_SPECS["acme/provider.yaml"]!.replace("id: acme\n", "id: acme-rest\n").replace("  - id: rest\n", "  - id: api\n"),
  "acme/tiny.yaml": TINY.replace("slug: tiny\n", "slug: tiny-one\n"),
  "acme/tiny2.yaml": TINY.replace("slug: tiny\n", "slug: tiny_one\n"),
};

describe("client names in the model", () => {
  const model = loadModel(textFiles(SPECS));
  const provider = (id: string) => model.providers.find((p) => p.id === id)!;

  it("claims each transport's names once, unique across providers (the root index re-exports them side by side)", () => {
    // Provider files are read in path order: acme-rest/ before acme/.
    expect(provider("acme-rest").clients).toEqual([
      {
        transport: "api",
        factory: "createAcmeRestApiClient",
        client: "AcmeRestApiClient",
        options: "AcmeRestApiOptions",
        create: "createAcmeRestApiCreate",
        stream: "createAcmeRestApiStream",
        stem: "AcmeRestApi",
      },
    ]);
    expect(provider("acme").clients).toEqual([
      {
        transport: "rest-api",
        factory: "createAcmeRestApiClient2",
        client: "AcmeRestApiClient2",
        options: "AcmeRestApiOptions2",
        create: "createAcmeRestApiCreate2",
        stream: "createAcmeRestApiStream2",
        stem: "AcmeRestApi",
      },
    ]);
  });

  it("gives each offering a client key unique within its provider, in id order", () => {
    expect(model.offerings.map((o) => [o.id, o.clientKey])).toEqual([
      ["acme/tiny-one", "tinyOne"],
      ["acme/tiny_one", "tinyOne2"],
    ]);
  });

  it("the emitted modules use exactly the model's names", async () => {
    const files = new Map((await generateFiles(textFiles(SPECS))).map((f) => [f.path, f.contents]));
    for (const p of model.providers) {
      const client = files.get(`${p.id}/client.js`)!;
      const types = files.get(`${p.id}/client.d.ts`)!;
      const index = files.get(`${p.id}/index.js`)!;
      for (const names of p.clients) {
        expect(client).toContain(`export function ${names.factory}(options) {`);
        expect(types).toContain(`export declare function ${names.factory}(options: ${names.options}): ${names.client};`);
        expect(index).toMatch(new RegExp(`\\b${names.transport.replace(/-/g, "\\-")}"?: ${names.factory},`));
      }
      for (const offering of model.offerings.filter((o) => o.provider === p.id)) {
        expect(client).toContain(`    ${offering.clientKey}: {`);
        expect(files.get(`${p.id}/${offering.slug}/index.js`)).toContain(`clientKey: "${offering.clientKey}",`);
      }
    }
  });
});
