/**
 * Client overhead: a generated client's `create()` (request validation on, as by default) against
 * a bare `fetch` that sends the same body and parses the same reply, on 127.0.0.1.
 *
 * For one offering per provider (its first HTTP transport), the reply is first taken from the
 * generated mock server (`startMockProviders`); then a plain server on port 0 replays those bytes
 * for every request, so both sides get the identical reply and the server's own work is as small
 * as it can be. Calls alternate client / fetch; each block of calls gives both medians and their
 * ratio (client / fetch: 1.10 means 10 % overhead).
 *
 * Two more sides run in the same rotation, to say where the overhead goes: the bare fetch with an
 * AbortController's signal and a 600 s timer (cleared when the reply is read), what any client that
 * can be cancelled and time out must pay (on Node 20 undici's work for a signal alone is several
 * per cent of a loopback call); and the client with `validateRequest: false`, so the cost of
 * request validation shows apart. The target is still judged on the default client against the bare fetch.
 *
 * Every side is warmed up past V8's optimisation of the code it runs (the validators tier up after
 * a few thousand calls), so the figures are those of a long-running process.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import * as generated from "../../generated/offerings.js";
import { startMockProviders } from "../../generated/mock/index.js";
import type { HttpTransportDescriptor, TransportDescriptor } from "../../generated/runtime/index.js";
import { spread, type Spread } from "./stats.js";

export interface ClientResult {
  offering: string;
  transport: string;
  /** Latency of one call, µs. */
  fetch: Spread;
  client: Spread;
  /** client / fetch medians, per block. */
  ratio: Spread;
  /** Latency of the bare fetch with an abort signal and a 600 s timer (the cancellable floor), µs. */
  cancellable: Spread;
  /** cancellable / fetch medians, per block: what cancellation alone costs. */
  cancellableRatio: Spread;
  /** client / cancellable medians, per block: the client's overhead over that floor. */
  overCancellable: Spread;
  /** Latency of the client with `validateRequest: false`, µs. */
  unvalidated: Spread;
  /** unvalidated / fetch medians, per block. */
  unvalidatedRatio: Spread;
}

const API_KEY = "sk-modelspec-bench";
/** Calls per side before timing: past V8's optimisation of the validators. */
const WARMUP = 3000;
const BLOCKS = 5;
const CALLS_PER_BLOCK = 400;
const SIDES = ["fetch", "cancellable", "unvalidated", "client"] as const;
type Side = (typeof SIDES)[number];
/** Every rotation of the sides, forwards and backwards: each side takes each place equally often. */
const ORDERS: readonly (readonly Side[])[] = SIDES.flatMap((_, shift) => {
  const rotated = [...SIDES.slice(shift), ...SIDES.slice(0, shift)];
  return [rotated, [...rotated].reverse()];
});

type Json = Record<string, unknown>;
interface OfferingLike {
  id: string;
  provider: string;
  clientKey: string;
  examples: readonly { request: object; response?: object }[];
}
type Factory = (options: Json) => Record<string, { create(request: object): Promise<unknown> }>;
const registry = generated as unknown as Record<string, { clients: Record<string, Factory> }> & {
  offerings: Record<string, OfferingLike>;
  providers: Record<string, { transports: readonly TransportDescriptor[] }>;
};

/** The first example request that neither streams nor goes async, less the switches; a fixed task UUID. */
function plainRequest(offering: OfferingLike, transport: HttpTransportDescriptor, transports: readonly TransportDescriptor[]): Json {
  const switches = transports.flatMap((t) => [t.streaming?.enable, t.kind === "http" ? t.async?.enable : undefined]).filter((s) => s !== undefined);
  const examples = offering.examples.map((e) => e.request as Json);
  const plain = examples.find((r) => !switches.some((s) => JSON.stringify(r[s.field]) === JSON.stringify(s.value))) ?? examples[0]!;
  const request = { ...plain };
  for (const s of switches) delete request[s.field];
  // A fixed UUID, so the replayed reply echoes the UUID of every request.
  if (transport.requestBody.kind === "task-array") request[transport.requestBody.uuidField] = randomUUID();
  return request;
}

function pathParams(transport: HttpTransportDescriptor): Json {
  return Object.fromEntries((transport.pathParams ?? []).map((p) => [p.name, `bench-${p.name}`]));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await call();
  return Number(process.hrtime.bigint() - start) / 1000;
}

