// Copied by modelspec from generator/runtime/http-send.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * One non-streaming call over the HTTP core: a JSON answer (`sendJson`), polled when the request
 * selects async delivery, or bytes (`sendBinary`). Polling is passed in (`pollTask`) rather than
 * imported, so a transport without async delivery bundles none of it.
 */
import { ApiError, ConfigurationError, InvalidResponseError, TimeoutError } from "./errors.js";
import { isJsonMediaType, sameMediaType } from "./binary-body.js";
import { DEFAULT_TIMEOUT_MS, refuseStreaming, sameJson } from "./http-core.js";
import { isObject } from "./json.js";
import { taskFields } from "./payload.js";
import { errorDetails } from "./provider-error.js";
import { requestIdOf } from "./request-id.js";
import { scrub } from "./scrub.js";
import { checkResponse } from "./validation.js";
/** One non-streaming exchange: send, read, unwrap. */
async function exchange(core, url, body, uuid, call) {
    const { response, link, timeout } = await core.post(url, body, call, "application/json");
    try {
        return core.unwrap(response.status, response.headers, await response.text(), uuid);
    }
    catch (error) {
        throw core.failure(error, link, timeout);
    }
    finally {
        link.dispose();
    }
}
/**
 * How many result items a request asks for: the value of the response descriptor's `countField`
 * (`numberResults`), else 1. Undefined when the transport declares no such field.
 */
function wantedResults(core, payload) {
    const shape = core.transport.responseBody;
    if (shape.kind !== "data-array" || shape.countField === undefined)
        return undefined;
    const value = payload[shape.countField];
    return typeof value === "number" && Number.isInteger(value) && value > 1 ? value : 1;
}
/** A call answered in JSON: the unwrapped result (for `data-array`, this task's items), validated when asked. */
export async function sendJson(core, operation, call = {}, pollTask) {
    const { transport, provider } = core;
    const { payload, body, uuid } = core.prepare(operation, call);
    refuseStreaming(core, payload);
    const url = core.urlFor(operation.model);
    const wanted = wantedResults(core, payload);
    let result = await exchange(core, url, body, uuid, call);
    if (transport.async && uuid !== undefined && sameJson(payload[transport.async.enable.field], transport.async.enable.value)) {
        if (!pollTask)
            throw new ConfigurationError(`${provider}: this client was built without async polling`);
        result = await pollTask(core, url, uuid, call, wanted ?? 1);
    }
    else if (wanted !== undefined && Array.isArray(result) && result.length < wanted) {
        // The reply to a synchronous call carries every result: fewer than asked for is a broken reply.
        throw new InvalidResponseError(`${provider}: asked for ${wanted} results, the reply has ${result.length}`, []);
    }
    if (core.setting(call, "validateResponse", false)) {
        for (const item of transport.responseBody.kind === "data-array" ? result : [result]) {
            checkResponse(operation.validators?.response, item, "response");
        }
    }
    return result;
}
/** Async delivery: poll with the poll task until the task is no longer pending; a failed task is an ApiError. */
export const pollTask = async (core, url, uuid, call, wanted) => {
    const { transport, provider, errors } = core;
    const a = transport.async;
    const fields = taskFields(transport);
    const deadline = call.pollTimeout ?? DEFAULT_TIMEOUT_MS;
    const started = Date.now();
    let waited = 0;
    for (let delay = a.initialDelayMs;; delay = Math.min(delay * a.factor, a.maxDelayMs)) {
        // Count both scheduled waits and wall time, so an injected instant sleep still meets the deadline.
        waited += delay;
        if (Math.max(waited, Date.now() - started) > deadline) {
            throw new TimeoutError(`${provider}: no result for task ${uuid} within ${deadline} ms`);
        }
        await core.wait(delay, call.signal);
        const items = (await exchange(core, url, [{ [fields.taskType]: a.pollTaskType, [fields.uuid]: uuid }], uuid, call));
        const failed = items.find((item) => isObject(item) && item[a.statusField] === a.failedStatus);
        if (isObject(failed)) {
            const details = errorDetails(failed, errors, items);
            throw new ApiError(200, scrub({ ...details, message: details.message ?? `task ${uuid} failed` }, core.secret));
        }
        // Still pending while any item is, or while fewer results have arrived than were asked for.
        const pending = items.some((item) => isObject(item) && item[a.statusField] === a.pendingStatus);
        if (!pending && items.length >= Math.max(wanted, 1))
            return items;
    }
};
/**
 * A binary call (an image, audio): the bytes, read whole, with the reply's content type. A JSON
 * reply here is the provider's error in a 2xx (a typed ApiError) or an answer the spec does not
 * describe; it is never handed back as bytes.
 */
export async function sendBinary(core, operation, call = {}) {
    const { provider } = core;
    const declared = operation.binaryResponse.contentType;
    const { payload, body } = core.prepare(operation, call);
    refuseStreaming(core, payload);
    const { response, link, timeout } = await core.post(core.urlFor(operation.model), body, call, `${declared}, application/json;q=0.5`);
    const requestId = requestIdOf(response.headers);
    try {
        const contentType = response.headers.get("content-type");
        if (isJsonMediaType(contentType)) {
            core.unwrap(response.status, response.headers, await response.text(), undefined);
            throw new InvalidResponseError(`${provider}: expected a binary body (${declared}), got JSON`, [], { requestId });
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (core.setting(call, "validateResponse", false) && !sameMediaType(contentType ?? "", declared)) {
            throw new InvalidResponseError(`${provider}: expected a body of type ${declared}, got ${JSON.stringify(contentType ?? "none")}`, [], {
                requestId,
            });
        }
        return { contentType: contentType ?? declared, body: bytes };
    }
    catch (error) {
        throw core.failure(error, link, timeout);
    }
    finally {
        link.dispose();
    }
}
