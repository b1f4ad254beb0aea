// Copied by modelspec from generator/runtime/binding.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * Typed calls over a Cloudflare Workers AI binding (`env.AI`). The binding type is structural so the
 * real `Ai` from @cloudflare/workers-types fits without this file importing it.
 */
import { AbortError, BindingError, ConfigurationError, InvalidResponseError, ModelspecError, StreamEndedEarlyError, TimeoutError } from "./errors.js";
import { bytesOf } from "./binary-body.js";
import { readEvents } from "./sse.js";
import { linkAbort } from "./abort.js";
import { buildPayload } from "./payload.js";
import { checkRequest, checkResponse } from "./validation.js";
export function createBindingClient(descriptor, options) {
    const { provider, transport, errors } = descriptor;
    if (typeof options.binding?.run !== "function")
        throw new ConfigurationError(`${provider}: the binding option must be env.AI`);
    function split(call) {
        const { timeout, validateRequest, validateResponse, signal, ...ai } = call;
        const link = signal || timeout !== undefined ? linkAbort(signal, timeout) : undefined;
        const gateway = ai.gateway ?? options.gateway;
        const aiOptions = { ...ai, ...(gateway && { gateway }), ...(link && { signal: link.signal }) };
        return {
            link,
            aiOptions,
            validateRequest: validateRequest ?? options.validateRequest ?? true,
            validateResponse: validateResponse ?? options.validateResponse ?? false,
        };
    }
    async function run(model, inputs, aiOptions, link) {
        if (link?.userAborted)
            throw new AbortError(); // an already-aborted call sends nothing
        try {
            return await options.binding.run(model, inputs, aiOptions);
        }
        catch (error) {
            throw failure(error, link);
        }
    }
    function failure(error, link) {
        if (error instanceof ModelspecError)
            return error;
        if (link?.userAborted)
            return new AbortError();
        if (link?.timedOut)
            return new TimeoutError(`${provider}: the binding call timed out`);
        return new BindingError(`${provider}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    /** A binary model's output (a ReadableStream from Workers AI) as a `BinaryBody` of the declared type. */
    async function binaryOutput(output, contentType, link) {
        let bytes;
        try {
            bytes = await bytesOf(output);
        }
        catch (error) {
            throw failure(error, link);
        }
        if (!bytes)
            throw new InvalidResponseError(`${provider}: expected the binding to return bytes (${contentType}), got ${describe(output)}`);
        return { contentType, body: bytes };
    }
    return {
        async send(operation, call = {}) {
            const { link, aiOptions, validateRequest, validateResponse } = split(call);
            try {
                const inputs = buildPayload(operation.request, operation.fixed);
                if (validateRequest)
                    checkRequest(operation.validators?.request, inputs);
                const output = await run(operation.model, inputs, aiOptions, link);
                if (operation.binaryResponse)
                    return (await binaryOutput(output, operation.binaryResponse.contentType, link));
                if (validateResponse)
                    checkResponse(operation.validators?.response, output, "response");
                return output;
            }
            finally {
                link?.dispose();
            }
        },
        stream(operation, call = {}) {
            async function* events() {
                const streaming = transport.streaming;
                if (!streaming)
                    throw new ConfigurationError(`${provider}: transport "${transport.id}" does not stream`);
                const { link, aiOptions, validateRequest, validateResponse } = split(call);
                try {
                    const inputs = buildPayload(operation.request, operation.fixed, { [streaming.enable.field]: streaming.enable.value });
                    if (validateRequest)
                        checkRequest(operation.validators?.request, inputs);
                    const output = await run(operation.model, inputs, aiOptions, link);
                    link?.clearTimeout();
                    if (!(output instanceof ReadableStream))
                        throw new InvalidResponseError(`${provider}: the binding did not return a stream`);
                    yield* readEvents(output, {
                        streaming,
                        errors,
                        validator: validateResponse ? operation.validators?.stream : undefined,
                        readError: (error) => link?.userAborted ? new AbortError() : new StreamEndedEarlyError(`${provider}: the event stream broke off`, { cause: error }),
                    });
                }
                finally {
                    link?.abort();
                    link?.dispose();
                }
            }
            return { [Symbol.asyncIterator]: () => events() };
        },
    };
}
function describe(value) {
    if (value === null)
        return "null";
    if (Array.isArray(value))
        return "an array";
    return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
