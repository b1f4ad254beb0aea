/**
 * Every kind of change `modelspec diff` reports, and how bad it is.
 *
 * Schema kinds have two severities: one for a **request** schema (callers write values, so a
 * schema that accepts fewer values breaks them) and one for a **response** or **stream** schema
 * (callers read values, so a schema that can produce more, or other, values breaks them). This
 * file is the whole severity policy: the rules (rules/) and the metadata comparison (models.ts)
 * only say which kind they saw.
 */
import type { OfferingStatus, SchemaRole } from "../model.js";

export type Severity = "breaking" | "warning" | "non-breaking" | "info";

/** Highest first: the order of the Markdown tables and the meaning of `--fail-on`. */
export const SEVERITIES: readonly Severity[] = ["breaking", "warning", "non-breaking", "info"];

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export type Direction = "request" | "response";

export function directionOf(role: SchemaRole): Direction {
  return role === "request" ? "request" : "response";
}

const B = "breaking";
const W = "warning";
const N = "non-breaking";
const I = "info";

/** Schema change kinds: `[request severity, response/stream severity, what it means]`. */
export const SCHEMA_KINDS = {
  // properties and required
  "property-added": [N, N, "an optional property was added"],
  "property-added-required": [B, N, "a required property was added"],
  "property-removed": [B, B, "a property was removed"],
  "property-became-required": [B, N, "an optional property became required"],
  "property-became-optional": [N, B, "a required property became optional"],
  // type
  "type-narrowed": [B, N, "the schema accepts fewer JSON types"],
  "type-widened": [N, B, "the schema accepts more JSON types"],
  "type-changed": [B, B, "the JSON types changed (neither narrower nor wider)"],
  // enum and const
  "enum-value-added": [N, W, "an enum value was added (breaks exhaustive switches on responses)"],
  "enum-value-removed": [B, N, "an enum value was removed"],
  "enum-added": [B, N, "the value was restricted to an enum"],
  "enum-removed": [N, W, "the enum restriction was removed"],
  "const-added": [B, N, "the value was fixed with const"],
  "const-removed": [N, B, "const was removed: other values are allowed"],
  "const-changed": [B, B, "the const value changed"],
  // x-open-enum: known values, unconfirmed; any value of the type passes, so the list is documentation
  "open-enum-changed": [I, I, "the known values of an open enum (x-open-enum, an unconfirmed list) changed"],
  // numeric, length, item and property-count bounds
  "bound-tightened": [B, N, "a bound was added or made stricter (maximum, minLength, maxItems, ...)"],
  "bound-loosened": [N, B, "a bound was removed or relaxed"],
  // pattern, format, multipleOf, uniqueItems, contentMediaType, dependentRequired, ...
  "constraint-tightened": [B, N, "a value constraint was added or made stricter"],
  "constraint-loosened": [N, B, "a value constraint was removed or relaxed"],
  "constraint-changed": [B, W, "a value constraint changed in a way that is neither stricter nor laxer"],
  // additionalProperties / unevaluatedProperties
  "additional-properties-closed": [B, N, "extra properties are no longer allowed"],
  "additional-properties-constrained": [B, N, "extra properties must now match a schema"],
  "additional-properties-opened": [N, B, "extra properties are now allowed (or less constrained)"],
  "pattern-property-added": [N, W, "a patternProperties entry was added"],
  "pattern-property-removed": [B, B, "a patternProperties entry was removed"],
  // anyOf / oneOf / allOf
  "variant-added": [N, B, "an anyOf/oneOf variant was added"],
  "tagged-variant-added": [N, W, "a variant with a new discriminator value was added (breaks exhaustive switches on responses)"],
  "variant-removed": [B, N, "an anyOf/oneOf variant was removed"],
  "composition-added": [B, N, "an anyOf/oneOf/allOf constraint (or allOf branch) was added"],
  "composition-removed": [N, B, "an anyOf/oneOf/allOf constraint (or allOf branch) was removed"],
  // boolean schemas
  "schema-closed": [B, N, "the schema became false: no value is accepted"],
  "schema-opened": [N, B, "the schema was false and now accepts values"],
  // keywords whose effect cannot be judged locally
  "condition-changed": [W, W, "a not/if schema changed; review by hand"],
  "keyword-changed": [W, W, "a keyword modelspec has no rule for changed; review by hand"],
  // annotations
  deprecated: [W, W, "the schema was marked deprecated"],
  "annotation-changed": [I, I, "a description, title, example, default or x- annotation changed"],
} as const satisfies Record<string, readonly [Severity, Severity, string]>;

