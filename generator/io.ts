/** What every command shares: where it writes, and the error that means bad usage (exit 2, with a pointer to its --help). */
import type { Progress } from "./progress.js";

/** Where a command writes: each line of output and of errors. Every command (generate, diff, import, init, serve) takes this one type. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where `generate` shows progress; stderr when not given. Tests pass a silent one. */
  progress?: Progress;
}

/** Bad arguments: the command prints the message and how to get its usage, and exits with 2. */
export class UsageError extends Error {}
