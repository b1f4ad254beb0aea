/**
 * What one offering costs a user's bundle: esbuild (`--bundle --minify --format=esm
 * --platform=neutral`) of an entry that imports one provider's client factory and uses one
 * offering of it, minified bytes and gzip (level 9) bytes. The entry is written by `entryFor`:
 * once the package has per-offering entries (the package issue), point it at those.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { PROJECT_ROOT } from "../../generator/options.js";
import * as generated from "../../generated/index.js";
import type { TransportDescriptor } from "../../generated/runtime/index.js";

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

/** The user's module: one client factory, one offering's `create`. */
function entryFor(offering: OfferingLike, factory: string): string {
  return [
    `import { ${factory} } from "./generated/${offering.provider}/client.js";`,
    `export function create(options, request) {`,
    `  return ${factory}(options).${offering.clientKey}.create(request);`,
    `}`,
  ].join("\n");
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
    const entry = entryFor(offering, factory);
    const out = await build({
      stdin: { contents: entry, resolveDir: PROJECT_ROOT, sourcefile: "bench-entry.js", loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      write: false,
      logLevel: "silent",
    });
    const code = out.outputFiles[0]!.contents;
    const result = {
      offering: offering.id,
      entry: `${factory} (${provider}/client.js), .${offering.clientKey}.create`,
      bytes: code.length,
      gzipBytes: gzipSync(code, { level: 9 }).length,
    };
    log(`bundle ${offering.id}: ${result.bytes} B, ${result.gzipBytes} B gzip`);
    results.push(result);
  }
  return results;
}
