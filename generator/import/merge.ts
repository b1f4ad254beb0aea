/**
 * What a person wrote in a spec, kept when its source is imported again (`modelspec import` over an
 * existing spec) and when the two are compared (`import --check`): markers they resolved, the
 * parts they marked inferred (parameters with their schema nodes, `x-inferred` keywords, response
 * and stream sections, examples and example answers), and titles and descriptions the source
 * does not give. Everything the source does say is the import's.
 */
import { compareText, splitPointer } from "../diagnostics.js";
import type { Json, JsonObject } from "../model.js";
import { splitParameterPath } from "../parameters.js";
import { canonical, cloneJson, forEachSchemaNode, isObject, setOwn, validationSchema } from "../schema-walk.js";
import { valueAt } from "../resolve.js";
import { fillTodos, todoPointers, valueAtTokens } from "./spec.js";

const ANNOTATIONS = ["title", "description", "$comment"] as const;

/** Reads the schema a spec's `$ref` to another file names (`shared/x.yaml#/$defs/Name`), if it can. */
export type RefReader = (ref: string) => Json | undefined;

export function keepPersonsWork(imported: JsonObject, existing: JsonObject, readRef?: RefReader): JsonObject {
  const schemaFilled = todoPointers(imported).includes("/request/schema/x-todo");
  const out = fillTodos(imported, existing);
  const request = isObject(out.request) ? (out.request as JsonObject) : undefined;
  const was = isObject(existing.request) ? (existing.request as JsonObject) : undefined;
  if (request && was) {
    if (schemaFilled) {
      request.parameters = cloneJson(was.parameters as Json);
      request.provenance = cloneJson(was.provenance as Json);
    }
    keepInferredParts(request, was);
    keepAnnotations(request.schema as Json, was.schema as Json);
    if (readRef) keepReferences(request.schema as Json, was.schema as Json, readRef);
    const parameters = isObject(was.parameters) ? was.parameters : {};
    const mine = isObject(request.parameters) ? (request.parameters as JsonObject) : {};
    // Inferred parameters are the person's, with their schema nodes, even those the source does not name.
    for (const [name, provenance] of Object.entries(parameters)) if (isObject(provenance)) setOwn(mine, name, cloneJson(provenance as Json));
    // In the existing spec's key order: validator code follows keyword order, so an unchanged source regenerates the same files.
    request.schema = orderLike(request.schema as Json, was.schema as Json);
  }
  for (const section of ["response", "stream"] as const) {
    const before = existing[section];
    if (isObject(before) && isObject(before.provenance)) out[section] = cloneJson(before as Json);
  }
  out.examples = keptExamples(out.examples, existing.examples);
  return out;
}

/**
 * Each parameter the existing spec marks `{ inferred }` takes the existing schema node (and so
 * its children), and each `x-inferred` keyword takes the existing value.
 */
function keepInferredParts(request: JsonObject, existing: JsonObject): void {
  const schema = request.schema as Json;
  const was = existing.schema as Json;
  const parameters = isObject(existing.parameters) ? existing.parameters : {};
  const inferred = Object.keys(parameters)
    .filter((name) => isObject(parameters[name]))
    .sort((a, b) => a.length - b.length || compareText(a, b));
  for (const name of inferred) {
    const steps = splitParameterPath(name);
    const last = steps.at(-1)!;
    const target = nodeAt(schema, steps.slice(0, -1));
    const source = nodeAt(was, steps);
    if (!target || !source || !("key" in last) || !isObject(target.properties)) continue;
    setOwn(target.properties as JsonObject, last.key, cloneJson(source));
  }
  forEachSchemaNode(was, "", (node, pointer) => {
    if (!isObject(node["x-inferred"])) return;
    const mine = valueAt(schema, pointer);
    if (!isObject(mine)) return;
    for (const keyword of [...Object.keys(node["x-inferred"]), "x-inferred"])
      if (keyword in node) setOwn(mine as JsonObject, keyword, cloneJson(node[keyword] as Json));
  });
}

