/** Stage: banners, then prettier with pinned options, so output is the same on every machine. */
import { format } from "prettier";
import { codeBanner, markdownBanner } from "./emit/banner.js";
import { visibleCode } from "./escape.js";
import type { GeneratedFile } from "./model.js";
import { PRETTIER_OPTIONS } from "./options.js";

function parserFor(file: string): string | undefined {
  if (file.endsWith(".d.ts") || file.endsWith(".ts")) return "typescript";
  if (file.endsWith(".js")) return "babel";
  if (file.endsWith(".json")) return "json";
  if (file.endsWith(".md")) return "markdown";
  return undefined;
}

/** JSON has no comments, so JSON files carry no banner; every other file starts with one. */
function withBanner(file: GeneratedFile): string {
  if (file.path.endsWith(".json")) return file.contents;
  if (file.path.endsWith(".md")) return `${markdownBanner(file)}\n\n${file.contents}`;
  return `${codeBanner(file)}\n${file.contents}`;
}

export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const text = withBanner(file);
      const parser = parserFor(file.path);
      const formatted = parser ? await format(text, { ...PRETTIER_OPTIONS, parser, filepath: undefined }) : text;
      // Printers we do not control write spec strings with these characters raw (TypeScript's
      // declaration emitter re-prints literal types, ajv prints schema values); a reviewer must see them.
      const contents = parser === "typescript" || parser === "babel" ? visibleCode(formatted) : formatted;
      return { ...file, contents: contents.replace(/\r\n?/g, "\n") };
    }),
  );
}
