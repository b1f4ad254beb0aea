/**
 * Runtime emitter: the small hand-written client core (`generator/runtime/*.ts`) ships inside
 * the output, so other repos need only the package. It is compiled with everything else.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { compareText } from "../diagnostics.js";
import type { Emitter } from "../model.js";
import { PROJECT_ROOT } from "../options.js";
import { RUNTIME_DIR } from "./paths.js";

const SOURCE_DIR = path.join(PROJECT_ROOT, "generator", "runtime");

export const runtimeEmitter: Emitter = {
  name: "runtime",
  emit() {
    const names = readdirSync(SOURCE_DIR)
      .filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))
      .sort(compareText);
    return names.map((name) => ({
      path: `${RUNTIME_DIR}/${name}`,
      contents: readFileSync(path.join(SOURCE_DIR, name), "utf8"),
      copiedFrom: `generator/runtime/${name}`,
    }));
  },
};
