/**
 * Emitters of the hand-written modules that ship inside the output, so other repos need only the
 * package: the client core (`generator/runtime/` → `runtime/`, what clients run, in Node, Workers
 * and browsers) and the local provider server (`generator/mock/` → `mock/`, Node only, kept apart
 * so nothing a client imports reaches node:http). Both are transpiled with everything else.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compareText } from "../diagnostics.js";
import type { Emitter, GeneratedFile } from "../model.js";
import { PROJECT_ROOT } from "../options.js";
import { MOCK_DIR, RUNTIME_DIR } from "./paths.js";

/** `generator/<folder>/*.ts` as `<outDir>/*.ts`, each through `rewrite`. */
function copySources(folder: string, outDir: string, rewrite: (name: string, text: string) => string = (_, text) => text): GeneratedFile[] {
  const dir = path.join(PROJECT_ROOT, "generator", folder);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))
    .sort(compareText);
  return names.map((name) => ({
    path: `${outDir}/${name}`,
    contents: rewrite(name, readFileSync(path.join(dir, name), "utf8")),
    copiedFrom: `generator/${folder}/${name}`,
  }));
}

const runtimeModules = () => copySources("runtime", RUNTIME_DIR);

export const runtimeEmitter: Emitter = { name: "runtime", emit: runtimeModules };

/** What the runtime and mock emitters write, whatever the specs: the transpiler starts on it before the specs load. */
export function handWrittenModules(): GeneratedFile[] {
  return [...runtimeModules(), ...mockModules()];
}

/**
 * The mock's entry reads the package's registry. In the repository that is the committed
 * `generated/offerings.js` (so the entry type-checks there); in the output it is the sibling `../offerings.js`.
 */
const REGISTRY_IN_REPO = `"../../generated/offerings.js"`;
const REGISTRY_IN_OUTPUT = `"../offerings.js"`;

const mockModules = () =>
  copySources("mock", MOCK_DIR, (name, text) => {
    if (!text.includes(REGISTRY_IN_REPO)) return text;
    if (name !== "index.ts") throw new Error(`generator/mock/${name} imports ${REGISTRY_IN_REPO}; only the entry (index.ts) may read the registry`);
    return text.split(REGISTRY_IN_REPO).join(REGISTRY_IN_OUTPUT);
  });

export const mockEmitter: Emitter = { name: "mock", emit: mockModules };
