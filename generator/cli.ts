/** The `modelspec` command line. Exit codes: 0 done, 1 `--check` found stale output, 2 bad usage or bad specs. */
import path from "node:path";
import { parseArgs } from "node:util";
import { shownPath, SpecError } from "./diagnostics.js";
import { generate, loadModel } from "./generate.js";
import { type Io, UsageError } from "./io.js";
import { readSpecDir } from "./load.js";
import { resolveOptions } from "./options.js";
import { SILENT, stderrProgress } from "./progress.js";
import { provenanceLines, provenanceReport } from "./provenance.js";
import { packageSettings, settingsProject, versionFile } from "./version.js";

/** The commands, for "unknown command": the same list the help shows. */
export const COMMANDS = ["generate", "provenance", "diff", "import", "serve", "init", "help"] as const;

const HELP = `modelspec: typed clients, validators and a catalog from LLM provider specs

Usage: modelspec <command> [options]

Commands:
  generate     Generate types, validators, clients, catalog and docs from the specs
  provenance   List, per offering, which request parameters are documented and which inferred
  diff         Compare two versions of the specs (folders or git refs): what changed, what breaks
  import       Write specs from provider documentation (Cloudflare records, model pages, tables); --check reports drift
  serve        Start the local provider server (a mock of every provider) for integration tests
  init         Write a starter spec folder and the npm scripts into this project
  help         Show this help

Run \`modelspec <command> --help\` for a command's options.`;

const GENERATE_HELP = `Usage: modelspec generate [--check] [--verify] [--schemas DIR] [--out DIR] [--cache-dir DIR | --no-cache] [--quiet] [--debug]

Reads the YAML/JSON specs, checks them against the spec meta-schemas, and writes the generated
files. The old output stays untouched unless the whole run succeeds; files already up to date
are not rewritten.

Options:
  --check          Write nothing; exit 1 and name every stale, missing or extra file
  --verify         Type-check everything emitted as one strict TypeScript program first (slower)
  --schemas DIR    Folder of the specs (default: schemas/)
  --out DIR        Output folder (default: generated/)
  --cache-dir DIR  Content-hash cache of earlier runs (default: node_modules/.cache/modelspec);
                   safe to delete at any time
  --no-cache       Neither read nor write the cache
  --quiet          No progress or summary on stderr
  --debug          Show stack traces for unexpected errors
  -h, --help       Show this help`;

const PROVENANCE_HELP = `Usage: modelspec provenance [--schemas DIR] [--json]

Lists every request parameter of every offering with its provenance: documented (the seed page
says it) or inferred (with the reason), the constraints the spec infers where the page is silent
(x-inferred) and the open enums, whose values no source confirms (x-open-enum).

Options:
  --schemas DIR    Folder of the specs (default: schemas/)
  --json           Print JSON instead of text
  -h, --help       Show this help`;

const defaultIo: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  const debug = rest.includes("--debug");
  try {
    switch (command) {
      case "generate":
        return await generateCommand(rest, io);
      case "provenance":
        return await provenanceCommand(rest, io);
      case "diff": {
        // Loaded on use, like serve: it brings its own dependencies.
        const { diffCommand } = await import("./diff/command.js");
        return await diffCommand(rest, io);
      }
      case "import": {
        // Loaded on use: it brings the diff engine for --check.
        const { importCommand } = await import("./import/command.js");
        return await importCommand(rest, io);
      }
      case "serve": {
        // The server keeps the process alive; bin.js also stops it on SIGINT/SIGTERM.
        const { serveCommand } = await import("./serve.js");
        return (await serveCommand(rest, io)).code;
      }
      case "init": {
        const { initCommand, InitError } = await import("./init.js");
        try {
          return await initCommand(rest, io);
        } catch (error) {
          if (!(error instanceof InitError)) throw error;
          io.err(error.message);
          return 2;
        }
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.join(", ")}`);
    }
  } catch (error) {
    if (error instanceof SpecError) {
      // The problems are the message; where the generator stopped is for --debug only.
      io.err(debug ? `${error.message}\n${stackFrames(error)}` : error.message);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`modelspec: ${(error as Error).message}\nRun \`modelspec --help\` for usage.`);
      return 2;
    }
    io.err(
      debug
        ? String((error as Error).stack ?? error)
        : `modelspec: ${(error as Error).message ?? String(error)}\n(run with --debug for a stack trace)`,
    );
    return 2;
  }
}