export async function benchClients(log: (line: string) => void): Promise<ClientResult[]> {
  const results: ClientResult[] = [];
  const providers = Object.keys(registry.providers).sort();
  for (const providerId of providers) {
    const transports = registry.providers[providerId]!.transports;
    const transport = transports.find((t): t is HttpTransportDescriptor => t.kind === "http");
    const offering = Object.values(registry.offerings)
      .filter((o) => o.provider === providerId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    if (!transport || !offering) continue;
    const factory = registry[providerId]!.clients[transport.id]!;
    const request = plainRequest(offering, transport, transports);
    const authHeader = transport.auth.header ?? "authorization";

    // 1. What the client sends and what the provider answers, from the generated mock.
    const mock = await startMockProviders({ apiKey: API_KEY });
    let path: string;
    let wire: string;
    let reply: { status: number; type: string; body: Buffer };
    try {
      await factory({ apiKey: API_KEY, baseUrl: mock.url, maxRetries: 0, ...pathParams(transport) })[offering.clientKey]!.create(request);
      const seen = mock.requests[mock.requests.length - 1]!;
      path = seen.path;
      wire = JSON.stringify(seen.body);
      const response = await fetch(mock.url + path, {
        method: "POST",
        headers: { [authHeader]: `Bearer ${API_KEY}`, "content-type": "application/json" },
        body: wire,
      });
      reply = {
        status: response.status,
        type: response.headers.get("content-type") ?? "application/json",
        body: Buffer.from(await response.arrayBuffer()),
      };
      if (!response.ok) throw new Error(`${offering.id}: the mock answered ${response.status} to the client's own request`);
    } finally {
      await mock.close();
    }

    // 2. The same bytes from a server that does nothing else.
    const server = createServer((req, res) => {
      req.resume();
      req.once("end", () => {
        res.writeHead(reply.status, { "content-type": reply.type, "content-length": reply.body.length });
        res.end(reply.body);
      });
    });
    const url = await listen(server);
    try {
      const client = factory({ apiKey: API_KEY, baseUrl: url, maxRetries: 0, ...pathParams(transport) })[offering.clientKey]!;
      const body = JSON.parse(wire) as unknown;
      const bare = async () => {
        const response = await fetch(url + path, {
          method: "POST",
          headers: { [authHeader]: `Bearer ${API_KEY}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (!response.ok) throw new Error(`bare fetch: ${response.status}`);
        return response.json();
      };
      const cancellable = async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 600_000);
        try {
          const response = await fetch(url + path, {
            method: "POST",
            headers: { [authHeader]: `Bearer ${API_KEY}`, "content-type": "application/json" },
            body: JSON.stringify(body),
            signal: controller.signal,
          });
          if (!response.ok) throw new Error(`cancellable fetch: ${response.status}`);
          return await response.json();
        } finally {
          clearTimeout(timer);
        }
      };
      const unvalidated = factory({ apiKey: API_KEY, baseUrl: url, maxRetries: 0, validateRequest: false, ...pathParams(transport) })[
        offering.clientKey
      ]!;
      const sides: Record<Side, () => Promise<unknown>> = {
        fetch: bare,
        cancellable,
        unvalidated: () => unvalidated.create(request),
        client: () => client.create(request),
      };
      for (let i = 0; i < WARMUP; i++) for (const side of SIDES) await sides[side]();
      const times = Object.fromEntries(SIDES.map((side) => [side, [] as number[]])) as Record<Side, number[]>;
      const ratios = { client: [] as number[], cancellable: [] as number[], overCancellable: [] as number[], unvalidated: [] as number[] };
      for (let block = 0; block < BLOCKS; block++) {
        const inBlock = Object.fromEntries(SIDES.map((side) => [side, [] as number[]])) as Record<Side, number[]>;
        for (let i = 0; i < CALLS_PER_BLOCK; i++) {
          for (const side of ORDERS[i % ORDERS.length]!) inBlock[side].push(await timed(sides[side]));
        }
        const median = (side: Side) => spread(inBlock[side])!.median;
        const [f, k, c] = [median("fetch"), median("cancellable"), median("client")];
        ratios.client.push(c / f);
        ratios.cancellable.push(k / f);
        ratios.overCancellable.push(c / k);
        ratios.unvalidated.push(median("unvalidated") / f);
        for (const side of SIDES) times[side].push(...inBlock[side]);
      }
      const result: ClientResult = {
        offering: offering.id,
        transport: transport.id,
        fetch: spread(times.fetch)!,
        client: spread(times.client)!,
        ratio: spread(ratios.client)!,
        cancellable: spread(times.cancellable)!,
        cancellableRatio: spread(ratios.cancellable)!,
        overCancellable: spread(ratios.overCancellable)!,
        unvalidated: spread(times.unvalidated)!,
        unvalidatedRatio: spread(ratios.unvalidated)!,
      };
      log(
        `client ${offering.id} over ${transport.id}: ${result.ratio.median.toFixed(3)}× bare fetch, ` +
          `${result.overCancellable.median.toFixed(3)}× a cancellable fetch (itself ${result.cancellableRatio.median.toFixed(3)}×), ` +
          `${result.unvalidatedRatio.median.toFixed(3)}× without request validation`,
      );
      results.push(result);
    } finally {
      await close(server);
    }
  }
  return results;
}
