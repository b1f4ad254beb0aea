/**
 * Every default in one place: the CLI, the library and the tests all start from these.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PackageSettings } from "./version.js";

/** The repository root (the folder holding `schemas/`, `generator/` and `generated/`). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface GenerateOptions {
  /** Folder of the YAML/JSON specs. */
  schemasDir: string;
  /** Folder the generated files are written to. */
  outDir: string;
  /** Largest spec file accepted, in bytes: a spec is hand-written text, not a data dump. */
  maxSpecBytes: number;
  /**
   * Folder of the content-hash cache (what costly steps made, by the hash of their input), or
   * `false` for none. Outside the output; deleting it only makes the next run slower.
   */
  cacheDir: string | false;
  /** Type-check everything emitted as one strict program before writing (slow; the tests always do). */
  verify: boolean;
  /** The generated package's name and version; unset, the project's package.json setting (version.ts). */
  package?: PackageSettings;
}

export const DEFAULT_OPTIONS: GenerateOptions = {
  schemasDir: path.join(PROJECT_ROOT, "schemas"),
  outDir: path.join(PROJECT_ROOT, "generated"),
  maxSpecBytes: 2 * 1024 * 1024,
  cacheDir: path.join(PROJECT_ROOT, "node_modules", ".cache", "modelspec"),
  verify: false,
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
