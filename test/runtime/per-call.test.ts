/**
 * What every call builds, kept cheap on purpose (plain data properties, no spread into a clone):
 * the abort link, the wire payload and an offering's operation. These pin that the cheaper shapes
 * still say the same things.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { linkAbort } from "../../generator/runtime/abort.js";
import { setUpOffering } from "../../generator/runtime/offering.js";
import { buildPayload } from "../../generator/runtime/payload.js";
import type { Json } from "../../generator/runtime/types.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("linkAbort", () => {
  it("follows a caller's signal aborted before the link is made", () => {
    const caller = new AbortController();
    caller.abort("gone");
    const link = linkAbort(caller.signal, 1000);
    expect([link.signal.aborted, link.signal.reason, link.userAborted, link.timedOut]).toEqual([true, "gone", true, false]);
    link.dispose();
  });

  it("follows a caller's signal aborted while linked, and says it was the caller", () => {
    const caller = new AbortController();
    const link = linkAbort(caller.signal, 1000);
    expect([link.signal.aborted, link.userAborted]).toEqual([false, false]);
    caller.abort("stop");
    expect([link.signal.aborted, link.signal.reason, link.userAborted, link.timedOut]).toEqual([true, "stop", true, false]);
    link.dispose();
  });

  it("aborts on its timeout and says it timed out", () => {
    vi.useFakeTimers();
    const link = linkAbort(new AbortController().signal, 50);
    vi.advanceTimersByTime(49);
    expect(link.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect([link.signal.aborted, link.timedOut, link.userAborted]).toEqual([true, true, false]);
    link.dispose();
  });

  it("stops its timer on clearTimeout and on dispose; after dispose the caller's abort no longer reaches it", () => {
    vi.useFakeTimers();
    const caller = new AbortController();
    const cleared = linkAbort(caller.signal, 50);
    cleared.clearTimeout();
    const disposed = linkAbort(caller.signal, 50);
    disposed.dispose();
    vi.advanceTimersByTime(100);
    expect([cleared.signal.aborted, cleared.timedOut, disposed.signal.aborted, disposed.timedOut]).toEqual([false, false, false, false]);
    caller.abort();
    expect([cleared.signal.aborted, cleared.userAborted, disposed.signal.aborted, disposed.userAborted]).toEqual([true, true, false, false]);
  });

  it("without a caller's signal or a finite timeout, aborts only when asked", async () => {
    const link = linkAbort(undefined, Number.POSITIVE_INFINITY);
    // A timer set for Infinity would fire after 1 ms: wait past that.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([link.signal.aborted, link.timedOut]).toEqual([false, false]);
    link.abort();
    expect([link.signal.aborted, link.userAborted, link.timedOut]).toEqual([true, false, false]);
  });
});

describe("buildPayload", () => {
  it.each([
    ["the request", [{ ["__proto__"]: { polluted: true }, a: 1 }, { b: 2 }, undefined]],
    ["the fixed fields", [{ a: 1 }, { ["__proto__"]: "x", b: 2 }, undefined]],
    ["the mode switch", [{ a: 1 }, { b: 2 }, { ["__proto__"]: null }]],
  ] as const)("a __proto__ key in %s stays a field to send, not the prototype", (_, [request, fixed, extra]) => {
    const payload = buildPayload(request, fixed as Record<string, Json>, extra as Record<string, Json> | undefined);
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
    expect(Object.hasOwn(payload, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(payload))).toEqual(JSON.parse(JSON.stringify({ ...request, ...fixed, ...extra })));
    expect(Object.keys(payload)).toEqual(Object.keys({ ...request, ...fixed, ...extra }));
  });

  it("is a copy: the caller's request is left as it was", () => {
    const request = { messages: [{ role: "user", content: "hi" }] };
    const payload = buildPayload(request, { model: "m" });
    payload.extra = true;
    expect(request).toEqual({ messages: [{ role: "user", content: "hi" }] });
    expect(payload.messages).toBe(request.messages);
  });
});

describe("setUpOffering", () => {
  it("hands out one operation per call: the request with the offering's validators, the shared part untouched", () => {
    const validateRequest = Object.assign(() => true, { errors: null });
    const validateResponse = Object.assign(() => true, { errors: null });
    const operation = { model: "m", fixed: { taskType: "t" } };
    const { op } = setUpOffering(operation, validateRequest, { validators: { response: validateResponse } }, (rest) => rest);
    const [first, second] = [op({ text: "a" }), op({ text: "b" })];
    expect(first).toEqual({
      model: "m",
      fixed: { taskType: "t" },
      request: { text: "a" },
      validators: { request: validateRequest, response: validateResponse },
    });
    expect(second.request).toEqual({ text: "b" });
    expect(first).not.toBe(second);
    expect(operation).toEqual({ model: "m", fixed: { taskType: "t" } });
  });
});
