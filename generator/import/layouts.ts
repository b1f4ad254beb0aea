/**
 * The layouts `modelspec import` recognises, one row each: how to tell it from the text, which
 * provider it belongs to, and the reader. Policy as data: the detector, the help text and the
 * README list come from this table.
 */
import { diagnostic, SpecError, type Diagnostic } from "../diagnostics.js";
import type { Json } from "../model.js";
import { importCloudflareRecord, isCloudflareRecord } from "./cloudflare-record.js";
import { importCloudflarePage } from "./cloudflare-page.js";
import { importMarkdownTable, isMarkdownTable } from "./markdown-table.js";
import { importRunwareListing, isRunwareListing } from "./runware-listing.js";
import { looksLikeJson, parseJsonSource, type Source } from "./source.js";
import type { ImportedSpec, ProviderDefaults } from "./spec.js";

export interface ReadContext {
  /** How the spec cites the source (`source.seed`). */
  cite: string;
  /** Provider id → what its provider file supplies. */
  defaults: (provider: string) => ProviderDefaults;
  /** Provider id → the base URLs of its transports (a page whose layout is not one provider's is matched by the URL its examples call). */
  baseUrls: ReadonlyMap<string, readonly string[]>;
  /** The provider named with `--provider`, if any. */
  provider?: string;
}

export interface Layout {
  id: string;
  /** The provider whose pages have this layout; undefined when the reader tells it from the page. */
  provider?: string;
  description: string;
  detect(source: Source): boolean;
  read(source: Source, ctx: ReadContext): { specs: ImportedSpec[]; diagnostics: Diagnostic[] };
}

export const LAYOUTS: readonly Layout[] = [
  {
    id: "cloudflare-record",
    provider: "cloudflare",
    description: "Cloudflare model catalog record (JSON: name, description, task, properties, schema.input/output), one per file or a list",
    detect: (source) => looksLikeJson(source.text) && /"task"\s*:/.test(source.text) && /"name"\s*:/.test(source.text),
    read: readRecords,
  },
  {
    id: "cloudflare-page",
    provider: "cloudflare",
    description: "Cloudflare model page text (Model Info table, env.AI.run examples, Parameters, API Schemas JSON)",
    detect: (source) => /Context Window/.test(source.text) && /env\.AI\.run\(/.test(source.text),
    read: (source, ctx) => importCloudflarePage(source, { cite: ctx.cite, defaults: ctx.defaults("cloudflare") }),
  },
  {
    id: "runware-listing",
    provider: "runware",
    description: "Runware model page text (MODEL ID line, parameter listing with type lines such as `float min: 0 max: 2 step: 0.01 default: 1`)",
    detect: (source) => isRunwareListing(source.text),
    read: (source, ctx) => importRunwareListing(source, { cite: ctx.cite, defaults: ctx.defaults("runware"), provider: "runware" }),
  },
  {
    id: "markdown-table",
    description:
      "Markdown model page with a `| Parameter | Type | Required | Description |` table and cURL or Python examples; the provider is the one whose transport the cURL example calls",
    detect: (source) => isMarkdownTable(source.text),
    read: (source, ctx) => importMarkdownTable(source, { cite: ctx.cite, provider: ctx.provider, baseUrls: ctx.baseUrls, defaults: ctx.defaults }),
  },
];

/** The layout of a source, or a located error listing the known ones. */
export function detectLayout(source: Source): Layout {
  const layout = LAYOUTS.find((l) => l.detect(source));
  if (layout) return layout;
  if (looksLikeJson(source.text)) parseJsonSource(source); // a truncated record is a JSON error, not an unknown layout
  throw new SpecError([
    diagnostic(
      { file: source.file, line: 1, column: 1 },
      "",
      `no known documentation layout; modelspec import reads: ${LAYOUTS.map((l) => `${l.id} (${l.description})`).join("; ")}`,
    ),
  ]);
}

function readRecords(source: Source, ctx: ReadContext): { specs: ImportedSpec[]; diagnostics: Diagnostic[] } {
  const { data, positions } = parseJsonSource(source);
  const list: [string, Json][] = Array.isArray(data) ? data.map((item, i) => [`/${i}`, item]) : [["", data]];
  const specs: ImportedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [base, record] of list) {
    if (!isCloudflareRecord(record)) {
      diagnostics.push(
        diagnostic(
          positions.get(base) ?? { file: source.file, line: 1, column: 1 },
          base,
          "not a Cloudflare model record: expected an object with `name` (the model id), `task` and `schema`",
        ),
      );
      continue;
    }
    const result = importCloudflareRecord(record, {
      cite: ctx.cite,
      file: source.file,
      base,
      positions,
      defaults: ctx.defaults("cloudflare"),
      provider: "cloudflare",
    });
    diagnostics.push(...result.diagnostics);
    if (result.spec) specs.push(result.spec);
  }
  return { specs, diagnostics };
}
