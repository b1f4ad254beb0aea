/** The mock server's public shapes and its defaults. */
import type { ErrorDescriptor, TransportDescriptor, Validators } from "../runtime/types.js";

/** JSON objects; typed `object` because the generated examples carry the offerings' interfaces, which have no index signature. */
export interface MockExample {
  name?: string;
  request: object;
  /** The unwrapped answer (the envelope's result, one data item, or the plain body); an already wrapped body is sent as is. */
  response?: object;
  events?: readonly object[];
}

export interface MockOffering {
  /** Provider id, e.g. `runware`. */
  provider: string;
  /** The model id as the provider writes it. */
  model: string;
  /** The provider's transports; only `http` ones are served. */
  transports: readonly TransportDescriptor[];
  /** The error descriptor; its `schema` (optional) decides array vs object and fills required fields. */
  errors: ErrorDescriptor & { schema?: unknown };
  validators?: Validators;
  examples: readonly MockExample[];
  /** Set when the answer is bytes: served from the example's `{ contentType, base64 }` or as a placeholder (binary.ts). */
  binaryResponse?: { readonly contentType: string } | undefined;
}

export interface MockServerOptions {
  port?: number;
  host?: string;
  /** When set, the bearer token must equal it; otherwise any non-empty token is accepted. */
  apiKey?: string;
  offerings: readonly MockOffering[];
  /** Delay of the `slow` fault, in ms. Default 2000. */
  slowDelayMs?: number;
  /** Delay the `rate-limit` fault asks for, in ms. Default 1000. */
  retryAfterMs?: number;
  /** Pause between stream events, in ms. Default 0. */
  eventDelayMs?: number;
  /**
   * How many of the most recent requests `server.requests` keeps (older ones are dropped, so a
   * long-running server does not grow). Default 1000; 0 keeps none; `Infinity` keeps every one.
   */
  requestLog?: { limit?: number };
}

/** What the server saw, for tests. Never holds headers (they carry the key). */
export interface MockRequestRecord {
  method: string;
  path: string;
  /** `provider/model` once routed. */
  offering?: string;
  fault?: string;
  stream: boolean;
  status?: number;
  /** The client went away before the reply was finished (a cancelled stream, a timeout). */
  aborted: boolean;
  /** The parsed JSON body, as received (bodies hold no credentials; headers, which do, are not kept). */
  body?: unknown;
}

export interface MockServer {
  url: string;
  port: number;
  /** The most recent requests, oldest first: at most `requestLog.limit` of them. */
  requests: MockRequestRecord[];
  /** Resolves once no request is in flight (every reply finished or its connection closed). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The defaults of the options and hook headers, in one place (the help text and README quote them). */
export const MOCK_DEFAULTS: {
  readonly host: string;
  readonly slowDelayMs: number;
  readonly retryAfterMs: number;
  readonly eventDelayMs: number;
  readonly pendingPolls: number;
  readonly requestLogLimit: number;
} = {
  host: "127.0.0.1",
  slowDelayMs: 2000,
  retryAfterMs: 1000,
  eventDelayMs: 0,
  pendingPolls: 1,
  requestLogLimit: 1000,
};
