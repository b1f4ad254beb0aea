/**
 * The pages that compare one model across providers: which parameters line up (the concept
 * table), what the page derives from the specs, that it is linked from the docs index, and that
 * spec text reaches it only escaped.
 */
import { NO_CACHE } from "../generator/cache.js";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageSettings } from "../generator/version.js";
import { modelDocsEmitter, sharedModels } from "../generator/emit/model-docs.js";
import { alignParameter, PARAMETER_CONCEPTS } from "../generator/emit/parameter-concepts.js";
import { loadModel } from "../generator/generate.js";
import { readSpecDir } from "../generator/load.js";
import { GENERATED_DIR, MINIMAL_SPECS, SCHEMAS_DIR, textFiles } from "./helpers.js";

const label = (path: string) => {
  const a = alignParameter(path);
  return a.concept < 0 ? `(own) ${a.rest}` : `${PARAMETER_CONCEPTS[a.concept]!.label} ${a.rest}`.trim();
};

describe("parameter alignment", () => {
  it.each([
    ["max_tokens", { want: "output token limit" }],
    ["max_completion_tokens", { want: "output token limit" }],
    ["max_output_tokens", { want: "output token limit" }],
    ["settings.maxTokens", { want: "output token limit" }],
    ["settings.topP", { want: "nucleus sampling (top p)" }],
    ["input[].role", { want: "conversation [].role" }],
    ["messages[].content", { want: "conversation [].content" }],
    ["reasoning.effort", { want: "reasoning effort" }],
    ["settings.thinkingLevel", { want: "reasoning effort" }],
    ["settings.toolChoice.type", { want: "tool choice type" }],
    ["text.format.type", { want: "output format type" }],
    ["tools[].type", { want: "tools [].type" }],
    ["reasoning", { want: "(own) reasoning" }],
    ["stream_options.include_usage", { want: "(own) stream_options.include_usage" }],
    ["inputs.images", { want: "(own) inputs.images" }],
  ])("%s → %o", (path, { want }) => {
    expect(label(path)).toBe(want);
  });

  it("rows compare with case, `_` and `-` ignored", () => {
    expect(alignParameter("includeUsage").key).toBe(alignParameter("include_usage").key);
    expect(alignParameter("settings.max-tokens").key).toBe(alignParameter("max_tokens").key);
    expect(alignParameter("messages[].role").key).not.toBe(alignParameter("messages[].content").key);
  });
});

const model = loadModel(await readSpecDir(SCHEMAS_DIR));

describe("the GPT-5.4 mini page", () => {
  const page = readFileSync(path.join(GENERATED_DIR, "docs/models/gpt-5.4-mini.md"), "utf8");

  const serving = model.offerings.filter((o) => o.slug === "gpt-5.4-mini").map((o) => model.providers.find((p) => p.id === o.provider)!);

  it("the expectations below are written for the providers that serve the model", () => {
    expect(
      serving.map((p) => p.id),
      "the GPT-5.4 mini page's expectations in test/model-docs.test.ts (limits, parameter rows, disagreements) are written for Anyfast, Cloudflare and Runware: extend them for the provider added",
    ).toEqual(["anyfast", "cloudflare", "runware"]);
  });

  it("is linked from the docs index, and is the only model several providers serve", () => {
    const index = readFileSync(path.join(GENERATED_DIR, "docs/README.md"), "utf8");
    expect(index).toContain(`- [GPT-5.4 Mini](models/gpt-5.4-mini.md): ${serving.map((p) => p.name).join(", ")}`);
    expect(sharedModels(model).map((m) => m.slug)).toEqual(["gpt-5.4-mini"]);
  });

  it("sets limits and each provider's parameter names side by side", () => {
    expect(page).toMatch(/^\| context window +\| `400000` +\| `128000` +\| `400000` +\|$/m);
    expect(page).toMatch(/^\| max output tokens +\| `128000` +\| not stated +\| `128000` +\|$/m);
    expect(page).toMatch(
      /^\| output token limit +\| `max_output_tokens`: `integer`, minimum `1`, maximum `128000` +\| `max_completion_tokens`: `number`, exclusiveMinimum `0`; `max_tokens`: `number`, exclusiveMinimum `0` +\| `settings\.maxTokens`: `integer`, default `4096`, minimum `1`, maximum `128000` +\|$/m,
    );
  });

  it("lists where the pages disagree", () => {
    expect(page).toContain("- context window: `400000` (Anyfast, Runware); `128000` (Cloudflare Workers AI)");
    expect(page).toContain(
      "- nucleus sampling (top p), default: `1` (Anyfast `top_p`); not stated (Cloudflare Workers AI `top_p`); `0.95` (Runware `settings.topP`)",
    );
    expect(page).toContain("- max output tokens: `128000` (Anyfast, Runware); not stated (Cloudflare Workers AI)");
    expect(page).toContain("- seed: only Runware");
  });
});

