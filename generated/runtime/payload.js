// Copied by modelspec from generator/runtime/payload.ts. Do not edit here: change that file and run `npm run generate`.
/** `{ ...request, ...fixed }` plus the mode switch, as the wire object. */
export function buildPayload(request, fixed, extra) {
    return { ...request, ...fixed, ...extra };
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
