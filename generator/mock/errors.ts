/** Errors in the provider's own shape, built from its error descriptor (and schema, if given). */
import type { HttpTransportDescriptor, ValidationIssue } from "../runtime/types.js";
import { isObject, splitPointer } from "../runtime/json.js";
import type { Failure } from "./faults.js";
import { deref, fieldAllowsNull, fillRequired, type JsonRecord, schemaAt, setPointer } from "./schema.js";
import type { MockOffering } from "./types.js";

/** The provider's error body for a failure, built from its error descriptor (and schema, if given). */
export function errorBody(offering: MockOffering, transport: HttpTransportDescriptor, failure: Failure, task?: JsonRecord): unknown {
  const { pointer, schema } = offering.errors;
  const error = errorObject(offering, transport, failure, task);
  if (pointer === "") return error;
  const body = fillRequired({}, schema);
  setPointer(body, pointer, pointsToArray(offering.errors) ? [error] : error);
  const shape = transport.responseBody;
  if (shape.kind === "envelope") Object.assign(body, { [shape.result]: null, [shape.success]: false });
  return body;
}

/** Whether the error pointer holds an array of errors: per the schema, else by the name (`errors` vs `error`). */
export function pointsToArray(errors: MockOffering["errors"]): boolean {
  const target = schemaAt(errors.schema, errors.pointer);
  return target ? target.type === "array" || target.items !== undefined : /s$/.test(errors.pointer);
}

export function errorObject(offering: MockOffering, transport: HttpTransportDescriptor, failure: Failure, task?: JsonRecord): JsonRecord {
  const { fields, pointer, schema } = offering.errors;
  let itemSchema = schemaAt(schema, pointer);
  if (itemSchema && (itemSchema.type === "array" || itemSchema.items)) itemSchema = deref(schema, itemSchema.items);
  const props = isObject(itemSchema?.properties) ? itemSchema.properties : {};
  const out: JsonRecord = {};
  // Task-array providers name the task an error belongs to: copy task fields the error schema declares.
  if (task && transport.requestBody.kind === "task-array") {
    for (const key of Object.keys(props)) if (key in task) out[key] = task[key];
    out[transport.requestBody.uuidField] = task[transport.requestBody.uuidField];
  }
  if (fields.code) {
    const codeType = deref(schema, props[fields.code])?.type;
    const numeric =
      codeType === "integer" || codeType === "number" || (Array.isArray(codeType) && (codeType.includes("integer") || codeType.includes("number")));
    out[fields.code] = numeric ? failure.status : failure.code;
  }
  out[fields.message] = failure.message;
  if (fields.type) out[fields.type] = failure.type;
  if (fields.parameter && failure.parameter !== undefined) out[fields.parameter] = failure.parameter;
  else if (fields.parameter && fieldAllowsNull(deref(schema, props[fields.parameter]))) out[fields.parameter] = null;
  return out;
}

/** The error event a stream carries, per the streaming descriptor; undefined when it declares none. */
export function streamErrorEvent(
  offering: MockOffering,
  transport: HttpTransportDescriptor,
  failure: Failure,
  task: JsonRecord,
): JsonRecord | undefined {
  const streaming = transport.streaming!;
  const eventType = streaming.errorEventTypes?.[0];
  // The event's own `type` wins over an error-type field of the same name (OpenAI's `error` event).
  if (eventType !== undefined) return { ...errorObject(offering, transport, failure, task), type: eventType };
  const field = streaming.errorField;
  if (field === undefined) return undefined;
  if (offering.errors.pointer === `/${field}`)
    return errorBody(offering, { ...transport, responseBody: { kind: "plain" } }, failure, task) as JsonRecord;
  return { [field]: [errorObject(offering, transport, failure, task)] };
}

/** `{ code, message, parameter }` naming the failing field of the first validation issue. */
export function describeIssue(issue: ValidationIssue | undefined): { code: string; message: string; parameter?: string } {
  if (!issue) return { code: "invalid_request", message: "The request is invalid" };
  const segments = splitPointer(issue.instancePath);
  const extra = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  if (typeof extra === "string") segments.push(extra);
  const parameter = segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), "");
  let what =
    issue.keyword === "required" ? "is required" : issue.keyword === "additionalProperties" ? "is not allowed" : (issue.message ?? "is invalid");
  // ajv says "must be equal to one of the allowed values" without them: name them.
  const allowed = issue.params?.allowedValues ?? (issue.params && "allowedValue" in issue.params ? [issue.params.allowedValue] : undefined);
  if (Array.isArray(allowed)) what += ` (${allowed.map((v) => JSON.stringify(v)).join(", ")})`.slice(0, 300);
  return {
    code: "invalid_request",
    message: parameter ? `Invalid parameter '${parameter}': ${what}` : `Invalid request: ${what}`,
    ...(parameter && { parameter }),
  };
}