/** The `at ...` lines of an error's stack, without the message it starts with. */
function stackFrames(error: Error): string {
  return (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}

async function generateCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: "boolean" },
      verify: { type: "boolean" },
      schemas: { type: "string" },
      out: { type: "string" },
      "cache-dir": { type: "string" },
      "no-cache": { type: "boolean" },
      quiet: { type: "boolean" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(GENERATE_HELP);
    return 0;
  }
  if (values["no-cache"] && values["cache-dir"] !== undefined) throw new UsageError("--no-cache and --cache-dir cannot go together");
  // Defaults are the project's (the nearest folder with a "modelspec" setting), so an installed
  // generator works in a stranger's repository as it does in this checkout; without one, the
  // generator's own checkout.
  const project = settingsProject();
  const options = resolveOptions({
    schemasDir: values.schemas ? path.resolve(values.schemas) : project && path.join(project, "schemas"),
    outDir: values.out ? path.resolve(values.out) : project && path.join(project, "generated"),
    cacheDir: values["no-cache"]
      ? false
      : values["cache-dir"] !== undefined
        ? path.resolve(values["cache-dir"])
        : project && path.join(project, "node_modules", ".cache", "modelspec"),
    verify: values.verify,
    package: projectPackage(),
  });
  const progress = values.quiet ? SILENT : (io.progress ?? stderrProgress());
  const started = performance.now();
  let result: Awaited<ReturnType<typeof generate>>;
  try {
    result = await namingFilesFromHere(options.schemasDir, () => generate({ ...options, check: values.check ?? false, progress }));
  } finally {
    progress.finish();
  }
  const shown = shownPath(options.outDir);
  const { stale, missing, extra } = result.difference;
  const how = `${((performance.now() - started) / 1000).toFixed(1)} s${result.fromCache ? ", from the cache" : ""}`;
  const say = (text: string) => {
    if (!values.quiet) io.out(text);
  };
  if (stale.length + missing.length + extra.length === 0) {
    say(`modelspec: ${shown} is up to date (${result.files.length} files, ${how})`);
    return 0;
  }
  if (!values.check) {
    say(`modelspec: wrote ${result.files.length} files to ${shown} (${how})`);
    return 0;
  }
  const lines = [...stale.map((f) => `  stale:   ${f}`), ...missing.map((f) => `  missing: ${f}`), ...extra.map((f) => `  extra:   ${f}`)];
  io.err(
    `modelspec: ${shown} is out of date with the specs (${lines.length} file${lines.length === 1 ? "" : "s"}):\n${lines.join("\n")}\nRun \`npm run generate\` and commit the result.`,
  );
  return 1;
}

/** The project's setting for the generated package; an error naming the file, relative to here, when it is missing or bad. */
function projectPackage() {
  const file = versionFile();
  try {
    return packageSettings(file);
  } catch (error) {
    // Without a project setting the file to write it in is the one here, not the generator's own.
    const shown = shownPath(settingsProject() ? file : path.resolve("package.json"));
    throw new UsageError(`${(error as Error).message.replace(file, shown)}; \`modelspec init\` writes it`);
  }
}

/** Runs a step that reads the specs; its spec problems name each file as seen from where the command ran. */
async function namingFilesFromHere<T>(schemasDir: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof SpecError ? error.shownFrom(schemasDir) : error;
  }
}

async function provenanceCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { schemas: { type: "string" }, json: { type: "boolean" }, debug: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    io.out(PROVENANCE_HELP);
    return 0;
  }
  const project = settingsProject();
  const options = resolveOptions({ schemasDir: values.schemas ? path.resolve(values.schemas) : project && path.join(project, "schemas") });
  const model = await namingFilesFromHere(options.schemasDir, async () => loadModel(await readSpecDir(options.schemasDir), options));
  if (values.json) io.out(JSON.stringify(provenanceReport(model), null, 2));
  else for (const line of provenanceLines(model)) io.out(line);
  return 0;
}
