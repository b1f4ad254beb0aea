#!/usr/bin/env node
// The `modelspec` executable. Installed, it runs the generator built to JavaScript (dist/, made by
// npm's `prepare` when the package is packed). In a checkout, where the TypeScript sources sit
// beside this file, it runs a build of them made when they change (build.js), so an edit needs no
// build step and a run does not pay for tsx; `serve` is plain JavaScript over a generated package,
// so it runs either way.
import { existsSync } from "node:fs";

const argv = process.argv.slice(2);
const io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };
// A reader that stops early (`modelspec provenance | head`) is not an error: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error?.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** The package a failed import could not find, when that is why it failed; else undefined. */
function missingPackage(error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") return undefined;
  return /Cannot find (?:package|module) '([^']+)'/.exec(String(error.message))?.[1] ?? "a generator dependency";
}

/**
 * The generator's entry. In a checkout: its build for the sources as they are (made first when
 * they changed; build.js), else the sources under tsx when it cannot be built. Installed: dist/.
 */
async function loadMain() {
  const sources = new URL("./cli.ts", import.meta.url);
  const built = new URL("../dist/generator/cli.js", import.meta.url);
  if (existsSync(sources)) {
    try {
      // tsx maps stack traces to the sources always; the build only when they are asked for.
      if (argv.includes("--debug")) process.setSourceMapsEnabled(true);
      const { checkoutBuild } = await import("./build.js");
      return (await import((await checkoutBuild()).href)).main;
    } catch {
      // No esbuild, a read-only checkout, or a source that does not compile: tsx runs the sources
      // (and reports that source's error as it always has).
    }
    try {
      const { register } = await import("tsx/esm/api");
      register();
      return (await import(sources.href)).main;
    } catch (error) {
      // A checkout without its development tools falls back to a build when there is one.
      if (missingPackage(error) === undefined || !existsSync(built)) throw error;
    }
  }
  return (await import(built.href)).main;
}

if (argv[0] === "serve") {
  const { serveCommand } = await import("./serve.js");
  try {
    const { code, server } = await serveCommand(argv.slice(1), io);
    if (server) {
      const stop = () => server.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    } else process.exitCode = code;
  } catch (error) {
    io.err(`modelspec: ${error?.message ?? error}`);
    process.exitCode = 2;
  }
} else {
  let main;
  try {
    main = await loadMain();
  } catch (error) {
    const missing = missingPackage(error);
    if (missing === undefined) throw error;
    io.err(
      `modelspec: the generator cannot start: ${missing} is not installed. Reinstall the modelspec package ` +
        "(its dependencies come with it), or in a checkout run `npm ci`.",
    );
    process.exitCode = 2;
  }
  if (main) process.exitCode = await main(argv, io);
}
