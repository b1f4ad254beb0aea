// Copied by modelspec from generator/mock/faults.ts. Do not edit here: change that file and run `npm run generate`.
/** What went wrong, before it is dressed in the provider's error envelope. */
export interface Failure {
    status: number;
    code: string;
    type: string;
    message: string;
    parameter?: string;
}
/** A request header that tunes a fault or the server; `does` may hold `code spans` (plain text in --help). */
export interface MockHeader {
    readonly header: string;
    /** The value's placeholder, e.g. `MS`. */
    readonly value: string;
    readonly does: string;
}
/** What a fault does to the reply; the handler reads nothing else. */
export type FaultEffect = 
/** Answered at once (after auth and routing, before validation) with this failure in the provider's error shape. */
{
    readonly kind: "reply";
    readonly failure: Failure;
    readonly retryAfter?: boolean;
}
/** The normal answer, after a pause. */
 | {
    readonly kind: "delay";
}
/** A stream sends about half its events and then ends this way instead of with its final event; a call that does not stream is answered normally. */
 | {
    readonly kind: "stream";
    readonly end: "cut";
}
/** As `cut`, then the provider's error event (a stream that declares none is just cut). */
 | {
    readonly kind: "stream";
    readonly end: "error-event";
    readonly failure: Failure;
}
/** A 200 whose body (in a stream: the event after the first half) is not JSON. */
 | {
    readonly kind: "malformed";
}
/** The task fails inside a 200 (async delivery: at the poll that would deliver the result). */
 | {
    readonly kind: "task-failed";
    readonly failure: Failure;
};
export type MockFault = "rate-limit" | "server-error" | "unavailable" | "slow" | "cut-stream" | "malformed-json" | "stream-error" | "task-error";
export interface FaultRow {
    readonly name: MockFault;
    /** What the client gets, one sentence; `code spans` become plain text in --help. */
    readonly does: string;
    /** Headers that tune this fault. */
    readonly tunedBy: readonly MockHeader[];
    readonly effect: FaultEffect;
}
/** Every fault, in the order the help and the README list them. */
export declare const MOCK_FAULT_TABLE: readonly FaultRow[];
/** Every value the `x-modelspec-fault` header takes. */
export declare const MOCK_FAULTS: readonly MockFault[];
/** The headers that tune the server for every fault, or without one. */
export declare const MOCK_HEADERS: readonly MockHeader[];
/**
 * The fault a request asks for: its row; `undefined` for none, or once `x-modelspec-fault-count`
 * such requests have been faulted (this call counts toward it); `"invalid"` for an unknown name.
 */
/** Request headers as node:http gives them (typed here so the package's declarations need no Node types). */
type Headers = Readonly<Record<string, string | string[] | undefined>>;
export declare function takeFault(headers: Headers, counts: Map<string, number>): FaultRow | "invalid" | undefined;
/** The 400 an unknown fault name gets. */
export declare function unknownFault(value: unknown): Failure;
/** The fault hooks and headers, as `modelspec serve --help` prints them. */
export declare function mockHooksHelp(): string;
/** The README's "Mock server faults" section, heading included. */
export declare function mockFaultsMarkdown(): string;
export {};