describe("from specs in memory", () => {
  const HOSTILE = "</code><script>alert(1)</script> `x` @octocat [a](https://evil.example) |";
  const specs = {
    ...MINIMAL_SPECS,
    "beta/provider.yaml": MINIMAL_SPECS["acme/provider.yaml"]!.replace("id: acme", "id: beta").replace(
      "name: Acme AI",
      `name: ${JSON.stringify(`Beta ${HOSTILE}`)}`,
    ),
    "beta/shared/chat.yaml": MINIMAL_SPECS["acme/shared/chat.yaml"]!,
    "beta/tiny.yaml": MINIMAL_SPECS["acme/tiny.yaml"]!.replace("provider: acme", "provider: beta")
      .replace("contextWindow: 8000", "contextWindow: 16000")
      .replace(
        "temperature: { type: number, minimum: 0, maximum: 2 }",
        `temperature: { type: number, minimum: 0, maximum: 1, default: 1, description: ${JSON.stringify(HOSTILE)} }\n      mode: { enum: [${JSON.stringify(HOSTILE)}] }`,
      )
      .replace('    temperature: { inferred: "fixture" }', '    temperature: { inferred: "fixture" }\n    mode: documented'),
  };
  const model = loadModel(textFiles(specs));
  const [file] = modelDocsEmitter.emit(model, { cache: NO_CACHE, package: packageSettings() }) as { path: string; contents: string }[];

  it("writes one page per slug two providers serve, derived from their specs", () => {
    expect(file!.path).toBe("docs/models/tiny.md");
    // In the repo's output: a page for each slug that two or more providers serve (read from the catalog), and no other.
    const catalog = JSON.parse(readFileSync(path.join(GENERATED_DIR, "catalog.json"), "utf8")) as { id: string; provider: string }[];
    const providersOf = new Map<string, Set<string>>();
    for (const entry of catalog) {
      const slug = entry.id.slice(entry.provider.length + 1);
      providersOf.set(slug, (providersOf.get(slug) ?? new Set()).add(entry.provider));
    }
    const shared = [...providersOf].filter(([, served]) => served.size > 1).map(([slug]) => `${slug}.md`);
    expect(readdirSync(path.join(GENERATED_DIR, "docs", "models")).sort()).toEqual(shared.sort());
    expect(shared.length).toBeGreaterThan(0);
    const disagreements = file!.contents.slice(file!.contents.indexOf("## Where the pages disagree"));
    expect(disagreements).toContain("- context window: `8000` (Acme AI); `16000` (Beta");
    expect(disagreements).toContain("- temperature, maximum: `2` (Acme AI `temperature`); `1` (Beta");
    expect(disagreements).toContain("- temperature, default: not stated (Acme AI `temperature`); `1` (Beta");
    expect(disagreements).toContain("- `mode`: only Beta");
  });

  it("keeps spec text escaped: no raw HTML, links or mentions", () => {
    const text = file!.contents;
    const prose = withoutCodeSpans(text.replace(/^<!--.*-->$/m, ""));
    expect(prose).not.toMatch(/<|(?<!\\)\]\(https:\/\/evil|@octocat/);
    expect(prose).toContain("&lt;script&gt;");
    expect(text).toContain("`@octocat`");
    // The enum value (spec text) is a code span whose fence is longer than any backtick run inside.
    expect(text).toContain('allowed values ``"</code><script>alert(1)</script> `x` @octocat [a](https://evil.example) \\|"``');
  });
});

/** Markdown without its code spans (a run of n backticks up to the next run of exactly n). */
function withoutCodeSpans(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = /`+/.exec(text.slice(i));
    if (!open) return out + text.slice(i);
    out += text.slice(i, i + open.index);
    const start = i + open.index + open[0].length;
    const close = new RegExp(`(?<!\`)${open[0]}(?!\`)`).exec(text.slice(start));
    if (!close) return out + text.slice(i + open.index);
    i = start + close.index + open[0].length;
  }
  return out;
}
