import type { MockServer } from "../generated/mock/index.js";

export declare const SERVE_HELP: string;
export declare function serveCommand(
  argv: string[],
  io: { out(text: string): void; err(text: string): void },
): Promise<{ code: number; server?: MockServer }>;
