// Copied by modelspec from generator/mock/faults.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * The mock's faults as data. One row per value of the `x-modelspec-fault` header says what the
 * server does (`effect`, which the handler reads) and how it is documented (`does`, `tunedBy`):
 * `modelspec serve --help` and the README's "Mock server faults" section are both rendered from
 * these tables (`mockHooksHelp`, `mockFaultsMarkdown`), and a test keeps the README in step.
 */
import { numberHeader } from "./io.js";
import { MOCK_DEFAULTS } from "./types.js";
// Keyed by name, so a fault without a row (or a row without a fault) does not compile.
const ROWS = {
    "rate-limit": {
        does: "429 in the provider's error shape, with `Retry-After` (seconds) and `retry-after-ms`",
        tunedBy: [
            { header: "x-modelspec-retry-after-ms", value: "MS", does: `sets both (default ${MOCK_DEFAULTS.retryAfterMs}, option \`retryAfterMs\`)` },
            { header: "x-modelspec-retry-after", value: "VALUE", does: "sends only `Retry-After: VALUE` (seconds or an HTTP date)" },
        ],
        effect: {
            kind: "reply",
            retryAfter: true,
            failure: { status: 429, code: "rate_limit_exceeded", type: "rate_limit_error", message: "Rate limit reached" },
        },
    },
    "server-error": {
        does: "500 in the provider's error shape",
        tunedBy: [],
        effect: { kind: "reply", failure: { status: 500, code: "server_error", type: "server_error", message: "Internal server error" } },
    },
    unavailable: {
        does: "503 in the provider's error shape",
        tunedBy: [],
        effect: { kind: "reply", failure: { status: 503, code: "service_unavailable", type: "server_error", message: "Service unavailable" } },
    },
    slow: {
        does: "the normal answer, late: for timeouts",
        tunedBy: [
            { header: "x-modelspec-fault-delay-ms", value: "MS", does: `the delay (default ${MOCK_DEFAULTS.slowDelayMs}, option \`slowDelayMs\`)` },
        ],
        effect: { kind: "delay" },
    },
    "cut-stream": {
        does: "a stream that stops before its final event",
        tunedBy: [],
        effect: { kind: "stream", end: "cut" },
    },
    "malformed-json": {
        does: "a 200 whose body (or one stream event) is not valid JSON",
        tunedBy: [],
        effect: { kind: "malformed" },
    },
    "stream-error": {
        does: "the provider's error event in the middle of a stream (a provider whose spec declares no error event, like Cloudflare, just stops mid-stream, as `cut-stream`)",
        tunedBy: [],
        effect: {
            kind: "stream",
            end: "error-event",
            failure: { status: 500, code: "stream_error", type: "server_error", message: "The model failed mid-stream" },
        },
    },
    "task-error": {
        does: "the task fails inside a 200, in the provider's error shape (async delivery: the poll that would deliver the result reports the failed status)",
        tunedBy: [],
        effect: {
            kind: "task-failed",
            failure: { status: 500, code: "task_failed", type: "server_error", message: "The model failed to complete the task" },
        },
    },
};
/** Every fault, in the order the help and the README list them. */
export const MOCK_FAULT_TABLE = Object.entries(ROWS).map(([name, row]) => ({ name: name, ...row }));
/** Every value the `x-modelspec-fault` header takes. */
export const MOCK_FAULTS = MOCK_FAULT_TABLE.map((row) => row.name);
/** The headers that tune the server for every fault, or without one. */
export const MOCK_HEADERS = [
    {
        header: "x-modelspec-fault-count",
        value: "N",
        does: "fault only the first N such requests, then answer normally, so retries can be seen to succeed; counted per server and per `x-modelspec-fault-key`",
    },
    { header: "x-modelspec-fault-key", value: "KEY", does: "the counter `x-modelspec-fault-count` uses (default: the fault's name)" },
    {
        header: "x-modelspec-event-delay-ms",
        value: "MS",
        does: `pause between stream events (default ${MOCK_DEFAULTS.eventDelayMs}, option \`eventDelayMs\`)`,
    },
    {
        header: "x-modelspec-pending-polls",
        value: "N",
        does: `async delivery (Runware): the poll answers the pending status N times before the result (default ${MOCK_DEFAULTS.pendingPolls})`,
    },
];
const BY_NAME = new Map(MOCK_FAULT_TABLE.map((row) => [row.name, row]));
export function takeFault(headers, counts) {
    const name = headers["x-modelspec-fault"];
    if (typeof name !== "string" || name === "")
        return undefined;
    const row = BY_NAME.get(name);
    if (!row)
        return "invalid";
    const limit = numberHeader(headers, "x-modelspec-fault-count");
    if (limit !== undefined) {
        const keyHeader = headers["x-modelspec-fault-key"];
        const key = `${name}|${typeof keyHeader === "string" ? keyHeader : ""}`;
        const seen = counts.get(key) ?? 0;
        if (seen >= limit)
            return undefined;
        counts.set(key, seen + 1);
    }
    return row;
}
/** The 400 an unknown fault name gets. */
export function unknownFault(value) {
    const asked = JSON.stringify(String(value).slice(0, 100));
    return {
        status: 400,
        code: "invalid_fault",
        type: "invalid_request_error",
        message: `Unknown x-modelspec-fault value ${asked}; expected one of ${MOCK_FAULTS.join(", ")}`,
    };
}
// ---------------------------------------------------------------------------------------------
// The same tables as text: `serve --help` and the README
const HELP_WIDTH = 100;
const plain = (text) => text.replace(/`/g, "");
/** `term` in a column of `width`, then `text` word-wrapped with a hanging indent. */
function helpItem(term, width, text) {
    const lines = [];
    let line = `  ${term}`.padEnd(width);
    if (line.length > width) {
        lines.push(line);
        line = " ".repeat(width);
    }
    let empty = true;
    for (const word of plain(text).split(" ")) {
        if (!empty && line.length + 1 + word.length > HELP_WIDTH) {
            lines.push(line);
            line = " ".repeat(width);
            empty = true;
        }
        line += empty ? word : ` ${word}`;
        empty = false;
    }
    return [...lines, line];
}
/** The fault hooks and headers, as `modelspec serve --help` prints them. */
export function mockHooksHelp() {
    const headerWidth = 2 + Math.max(...[...MOCK_HEADERS, ...MOCK_FAULT_TABLE.flatMap((r) => r.tunedBy)].map((h) => `${h.header}: ${h.value}`.length)) + 2;
    const lines = ["Fault hooks, per request: header x-modelspec-fault: KIND, where KIND is"];
    for (const row of MOCK_FAULT_TABLE) {
        lines.push(...helpItem(row.name, 18, row.does));
        for (const h of row.tunedBy)
            lines.push(...helpItem(`  ${h.header}: ${h.value}`, headerWidth + 2, h.does));
    }
    lines.push("Other headers:");
    for (const h of MOCK_HEADERS)
        lines.push(...helpItem(`${h.header}: ${h.value}`, headerWidth, h.does));
    return lines.join("\n");
}
/** The README's "Mock server faults" section, heading included. */
export function mockFaultsMarkdown() {
    const row = (...cells) => `|${cells.map((text) => (text ? ` ${text.replace(/\|/g, "\\|")} ` : " ")).join("|")}|`;
    const hook = (h) => `\`${h.header}: ${h.value}\``;
    return [
        "### Mock server faults",
        "",
        "Chosen per request with the `x-modelspec-fault` header; `npx modelspec serve --help` prints the same",
        "list. Every answer is in the provider's own shapes.",
        "",
        "| `x-modelspec-fault` | what the client gets | tuned by |",
        "| --- | --- | --- |",
        ...MOCK_FAULT_TABLE.map((fault) => row(`\`${fault.name}\``, fault.does, fault.tunedBy.map((h) => `${hook(h)}: ${h.does}`).join("; "))),
        "",
        "| other header | what it does |",
        "| --- | --- |",
        ...MOCK_HEADERS.map((h) => row(hook(h), h.does)),
        "",
    ].join("\n");
}
