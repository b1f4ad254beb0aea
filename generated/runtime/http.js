// Copied by modelspec from generator/runtime/http.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * The HTTP client: `send` and `stream` over one core (http-core.ts). The generated provider clients
 * use it, and it serves any transport, so it holds every response-body kind's unwrapper; an
 * offering's own `create…Create` factory takes `sendJson` and its transport's unwrapper alone, so it
 * bundles no streaming and no other kind's unwrapping.
 */
import { ConfigurationError } from "./errors.js";
import { createHttpCore } from "./http-core.js";
import { pollTask, sendBinary, sendJson } from "./http-send.js";
import { streamHttp } from "./http-stream.js";
import { unwrapDataArray, unwrapEnvelope, unwrapPlain } from "./unwrap.js";
export { backoff, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, isLoopback, parseRetryAfter } from "./http-core.js";
/** Each response-body kind's unwrapper, picked by the transport's `responseBody.kind`. */
export const UNWRAPPERS = { plain: unwrapPlain, envelope: unwrapEnvelope, "data-array": unwrapDataArray };
export function createHttpClient(descriptor, options) {
    const kind = descriptor.transport.responseBody.kind;
    // A hand-written descriptor may name any kind: say so now rather than fail at the first reply.
    if (!Object.hasOwn(UNWRAPPERS, kind)) {
        throw new ConfigurationError(`${descriptor.provider}: unknown responseBody kind ${JSON.stringify(kind)} (expected one of ${Object.keys(UNWRAPPERS).join(", ")})`);
    }
    // The table pairs each kind with its own unwrapper; TypeScript cannot follow that through the index.
    const unwrap = UNWRAPPERS[kind];
    const core = createHttpCore({ ...descriptor, unwrap }, options);
    return {
        send: (operation, call) => (operation.binaryResponse ? sendBinary(core, operation, call) : sendJson(core, operation, call, pollTask)),
        stream: (operation, call) => streamHttp(core, operation, call),
    };
}
