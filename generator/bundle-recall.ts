/**
 * Bundles answered from the cache. A bundle is made from nothing but the text of the files it was
 * copied from (and the generator, which the cache's fingerprint covers), so it is stored with each
 * of those files' hashes and recalled while every one still has it: an offering whose files did
 * not change is not bundled again. Where each node came from (positions, origins) is wanted only
 * by a message: a recalled bundle makes it by bundling again, when first asked.
 */
import type { Cache } from "./cache.js";
import type { ParsedFile } from "./load.js";
import type { Diagnostic } from "./diagnostics.js";
import type { JsonObject, SourcePosition } from "./model.js";

/** A section's schema bundled (resolve.ts): self-contained, its `$ref`s pointing into its own `$defs`. */
export interface Bundle {
  schema: JsonObject;
  /** Where each pointer of the bundled schema was written: made when first asked for (by a message). */
  readonly positions: ReadonlyMap<string, SourcePosition>;
  /** The source pointer (in `positions`' file) of each pointer of the bundled schema. */
  readonly origins: ReadonlyMap<string, string>;
  /** The spec files the bundle was copied from. */
  files: readonly string[];
  /** Where the bundle starts when that is in a shared file (`file#pointer`): every section starting there shares it. */
  sharedRoot?: string;
}

/** A bundle, or the problems that stopped it. */
export type BundleResult = { bundle?: Bundle; diagnostics: Diagnostic[] };

/** The cache step holding an offering file's bundles, by the file and its hash. */
const BUNDLE_STEP = "bundle";
/** The cache step holding a bundle that starts in a shared file, once for all the sections that share it. */
const SHARED_STEP = "shared-bundle";
/** The cache step holding, for a shared file whose definitions all bundled cleanly, the files they drew on. */
const CHECKED_STEP = "fragment-refs";

/** Files by name, each with the SHA-256 of its bytes. */
type Drawn = [file: string, sha256: string][];

interface StoredBundle {
  /** The section's pointer in its offering file (`/request/schema`). */
  pointer: string;
  files: Drawn;
  /** The root it was bundled from when that is in a shared file (`Bundle.sharedRoot`): its schema is then stored once, apart. */
  sharedRoot: string | null;
  schema: JsonObject | null;
}

export interface BundleRecall {
  /**
   * The bundles of an offering file's sections (at `pointers`): those stored for it while its files
   * are unchanged, else `make`'s for each (stored, in one entry, when none found a problem).
   */
  bundles(file: ParsedFile, pointers: readonly string[], make: (pointer: string) => BundleResult): BundleResult[];
  /** Whether this shared file's definitions were all bundled without a problem from files that are unchanged since. */
  checked(file: ParsedFile): boolean;
  /** Records that the shared file's definitions bundled without a problem, drawing on these files. */
  rememberChecked(file: ParsedFile, drawnFrom: Iterable<string>): void;
}

