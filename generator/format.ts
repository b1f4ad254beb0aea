/**
 * Stage: the finishing touches every file gets: its banner, spec characters a reviewer must see
 * written visibly, and `\n` line endings. Code arrives already laid out (TypeScript's printer for
 * modules and types, ajv's for validators, the emitters for JSON and Markdown), so no formatter
 * runs on the hot path and the output is the same on every machine.
 */
import { codeBanner, markdownBanner } from "./emit/banner.js";
import { visibleCode } from "./escape.js";
import type { GeneratedFile } from "./model.js";

/** JSON has no comments, so JSON files carry no banner; every other file starts with one. */
function withBanner(file: GeneratedFile): string {
  if (file.path.endsWith(".json")) return file.contents;
  if (file.path.endsWith(".md")) return `${markdownBanner(file)}\n\n${file.contents}`;
  return `${codeBanner(file)}\n${file.contents}`;
}

const CODE = /\.(d\.ts|ts|js)$/;

export function formatFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.map((file) => {
    const text = withBanner(file);
    // Printers we do not control write spec strings with these characters raw (TypeScript's
    // declaration emitter re-prints literal types, ajv prints schema values); a reviewer must see them.
    const contents = CODE.test(file.path) ? visibleCode(text) : text;
    return { ...file, contents: `${contents.replace(/\r\n?/g, "\n").trimEnd()}\n` };
  });
}
