/**
 * `server.requests` is bounded: a long-running mock keeps only the most recent requests
 * (`requestLog.limit`, default MOCK_DEFAULTS.requestLogLimit), however many it answers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { MOCK_DEFAULTS, startMockProviders, type MockServer } from "../../generated/mock/index.js";
import { PROJECT_ROOT } from "../../generator/options.js";

const open: MockServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});
async function serve(options: Parameters<typeof startMockProviders>[0] = {}) {
  const server = await startMockProviders(options);
  open.push(server);
  return server;
}

/** A request to a path no provider serves: the cheapest reply (404), still logged, told apart by its path. */
const hit = async (server: MockServer, i: number) => {
  const res = await fetch(`${server.url}/nowhere/${i}`, { method: "POST", body: "{}" });
  expect(res.status).toBe(404);
  await res.arrayBuffer();
};

describe("the request log", () => {
  test("keeps only the newest N, oldest first, in the same array", async () => {
    const server = await serve({ requestLog: { limit: 5 } });
    const requests = server.requests;
    for (let i = 0; i < 12; i++) await hit(server, i);
    expect(server.requests).toBe(requests);
    expect(server.requests.map((r) => r.path)).toEqual([7, 8, 9, 10, 11].map((i) => `/nowhere/${i}`));
    expect(server.requests.every((r) => r.status === 404)).toBe(true);
  });

  test(`by default holds ${MOCK_DEFAULTS.requestLogLimit}, however many more are answered`, async () => {
    const server = await serve();
    const batch = 25;
    const total = MOCK_DEFAULTS.requestLogLimit + 2 * batch;
    for (let start = 0; start < total; start += batch) await Promise.all(Array.from({ length: batch }, (_, k) => hit(server, start + k)));
    expect(server.requests).toHaveLength(MOCK_DEFAULTS.requestLogLimit);
    const kept = new Set(server.requests.map((r) => r.path));
    // The first batches are gone, the last is all there.
    for (let i = 0; i < batch; i++) expect(kept.has(`/nowhere/${i}`)).toBe(false);
    for (let i = total - batch; i < total; i++) expect(kept.has(`/nowhere/${i}`)).toBe(true);
  });

  test("the README states the default", () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
    expect(readme).toContain(`\`server.requests\` keeps the ${MOCK_DEFAULTS.requestLogLimit.toLocaleString("en")} most recent requests`);
  });

  test("limit 0 keeps none and still answers", async () => {
    const server = await serve({ requestLog: { limit: 0 } });
    for (let i = 0; i < 3; i++) await hit(server, i);
    expect(server.requests).toEqual([]);
  });

  test("Infinity keeps every request, past the default limit", async () => {
    const server = await serve({ requestLog: { limit: Number.POSITIVE_INFINITY } });
    const count = MOCK_DEFAULTS.requestLogLimit + 1;
    for (let start = 0; start < count; start += 50) {
      await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, i) => hit(server, start + i)));
    }
    expect(server.requests).toHaveLength(count);
  });

  test.each([[-1], [2.5], [Number.NaN]])("a limit of %s is refused, naming the option", async (limit) => {
    await expect(startMockProviders({ requestLog: { limit } })).rejects.toThrow(
      new RangeError(`startMockServer: requestLog.limit must be a whole number ≥ 0 or Infinity, got ${limit}`),
    );
  });
});
