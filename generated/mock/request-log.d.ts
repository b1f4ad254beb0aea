// Copied by modelspec from generator/mock/request-log.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * The bounded log behind `server.requests`: the most recent requests, oldest first. A long-running
 * `modelspec serve` keeps at most `limit` records, whatever it has answered.
 */
import { type MockRequestRecord, type MockServerOptions } from "./types.js";
export interface RequestLog {
    /** The records kept, oldest first; the same array for the server's life. */
    readonly records: MockRequestRecord[];
    add(record: MockRequestRecord): void;
}
/** The log for these options; a limit that is not a whole number ≥ 0 (or `Infinity`) is a `RangeError` naming it. */
export declare function createRequestLog(options: Pick<MockServerOptions, "requestLog">): RequestLog;
