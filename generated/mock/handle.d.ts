// Copied by modelspec from generator/mock/handle.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * One request, start to finish: route it, check the bearer token and the body, apply the fault it
 * asks for (its row in faults.ts says what that does), then answer from the spec's examples as
 * JSON, as an event stream (stream.ts), or as an async task that is polled for.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { MockContext } from "./context.js";
import { type MockRequestRecord } from "./types.js";
export declare function handleRequest(ctx: MockContext, req: IncomingMessage, res: ServerResponse, record: MockRequestRecord): Promise<void>;
