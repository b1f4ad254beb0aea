/**
 * The content-hash cache: what a costly step made from an input, stored under the hash of that
 * input, the step's name and the generator's fingerprint (its own sources and the versions of the
 * libraries that print code). It lives outside the output folder, is safe to delete at any time,
 * and never changes what is generated: a hit returns exactly what a cold run would compute.
 *
 * Entries are plain files named by their key; a write goes to a temporary name and is renamed into
 * place, so a killed run leaves no half-written entry, and a corrupt one is recomputed, not trusted.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./options.js";
import { hashSources } from "./source-hash.js";

export interface Cache {
  get(step: string, input: string): string | undefined;
  set(step: string, input: string, value: string): void;
  /**
   * Stores a value its input names completely (its content hash): an entry of that value already
   * there is kept, not written again. `checksum`: the value's SHA-256, where the caller has it.
   */
  add(step: string, input: string, value: string, checksum?: string): void;
  /** The value stored under `step` for `input`, or what `compute` makes of it (then stored). */
  memo(step: string, input: string, compute: () => string): string;
  memoAsync(step: string, input: string, compute: () => Promise<string>): Promise<string>;
}

export function sha256(text: string | Uint8Array): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A cache that stores nothing: every call computes. */
export const NO_CACHE: Cache = {
  get: () => undefined,
  set: () => undefined,
  add: () => undefined,
  memo: (_step, _input, compute) => compute(),
  memoAsync: (_step, _input, compute) => compute(),
};

/** Every entry starts with this line and the hash of the rest, so a truncated or edited entry is a miss. */
const ENTRY_MAGIC = "modelspec-cache-1";

/** A cache in `dir`; entries made under another fingerprint (another generator) are never seen. */
export function diskCache(dir: string, fingerprint: string = generatorFingerprint()): Cache {
  const file = (key: string) => path.join(dir, key.slice(0, 2), key);
  const keyOf = (step: string, input: string) => sha256(`${fingerprint}\0${step}\0${input}`);
  const read = (key: string): string | undefined => {
    let text: string;
    try {
      text = readFileSync(file(key), "utf8");
    } catch {
      return undefined;
    }
    const first = text.indexOf("\n");
    const second = text.indexOf("\n", first + 1);
    if (first < 0 || second < 0 || text.slice(0, first) !== ENTRY_MAGIC) return undefined;
    const value = text.slice(second + 1);
    return sha256(value) === text.slice(first + 1, second) ? value : undefined;
  };
  const write = (key: string, value: string, checksum = sha256(value)): void => {
    try {
      writeAtomically(file(key), `${ENTRY_MAGIC}\n${checksum}\n${value}`);
    } catch {
      // A cache that cannot be written (read-only disk, full disk) only makes the next run slower.
    }
  };
  /** Whether the entry's first line, checksum and size are those of `value`'s entry (its body is checked when read). */
  const holds = (key: string, value: string, checksum: string): boolean => {
    const head = `${ENTRY_MAGIC}\n${checksum}\n`;
    let fd: number | undefined;
    try {
      fd = openSync(file(key), "r");
      const buffer = Buffer.alloc(head.length);
      return (
        fstatSync(fd).size === head.length + Buffer.byteLength(value) &&
        readSync(fd, buffer, 0, head.length, 0) === head.length &&
        buffer.toString("latin1") === head
      );
    } catch {
      return false;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
  return {
    get: (step, input) => read(keyOf(step, input)),
    set: (step, input, value) => write(keyOf(step, input), value),
    add(step, input, value, checksum = sha256(value)) {
      // Its head is enough to tell an entry of this value (a damaged body is caught when it is read),
      // and reading a few bytes is far cheaper than writing and renaming.
      const key = keyOf(step, input);
      if (!holds(key, value, checksum)) write(key, value, checksum);
    },
    memo(step, input, compute) {
      const key = keyOf(step, input);
      const hit = read(key);
      if (hit !== undefined) return hit;
      const value = compute();
      write(key, value);
      return value;
    },
    async memoAsync(step, input, compute) {
      const key = keyOf(step, input);
      const hit = read(key);
      if (hit !== undefined) return hit;
      const value = await compute();
      write(key, value);
      return value;
    },
  };
}

let temporaries = 0;

function writeAtomically(target: string, contents: string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}-${++temporaries}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, target);
}

/** Libraries whose version changes what is generated, so each is part of the fingerprint. */
const PRINTING_LIBRARIES = ["ajv", "ajv-formats", "json-schema-to-typescript", "ts-morph", "esbuild"];

let fingerprintMemo: string | undefined;

/**
 * The generator's identity: a hash of its own source files and of the versions of the libraries
 * that print code. Editing the generator (in a checkout) or upgrading a library invalidates every entry.
 */
export function generatorFingerprint(): string {
  fingerprintMemo ??= hashSources(path.join(PROJECT_ROOT, "generator"), {
    keep: (relative) => /\.(ts|js|mjs|json|yaml)$/.test(relative),
    libraries: PRINTING_LIBRARIES,
  });
  return fingerprintMemo;
}
