// Copied by modelspec from generator/mock/io.ts. Do not edit here: change that file and run `npm run generate`.
export function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on("data", (chunk) => chunks.push(chunk));
        req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}
export function sendJson(res, record, status, body) {
    sendText(res, record, status, "application/json", JSON.stringify(body));
}
export function sendText(res, record, status, type, text) {
    if (res.destroyed)
        return;
    record.status = status;
    res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
    res.end(text);
}
/** A header holding a number ≥ 0, or undefined. */
export function numberHeader(headers, name) {
    const value = headers[name];
    const n = typeof value === "string" ? Number(value) : Number.NaN;
    return Number.isFinite(n) && n >= 0 ? n : undefined;
}
