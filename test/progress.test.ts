/** Progress on stderr: a live line on a terminal after about two seconds, nothing elsewhere but notes; `--quiet` silences the summary. */
import { cp } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../generator/cli.js";
import { stderrProgress } from "../generator/progress.js";
import { SCHEMAS_DIR, withTempDir } from "./helpers.js";

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

describe("progress", () => {
  it("on a terminal, stays quiet for two seconds, then draws one line it rewrites, and erases it at the end", () => {
    let now = 0;
    const { written, stream } = fakeStream(true);
    const progress = stderrProgress(stream, () => now);
    progress.update("emitting types", 1, 10);
    now = 1999; // neither a stage without counts nor a stage's end is drawn before two seconds
    progress.update("loading");
    progress.update("emitting types", 10, 10);
    expect(written).toEqual([]);
    now = 2500;
    progress.update("emitting types", 5, 10);
    expect(written).toEqual(["\r\x1b[Kmodelspec: emitting types 5/10 (2.5 s)"]);
    now = 2550; // redrawn at most ten times a second, except at the end of a stage
    progress.update("emitting types", 6, 10);
    progress.update("emitting types", 10, 10);
    expect(written.at(-1)).toBe("\r\x1b[Kmodelspec: emitting types 10/10 (2.5 s)");
    expect(written).toHaveLength(2);
    progress.finish();
    expect(written.at(-1)).toBe("\r\x1b[K");
  });

  it("elsewhere (a CI log), writes nothing however long the run", () => {
    let now = 0;
    const { written, stream } = fakeStream(false);
    const progress = stderrProgress(stream, () => now);
    now = 60_000;
    progress.update("transpiling");
    progress.finish();
    expect(written).toEqual([]);
  });

  it("a note is a line of its own, in a CI log too, and on a terminal replaces the live line", () => {
    let now = 0;
    const log = fakeStream(false);
    stderrProgress(log.stream, () => now).note("waiting for another modelspec run 42");
    expect(log.written).toEqual(["modelspec: waiting for another modelspec run 42\n"]);
    const terminal = fakeStream(true);
    const progress = stderrProgress(terminal.stream, () => now);
    now = 2500;
    progress.update("emitting types", 5, 10);
    progress.note("waiting");
    expect(terminal.written.at(-1)).toBe("\r\x1b[Kmodelspec: waiting\n");
    progress.finish();
    expect(terminal.written, "nothing left to erase after the note").toHaveLength(2);
  });

  it("generate prints one summary line with the time taken, and --quiet prints none", async () => {
    await withTempDir(async (dir) => {
      const schemas = path.join(dir, "schemas");
      await cp(SCHEMAS_DIR, schemas, { recursive: true });
      const args = ["generate", "--schemas", schemas, "--out", path.join(dir, "out"), "--cache-dir", path.join(dir, "cache")];
      const run = async (...extra: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await main([...args, ...extra], {
          out: (t) => out.push(t),
          err: (t) => err.push(t),
          progress: stderrProgress(fakeStream(false).stream),
        });
        return { code, out, err };
      };
      const first = await run();
      expect(first).toMatchObject({ code: 0, err: [] });
      expect(first.out).toHaveLength(1);
      expect(first.out[0]).toMatch(/^modelspec: wrote \d+ files to .*out \(\d+\.\d s\)$/);
      const again = await run();
      expect(again.out[0]).toMatch(/^modelspec: .*out is up to date \(\d+ files, \d+\.\d s, from the cache\)$/);
      expect(await run("--quiet")).toEqual({ code: 0, out: [], err: [] });
      expect(await run("--check", "--quiet")).toEqual({ code: 0, out: [], err: [] });
    });
  });
});
