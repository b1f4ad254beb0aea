// The worker thread of transpile.ts: TypeScript's per-file transpilation off the main thread, so
// loading TypeScript (most of a cold start) and compiling the runtime overlap the other emitters.
// Plain JavaScript, so it runs without the loader that runs the generator's TypeScript.
import { parentPort } from "node:worker_threads";
import { ts } from "ts-morph";

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
function transpile({ path, contents }) {
  const options = (declarations) => ({ fileName: path, reportDiagnostics: true, compilerOptions: compilerOptions(declarations) });
  const js = ts.transpileModule(contents, options(false));
  const dts = ts.transpileDeclaration(contents, options(true));
  const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])].map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${path}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  return { js: js.outputText, dts: dts.outputText, problems };
}

parentPort.on("message", ({ id, file }) => {
  try {
    parentPort.postMessage({ id, outputs: transpile(file) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
