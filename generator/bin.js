#!/usr/bin/env node
// The `modelspec` executable. `serve` runs on the generated package alone; the other commands are
// the TypeScript generator, which tsx runs on Node 20 without a build step.
const argv = process.argv.slice(2);
const io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

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
  const { register } = await import("tsx/esm/api");
  register();
  const { main } = await import("./cli.ts");
  process.exitCode = await main(argv, io);
}
