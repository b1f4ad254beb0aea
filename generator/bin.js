#!/usr/bin/env node
// The `modelspec` executable. `serve` runs on the generated package alone, so it works wherever the
// package is installed. The other commands are the TypeScript generator, which tsx runs on Node 20
// without a build step; its tools are devDependencies, present only in a checkout after `npm ci`.
const argv = process.argv.slice(2);
const io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };
// A reader that stops early (`modelspec provenance | head`) is not an error: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error?.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** `modelspec --help` where only the package is installed: what works here, and where the rest does. */
const INSTALLED_HELP = `modelspec: typed clients, validators and a catalog from LLM provider specs

Usage: modelspec serve [options]

Commands in this installation:
  serve        Start the local provider server (a mock of every provider) for integration tests

The generated code ships in this package: import it from "modelspec" (clients, types, validators,
catalog) and "modelspec/mock" (startMockProviders). generate, diff and provenance run in a
checkout of the modelspec repository after \`npm ci\`.

Run \`modelspec serve --help\` for its options and fault hooks.`;

/** The package a failed import could not find, when that is why it failed; else undefined. */
function missingPackage(error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND") return undefined;
  return /Cannot find (?:package|module) '([^']+)'/.exec(String(error.message))?.[1] ?? "a generator dependency";
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
    const { register } = await import("tsx/esm/api");
    register();
    ({ main } = await import("./cli.ts"));
  } catch (error) {
    const missing = missingPackage(error);
    if (missing === undefined) throw error;
    if (argv.length === 0 || ["help", "--help", "-h"].includes(argv[0])) io.out(INSTALLED_HELP);
    else {
      io.err(
        `modelspec: "${argv[0]}" needs the generator's development tools, which this installation lacks ` +
          `(${missing} is not installed). generate, diff and provenance run in a checkout of the modelspec ` +
          'repository after `npm ci`; the installed package ships the generated code (import it from "modelspec") ' +
          "and `modelspec serve`, the local provider server for tests.",
      );
      process.exitCode = 2;
    }
  }
  if (main) process.exitCode = await main(argv, io);
}
