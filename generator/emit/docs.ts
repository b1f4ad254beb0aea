/**
 * Docs emitter: reference pages in Markdown. Every spec string goes through `markdownText` or
 * `markdownCode`, so a description cannot inject links, HTML or table breaks.
 */
import { markdownCode, markdownText } from "../escape.js";
import type { Emitter, GeneratedFile, Model, OfferingSpec, Pricing, ProviderSpec } from "../model.js";
import { findParameter } from "../parameters.js";
import { constraintsOf, exampleProvenanceText, provenanceText, typeText } from "./doc-lines.js";
import { sharedModels } from "./model-docs.js";
import { offeringDir } from "./paths.js";
import { providerOf } from "./shared.js";

export const docsEmitter: Emitter = {
  name: "docs",
  emit: (model: Model): GeneratedFile[] => [{ path: "docs/README.md", contents: indexPage(model), specs: [] }],
  emitOffering(offering: OfferingSpec, model: Model): GeneratedFile[] {
    const provider = providerOf(model, offering);
    return [{ path: `docs/${offeringDir(offering)}.md`, contents: offeringPage(offering, provider), specs: [offering.specFile] }];
  },
};

const cell = (text: string) => markdownText(text) || " ";

function indexPage(model: Model): string {
  const rows = model.offerings.map((o) => {
    const provider = providerOf(model, o);
    const link = `[${markdownText(o.id)}](${encodeURI(`${offeringDir(o)}.md`)})`;
    return `| ${link} | ${cell(provider.name)} | ${markdownCode(o.model)} | ${cell(o.status)} | ${o.contextWindow ?? "not stated"} | ${o.maxOutputTokens ?? "unknown"} | ${o.stream ? "yes" : "no"} |`;
  });
  const shared = sharedModels(model).map(({ slug, offerings }) => {
    const names = offerings.map((o) => providerOf(model, o).name);
    return `- [${markdownText(offerings[0]!.name)}](${encodeURI(`models/${slug}.md`)}): ${markdownText(names.join(", "))}`;
  });
  return [
    "# Offerings",
    "",
    "| offering | provider | model id | status | context window | max output tokens | streaming |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    ...(shared.length
      ? [
          "## Models served by several providers",
          "",
          "Each page compares the offerings of one model: limits, parameters under each provider's name, and where the pages disagree.",
          "",
          ...shared,
          "",
        ]
      : []),
  ].join("\n");
}

function offeringPage(offering: OfferingSpec, provider: ProviderSpec): string {
  const lines = [
    `# ${markdownText(offering.name)} on ${markdownText(provider.name)}`,
    "",
    markdownText(offering.description),
    "",
    `- Offering id: ${markdownCode(offering.id)}`,
    `- Model id: ${markdownCode(offering.model)}`,
    `- Status: ${markdownText(offering.status)}`,
    `- Context window: ${offering.contextWindow === null ? "not stated" : `${offering.contextWindow} tokens`}`,
    `- Max output tokens: ${offering.maxOutputTokens ?? "unknown"}`,
    ...(offering.pricing ? [`- Pricing: ${markdownText(pricingText(offering.pricing))}`] : []),
    `- Input: ${markdownText(offering.inputModalities.join(", "))}; output: ${markdownText(offering.outputModalities.join(", "))}`,
    `- Source: ${markdownCode(offering.source.seed)}, ${markdownText(offering.source.section)}`,
    `- Types: ${markdownCode(offering.request.typeName)}, ${markdownCode(offering.response.typeName)}${offering.stream ? `, ${markdownCode(offering.stream.typeName)}` : ""}`,
    "",
    "## Request parameters",
    "",
    "| parameter | type | required | constraints | provenance | description |",
    "| --- | --- | --- | --- | --- | --- |",
    ...offering.parameters.map((p) => {
      const node = findParameter(offering.request.schema, p.path);
      const schema = node ? { ...node.schema, ...node.property } : {};
      const constraints = constraintsOf(schema).map((c) => `${c.label}: ${c.value}`);
      const description = typeof schema.description === "string" ? schema.description : "";
      return `| ${markdownCode(p.path)} | ${cell(typeText(node?.schema))} | ${node?.required ? "yes" : "no"} | ${cell(constraints.join("; "))} | ${cell(provenanceText(p.provenance))} | ${cell(description)} |`;
    }),
    "",
  ];
  if (offering.notes.length > 0) lines.push("## Notes", "", ...offering.notes.map((n) => `- ${markdownText(n)}`), "");
  lines.push(
    "## Examples",
    "",
    "Each part of an example says whether the page prints it (documented) or the spec made it up in the provider's shape (inferred).",
    "",
    ...offering.examples.map((e) => `- ${markdownCode(e.name)}: ${markdownText(e.title)}. ${markdownText(exampleProvenanceText(e.provenance))}`),
    "",
  );
  return lines.join("\n");
}

function pricingText(pricing: Pricing): string {
  const parts = [
    ...(pricing.inputPerMillionTokens !== undefined ? [`${pricing.inputPerMillionTokens} ${pricing.currency} per million input tokens`] : []),
    ...(pricing.outputPerMillionTokens !== undefined ? [`${pricing.outputPerMillionTokens} ${pricing.currency} per million output tokens`] : []),
    ...(pricing.other ?? []).map((p) => `${p.price} ${pricing.currency} ${p.unit}`),
  ];
  return parts.join("; ");
}
