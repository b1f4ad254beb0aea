/**
 * Stage: each emitted TypeScript module becomes its `.js` and `.d.ts`, file by file. No program
 * is built and nothing is type-checked here: every module is written to need no type information
 * (`isolatedModules` for the JavaScript, `isolatedDeclarations` for the declarations), so this is
 * a fast syntactic step that scales with the catalog. The strict type-check of everything emitted
 * is `verify.ts`, run by `generate --verify` and by the test suite.
 */
import type { Cache } from "./cache.js";
import type { GeneratedFile } from "./model.js";

type Ts = typeof import("ts-morph").ts;

let loaded: Promise<Ts> | undefined;
/** TypeScript is loaded only when a module is not in the cache: an unchanged rerun never pays for it. */
const typescript = () => (loaded ??= import("ts-morph").then((m) => m.ts));

export class TranspileError extends Error {
  constructor(readonly problems: string[]) {
    super(`generated code cannot be compiled file by file (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.join("\n")}`);
    this.name = "TranspileError";
  }
}

function compilerOptions(ts: Ts, declarations: boolean) {
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

interface Outputs {
  js: string;
  dts: string;
  problems: string[];
}

async function transpileOne(file: GeneratedFile): Promise<Outputs> {
  const ts = await typescript();
  const options = (declarations: boolean) => ({ fileName: file.path, reportDiagnostics: true, compilerOptions: compilerOptions(ts, declarations) });
  const js = file.declarationOnly ? { outputText: "", diagnostics: [] } : ts.transpileModule(file.contents, options(false));
  const dts = ts.transpileDeclaration(file.contents, options(true));
  const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])].map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${file.path}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  return { js: js.outputText, dts: dts.outputText, problems };
}

/** Replaces each `.ts` file with its `.js` (unless it declares types only) and `.d.ts`; other files pass through. */
export async function transpileFiles(files: readonly GeneratedFile[], cache: Cache): Promise<GeneratedFile[]> {
  const output: GeneratedFile[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (!file.path.endsWith(".ts") || file.path.endsWith(".d.ts")) {
      output.push(file);
      continue;
    }
    const cached = await cache.memoAsync("transpile", `${file.declarationOnly ? "d" : "m"}\0${file.path}\0${file.contents}`, async () =>
      JSON.stringify(await transpileOne(file)),
    );
    const { js, dts, problems: found } = JSON.parse(cached) as Outputs;
    problems.push(...found);
    const { declarationOnly: _declarationOnly, ...rest } = file;
    const stem = file.path.slice(0, -".ts".length);
    if (!file.declarationOnly) output.push({ ...rest, path: `${stem}.js`, contents: js });
    output.push({ ...rest, path: `${stem}.d.ts`, contents: dts });
  }
  if (problems.length > 0) throw new TranspileError(problems);
  return output;
}
