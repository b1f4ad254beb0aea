/**
 * Every default in one place: the CLI, the library and the tests all start from these.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Options as PrettierOptions } from "prettier";

/** The repository root (the folder holding `schemas/`, `generator/` and `generated/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface GenerateOptions {
  /** Folder of the YAML/JSON specs. */
  schemasDir: string;
  /** Folder the generated files are written to. */
  outDir: string;
  /** Largest spec file accepted, in bytes: a spec is hand-written text, not a data dump. */
  maxSpecBytes: number;
}

export const DEFAULT_OPTIONS: GenerateOptions = {
  schemasDir: path.join(PROJECT_ROOT, "schemas"),
  outDir: path.join(PROJECT_ROOT, "generated"),
  maxSpecBytes: 2 * 1024 * 1024,
};

/** Deeper than any hand-written spec; deeper input would overflow the stack of later stages. */
export const MAX_SPEC_NESTING = 128;
/** Values YAML aliases (`*name`) may expand to, in all, per file: a "billion laughs" file stops here. */
export const MAX_SPEC_ALIAS_VALUES = 10_000;

export function resolveOptions(overrides: Partial<GenerateOptions> = {}): GenerateOptions {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_OPTIONS, ...defined };
}

/** Ajv options shared by the ahead-of-time validators and every run-time comparison with them. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  // A decimal `multipleOf` (0.01): without a precision 0.3 / 0.01 is not an integer in floating point.
  multipleOfPrecision: 9,
  discriminator: false,
  validateFormats: true,
  unicodeRegExp: true,
  // JSON has no prototype: `properties: { toString: ... }` must judge only a value's own `toString`.
  ownProperties: true,
} as const;

/** Prettier settings are pinned here so output never depends on a user's config file. */
export const PRETTIER_OPTIONS: PrettierOptions = {
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
  proseWrap: "preserve",
  quoteProps: "as-needed",
};