/** A title, description or `$comment` the existing spec has where the import has none. */
function keepAnnotations(schema: Json, was: Json): void {
  forEachSchemaNode(was, "", (node, pointer) => {
    const mine = valueAt(schema, pointer);
    if (!isObject(mine)) return;
    for (const keyword of ANNOTATIONS)
      if (typeof node[keyword] === "string" && !(keyword in mine)) setOwn(mine as JsonObject, keyword, node[keyword] as Json);
  });
}

/** `value` with the keys of each object in the order `like` has them (keys `like` lacks last, as they were). */
function orderLike(value: Json, like: Json | undefined): Json {
  if (Array.isArray(value)) return value.map((item, i) => orderLike(item, Array.isArray(like) ? (like[i] as Json) : undefined));
  if (!isObject(value)) return value;
  const template = isObject(like) ? Object.keys(like) : [];
  const keys = [...template.filter((k) => k in value), ...Object.keys(value).filter((k) => !template.includes(k))];
  const out: JsonObject = {};
  for (const key of keys) setOwn(out, key, orderLike(value[key] as Json, isObject(like) ? (like[key] as Json) : undefined));
  return out;
}

/**
 * A `$ref` the person wrote to a shared file (`taskUUID: { $ref: shared/….yaml#/$defs/TaskUUID }`)
 * stays where the import's node validates exactly as the referenced schema with the ref's
 * siblings: the same rule, factored out by hand.
 */
function keepReferences(schema: Json, was: Json, readRef: RefReader): void {
  forEachSchemaNode(was, "", (node, pointer) => {
    if (typeof node.$ref !== "string" || node.$ref.startsWith("#") || pointer === "") return;
    const tokens = splitPointer(pointer);
    const mine = valueAtTokens(schema, tokens);
    const target = readRef(node.$ref);
    if (!isObject(mine) || "$ref" in mine || !isObject(target)) return;
    const { $ref, ...siblings } = node;
    if (canonical(validationSchema({ ...target, ...siblings })) !== canonical(validationSchema(mine))) return;
    const parent = valueAtTokens(schema, tokens.slice(0, -1));
    if (isObject(parent)) setOwn(parent as JsonObject, tokens.at(-1)!, cloneJson(node as Json));
  });
}

/** The schema node of a parameter path (`input[].role`), through plain properties and items only. */
function nodeAt(schema: Json, steps: ReturnType<typeof splitParameterPath>): JsonObject | undefined {
  let node: Json | undefined = schema;
  for (const step of steps) {
    if (!isObject(node)) return undefined;
    node =
      "items" in step
        ? (node.items as Json | undefined)
        : isObject(node.properties)
          ? ((node.properties as JsonObject)[step.key] as Json | undefined)
          : undefined;
  }
  return isObject(node) ? node : undefined;
}

/**
 * Examples: where the import has none from the source (all built from the schema, or none), the
 * existing ones; otherwise the source's, each with the answer parts the existing example of that
 * name adds (a page prints the request, a person the answer's shape), then the existing examples
 * that are wholly inferred (a person's additions).
 */
function keptExamples(imported: Json | undefined, existing: Json | undefined): Json {
  const examples = Array.isArray(imported) ? (imported as JsonObject[]) : [];
  const before = Array.isArray(existing) ? (existing as JsonObject[]) : [];
  if (examples.every((e) => isObject(e.provenance))) return cloneJson(before);
  const out = examples.map((e) => {
    const was = before.find((c) => c.name === e.name);
    if (!was || "response" in e || "events" in e) return e;
    const provenance: Json = isObject(was.provenance) ? { ...was.provenance, request: e.provenance as Json } : (e.provenance as Json);
    return { ...e, provenance, ...(was.response ? { response: was.response } : {}), ...(was.events ? { events: was.events } : {}) };
  });
  const names = new Set(out.map((e) => e.name));
  for (const was of before) if (!names.has(was.name) && isObject(was.provenance) && "inferred" in was.provenance) out.push(cloneJson(was));
  return out;
}
