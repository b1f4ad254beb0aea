// Copied by modelspec from generator/mock/server.ts. Do not edit here: change that file and run `npm run generate`.
import { type MockServer, type MockServerOptions } from "./types.js";
export declare function startMockServer(options: MockServerOptions): Promise<MockServer>;
