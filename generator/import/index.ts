/**
 * `importSources`: documentation sources in, offering specs out (nothing written). Every problem
 * in every source is collected and reported at once, located in the source.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { diagnostic, isWithin, SpecError, type Diagnostic } from "../diagnostics.js";
import type { Json } from "../model.js";
import { isObject } from "../schema-walk.js";
import { detectLayout } from "./layouts.js";
import type { Source } from "./source.js";
import { specPath, type ImportedSpec, type ProviderDefaults } from "./spec.js";

export interface ImportOptions {
  schemasDir: string;
  /** Write the specs under this provider id instead of the layout's. */
  provider?: string;
}

export async function importSources(sources: readonly Source[], options: ImportOptions): Promise<ImportedSpec[]> {
  const diagnostics: Diagnostic[] = [];
  const specs: ImportedSpec[] = [];
  const { defaults, baseUrls } = await providerFiles(options.schemasDir);
  for (const source of sources) {
    try {
      const layout = detectLayout(source);
      const result = layout.read(source, {
        cite: citeOf(source, options.schemasDir),
        defaults: (id) => defaults.get(options.provider ?? id) ?? {},
        baseUrls,
        provider: options.provider,
      });
      diagnostics.push(...result.diagnostics);
      for (const spec of result.specs) {
        const provider = options.provider ?? layout.provider ?? spec.provider;
        specs.push(provider === spec.provider ? spec : { ...spec, provider, data: { ...spec.data, provider } });
      }
    } catch (error) {
      if (error instanceof SpecError) diagnostics.push(...error.diagnostics);
      else throw error;
    }
  }
  const seen = new Map<string, ImportedSpec>();
  for (const spec of specs) {
    const first = seen.get(specPath(spec));
    if (first)
      diagnostics.push(
        diagnostic(
          { file: spec.source, line: 1, column: 1 },
          "",
          `${spec.data.model as string} would be written to ${specPath(spec)}, which ${first.source} also imports (${first.data.model as string})`,
        ),
      );
    seen.set(specPath(spec), spec);
    if (!defaults.has(spec.provider)) {
      diagnostics.push(
        diagnostic(
          { file: spec.source, line: 1, column: 1 },
          "",
          `no provider file ${path.join(options.schemasDir, spec.provider, "provider.yaml")}: write the provider (transports, errors) before importing its models`,
        ),
      );
    }
  }
  if (diagnostics.length > 0) throw new SpecError(diagnostics);
  return specs;
}

/** How a spec cites its source: relative to the schemas folder's `seeds/` when it is there, else to the schemas folder. */
export function citeOf(source: Source, schemasDir: string): string {
  const seeds = path.join(schemasDir, "seeds");
  const relative = path.relative(isWithin(source.absolute, seeds) ? seeds : schemasDir, source.absolute);
  return relative.split(path.sep).join("/");
}

/** The source a spec cites, as a path. */
export function citedPath(seed: string, schemasDir: string): string[] {
  return [path.join(schemasDir, "seeds", seed), path.join(schemasDir, seed)];
}

/** Each provider folder's `import` section (providers without one supply nothing) and its transports' base URLs. */
async function providerFiles(schemasDir: string): Promise<{ defaults: Map<string, ProviderDefaults>; baseUrls: Map<string, string[]> }> {
  const out = new Map<string, ProviderDefaults>();
  const baseUrls = new Map<string, string[]>();
  const { readdir } = await import("node:fs/promises");
  const entries = await readdir(schemasDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const text = await readFile(path.join(schemasDir, entry.name, "provider.yaml"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const data = parse(text) as Json;
    const section = isObject(data) && isObject(data.import) ? data.import : {};
    const id = isObject(data) && typeof data.id === "string" ? data.id : entry.name;
    out.set(id, section as ProviderDefaults);
    const transports = isObject(data) && Array.isArray(data.transports) ? data.transports : [];
    baseUrls.set(
      id,
      transports.flatMap((t) => (isObject(t) && typeof t.baseUrl === "string" ? [t.baseUrl] : [])),
    );
  }
  return { defaults: out, baseUrls };
}
