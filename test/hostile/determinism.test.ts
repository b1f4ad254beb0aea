/**
 * Determinism under a hostile environment: the real executable, run in another process on a copy
 * of schemas/ in another folder (spaces and non-ASCII in its path), with the directory listing
 * reversed, a Turkish locale and a UTC+14 time zone, writes output byte-identical to the
 * committed generated/.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../generator/options.js";
import { GENERATED_DIR, SCHEMAS_DIR, withTempDir } from "../helpers.js";

/** Loaded with `node --import`: every directory listing comes back reversed, and says so on stderr. */
const REVERSE_READDIR = `import fs from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
const readdir = fs.readdir;
fs.readdir = async (...args) => {
  const entries = await readdir(...args);
  process.stderr.write("reversed a listing of " + entries.length + " in " + JSON.stringify(String(args[0])) + "\\n");
  return entries.reverse();
};
syncBuiltinESMExports();
const { locale, timeZone } = Intl.DateTimeFormat().resolvedOptions();
process.stderr.write("locale " + locale + ", time zone " + timeZone + ", " + new Date(Date.UTC(2026, 0, 1)).toString() + ", " + (1234.5).toLocaleString() + "\\n");
`;

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else out.push(relative);
  }
  return out.sort();
}

describe("determinism", () => {
  it("another folder, reversed file order, tr_TR locale and TZ=Pacific/Kiritimati give byte-identical output", async () => {
    await withTempDir(async (dir) => {
      const home = path.join(dir, "a folder with spaces", "\u00fcn\u00efc\u00f6de");
      const schemas = path.join(home, "schemas");
      const out = path.join(home, "out");
      await mkdir(home, { recursive: true });
      await cp(SCHEMAS_DIR, schemas, { recursive: true });
      const preload = path.join(dir, "reverse-readdir.mjs");
      await writeFile(preload, REVERSE_READDIR);
      const env = { ...process.env, LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8", LANGUAGE: "tr", TZ: "Pacific/Kiritimati" };
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ["--import", pathToFileURL(preload).href, path.join(PROJECT_ROOT, "generator", "bin.js"), "generate", "--schemas", schemas, "--out", out],
        { cwd: home, env },
      );
      expect(stdout).toMatch(/wrote \d+ files/);
      // The specs' own listings were reversed: the schemas folder's and one provider folder's.
      const reversed = stderr.split("\n").filter((line) => line.startsWith("reversed a listing of "));
      for (const folder of [schemas, path.join(schemas, "cloudflare")]) {
        expect(
          reversed.some((line) => line.endsWith(` in ${JSON.stringify(folder)}`)),
          `${folder} listed reversed\n${stderr}`,
        ).toBe(true);
      }
      // The environment really took: a Turkish locale (1.234,5) and a UTC+14 clock.
      expect(stderr).toMatch(/^locale tr(-TR)?, time zone Pacific\/Kiritimati, Thu Jan 01 2026 14:00:00 GMT\+1400 .*, 1\.234,5$/m);

      const expected = await listFiles(GENERATED_DIR);
      const actual = await listFiles(out);
      expect(actual).toEqual(expected);
      for (const file of expected) {
        const [a, b] = await Promise.all([readFile(path.join(out, file)), readFile(path.join(GENERATED_DIR, file))]);
        expect(a.equals(b), file).toBe(true);
      }
    });
  });
});
