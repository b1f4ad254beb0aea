// The worker thread of transpile.ts: TypeScript's per-file transpilation off the main thread, so
// loading TypeScript (most of a cold start) and compiling the runtime overlap the other emitters.
// Plain JavaScript, so it runs without the loader that runs the generator's TypeScript. build.js
// imports `transpile` too, to transpile the hand-written runtime once per build (see transpile.ts).
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

/**
 * ts-morph's TypeScript, loaded alone: the compiler is the same module ts-morph exports as `ts`,
 * without the 3 MB of ts-morph's own code and library texts, a third of the load time.
 */
function loadTypeScript() {
  const require = createRequire(import.meta.url);
  try {
    return createRequire(require.resolve("ts-morph"))("@ts-morph/common/dist/typescript.js");
  } catch {
    // Another layout of ts-morph's files: the whole library, which exports the same compiler.
    return require("ts-morph").ts;
  }
}

const ts = loadTypeScript();

function compilerOptions(declarations) {
  const common = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    isolatedModules: true,
    removeComments: false,
    newLine: ts.NewLineKind.LineFeed,
    strict: true,
  };
  return declarations ? { ...common, declaration: true, isolatedDeclarations: true } : common;
}

/** One module's `.js` and `.d.ts`, and every problem as `file:line: message`. */
export function transpile({ path, contents }) {
  const options = (declarations) => ({ fileName: path, reportDiagnostics: true, compilerOptions: compilerOptions(declarations) });
  const js = ts.transpileModule(contents, options(false));
  const dts = ts.transpileDeclaration(contents, options(true));
  const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])].map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${path}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  return { js: js.outputText, dts: dts.outputText, problems };
}

parentPort?.on("message", ({ id, file }) => {
  try {
    parentPort.postMessage({ id, outputs: transpile(file) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
