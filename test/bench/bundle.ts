/**
 * What one offering costs a user's bundle: esbuild (`--bundle --minify --format=esm
 * --platform=neutral`) of an app that imports one offering's entry (`generated/<provider>/<slug>`)
 * and calls `create` with the default options through the entry's create-only factory
 * (`createCloudflareRestCreate`); minified bytes and gzip (level 9) bytes. The same measure as
 * test/package/bundle.test.ts, which holds the 8 kB target.
 */
import { PROJECT_ROOT } from "../../generator/options.js";
import * as generated from "../../generated/offerings.js";
import type { TransportDescriptor } from "../../generated/runtime/index.js";
import { bundle, createOnlyEntry } from "../package/bundle.js";

export interface BundleResult {
  offering: string;
  entry: string;
  bytes: number;
  gzipBytes: number;
}

interface OfferingLike {
  id: string;
  provider: string;
  clientKey: string;
}

export async function benchBundles(log: (line: string) => void): Promise<BundleResult[]> {
  const registry = generated as unknown as Record<string, { clients: Record<string, (options: object) => unknown> }> & {
    offerings: Record<string, OfferingLike>;
    providers: Record<string, { transports: readonly TransportDescriptor[] }>;
  };
  const results: BundleResult[] = [];
  for (const provider of Object.keys(registry.providers).sort()) {
    const offering = Object.values(registry.offerings)
      .filter((o) => o.provider === provider)
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    const transport = registry.providers[provider]!.transports.find((t) => t.kind === "http");
    if (!offering || !transport) continue;
    // The factory's exported name (`createCloudflareRestClient`), as a user imports it.
    const factory = registry[provider]!.clients[transport.id]!.name;
    const specifier = `./generated/${offering.id}/index.js`;
    const create = factory.replace(/Client$/, "Create");
    const { bytes, gzipBytes } = await bundle(createOnlyEntry(specifier, create), PROJECT_ROOT);
    const result = { offering: offering.id, entry: `${create} (${offering.id}/index.js)`, bytes, gzipBytes };
    log(`bundle ${offering.id}: ${result.bytes} B, ${result.gzipBytes} B gzip`);
    results.push(result);
  }
  return results;
}
