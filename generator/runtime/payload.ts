/** The wire object of a call: the typed request, the fixed fields, the mode switches and the task fields. */
import type { HttpTransportDescriptor, Json } from "./types.js";

/** `{ ...request, ...fixed }` plus the mode switch, as the wire object. */
export function buildPayload(
  request: object,
  fixed: { readonly [key: string]: Json } | undefined,
  extra?: Record<string, Json>,
): Record<string, unknown> {
  return { ...(request as Record<string, unknown>), ...fixed, ...extra };
}

/**
 * The names of a task's type and id fields: the descriptor's where it names them, else Runware's
 * `taskType` and `taskUUID` (the spec model has no `taskTypeField` yet). The one place these
 * fallbacks live: the client and the mock server both read them here.
 */
export function taskFields(transport: Pick<HttpTransportDescriptor, "requestBody" | "async">): { taskType: string; uuid: string } {
  return {
    taskType: transport.async?.taskTypeField ?? "taskType",
    uuid: transport.requestBody.kind === "task-array" ? transport.requestBody.uuidField : "taskUUID",
  };
}
