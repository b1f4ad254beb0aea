/**
 * The bounded log behind `server.requests`: the most recent requests, oldest first. A long-running
 * `modelspec serve` keeps at most `limit` records, whatever it has answered.
 */
import { MOCK_DEFAULTS, type MockRequestRecord, type MockServerOptions } from "./types.js";

export interface RequestLog {
  /** The records kept, oldest first; the same array for the server's life. */
  readonly records: MockRequestRecord[];
  add(record: MockRequestRecord): void;
}

/** The log for these options; a limit that is not a whole number ≥ 0 (or `Infinity`) is a `RangeError` naming it. */
export function createRequestLog(options: Pick<MockServerOptions, "requestLog">): RequestLog {
  const limit = options.requestLog?.limit ?? MOCK_DEFAULTS.requestLogLimit;
  if (!(limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit >= 0)))
    throw new RangeError(`startMockServer: requestLog.limit must be a whole number ≥ 0 or Infinity, got ${String(limit)}`);
  const records: MockRequestRecord[] = [];
  return {
    records,
    add(record) {
      records.push(record);
      // In place, so a caller holding `server.requests` sees the same array.
      if (records.length > limit) records.splice(0, records.length - limit);
    },
  };
}
