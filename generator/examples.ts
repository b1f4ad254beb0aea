/**
 * An offering's examples, read from its spec: each must pass its own schemas (a wrong example would
 * make every later test lie), and each part (request, response, events) has its provenance.
 */
import type { ErrorObject } from "ajv";
import { schemaRefusal, valueErrors } from "./ajv.js";
import type { Cache } from "./cache.js";
import { diagnostic, type Diagnostic } from "./diagnostics.js";
import { specData, type ParsedFile, type ParsedFileOf } from "./load.js";
import type { OfferingFile } from "./meta/spec-types.js";
import type { BundledSchema, Example, ExampleProvenance, Json, SchemaRole } from "./model.js";
import { provenanceOf } from "./provenance.js";
import { binaryExampleProblems, binaryResponse } from "./response-body.js";
import { cloneJson, isObject } from "./schema-walk.js";

/**
 * Examples must pass their own schemas: a wrong example would make every later test lie.
 * `passed`: they passed against these very inputs before (the caller's stored verdict), so they
 * are not run through ajv again.
 */
export function toExamples(
  file: ParsedFileOf<"offering">,
  sections: Partial<Record<SchemaRole, BundledSchema>>,
  diagnostics: Diagnostic[],
  cache: Cache,
  passed = false,
): Example[] {
  // Only an object is an example; anything else is already a meta-schema problem (`modelspec diff` gets this far).
  const written = specData(file).examples;
  const list = Array.isArray(written) ? written : [];
  // A schema ajv refuses was reported when it was resolved; its examples cannot be judged.
  const errorsOf = (role: SchemaRole, value: Json): ErrorObject[] => {
    const schema = sections[role]!.schema;
    return schemaRefusal(schema, cache) === undefined ? valueErrors(schema, value, cache) : [];
  };
  const names = new Map<string, number>();
  const examples = list.flatMap((example, index) => {
    if (!isObject(example)) return [];
    const base = `/examples/${index}`;
    const { name } = example;
    if (names.has(name))
      diagnostics.push(
        diagnostic(
          file.positions.get(`${base}/name`)!,
          `${base}/name`,
          `example name ${JSON.stringify(name)} is already used by /examples/${names.get(name)}`,
        ),
      );
    names.set(name, index);
    const check = (role: SchemaRole, value: Json | undefined, pointer: string) => {
      if (value === undefined) return;
      if (!sections[role]) {
        diagnostics.push(diagnostic(file.positions.get(pointer)!, pointer, `example has ${role} data but the offering has no ${role} schema`));
        return;
      }
      if (passed) return;
      // A binary answer is written as `{ contentType, base64 }`, not as the JSON the schema describes.
      const binary = role === "response" ? binaryResponse(sections.response!.schema) : undefined;
      if (binary) {
        for (const problem of binaryExampleProblems(binary, value)) {
          const p = pointer + problem.pointer;
          diagnostics.push(
            diagnostic(file.positions.get(p) ?? file.positions.get(pointer)!, p, `example does not match the response: ${problem.message}`),
          );
        }
        return;
      }
      for (const error of errorsOf(role, value)) {
        const p = pointer + error.instancePath;
        diagnostics.push(
          diagnostic(file.positions.get(p) ?? file.positions.get(pointer)!, p, `example does not match the ${role} schema: ${ajvMessage(error)}`),
        );
      }
    };
    check("request", example.request, `${base}/request`);
    // The meta-schema leaves an array answer's items open (`unknown[]`); they are JSON, read from YAML.
    check("response", example.response as Json | undefined, `${base}/response`);
    if (Array.isArray(example.events)) for (const [i, event] of example.events.entries()) check("stream", event, `${base}/events/${i}`);
    return {
      name,
      title: example.title,
      provenance: exampleProvenance(example, base, file, diagnostics),
      request: cloneJson(example.request),
      ...(example.response ? { response: cloneJson(example.response as Example["response"] & Json) } : {}),
      ...(example.events ? { events: cloneJson(example.events) } : {}),
    };
  });
  return examples;
}

const EXAMPLE_PARTS = ["response", "events"] as const;

type ExampleSpec = OfferingFile["examples"][number];

/**
 * One provenance per part of an example. `documented` or `{ inferred }` stands for every part the
 * example has; `{ request, response, events }` names each, and must name exactly the parts there are.
 */
function exampleProvenance(example: ExampleSpec, base: string, file: ParsedFile, diagnostics: Diagnostic[]): ExampleProvenance {
  const written = example.provenance;
  const pointer = `${base}/provenance`;
  const has = (part: (typeof EXAMPLE_PARTS)[number]) => example[part] !== undefined;
  if (!isObject(written) || !("request" in written)) {
    const whole = provenanceOf(written);
    return { request: whole, ...Object.fromEntries(EXAMPLE_PARTS.filter(has).map((part) => [part, whole])) };
  }
  const where = () => file.positions.get(pointer) ?? file.positions.get(base) ?? { file: file.file, line: 1, column: 1 };
  const out: ExampleProvenance = { request: provenanceOf(written.request) };
  for (const part of EXAMPLE_PARTS) {
    const given = written[part] !== undefined;
    const noun = part === "response" ? "a response" : "events";
    if (has(part) && !given)
      diagnostics.push(
        diagnostic(
          where(),
          pointer,
          `example has ${noun} but its provenance gives none: add \`${part}: documented\` or \`${part}: { inferred: <reason> }\``,
        ),
      );
    else if (!has(part) && given) diagnostics.push(diagnostic(where(), pointer, `provenance names ${part}, but the example has none`));
    if (has(part) && given) out[part] = provenanceOf(written[part]);
  }
  return out;
}

export function ajvMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown property ${JSON.stringify(params.additionalProperty)}`;
    case "required":
      return `missing required property ${JSON.stringify(params.missingProperty)}`;
    case "enum":
      return `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return error.message ?? error.keyword;
  }
}
