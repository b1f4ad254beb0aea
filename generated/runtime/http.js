// Copied by modelspec from generator/runtime/http.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * The HTTP client: `send` and `stream` over one core (http-core.ts). The generated provider clients
 * use it; an offering's own `create…Create` factory takes `sendJson` alone, so it bundles no streaming.
 */
import { createHttpCore } from "./http-core.js";
import { pollTask, sendBinary, sendJson } from "./http-send.js";
import { streamHttp } from "./http-stream.js";
export { backoff, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, isLoopback, parseRetryAfter } from "./http-core.js";
export function createHttpClient(descriptor, options) {
    const core = createHttpCore(descriptor, options);
    return {
        send: (operation, call) => (operation.binaryResponse ? sendBinary(core, operation, call) : sendJson(core, operation, call, pollTask)),
        stream: (operation, call) => streamHttp(core, operation, call),
    };
}
