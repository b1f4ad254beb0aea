/**
 * Types emitter: request, response and stream-event interfaces per offering, through
 * json-schema-to-typescript, with the documentation a reader needs on hover.
 *
 * Types are made from a "type view" of each bundled schema:
 * - every definition is named `<TypeName><DefName>` and nested `title`s become prose, so names never collide;
 * - objects that list their properties are closed, even where the page leaves them open
 *   (`additionalProperties: {}`), so a misspelled key is a compile error; the validators stay open;
 * - descriptions gain the default, range, allowed values and provenance, through the comment helper.
 */
import { compile } from "json-schema-to-typescript";
import { commentText } from "../escape.js";
import type { BundledSchema, Emitter, GeneratedFile, Json, JsonObject, Model, OfferingSpec, Parameter } from "../model.js";
import { cloneJson, isObject, keywordShape, setOwn } from "../schema-walk.js";
import { findParameter } from "../parameters.js";
import { docLines, provenanceText } from "./doc-lines.js";
import { offeringDir } from "./paths.js";

const ANNOTATIONS = new Set(["title", "description", "$comment", "default", "examples", "deprecated", "readOnly", "writeOnly"]);
const OPEN_OBJECT_NOTE = "The provider accepts properties not listed here; this type lists only the documented ones.";

export const typesEmitter: Emitter = {
  name: "types",
  async emit(model: Model): Promise<GeneratedFile[]> {
    const files: GeneratedFile[] = [];
    for (const offering of model.offerings) {
      const parts: string[] = [];
      for (const section of sections(offering)) {
        const view = typeView(section, section.role === "request" ? offering.parameters : []);
        parts.push(
          await compile(view as never, section.typeName, {
            bannerComment: "",
            format: false,
            additionalProperties: false,
            unknownAny: true,
            strictIndexSignatures: true,
            ignoreMinAndMaxItems: true,
            declareExternallyReferenced: true,
            unreachableDefinitions: false,
            enableConstEnums: false,
            inferStringEnumKeysFromValues: false,
            $refOptions: { resolve: { external: false, file: false, http: false } } as never,
          }),
        );
      }
      files.push({ path: `${offeringDir(offering)}/types.ts`, contents: parts.join("\n"), specs: specsOf(offering) });
    }
    return files;
  },
};

export function sections(offering: OfferingSpec): BundledSchema[] {
  return [offering.request, offering.response, ...(offering.stream ? [offering.stream] : [])];
}

export function specsOf(offering: OfferingSpec): string[] {
  return [offering.specFile];
}

/** The schema json-schema-to-typescript sees: named definitions, closed objects, documented nodes. */
export function typeView(section: BundledSchema, parameters: readonly Parameter[]): JsonObject {
  const view = cloneJson(section.schema);
  delete view.$schema;
  const defs = isObject(view.$defs) ? (view.$defs as JsonObject) : {};
  for (const name of Object.keys(defs)) {
    if (isObject(defs[name])) (defs[name] as JsonObject)["x-name"] = section.typeName + name;
  }
  annotateParameters(view, parameters);
  documentNode(view, true);
  view.title = section.typeName;
  for (const name of Object.keys(defs)) {
    const def = defs[name];
    if (isObject(def)) {
      def.title = def["x-name"] as string;
      delete def["x-name"];
    }
  }
  return view;
}

/** Rewrites one schema node and its sub-schemas in place (the view is a private copy). */
function documentNode(node: Json, isNamed: boolean): void {
  if (!isObject(node)) return;
  const extra: string[] = [];
  if (isObject(node.properties) && node.additionalProperties !== false && !isObject(node.patternProperties)) {
    const open = node.additionalProperties === undefined || node.additionalProperties === true || (isObject(node.additionalProperties) && Object.keys(node.additionalProperties).length === 0);
    if (open) {
      node.additionalProperties = false;
      extra.push(OPEN_OBJECT_NOTE);
    }
  }
  const provenance = node["x-provenance"];
  const lines = docLines(node, typeof provenance === "string" ? [provenance, ...extra] : extra);
  delete node["x-provenance"];
  if (!isNamed) delete node.title;
  // An unconstrained schema (`{}`) means any JSON value; without this json-schema-to-typescript
  // would print an object type. The value is a fixed string, never spec text.
  if (Object.keys(node).every((key) => ANNOTATIONS.has(key) || key.startsWith("x-"))) node.tsType = "unknown";
  if (lines.length > 0) node.description = commentText(lines.join("\n"));
  else delete node.description;
  for (const key of Object.keys(node)) {
    const value = node[key] as Json;
    switch (keywordShape(key)) {
      case "schema":
        documentNode(value, false);
        break;
      case "schema-map":
        for (const name of Object.keys(value as JsonObject)) documentNode((value as JsonObject)[name]!, key === "$defs");
        break;
      case "schema-list":
        (value as Json[]).forEach((item) => documentNode(item, false));
        break;
      default:
        // Keywords json-schema-to-typescript would treat as code or naming hints never come from a spec.
        if ((key === "tsType" && node[key] !== "unknown") || key === "tsEnumNames" || key === "$id" || key === "id") delete node[key];
    }
  }
}

/** Adds each request parameter's provenance to the schema of that property. */
function annotateParameters(view: JsonObject, parameters: readonly Parameter[]): void {
  for (const parameter of parameters) {
    const found = findParameter(view, parameter.path);
    if (found && found.property["x-provenance"] === undefined) {
      setOwn(found.property, "x-provenance", `Provenance: ${provenanceText(parameter.provenance)}`);
    }
  }
}
