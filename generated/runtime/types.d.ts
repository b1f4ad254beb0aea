// Copied by modelspec from generator/runtime/types.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * Shapes shared by the runtime: the transport descriptors a provider spec declares, validators, and
 * client options. The descriptors are the one definition of a transport's wire shape: the
 * generator's model (generator/model.ts) extends them with what readers need (description,
 * provenance) and the defaults it fills in, so `as const` literals and the model's objects both fit.
 * They stay here because the runtime ships alone in generated/runtime/.
 */
export type Json = null | boolean | number | string | readonly Json[] | {
    readonly [key: string]: Json;
};
/** A request field and the value that switches a mode on, e.g. `stream: true`. */
export interface EnableSwitch {
    readonly field: string;
    readonly value: Json;
}
export interface StreamingDescriptor {
    readonly format: "sse";
    readonly enable: EnableSwitch;
    /** A `data:` payload that ends the stream, e.g. `[DONE]`. */
    readonly doneSentinel?: string;
    /** Event types (the SSE `event:` name or the payload's `type`) that end the stream. */
    readonly terminalEventTypes?: readonly string[];
    /** Event types that carry a mid-stream error. */
    readonly errorEventTypes?: readonly string[];
    /** A payload field whose presence marks a mid-stream error, e.g. `errors`. */
    readonly errorField?: string;
}
export interface AsyncDescriptor {
    readonly enable: EnableSwitch;
    /** The task type sent to poll for results, e.g. `getResponse`. */
    readonly pollTaskType: string;
    /** The task field that names the task type; `taskType` when absent (not in the spec model yet). */
    readonly taskTypeField?: string;
    readonly statusField: string;
    readonly pendingStatus: string;
    /** The status of a task that failed: the polled item is the provider's error. */
    readonly failedStatus: string;
    readonly initialDelayMs: number;
    readonly factor: number;
    readonly maxDelayMs: number;
}
export type RequestBodyDescriptor = {
    readonly kind: "plain";
} | {
    readonly kind: "task-array";
    readonly uuidField: string;
};
export type ResponseBodyDescriptor = {
    readonly kind: "plain";
} | {
    readonly kind: "envelope";
    readonly result: string;
    readonly success: string;
} | {
    readonly kind: "data-array";
    readonly data: string;
    /**
     * A top-level request field asking for several result items (Runware's `numberResults`): a call
     * expects that many items (async polling waits for them), and the mock answers that many.
     */
    readonly countField?: string;
};
export interface HttpTransportDescriptor {
    readonly kind: "http";
    readonly id: string;
    readonly baseUrl: string;
    readonly method: "POST";
    /** Path template: `{model}` is the model id, any other `{name}` is a client option. */
    readonly path: string;
    readonly pathParams?: readonly {
        readonly name: string;
    }[];
    readonly auth: {
        readonly scheme: "bearer";
        readonly header?: string;
    };
    readonly requestBody: RequestBodyDescriptor;
    readonly responseBody: ResponseBodyDescriptor;
    readonly streaming?: StreamingDescriptor;
    readonly async?: AsyncDescriptor;
}
export interface BindingTransportDescriptor {
    readonly kind: "workers-binding";
    readonly id: string;
    readonly streaming?: StreamingDescriptor;
}
export type TransportDescriptor = HttpTransportDescriptor | BindingTransportDescriptor;
/** Where a provider puts its error in a reply body, and what its fields are called. */
export interface ErrorDescriptor {
    /** JSON pointer to the error object, or to an array of them (the first is used); `""` = the body. */
    readonly pointer: string;
    readonly fields: {
        readonly code?: string;
        readonly message: string;
        readonly parameter?: string;
        readonly type?: string;
    };
}
/** One validation problem, as ajv reports it. */
export interface ValidationIssue {
    readonly instancePath: string;
    readonly message?: string;
    readonly keyword?: string;
    readonly schemaPath?: string;
    readonly params?: Readonly<Record<string, unknown>>;
}
/** An ajv-style validator: returns whether `data` is valid and leaves the problems on `.errors`. */
export interface Validator {
    (data: unknown): boolean;
    errors?: readonly ValidationIssue[] | null;
}
export interface Validators {
    request?: Validator;
    /** Validates one result: the unwrapped `result`, one `data` item, or the plain body. */
    response?: Validator;
    /** Validates one stream event payload. */
    stream?: Validator;
}
/**
 * A response that is not JSON (an image, audio): the bytes, read whole, and the media type the
 * provider sent (or, over a binding, the one the spec declares). Read whole rather than as a stream:
 * these answers are small (an image, seconds of speech), the timeout and retries then cover the whole
 * read, and the HTTP client and the binding give the same shape.
 */
export interface BinaryBody {
    readonly contentType: string;
    readonly body: Uint8Array;
}
/** A binary response as a spec example writes it. */
export interface BinaryExample {
    readonly contentType: string;
    readonly base64: string;
}
/** One call of a model: what a generated method passes to `send` / `stream`. */
export interface Operation {
    /** The model id exactly as the provider writes it (fills `{model}` in the path). */
    model: string;
    /** The caller's typed request. */
    request: object;
    /** Fields the method always sets, e.g. `{ taskType: "textInference", model: "…" }`. They win over the request. */
    fixed?: {
        readonly [key: string]: Json;
    };
    validators?: Validators;
    /** Set when the response is bytes (`send` then resolves to a `BinaryBody`): the media type the spec declares. */
    binaryResponse?: {
        readonly contentType: string;
    };
}
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
/** Options shared by every call of a client; most can be overridden per call. */
export interface CommonOptions {
    /** Per attempt, in ms: the whole reply for `send`, up to the response headers for `stream`. Default 600 000. */
    timeout?: number;
    /** Retries after the first attempt. Default 2. */
    maxRetries?: number;
    /** Validate requests before sending (default true). */
    validateRequest?: boolean;
    /** Validate results and stream events (default false). */
    validateResponse?: boolean;
    /** Extra request headers. */
    headers?: Record<string, string>;
}
export interface ClientOptions extends CommonOptions {
    /** The provider API key. Never logged, never copied into errors. */
    apiKey?: string;
    /** Alias of `apiKey` (Cloudflare calls it an API token). */
    token?: string;
    /** Replaces the transport's base URL, e.g. a local mock server. */
    baseUrl?: string;
    fetch?: typeof fetch;
    /**
     * Path parameters such as `accountId`. A top-level string option of the same name also works,
     * so a generated client may take `ClientOptions & { accountId: string }`.
     */
    pathParams?: Record<string, string>;
    /** Allow sending the key over plain http:// to a non-loopback host. */
    allowInsecureHttp?: boolean;
    /** Injectable for tests: how to wait between retries and polls. */
    sleep?: Sleep;
    /** Injectable for tests: the jitter source, in [0, 1). */
    random?: () => number;
}
export interface CallOptions extends CommonOptions {
    signal?: AbortSignal;
    /** Overall deadline, in ms, for async delivery polling. Default 600 000. */
    pollTimeout?: number;
}
/** One of an offering's examples, from its spec: a request and, where the page shows them, the answer. */
export interface OfferingExample<Request, Response, StreamEvent> {
    readonly name: string;
    readonly title: string;
    readonly provenance: {
        readonly kind: "documented";
    } | {
        readonly kind: "inferred";
        readonly reason: string;
    };
    readonly request: Request;
    /** The answer in the provider's response shape. */
    readonly response?: Response;
    /** The answer as stream events, for streaming examples. */
    readonly events?: readonly StreamEvent[];
}
