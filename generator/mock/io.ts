/** Reading requests and writing replies, recording each reply's status in the request log. */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { MockRequestRecord } from "./types.js";

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, record: MockRequestRecord, status: number, body: unknown): void {
  sendText(res, record, status, "application/json", JSON.stringify(body));
}

export function sendText(res: ServerResponse, record: MockRequestRecord, status: number, type: string, text: string | Uint8Array): void {
  if (res.destroyed) return;
  record.status = status;
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** A header holding a number ≥ 0, or undefined. */
export function numberHeader(headers: IncomingHttpHeaders, name: string): number | undefined {
  const value = headers[name];
  const n = typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
