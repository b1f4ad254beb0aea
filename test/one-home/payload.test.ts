/** The task field names have one home (runtime/payload.ts): the descriptor's, else Runware's defaults. */
import { expect, it } from "vitest";
import { buildPayload, taskFields } from "../../generator/runtime/payload.js";
import type { AsyncDescriptor } from "../../generator/runtime/types.js";

const polling: AsyncDescriptor = {
  enable: { field: "deliveryMethod", value: "async" },
  pollTaskType: "getResponse",
  statusField: "status",
  pendingStatus: "processing",
  failedStatus: "error",
  initialDelayMs: 1,
  factor: 2,
  maxDelayMs: 4,
};

it.each([
  ["a task array naming its id field", { requestBody: { kind: "task-array", uuidField: "jobId" } }, { taskType: "taskType", uuid: "jobId" }],
  [
    "a task type field named by the async descriptor",
    { requestBody: { kind: "plain" }, async: { ...polling, taskTypeField: "kind" } },
    { taskType: "kind", uuid: "taskUUID" },
  ],
  ["neither named", { requestBody: { kind: "plain" } }, { taskType: "taskType", uuid: "taskUUID" }],
] as const)("taskFields: %s", (_, transport, want) => {
  expect(taskFields(transport)).toEqual(want);
});

it("buildPayload: fixed fields win over the request, the mode switch over both", () => {
  expect(buildPayload({ model: "mine", stream: false, text: "hi" }, { model: "fixed" }, { stream: true })).toEqual({
    model: "fixed",
    stream: true,
    text: "hi",
  });
});
