/**
 * Verification: the strict type-check of every emitted TypeScript module as one program, with
 * `isolatedDeclarations` on, so the declarations `transpile.ts` makes file by file are exactly what
 * a full compile would make. Generated code that does not type-check is a generator bug (or a spec
 * the escaping helpers failed on). It costs a whole program, so it runs on demand
 * (`generate --verify`) and in the test suite, not on every generation.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Project, ts } from "ts-morph";
import type { GeneratedFile } from "./model.js";
import { PROJECT_ROOT } from "./options.js";

/** A folder that never exists on disk: sources live in memory, but packages resolve from the project's node_modules. */
const VIRTUAL_ROOT = path.join(PROJECT_ROOT, ".modelspec-compile");

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts", "lib.dom.asynciterable.d.ts"],
  types: ["node"],
  // Without this, `types` resolves from the process's working directory, and generating from
  // anywhere but the repository root fails to find @types/node.
  typeRoots: typeRootsFrom(PROJECT_ROOT),
  declaration: true,
  isolatedDeclarations: true,
  removeComments: false,
  newLine: ts.NewLineKind.LineFeed,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: false,
};

/** `node_modules/@types` in the folder and each folder above it, as TypeScript looks from its working directory. */
function typeRootsFrom(dir: string): string[] {
  const roots: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, "node_modules", "@types");
    if (existsSync(candidate)) roots.push(candidate);
    if (path.dirname(current) === current) return roots;
  }
}

export class CompileError extends Error {
  constructor(readonly problems: string[]) {
    super(`generated code does not type-check (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.join("\n")}`);
    this.name = "CompileError";
  }
}

/**
 * Type-checks everything emitted as one strict program, declaration files included. Each JavaScript module is parsed, so a syntax error from an escaping bug is caught
 * too; its behaviour is what the tests run. Throws `CompileError` listing every problem.
 */
export function verifyTypeScript(files: readonly GeneratedFile[]): void {
  const project = new Project({ compilerOptions: COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });
  const problems: string[] = [];
  for (const file of files) {
    // As `.ts`: `skipLibCheck` (which keeps the libraries' own declarations from being checked, most
    // of the cost) would pass over a `.d.ts`. Every declaration file ends in `export {}` or has
    // exports of its own, so only what it exports is visible either way.
    if (file.path.endsWith(".d.ts"))
      project.createSourceFile(path.join(VIRTUAL_ROOT, file.path.replace(/\.d\.ts$/, ".ts")), file.contents, { overwrite: true });
    else if (file.path.endsWith(".ts")) project.createSourceFile(path.join(VIRTUAL_ROOT, file.path), file.contents, { overwrite: true });
    else if (file.path.endsWith(".js")) problems.push(...syntaxProblems(file));
  }
  problems.push(
    ...project.getPreEmitDiagnostics().map((d) => {
      const file = d.getSourceFile();
      const where = file ? `${path.relative(VIRTUAL_ROOT, file.getFilePath()).split(path.sep).join("/")}:${d.getLineNumber() ?? 0}` : "(project)";
      return `${where}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n")}`;
    }),
  );
  if (problems.length > 0) throw new CompileError(problems);
}

function syntaxProblems(file: GeneratedFile): string[] {
  const { diagnostics = [] } = ts.transpileModule(file.contents, {
    fileName: file.path,
    reportDiagnostics: true,
    compilerOptions: { allowJs: true, module: ts.ModuleKind.ES2022 },
  });
  return diagnostics.map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${file.path}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}
