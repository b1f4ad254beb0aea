/**
 * The response unwrappers (runtime/unwrap.ts), one per response-body kind, called as the core calls
 * them: a parsed 2xx body, the shape, the error descriptor and a `fail` that records which refusal
 * was asked for. The clients' tests drive them end to end; these pin each kind's rules alone.
 */
import { describe, expect, test } from "vitest";
import {
  ConfigurationError,
  createHttpClient,
  type ErrorDescriptor,
  type HttpTransportDescriptor,
  type ResponseBodyDescriptor,
  UNWRAPPERS,
  type Unwrapper,
  unwrapDataArray,
  unwrapEnvelope,
  unwrapPlain,
} from "../../generator/runtime/index.js";

const ERRORS: ErrorDescriptor = { pointer: "/errors", fields: { message: "message" } };

/** Runs one unwrapper; a refusal comes back as `{ refused: what }` (`"provider error"` for `fail()`). */
function run(unwrap: Unwrapper<never>, body: unknown, shape: ResponseBodyDescriptor, extra: { errors?: ErrorDescriptor; uuid?: string } = {}) {
  const fail = (what?: string): never => {
    throw { refused: what ?? "provider error" };
  };
  try {
    return { result: (unwrap as Unwrapper)(body, shape, extra.errors ?? ERRORS, fail, extra.uuid, extra.uuid && "id") };
  } catch (thrown) {
    return thrown;
  }
}

const PLAIN = { kind: "plain" } as const;
const ENVELOPE = { kind: "envelope", result: "result", success: "success" } as const;
const DATA = { kind: "data-array", data: "data" } as const;
const mine = { id: "u1", text: "mine" };
const theirs = { id: "u2", text: "theirs" };

const cases: [
  string,
  { unwrap: Unwrapper<never>; shape: ResponseBodyDescriptor; body: unknown; errors?: ErrorDescriptor; uuid?: string; want: unknown },
][] = [
  ["plain: the body itself", { unwrap: unwrapPlain, shape: PLAIN, body: [1, 2], want: { result: [1, 2] } }],
  [
    "plain: an error at the pointer",
    { unwrap: unwrapPlain, shape: PLAIN, body: { errors: [{ message: "no" }] }, want: { refused: "provider error" } },
  ],
  [
    "plain: a root pointer never refuses a 2xx body",
    {
      unwrap: unwrapPlain,
      shape: PLAIN,
      body: { message: "hi" },
      errors: { pointer: "", fields: { message: "message" } },
      want: { result: { message: "hi" } },
    },
  ],
  ["envelope: the result", { unwrap: unwrapEnvelope, shape: ENVELOPE, body: { success: true, result: { a: 1 } }, want: { result: { a: 1 } } }],
  ["envelope: success false", { unwrap: unwrapEnvelope, shape: ENVELOPE, body: { success: false, result: {} }, want: { refused: "provider error" } }],
  [
    "envelope: an error at the pointer",
    { unwrap: unwrapEnvelope, shape: ENVELOPE, body: { errors: { message: "no" } }, want: { refused: "provider error" } },
  ],
  ["envelope: not an object", { unwrap: unwrapEnvelope, shape: ENVELOPE, body: "text", want: { refused: "a JSON object" } }],
  [
    "data-array: every item without a task",
    { unwrap: unwrapDataArray, shape: DATA, body: { data: [mine, theirs] }, want: { result: [mine, theirs] } },
  ],
  ["data-array: this task's items", { unwrap: unwrapDataArray, shape: DATA, body: { data: [mine, theirs] }, uuid: "u1", want: { result: [mine] } }],
  [
    "data-array: items that echo no UUID are taken whole",
    { unwrap: unwrapDataArray, shape: DATA, body: { data: [{ text: "a" }] }, uuid: "u1", want: { result: [{ text: "a" }] } },
  ],
  [
    "data-array: once any item echoes a UUID, only this task's are kept (other tasks', non-objects and unechoed items dropped)",
    {
      unwrap: unwrapDataArray,
      shape: DATA,
      body: { data: [theirs, "text", mine, { text: "no id" }, null, [mine], { ...mine, text: "second" }] },
      uuid: "u1",
      want: { result: [mine, { ...mine, text: "second" }] },
    },
  ],
  [
    "data-array: no item echoing this UUID leaves an empty result",
    { unwrap: unwrapDataArray, shape: DATA, body: { data: [theirs] }, uuid: "u1", want: { result: [] } },
  ],
  ["data-array: no array at data", { unwrap: unwrapDataArray, shape: DATA, body: { data: {} }, want: { refused: 'an array at "data"' } }],
  [
    "data-array: an error at the pointer",
    { unwrap: unwrapDataArray, shape: DATA, body: { data: [], errors: [{ message: "no" }] }, want: { refused: "provider error" } },
  ],
  ["data-array: not an object", { unwrap: unwrapDataArray, shape: DATA, body: null, want: { refused: "a JSON object" } }],
];

describe("unwrappers", () => {
  test.each(cases)("%s", (_, { unwrap, shape, body, errors, uuid, want }) => {
    expect(run(unwrap, body, shape, { ...(errors && { errors }), ...(uuid && { uuid }) })).toEqual(want);
  });

  test("the provider-wide client's table pairs each kind with its unwrapper", () => {
    expect(UNWRAPPERS).toEqual({ plain: unwrapPlain, envelope: unwrapEnvelope, "data-array": unwrapDataArray });
  });

  test("the provider-wide client refuses a response-body kind it has no unwrapper for, when it is made", () => {
    const transport = {
      kind: "http",
      id: "rest",
      baseUrl: "https://api.example",
      method: "POST",
      path: "/v1",
      auth: { scheme: "bearer" },
      requestBody: { kind: "plain" },
      responseBody: { kind: "toString" },
    } as unknown as HttpTransportDescriptor;
    const make = () => createHttpClient({ provider: "acme", transport, errors: ERRORS }, { apiKey: "k" });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow('acme: unknown responseBody kind "toString" (expected one of plain, envelope, data-array)');
  });
});
