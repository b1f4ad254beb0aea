/**
 * Type-level test, compiled under `strict` by test/clients/types.test.ts (and by the root tsconfig):
 * the generated Cloudflare binding client takes the REAL `Ai` type from @cloudflare/workers-types,
 * imported as a module beside the DOM lib, and its inputs, options and results are typed. Each
 * `@ts-expect-error` is an assertion: were the mistake under it accepted, tsc would fail.
 */
import type { Ai } from "@cloudflare/workers-types";
import {
  createCloudflareBindingClient,
  type CloudflareGpt54MiniResponse,
  type CloudflareGpt54MiniStreamEvent,
  type CloudflareGpt54NanoResponse,
} from "@modelspec/models";

declare const env: { AI: Ai };

export async function typedCalls(): Promise<string> {
  const ai = createCloudflareBindingClient({ binding: env.AI, gateway: { id: "my-gateway", skipCache: true } });

  const reply = await ai.gpt54Mini.create(
    { messages: [{ role: "user", content: "Hi" }], max_tokens: 100 },
    { gateway: { id: "other", cacheTtl: 60 }, tags: ["t"] },
  );
  const exact: CloudflareGpt54MiniResponse = reply;
  const content: string | null | undefined = reply.choices[0]?.message.content;
  // @ts-expect-error the output is typed: no such field
  reply.text;
  // @ts-expect-error results are typed: `model` is a string
  const wrongOffering: { model: number } = await ai.gpt54Nano.create({ messages: [] });

  let text = "";
  for await (const chunk of ai.gpt54Mini.stream({ messages: [{ role: "user", content: "Hi" }] })) {
    const event: CloudflareGpt54MiniStreamEvent = chunk;
    text += event.choices[0]?.delta.content ?? "";
    // @ts-expect-error stream events are typed too
    chunk.delta;
  }

  // @ts-expect-error "robot" is not a role
  await ai.gpt54Mini.create({ messages: [{ role: "robot", content: "Hi" }] });
  // @ts-expect-error a misspelled parameter is caught
  await ai.gpt54Mini.create({ messages: [{ role: "user", content: "Hi" }], max_token: 100 });
  // @ts-expect-error gateway options are typed: cacheTtl is a number
  await ai.gpt54Mini.create({ messages: [{ role: "user", content: "Hi" }] }, { gateway: { id: "g", cacheTtl: "1h" } });
  // @ts-expect-error the binding must look like env.AI
  createCloudflareBindingClient({ binding: { run: "not a function" } });
  // @ts-expect-error a gateway needs its id
  createCloudflareBindingClient({ binding: env.AI, gateway: { skipCache: true } });

  const nano: CloudflareGpt54NanoResponse = await ai.gpt54Nano.create({ messages: [{ role: "user", content: "Hi" }] });
  return `${exact.id} ${content ?? ""} ${text} ${nano.id} ${String(wrongOffering)}`;
}
