// Copied by modelspec from generator/runtime/binding.ts. Do not edit here: change that file and run `npm run generate`.
import type { BindingTransportDescriptor, ErrorDescriptor, Operation } from "./types.js";
/** AI Gateway options, as `AiOptions["gateway"]`. */
export interface GatewayOptions {
    id: string;
    cacheKey?: string;
    cacheTtl?: number;
    skipCache?: boolean;
    metadata?: Record<string, number | string | boolean | null | bigint>;
    collectLog?: boolean;
    eventId?: string;
    requestTimeoutMs?: number;
    [option: string]: unknown;
}
/** The options `env.AI.run` takes (`AiOptions`); unknown ones pass through untouched. */
export interface AiRunOptions {
    gateway?: GatewayOptions;
    signal?: AbortSignal;
    tags?: string[];
    extraHeaders?: object;
    [option: string]: unknown;
}
/**
 * Anything shaped like `env.AI`. Method syntax keeps the check bivariant, so `Ai`'s overloads fit.
 * `options` receives an `AiRunOptions`; it is declared as `object` so that `Ai` also fits in a project
 * that sees two different `AbortSignal` types (the DOM lib's, and the one in `AiOptions` when `Ai` is
 * imported from "@cloudflare/workers-types" as a module), which are not assignable to each other.
 */
export interface AiBinding {
    run(model: string, inputs: Record<string, unknown>, options?: object): Promise<unknown>;
}
export interface BindingClientDescriptor {
    provider: string;
    transport: BindingTransportDescriptor;
    errors: ErrorDescriptor;
}
export interface BindingClientOptions {
    binding: AiBinding;
    /** Gateway used by every call unless a call names its own. */
    gateway?: GatewayOptions;
    validateRequest?: boolean;
    validateResponse?: boolean;
}
/** Per-call options: everything `AiOptions` has, plus ours. */
export interface BindingCallOptions extends AiRunOptions {
    /** Aborts the call after this many ms (for streams: until the stream is returned). */
    timeout?: number;
    validateRequest?: boolean;
    validateResponse?: boolean;
}
export interface BindingClient {
    send<T>(operation: Operation, call?: BindingCallOptions): Promise<T>;
    /** Lazy like the HTTP client's: runs when iteration starts; breaking out cancels the stream. */
    stream<E>(operation: Operation, call?: BindingCallOptions): AsyncIterable<E>;
}
export declare function createBindingClient(descriptor: BindingClientDescriptor, options: BindingClientOptions): BindingClient;
