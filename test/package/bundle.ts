/**
 * What one offering costs an app's bundle: esbuild (`--bundle --minify --format=esm
 * --platform=neutral`) of a module that imports one offering's entry and calls `create` with the
 * default options, through the entry's create-only factory (`createCloudflareRestCreate`) or
 * through its client. Shared by the package tests and `npm run bench`.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The target for one offering with the default options, gzipped: 8 kB in decimal units, as the issue writes it. */
export const TARGET_GZIP = 8_000;

export interface OfferingBundle {
  /** The minified bundle. */
  code: string;
  bytes: number;
  gzipBytes: number;
  /** Each input file (relative to `resolveDir`) and the bytes it adds to the bundle. */
  inputs: Record<string, number>;
}

/** The app's module: one factory from one offering's entry (`specifier`), one `create`. */
export function appEntry(specifier: string, factory: string, clientKey: string): string {
  return [
    `import { ${factory} } from ${JSON.stringify(specifier)};`,
    "export function create(options, request) {",
    `  return ${factory}(options)[${JSON.stringify(clientKey)}].create(request);`,
    "}",
  ].join("\n");
}

/** The app's module: the create-only factory (`factory`, e.g. `createCloudflareRestCreate`) from one offering's entry, one call. */
export function createOnlyEntry(specifier: string, factory: string): string {
  return [
    `import { ${factory} } from ${JSON.stringify(specifier)};`,
    "export function create(options, request) {",
    `  return ${factory}(options)(request);`,
    "}",
  ].join("\n");
}

/** Bundles `entry` as an app would, resolving imports from `resolveDir`. */
export async function bundle(entry: string, resolveDir: string): Promise<OfferingBundle> {
  const out = await build({
    stdin: { contents: entry, resolveDir, sourcefile: "app.js", loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const bytes = out.outputFiles[0]!.contents;
  const output = Object.values(out.metafile.outputs)[0]!;
  const inputs = Object.fromEntries(Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput]));
  return { code: out.outputFiles[0]!.text, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, inputs };
}
