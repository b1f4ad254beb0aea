/**
 * The README's Cloudflare binding example, as a Worker project compiles it: `Ai`, `Request` and
 * `ExportedHandler` are the globals of @cloudflare/workers-types (`types` in tsconfig), without the
 * DOM lib. Compiled under `strict` by test/clients/types.test.ts. Kept as .mts so the repository's
 * own tsconfig (DOM and Node globals) does not pick it up.
 */
// readme:cloudflare-binding:start
import { createCloudflareBindingClient } from "@modelspec/models";

export default {
  async fetch(request: Request, env: { AI: Ai }): Promise<Response> {
    const ai = createCloudflareBindingClient({ binding: env.AI, gateway: { id: "my-gateway" } });
    const reply = await ai.gpt54Mini.create({ messages: [{ role: "user", content: await request.text() }] });
    return new Response(reply.choices[0]?.message.content ?? "");
  },
} satisfies ExportedHandler<{ AI: Ai }>;
// readme:cloudflare-binding:end

export async function streamed(env: { AI: Ai }): Promise<string> {
  const ai = createCloudflareBindingClient({ binding: env.AI });
  // readme:cloudflare-binding-stream:start
  let text = "";
  for await (const chunk of ai.gpt54Mini.stream({ messages: [{ role: "user", content: "Hello" }] })) {
    text += chunk.choices[0]?.delta.content ?? "";
  }
  // readme:cloudflare-binding-stream:end
  for await (const chunk of ai.gpt54Mini.stream({ messages: [] })) {
    // @ts-expect-error the chunks are typed in a Worker project too (an `any` chunk would take this)
    chunk.nope;
  }
  return text;
}
