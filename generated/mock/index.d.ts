// Copied by modelspec from generator/mock/index.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * The generated package's `/mock` entry: the local provider server (Node only), apart from the client runtime so that
 * nothing a Worker or a browser imports pulls in node:http.
 *
 * Emitted as `generated/mock/index.js`, where the registry import below reads `../offerings.js`
 * (emit/runtime.ts rewrites it): in the repository the same import reaches the committed
 * generated/, so both this file and its copy type-check against the real registry.
 */
import { offerings } from "../offerings.js";
import type { MockOffering, MockServer, MockServerOptions } from "./types.js";
export { MOCK_FAULT_TABLE, MOCK_FAULTS, MOCK_HEADERS, mockFaultsMarkdown, mockHooksHelp } from "./faults.js";
export type { FaultEffect, FaultRow, MockFault, MockHeader } from "./faults.js";
export { startMockServer } from "./server.js";
export { MOCK_DEFAULTS } from "./types.js";
export type { MockExample, MockOffering, MockRequestRecord, MockServer, MockServerOptions } from "./types.js";
/** One offering of this package in the server's terms (for `startMockServer` with offerings of your choosing). */
export declare function mockOffering(id: keyof typeof offerings): MockOffering;
/**
 * Starts the local provider server (127.0.0.1, a free port unless one is given) answering every
 * offering of this package on its provider's real routes. Node only. Close it with `close()`.
 */
export declare function startMockProviders(options?: Omit<MockServerOptions, "offerings">): Promise<MockServer>;
