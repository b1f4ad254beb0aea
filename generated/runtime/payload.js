// Copied by modelspec from generator/runtime/payload.ts. Do not edit here: change that file and run `npm run generate`.
/**
 * Spread first into the copy: an object whose first spread is the request is a clone of its shape,
 * and on Node 20 adding the fixed fields to that clone costs microseconds and leaves an object the
 * validator walks slowly. Spreading an empty object first builds an ordinary one; same semantics.
 */
const START = {};
/** `{ ...request, ...fixed }` plus the mode switch, as the wire object. */
export function buildPayload(request, fixed, extra) {
    return { ...START, ...request, ...fixed, ...extra };
}
/**
 * The names of a task's type and id fields: the descriptor's where it names them, else Runware's
 * `taskType` and `taskUUID` (the spec model has no `taskTypeField` yet). The one place these
 * fallbacks live: the client and the mock server both read them here.
 */
export function taskFields(transport) {
    return {
        taskType: transport.async?.taskTypeField ?? "taskType",
        uuid: transport.requestBody.kind === "task-array" ? transport.requestBody.uuidField : "taskUUID",
    };
}
