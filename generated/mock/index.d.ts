// Copied by modelspec from generator/mock/index.ts. Do not edit here: change that file and run `npm run generate`.
import type { MockServer, MockServerOptions } from "./types.js";
export { MOCK_FAULT_TABLE, MOCK_FAULTS, MOCK_HEADERS, mockFaultsMarkdown, mockHooksHelp } from "./faults.js";
export type { FaultEffect, FaultRow, MockFault, MockHeader } from "./faults.js";
export { startMockServer } from "./server.js";
export { MOCK_DEFAULTS } from "./types.js";
export type { MockExample, MockOffering, MockRequestRecord, MockServer, MockServerOptions } from "./types.js";
/**
 * Starts the local provider server (127.0.0.1, a free port unless one is given) answering every
 * offering of this package on its provider's real routes. Node only. Close it with `close()`.
 */
export declare function startMockProviders(options?: Omit<MockServerOptions, "offerings">): Promise<MockServer>;
