import { describe, expect, test } from "vitest";
import { backoff, isLoopback, parseRetryAfter } from "../../generator/runtime/index.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  test.each([
    ["retry-after-ms wins", { "retry-after-ms": "250", "retry-after": "9" }, 250],
    ["retry-after-ms wins even when it is the longer", { "retry-after-ms": "5000", "retry-after": "1" }, 5000],
    ["fractional ms", { "retry-after-ms": "12.5" }, 12.5],
    ["seconds", { "retry-after": "3" }, 3000],
    ["HTTP date", { "retry-after": "Thu, 01 Jan 2026 00:00:07 GMT" }, 7000],
    ["a date in the past is 0", { "retry-after": "Wed, 31 Dec 2025 23:59:00 GMT" }, 0],
    ["capped at 60 s", { "retry-after": "3600" }, 60_000],
    ["capped ms", { "retry-after-ms": "120000" }, 60_000],
    ["garbage is ignored", { "retry-after": "soon" }, undefined],
    ["absent", {}, undefined],
  ])("%s", (_, headers, want) => {
    expect(parseRetryAfter(new Headers(headers as Record<string, string>), now)).toBe(want);
  });
});

describe("backoff", () => {
  test.each([
    [0, 500],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [9, 8000],
  ])("retry %i without jitter waits %i ms", (n, ms) => {
    expect(backoff(n, () => 0)).toBe(ms);
  });

  test("jitter takes off at most 25%", () => {
    expect(backoff(0, () => 0.999999)).toBeGreaterThan(375);
    expect(backoff(4, () => 1)).toBe(6000);
  });
});

test.each([
  ["localhost", true],
  ["127.0.0.1", true],
  ["127.255.0.9", true],
  ["[::1]", true],
  ["128.0.0.1", false],
  ["localhost.evil.com", false],
  ["127.0.0.1.evil.com", false],
  ["a127.0.0.1", false],
  ["example.com", false],
  ["[::2]", false],
])("isLoopback(%s) is %s", (host, want) => {
  expect(isLoopback(host)).toBe(want);
});
