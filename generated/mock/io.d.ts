// Copied by modelspec from generator/mock/io.ts. Do not edit here: change that file and run `npm run generate`.
/** Reading requests and writing replies, recording each reply's status in the request log. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { MockRequestRecord } from "./types.js";
export declare function readBody(req: IncomingMessage): Promise<string>;
export declare function sendJson(res: ServerResponse, record: MockRequestRecord, status: number, body: unknown): void;
export declare function sendText(res: ServerResponse, record: MockRequestRecord, status: number, type: string, text: string | Uint8Array): void;
/** A header holding a number ≥ 0, or undefined. */
export declare function numberHeader(headers: IncomingHttpHeaders, name: string): number | undefined;
