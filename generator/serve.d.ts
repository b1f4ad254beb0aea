import type { MockServer } from "../generated/mock/index.js";
import type { Io } from "./io.js";

/** The help text, with the fault hooks and defaults of the mock entry given (a generated package's `mock/index.js`). */
export declare function serveHelp(mock: typeof import("../generated/mock/index.js") | undefined): string;
export declare function serveCommand(argv: string[], io: Io): Promise<{ code: number; server?: MockServer }>;
