// Copied by modelspec from generator/mock/stream.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * A streamed answer: the example's events as server-sent events, in the transport's framing
 * (`data:` lines ending in the done sentinel, or typed `event:` lines). A stream fault sends about
 * half the events, never the final one, and then ends as its row in faults.ts says.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpTransportDescriptor } from "../runtime/types.js";
import type { Fail, MockContext } from "./context.js";
import type { FaultEffect } from "./faults.js";
import type { JsonRecord } from "./schema.js";
import { type MockOffering, type MockRequestRecord } from "./types.js";
export declare function sendStream(ctx: MockContext, req: IncomingMessage, res: ServerResponse, record: MockRequestRecord, offering: MockOffering, transport: HttpTransportDescriptor, task: JsonRecord, effect: FaultEffect | undefined, fail: Fail): Promise<void>;
