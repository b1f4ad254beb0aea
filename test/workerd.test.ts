/**
 * The generated package inside Cloudflare's own runtime. workerd (from npm) forbids `eval` and
 * `new Function`, so this is where a validator that compiled code at run time would fail. The
 * worker validates every example, rejects bad input, and drives the generated clients with an
 * injected fetch and a fake `env.AI` binding, all in workerd's test mode (no network).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../generator/options.js";
import { GENERATED_DIR } from "./helpers.js";

const WORKER = `
import { createAnyfastRestClient, createRunwareRestClient, createCloudflareBindingClient } from "./generated/index.js";
import { offerings } from "./generated/offerings.js";

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function sse(lines) {
  return new ReadableStream({
    start(controller) {
      for (const line of lines) controller.enqueue(new TextEncoder().encode(line));
      controller.close();
    },
  });
}

export default {
  async test() {
    let codeFromStrings = true;
    try { new Function("return 1")(); } catch { codeFromStrings = false; }
    assert(!codeFromStrings, "workerd allowed new Function; this test would prove nothing");

    let checked = 0;
    for (const [id, offering] of Object.entries(offerings)) {
      for (const example of offering.examples) {
        assert(offering.validators.request(example.request), id + " " + example.name + " request");
        if (example.response) assert(offering.validators.response(example.response), id + " " + example.name + " response");
        for (const event of example.events ?? []) assert(offering.validators.stream(event), id + " " + example.name + " event");
        checked++;
      }
      assert(!offering.validators.request({ unexpected: true }), id + " accepted a bad request");
      assert(offering.validators.request.errors.length > 0, id + " left no errors");
    }

    const anyfast = offerings["anyfast/gpt-5.4-mini"].examples.find((e) => e.events);
    const anyfastClient = createAnyfastRestClient({
      apiKey: "test-key",
      fetch: async () => new Response(sse(anyfast.events.map((e) => "event: " + e.type + "\\ndata: " + JSON.stringify(e) + "\\n\\n")), { headers: { "content-type": "text/event-stream" } }),
    });
    const types = [];
    for await (const event of anyfastClient.gpt54Mini.stream({ input: [{ role: "user", content: "Hi" }] })) types.push(event.type);
    assert(types.at(-1) === "response.completed", "anyfast stream ended with " + types.at(-1));

    const runware = offerings["runware/gpt-5.4-mini"].examples.find((e) => e.response);
    const runwareClient = createRunwareRestClient({
      apiKey: "test-key",
      fetch: async (_url, init) => {
        const [task] = JSON.parse(init.body);
        return Response.json({ data: [{ ...runware.response, taskUUID: task.taskUUID }] });
      },
    });
    const results = await runwareClient.gpt54Mini.create({ messages: [{ role: "user", content: "Hi" }] });
    assert(results.length === 1 && results[0].text === runware.response.text, "runware result");

    const cloudflare = offerings["cloudflare/gpt-5.4"].examples.find((e) => e.events);
    const binding = {
      async run(model, inputs) {
        assert(model === "openai/gpt-5.4", "model " + model);
        return inputs.stream ? sse([...cloudflare.events.map((e) => "data: " + JSON.stringify(e) + "\\n\\n"), "data: [DONE]\\n\\n"]) : { ok: true };
      },
    };
    let text = "";
    for await (const chunk of createCloudflareBindingClient({ binding }).gpt54.stream({ messages: [{ role: "user", content: "Hi" }] })) {
      text += chunk.choices?.[0]?.delta?.content ?? "";
    }
    assert(text.length > 0, "cloudflare binding stream carried no text");
    console.log("modelspec-workerd-ok " + checked);
  },
};
`;

async function jsFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await jsFiles(dir, rel)));
    else if (rel.endsWith(".js")) out.push(rel);
  }
  return out;
}

describe("the generated package in workerd", () => {
  it("validates, rejects and streams with no eval, new Function or require", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "modelspec-workerd-"));
    try {
      // The mock server (Node only) is not part of what a Worker imports; everything else is, the whole runtime included.
      const files = (await jsFiles(GENERATED_DIR)).filter((f) => !f.startsWith("mock/"));
      const embed = (file: string) => JSON.stringify(path.relative(dir, file));
      // workerd resolves a bare specifier next to its importer, so the one dependency is mapped there.
      const dependency = path.join(PROJECT_ROOT, "node_modules/eventsource-parser/dist/index.js");
      const modules = [
        `(name = "main.js", esModule = embed "main.js")`,
        ...files.map((f) => `(name = ${JSON.stringify(`generated/${f}`)}, esModule = embed ${embed(path.join(GENERATED_DIR, f))})`),
        `(name = "generated/runtime/eventsource-parser", esModule = embed ${embed(dependency)})`,
      ];
      await writeFile(path.join(dir, "main.js"), WORKER);
      await writeFile(
        path.join(dir, "config.capnp"),
        `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [(name = "main", worker = .worker)]);
const worker :Workerd.Worker = (modules = [\n${modules.join(",\n")}\n], compatibilityDate = "2025-06-01");
`,
      );
      const workerd = path.join(PROJECT_ROOT, "node_modules", ".bin", "workerd");
      const { stdout, stderr } = await promisify(execFile)(workerd, ["test", "config.capnp"], { cwd: dir, timeout: 60_000 }).catch(
        (error: { stdout: string; stderr: string }) => error,
      );
      expect(`${stdout}\n${stderr}`).toMatch(/modelspec-workerd-ok \d+/);
      expect(stderr).toMatch(/\[ PASS \] main/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
