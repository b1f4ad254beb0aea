/**
 * Stage: compile the emitted TypeScript to JavaScript and declarations, type-checking it under
 * `strict` first. Generated code that does not type-check is a generator bug (or a spec the
 * escaping helpers failed on), so it stops the run instead of reaching users.
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

/** Replaces each `.ts` file with its `.js` and `.d.ts`; other files pass through. */
export function compileTypeScript(files: readonly GeneratedFile[]): GeneratedFile[] {
  const project = new Project({ compilerOptions: COMPILER_OPTIONS, skipAddingFilesFromTsConfig: true });
  const sources = files.filter((f) => f.path.endsWith(".ts"));
  const origin = new Map<string, GeneratedFile>();
  for (const file of sources) {
    const absolute = path.join(VIRTUAL_ROOT, file.path);
    project.createSourceFile(absolute, file.contents, { overwrite: true });
    origin.set(file.path.replace(/\.d\.ts$|\.ts$/, ""), file);
  }
  const problems = project.getPreEmitDiagnostics().map((d) => {
    const file = d.getSourceFile();
    const where = file ? `${path.relative(VIRTUAL_ROOT, file.getFilePath()).split(path.sep).join("/")}:${d.getLineNumber() ?? 0}` : "(project)";
    return `${where}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n")}`;
  });
  if (problems.length > 0) throw new CompileError(problems);

  const output: GeneratedFile[] = files.filter((f) => !f.path.endsWith(".ts") || f.path.endsWith(".d.ts"));
  const emitted = project.emitToMemory();
  for (const file of emitted.getFiles()) {
    const relative = path.relative(VIRTUAL_ROOT, file.filePath).split(path.sep).join("/");
    const source = origin.get(relative.replace(/\.d\.ts$|\.js$/, ""));
    output.push({ path: relative, contents: file.text, specs: source?.specs ?? [], ...(source?.copiedFrom ? { copiedFrom: source.copiedFrom } : {}) });
  }
  return output;
}
