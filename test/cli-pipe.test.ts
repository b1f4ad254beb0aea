/**
 * The executable as a shell pipeline uses it: a reader that stops early (`modelspec provenance |
 * head -1`) closes the pipe, and the command ends quietly with its own exit code, not with an
 * EPIPE stack trace.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../generator/options.js";
import { buildFixture, readSpecSet } from "./bench/fixtures.js";
import { SCHEMAS_DIR, withTempDir } from "./helpers.js";

/** Several times what a pipe holds (64 KiB on Linux): the command is still writing when its reader goes. */
const OFFERINGS = 250;

it("ends quietly when its reader closes the pipe after the first chunk", async () => {
  await withTempDir(async (dir) => {
    const fixture = await buildFixture(await readSpecSet(SCHEMAS_DIR), OFFERINGS, "shared", dir);
    const bin = path.join(PROJECT_ROOT, "generator", "bin.js");
    const child = spawn(process.execPath, [bin, "provenance", "--schemas", fixture.schemasDir], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const first = await new Promise<string>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString())));
    child.stdout.destroy(); // what `head` does once it has its line
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(first).toMatch(/^\S+\/\S+ \(.+\): \d+ documented, \d+ inferred/);
    expect(stderr).toBe("");
    expect(code).toBe(0);

    // The whole output is more than the pipe held, so the command was cut off mid-write above.
    const whole = spawn(process.execPath, [bin, "provenance", "--schemas", fixture.schemasDir], { stdio: ["ignore", "pipe", "inherit"] });
    let length = 0;
    whole.stdout.on("data", (chunk: Buffer) => (length += chunk.length));
    await new Promise((resolve) => whole.once("close", resolve));
    expect(length).toBeGreaterThan(4 * 64 * 1024);
  });
}, 60_000);
