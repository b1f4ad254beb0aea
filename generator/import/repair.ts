/**
 * Real-world JSON Schema as providers publish it, made into schemas the pipeline accepts: every
 * change is recorded with its reason (it becomes a note in the spec), and what cannot be repaired
 * is a located problem. Nothing here throws on odd input.
 *
 * The keywords and formats a spec may use are read from the meta-schema (meta/json-schema.yaml),
 * the one list of them.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { joinPointer } from "../diagnostics.js";
import type { Json, JsonObject } from "../model.js";
import { isObject, keywordShape, setOwn } from "../schema-walk.js";

export interface Repair {
  /** Pointer in the source (e.g. `/schema/input/properties/required`). */
  pointer: string;
  reason: string;
}

export interface Unrepairable {
  pointer: string;
  message: string;
}

export interface RepairResult {
  schema: Json;
  repairs: Repair[];
  problems: Unrepairable[];
}

interface MetaVocabulary {
  keywords: ReadonlySet<string>;
  formats: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

let vocabulary: MetaVocabulary | undefined;

function metaVocabulary(): MetaVocabulary {
  if (vocabulary) return vocabulary;
  const meta = parse(readFileSync(new URL("../meta/json-schema.yaml", import.meta.url), "utf8")) as {
    $defs: { schemaObject: { properties: Record<string, { enum?: string[] }> }; typeName: { enum: string[] } };
  };
  const properties = meta.$defs.schemaObject.properties;
  vocabulary = {
    keywords: new Set(Object.keys(properties)),
    formats: new Set(properties.format?.enum ?? []),
    types: new Set(meta.$defs.typeName.enum),
  };
  return vocabulary;
}

/** Type names other dialects use, and what JSON Schema calls them. */
const TYPE_ALIASES: Record<string, string> = { float: "number", double: "number", int: "integer", long: "integer", bool: "boolean", str: "string" };

/**
 * A repaired copy of `schema`. `at` is the schema's pointer in the source, so each repair and
 * problem names where the source wrote it.
 */
export function repairSchema(schema: Json, at: string): RepairResult {
  const repairs: Repair[] = [];
  const problems: Unrepairable[] = [];
  const meta = metaVocabulary();

  const walk = (node: Json, pointer: string, depth: number): Json => {
    if (typeof node === "boolean") return node;
    if (!isObject(node)) {
      problems.push({
        pointer,
        message: `expected a JSON Schema (an object or a boolean), found ${node === null ? "null" : Array.isArray(node) ? "an array" : typeof node}`,
      });
      return {};
    }
    if (depth > 64) {
      problems.push({ pointer, message: "schema nested more than 64 levels deep" });
      return {};
    }
    const out: JsonObject = {};
    for (const key of Object.keys(node)) {
      const value = node[key] as Json;
      const here = joinPointer(pointer, key);
      if (key.startsWith("x-")) {
        setOwn(out, key, value);
        continue;
      }
      if (key === "contentType") {
        // Cloudflare's own keyword for the media type of a body; JSON Schema's is contentMediaType.
        if (typeof value === "string" && !("contentMediaType" in node)) setOwn(out, "contentMediaType", value);
        repairs.push({
          pointer: here,
          reason: "Cloudflare's `contentType` keyword is written as JSON Schema's `contentMediaType` (ajv's strict mode refuses unknown keywords)",
        });
        continue;
      }
      if (!meta.keywords.has(key)) {
        setOwn(out, `x-${key}`, value);
        repairs.push({ pointer: here, reason: `unknown keyword \`${key}\` kept as the annotation \`x-${key}\`; it is not validated` });
        continue;
      }
      switch (keywordShape(key)) {
        case "schema":
          if (key === "items" && Array.isArray(value)) {
            setOwn(
              out,
              "prefixItems",
              value.map((item, i) => walk(item, joinPointer(here, i), depth + 1)),
            );
            repairs.push({ pointer: here, reason: "`items` given as an array (draft 4 tuples) is written as `prefixItems`" });
          } else setOwn(out, key, walk(value, here, depth + 1));
          continue;
        case "schema-map":
          setOwn(out, key, schemaMap(key, value, here, depth, node, out));
          continue;
        case "schema-list":
          if (!Array.isArray(value) || value.length === 0) {
            repairs.push({ pointer: here, reason: `\`${key}\` must be a non-empty list of schemas; dropped` });
            continue;
          }
          setOwn(
            out,
            key,
            value.map((item, i) => walk(item, joinPointer(here, i), depth + 1)),
          );
          continue;
        default:
          data(key, value, here, out);
      }
    }
    return out;
  };

  /** `properties` and friends; a `required` list found among the properties moves to its object. */
  const schemaMap = (key: string, value: Json, here: string, depth: number, parent: JsonObject, out: JsonObject): Json => {
    if (!isObject(value)) {
      problems.push({ pointer: here, message: `\`${key}\` must be an object of schemas` });
      return {};
    }
    const map: JsonObject = {};
    for (const name of Object.keys(value)) {
      const child = value[name] as Json;
      const at = joinPointer(here, name);
      if (key === "properties" && name === "required" && Array.isArray(child) && child.every((c) => typeof c === "string")) {
        const merged = [...new Set([...(Array.isArray(parent.required) ? (parent.required as string[]) : []), ...(child as string[])])];
        setOwn(out, "required", merged);
        repairs.push({
          pointer: at,
          reason: `\`required: [${(child as string[]).join(", ")}]\` was placed inside \`properties\` (invalid JSON Schema); moved to the object's \`required\``,
        });
        continue;
      }
      setOwn(map, name, walk(child, at, depth + 1));
    }
    return map;
  };

  const data = (key: string, value: Json, here: string, out: JsonObject) => {
    switch (key) {
      case "type": {
        const list = (Array.isArray(value) ? value : [value]).map((t) => (typeof t === "string" && TYPE_ALIASES[t] ? TYPE_ALIASES[t]! : t));
        const known = list.filter((t): t is string => typeof t === "string" && meta.types.has(t));
        if (known.length !== list.length || JSON.stringify(list) !== JSON.stringify(Array.isArray(value) ? value : [value])) {
          repairs.push({
            pointer: here,
            reason: `type ${JSON.stringify(value)} written as ${JSON.stringify(known.length === 1 ? known[0] : known)}${known.length < list.length ? " (unknown type names dropped)" : ""}`,
          });
        }
        if (known.length > 0) setOwn(out, "type", known.length === 1 ? known[0]! : [...new Set(known)]);
        return;
      }
      case "format":
        if (typeof value === "string" && meta.formats.has(value)) setOwn(out, key, value);
        else {
          setOwn(out, "x-format", value);
          repairs.push({
            pointer: here,
            reason: `format ${JSON.stringify(value)} is not one the validators check; kept as the annotation \`x-format\``,
          });
        }
        return;
      case "required":
        if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
          const merged = [...new Set([...(Array.isArray(out.required) ? (out.required as string[]) : []), ...(value as string[])])];
          if (merged.length < value.length) repairs.push({ pointer: here, reason: "repeated names in `required` written once" });
          setOwn(out, key, merged);
        } else problems.push({ pointer: here, message: "`required` must be a list of property names" });
        return;
      case "enum":
        if (Array.isArray(value) && value.length > 0) setOwn(out, key, value);
        else repairs.push({ pointer: here, reason: "an empty or malformed `enum` allows nothing; dropped" });
        return;
      case "minimum":
      case "maximum":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
      case "multipleOf":
      case "minLength":
      case "maxLength":
      case "minItems":
      case "maxItems":
      case "minProperties":
      case "maxProperties": {
        const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
        if (
          typeof number !== "number" ||
          !Number.isFinite(number) ||
          (key === "multipleOf" && number <= 0) ||
          (/^(min|max)(Length|Items|Properties)$/.test(key) && (!Number.isInteger(number) || number < 0))
        ) {
          repairs.push({ pointer: here, reason: `\`${key}: ${JSON.stringify(value)}\` is not a usable bound; dropped` });
          return;
        }
        if (number !== value) repairs.push({ pointer: here, reason: `\`${key}\` given as the string ${JSON.stringify(value)}; written as a number` });
        if (typeof value === "boolean") return;
        setOwn(out, key, number);
        return;
      }
      case "description":
      case "title":
      case "$comment":
        setOwn(out, key, typeof value === "string" ? value : JSON.stringify(value));
        return;
      case "$ref":
        problems.push({
          pointer: here,
          message: `a \`$ref\` (${JSON.stringify(value)}) in an imported schema cannot be followed: the record must be self-contained`,
        });
        return;
      default:
        setOwn(out, key, value);
    }
  };

  return { schema: walk(schema, at, 0), repairs, problems };
}
