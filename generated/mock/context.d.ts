// Copied by modelspec from generator/mock/context.ts. Do not edit here: change that file and run `npm run generate`.
/** What the request handlers share with the server that runs them. */
import type { ServerResponse } from "node:http";
import type { HttpTransportDescriptor } from "../runtime/types.js";
import type { Failure } from "./faults.js";
import type { Route } from "./routes.js";
import type { JsonRecord } from "./schema.js";
import type { MockOffering, MockServerOptions } from "./types.js";
/** An async task (Runware `deliveryMethod: "async"`) waiting to be polled. */
export interface Job {
    offering: MockOffering;
    transport: HttpTransportDescriptor;
    task: JsonRecord;
    polls: number;
    /** Polls answered "pending" before the outcome. */
    pendingPolls: number;
    /** The `task-error` fault's failure, reported by the poll that would deliver the result. */
    failure?: Failure;
}
/** Answers a failure in the provider's error shape (for the offering asked for, else the route's first). */
export type Fail = (failure: Failure, task?: JsonRecord) => void;
export interface MockContext {
    readonly options: MockServerOptions;
    readonly routes: readonly Route[];
    /** Async tasks by their UUID. */
    readonly jobs: Map<string, Job>;
    /** How many requests each `x-modelspec-fault-count` key has faulted. */
    readonly faultCounts: Map<string, number>;
    /** The next `x-request-id`. */
    nextRequestId(): string;
    /** A tracked pause: close() ends it; resolves false when the reply is gone or the server closed. */
    pause(ms: number, res: ServerResponse): Promise<boolean>;
}
