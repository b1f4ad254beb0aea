/**
 * The executable as a shell pipeline uses it: a reader that stops early (`modelspec provenance |
 * head -1`) closes the pipe, and the command ends quietly with its own exit code, not with an
 * EPIPE stack trace.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { PROJECT_ROOT } from "../generator/options.js";

it("ends quietly when its reader closes the pipe after the first chunk", async () => {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "generator", "bin.js"), "provenance"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const first = await new Promise<string>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString())));
  child.stdout.destroy(); // what `head` does once it has its line
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  expect(first).toMatch(/^\S+\/\S+ \(.+\): \d+ documented, \d+ inferred/);
  expect(stderr).toBe("");
  expect(code).toBe(0);
});
