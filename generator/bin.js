#!/usr/bin/env node
// The `modelspec` executable. The generator is TypeScript; tsx runs it on Node 20 without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./cli.ts");
process.exitCode = await main(process.argv.slice(2));