export type SchemaKind = keyof typeof SCHEMA_KINDS;

export function schemaSeverity(kind: SchemaKind, role: SchemaRole): Severity {
  return SCHEMA_KINDS[kind][directionOf(role) === "request" ? 0 : 1];
}

/**
 * Offering and provider metadata kinds: `[severity, what it means]`. `status-changed` depends on
 * the states (`statusSeverity`). Limits are judged from the caller's side: a smaller context window
 * or output-token limit rejects (or truncates) requests that worked, so lowering one breaks
 * callers; raising one changes nothing for code that already works.
 */
export const META_KINDS = {
  "offering-added": [N, "a new offering"],
  "offering-removed": [B, "the offering no longer exists"],
  "offering-renamed": [B, "the offering id changed (same model id under another slug, or the same schemas under another model id)"],
  "model-id-changed": [B, "the model id sent to the provider changed"],
  "type-names-changed": [B, "the generated TypeScript type names changed (provider typePrefix or offering slug)"],
  "status-changed": [W, "the status changed (severity depends on the states)"],
  "context-window-lowered": [B, "the context window is smaller"],
  "context-window-raised": [N, "the context window is larger"],
  "context-window-stated": [W, "a context window is stated where none was (longer inputs may now fail)"],
  "context-window-unstated": [I, "the context window is no longer stated"],
  "max-output-tokens-lowered": [B, "the output-token limit is lower"],
  "max-output-tokens-raised": [N, "the output-token limit is higher"],
  "max-output-tokens-stated": [W, "an output-token limit is stated where none was (requests above it may now fail)"],
  "max-output-tokens-unstated": [I, "the output-token limit is no longer stated"],
  "modality-removed": [B, "an input or output modality was removed"],
  "modality-added": [N, "an input or output modality was added"],
  "transport-added": [N, "the provider has a new transport"],
  "transport-removed": [B, "a transport was removed"],
  "endpoint-changed": [B, "the base URL, path or method changed"],
  "auth-changed": [B, "the authentication scheme or header changed"],
  "body-format-changed": [B, "the request or response body envelope changed"],
  "streaming-added": [N, "streaming is now available"],
  "streaming-removed": [B, "streaming is no longer available"],
  "streaming-changed": [B, "how streaming is switched on or ended changed"],
  "async-added": [N, "asynchronous delivery is now available"],
  "async-removed": [B, "asynchronous delivery is no longer available"],
  "async-changed": [W, "the asynchronous polling settings changed"],
  "error-format-changed": [W, "the provider's error envelope changed"],
  "metadata-changed": [I, "a name, description, note, source, example, provenance or retry setting changed"],
} as const satisfies Record<string, readonly [Severity, string]>;

export type MetaKind = keyof typeof META_KINDS;

/**
 * Status moves: to `available` is good news; to `deprecated`, or from `available` to `beta`, is a
 * warning; back to `coming-soon` (not callable) from a callable status breaks callers.
 */
const STATUS_SEVERITY: Record<OfferingStatus, Record<OfferingStatus, Severity>> = {
  available: { available: I, beta: W, deprecated: W, "coming-soon": B },
  beta: { available: N, beta: I, deprecated: W, "coming-soon": B },
  deprecated: { available: N, beta: N, deprecated: I, "coming-soon": B },
  "coming-soon": { available: N, beta: N, deprecated: W, "coming-soon": I },
};

/** The severity of a `status-changed`; a status the table does not know is a warning. */
export function statusSeverity(from: OfferingStatus, to: OfferingStatus): Severity {
  return STATUS_SEVERITY[from]?.[to] ?? W;
}

export type ChangeKind = SchemaKind | MetaKind;

export type ChangeSchema = SchemaRole | "meta";

/** One reported change. `file` is relative to the schemas folder; `line` is 1-based. */
export interface Change {
  /** The offering id (`provider/slug`); for a rename, the new id. */
  offering: string;
  schema: ChangeSchema;
  /** A JSON pointer: into the bundled schema as users see it (refs followed), or into the spec file for `meta`. */
  pointer: string;
  kind: ChangeKind;
  severity: Severity;
  message: string;
  file: string;
  line: number;
}

export interface Summary {
  breaking: number;
  warning: number;
  "non-breaking": number;
  info: number;
  total: number;
  offerings: number;
}

export function summarize(changes: readonly Change[]): Summary {
  const summary: Summary = {
    breaking: 0,
    warning: 0,
    "non-breaking": 0,
    info: 0,
    total: changes.length,
    offerings: new Set(changes.map((c) => c.offering)).size,
  };
  for (const change of changes) summary[change.severity]++;
  return summary;
}