export function bundleRecall(files: ReadonlyMap<string, ParsedFile>, cache: Cache): BundleRecall {
  const hashOf = (file: string) => files.get(file)?.sha256;
  /** The files with their hashes; undefined when one has none (a test's file parsed without it). */
  const drawn = (names: Iterable<string>): Drawn | undefined => {
    const list: Drawn = [];
    for (const name of new Set(names)) {
      const hash = hashOf(name);
      if (hash === undefined) return undefined;
      list.push([name, hash]);
    }
    return list;
  };
  const unchanged = (list: Drawn) => list.every(([file, hash]) => hashOf(file) === hash);
  // One object per root in a shared file, as resolve's memo makes them: later stages hash each object
  // once. Kept apart from that memo: a recalled bundle finds its positions by bundling again through it.
  const shared = new Map<string, Bundle>();
  const share = (bundle: Bundle) => {
    if (bundle.sharedRoot === undefined) return bundle;
    const known = shared.get(bundle.sharedRoot);
    if (known) return known;
    shared.set(bundle.sharedRoot, bundle);
    return bundle;
  };

  // Shared bundles stored by this run (each once, however many sections share it).
  const storedShared = new Set<string>();
  /** A shared bundle's schema, stored once for every section that starts at its root drawing on these files. */
  const sharedSchema = (root: string | null, list: Drawn): JsonObject | undefined => {
    const text = root === null ? undefined : cache.get(SHARED_STEP, `${root}\0${JSON.stringify(list)}`);
    try {
      const schema = text === undefined ? undefined : (JSON.parse(text) as unknown);
      return typeof schema === "object" && schema !== null && !Array.isArray(schema) ? (schema as JsonObject) : undefined;
    } catch {
      return undefined;
    }
  };

  return {
    bundles(file, pointers, make) {
      const key = file.sha256 === undefined ? undefined : `${file.file}\0${file.sha256}`;
      const stored = key === undefined ? undefined : readStored(cache.get(BUNDLE_STEP, key));
      if (stored && stored.length === pointers.length && stored.every((s, i) => s.pointer === pointers[i] && unchanged(s.files))) {
        const bundles = stored.map((section) => {
          const known = section.sharedRoot === null ? undefined : shared.get(section.sharedRoot);
          const schema = known?.schema ?? section.schema ?? sharedSchema(section.sharedRoot, section.files);
          return known ?? (schema ? share(recalled(section, schema, () => make(section.pointer))) : undefined);
        });
        if (!bundles.includes(undefined)) return bundles.map((bundle) => ({ bundle, diagnostics: [] }));
      }
      const results = pointers.map(make);
      const sections = results.map((result, i) => {
        const list = result.bundle && result.diagnostics.length === 0 ? drawn(result.bundle.files) : undefined;
        if (!list) return undefined;
        share(result.bundle!);
        const { schema, sharedRoot } = result.bundle!;
        if (sharedRoot === undefined) return { pointer: pointers[i]!, files: list, sharedRoot: null, schema } satisfies StoredBundle;
        const sharedKey = `${sharedRoot}\0${JSON.stringify(list)}`;
        if (!storedShared.has(sharedKey)) cache.add(SHARED_STEP, sharedKey, JSON.stringify(schema));
        storedShared.add(sharedKey);
        return { pointer: pointers[i]!, files: list, sharedRoot, schema: null } satisfies StoredBundle;
      });
      if (key !== undefined && !sections.includes(undefined)) cache.set(BUNDLE_STEP, key, JSON.stringify(sections));
      return results;
    },
    checked(file) {
      const stored = file.sha256 === undefined ? undefined : cache.get(CHECKED_STEP, `${file.file}\0${file.sha256}`);
      if (stored === undefined) return false;
      try {
        const list = JSON.parse(stored) as Drawn;
        return Array.isArray(list) && unchanged(list);
      } catch {
        return false;
      }
    },
    rememberChecked(file, drawnFrom) {
      const list = drawn([file.file, ...drawnFrom]);
      if (file.sha256 !== undefined && list) cache.set(CHECKED_STEP, `${file.file}\0${file.sha256}`, JSON.stringify(list));
    },
  };
}

function readStored(text: string | undefined): StoredBundle[] | undefined {
  if (text === undefined) return undefined;
  try {
    const stored = JSON.parse(text) as StoredBundle[];
    const whole = (s: StoredBundle) =>
      typeof s?.pointer === "string" &&
      Array.isArray(s.files) &&
      typeof s.schema === "object" &&
      (s.schema !== null || typeof s.sharedRoot === "string");
    return Array.isArray(stored) && stored.every(whole) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** A stored bundle; its positions and origins come from bundling it again (`make`) when first asked for. */
function recalled(stored: StoredBundle, schema: JsonObject, make: () => BundleResult): Bundle {
  let again: Bundle | undefined;
  const made = () => {
    again ??= make().bundle;
    if (!again) throw new Error("a recalled bundle could not be made again; please report this");
    return again;
  };
  return {
    schema,
    files: stored.files.map(([file]) => file),
    ...(stored.sharedRoot === null ? {} : { sharedRoot: stored.sharedRoot }),
    get positions() {
      return made().positions;
    },
    get origins() {
      return made().origins;
    },
  };
}
