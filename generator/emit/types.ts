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
import { commentText, literal, propertyKey } from "../escape.js";
import { sha256, type Cache } from "../cache.js";
import {
  ROLE_TYPE_SUFFIX,
  type BundledSchema,
  type EmitContext,
  type Emitter,
  type GeneratedFile,
  type Json,
  type JsonObject,
  type Model,
  type OfferingSpec,
  type Parameter,
} from "../model.js";
import { cloneJson, DATA_ANNOTATION_KEYWORDS, isAnnotationKeyword, isObject, keywordShape, setOwn } from "../schema-walk.js";
import { dereference, findParameter } from "../parameters.js";
import { docLines, provenanceText } from "./doc-lines.js";
import { indentDeclarations } from "./module.js";
import { offeringDir, relativeImport, sharedOrigin, sharedTypesFile } from "./paths.js";
import { providerOf, sections, specsOf } from "./shared.js";

const OPEN_OBJECT_NOTE = "The provider accepts properties not listed here; this type lists only the documented ones.";

/**
 * Types are made once per distinct schema and documentation of a provider, under the provider's
 * names (`CloudflareRequest`, `CloudflareRequestMessage`, ...) in `<provider>/types/<role>-<hash>.d.ts`; each offering's
 * `types.d.ts` re-exports them under its own names (`CloudflareGpt54MiniRequest`, ...). Every
 * offering emits the shared files it uses; the run keeps one of each.
 */
export const typesEmitter: Emitter = {
  name: "types",
  emit: () => [],
  async emitOffering(offering: OfferingSpec, model: Model, { cache }: EmitContext): Promise<GeneratedFile[]> {
    const files: GeneratedFile[] = [];
    const path = `${offeringDir(offering)}/types.ts`;
    const exports: string[] = [];
    const prefix = providerOf(model, offering).typePrefix;
    for (const section of sections(offering)) {
      // Named for the provider and role, not an offering: `CloudflareRequest`, `CloudflareRequestMessage`.
      const neutral = prefix + ROLE_TYPE_SUFFIX[section.role];
      const parameters = section.role === "request" ? offering.parameters : [];
      const made = await sharedTypes(section, neutral, offering.provider, parameters, cache);
      files.push({ path: made.file.replace(/\.ts$/, ".d.ts"), contents: made.code, origin: sharedOrigin(offering.provider, section.role) });
      const renamed = made.names.map((name) => `${name} as ${section.typeName}${name.slice(neutral.length)}`);
      exports.push(`export type { ${renamed.join(", ")} } from ${literal(relativeImport(path, made.file))};`);
    }
    files.push({ path: path.replace(/\.ts$/, ".d.ts"), contents: `${exports.join("\n")}\n`, specs: specsOf(offering) });
    return files;
  },
};

interface SharedTypes {
  /** The provider's types file, named by the hash of the type view. */
  file: string;
  code: string;
  /** The names `code` exports, read once here for every offering that re-exports them. */
  names: string[];
}

/**
 * Offerings sharing a bundled schema (and the same parameter provenance) share one view, made and
 * compiled once a run; an entry belongs to one provider, so it also names the file and its exports once.
 */
const viewsOf = new WeakMap<object, Map<string, Promise<SharedTypes>>>();

function sharedTypes(
  section: BundledSchema,
  neutral: string,
  provider: string,
  parameters: readonly Parameter[],
  cache: Cache,
): Promise<SharedTypes> {
  const viewKey = `${provider}\0${neutral}\0${JSON.stringify(parameters)}`;
  let views = viewsOf.get(section.schema);
  if (!views) {
    views = new Map();
    viewsOf.set(section.schema, views);
  }
  let made = views.get(viewKey);
  if (!made) {
    const view = typeView({ ...section, typeName: neutral }, parameters);
    const text = JSON.stringify(view);
    made = cache
      .memoAsync("types", text, () => compileTypes(view, neutral))
      .then((code) => {
        const file = sharedTypesFile({ provider }, section.role, sha256(text));
        return { file, code, names: exportedTypeNames(code, neutral, file) };
      });
    views.set(viewKey, made);
  }
  return made;
}

/** json-schema-to-typescript on a type view, with spec text kept out of its hands (see `Placeholders`). */
async function compileTypes(view: JsonObject, typeName: string): Promise<string> {
  const placeholders = new Placeholders(view);
  placeholders.hide(view);
  // Loaded here, on a cache miss: the library brings prettier, a load a run that recalls every type skips.
  const { compile } = await import("json-schema-to-typescript");
  const code = await compile(view as never, typeName, {
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
  });
  return indentDeclarations(placeholders.restore(code));
}

/** The names a types module exports; each starts with the root type's name, or sharing would rename wrongly. */
function exportedTypeNames(code: string, root: string, file: string): string[] {
  const names = [...code.matchAll(/^export (?:interface|type) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]!);
  const stray = names.filter((name) => !name.startsWith(root));
  if (stray.length > 0 || !names.includes(root)) throw new Error(`${file}: unexpected type names ${stray.join(", ") || `(no ${root})`}`);
  return names;
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
  documentNode(view, true, view);
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
function documentNode(node: Json, isNamed: boolean, root: JsonObject): void {
  if (!isObject(node)) return;
  const extra: string[] = [];
  if (isObject(node.properties) && node.additionalProperties !== false && !isObject(node.patternProperties)) {
    const open =
      node.additionalProperties === undefined ||
      node.additionalProperties === true ||
      (isObject(node.additionalProperties) && Object.keys(node.additionalProperties).length === 0);
    if (open) {
      node.additionalProperties = false;
      extra.push(OPEN_OBJECT_NOTE);
    }
  }
  const provenance = node["x-provenance"];
  const lines = docLines(withReferenced(root, node), typeof provenance === "string" ? [provenance, ...extra] : extra);
  delete node["x-provenance"];
  if (!isNamed) delete node.title;
  // An unconstrained schema (`{}`) means any JSON value; without this json-schema-to-typescript
  // would print an object type. The value is a fixed string, never spec text.
  if (Object.keys(node).every(isAnnotationKeyword)) node.tsType = "unknown";
  if (lines.length > 0) node.description = commentText(lines.join("\n"));
  else delete node.description;
  for (const key of Object.keys(node)) {
    const value = node[key] as Json;
    switch (keywordShape(key)) {
      case "schema":
        documentNode(value, false, root);
        break;
      case "schema-map":
        for (const name of Object.keys(value as JsonObject)) documentNode((value as JsonObject)[name]!, key === "$defs", root);
        break;
      case "schema-list":
        for (const item of value as Json[]) documentNode(item, false, root);
        break;
      default:
        // Keywords json-schema-to-typescript would treat as code or naming hints never come from a spec.
        if ((key === "tsType" && node[key] !== "unknown") || key === "tsEnumNames" || key === "$id" || key === "id") delete node[key];
    }
  }
  // An open enum (`type: string` beside `x-open-enum`): its known values as literal types, or any
  // other string. `string & {}` keeps editors suggesting the literals; the values go through
  // `enum`, where the placeholders protect them, and the type text is a fixed string.
  if (Array.isArray(node["x-open-enum"])) {
    node.anyOf = [...node["x-open-enum"].map((value) => ({ const: value })), { tsType: OPEN_STRING }];
    delete node.type;
  }
}

const OPEN_STRING = "string & {}";

/**
 * A `$ref` with a comment of its own gives the emitted type that comment instead of the
 * definition's: it shows the definition's allowed values, known values and bounds too.
 */
function withReferenced(root: JsonObject, node: JsonObject): JsonObject {
  if (typeof node.$ref !== "string") return node;
  const { title: _title, description: _description, ...inherited } = dereference(root, node) ?? {};
  return { ...inherited, ...node };
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

/** Data keywords json-schema-to-typescript does not print; their text is in the description already. */
const UNPRINTED_DATA: ReadonlySet<string> = new Set(DATA_ANNOTATION_KEYWORDS);

/**
 * json-schema-to-typescript pastes property names, pattern keys and enum values into code with
 * escaping of its own, and walks every object of the schema as if it were one: a property named
 * `hasOwnProperty` crashes it, a lone surrogate in a key makes its ref parser throw, and an enum
 * value shaped like `{ "$ref": "#" }` gets followed. So it never sees spec text where it writes
 * code: keys and values become placeholder identifiers, and `restore` puts each back through the
 * escape helpers (`propertyKey`, `literal`, `commentText`).
 */
class Placeholders {
  private readonly prefix: string;
  private readonly keys: string[] = [];
  private readonly keyTokens = new Map<string, string>();
  private readonly values: Json[] = [];

  /** The prefix is one that appears nowhere in the schema, so no spec text can look like a placeholder. */
  constructor(schema: Json) {
    const text = JSON.stringify(schema);
    let prefix = "MSPH";
    while (text.includes(prefix)) prefix += "X";
    this.prefix = prefix;
  }

  private key(name: string): string {
    let token = this.keyTokens.get(name);
    if (!token) {
      token = `${this.prefix}K${this.keys.push(name) - 1}`;
      this.keyTokens.set(name, token);
    }
    return token;
  }

  private value(value: Json): string {
    return `${this.prefix}V${this.values.push(value) - 1}`;
  }

  /** Replaces spec text in a type view (a private copy) with placeholders, and drops data it does not print. */
  hide(node: Json): void {
    if (!isObject(node)) return;
    for (const keyword of Object.keys(node)) {
      const value = node[keyword] as Json;
      switch (keywordShape(keyword)) {
        case "schema":
          this.hide(value);
          break;
        case "schema-map": {
          const members = value as JsonObject;
          if (keyword === "$defs") {
            // Definition names come from the bundler's name scope: identifiers already.
            for (const name of Object.keys(members)) this.hide(members[name]!);
            break;
          }
          const renamed: JsonObject = {};
          for (const name of Object.keys(members)) {
            this.hide(members[name]!);
            setOwn(renamed, this.key(name), members[name]!);
          }
          node[keyword] = renamed;
          break;
        }
        case "schema-list":
          for (const item of value as Json[]) this.hide(item);
          break;
        default:
          if (keyword === "required" && Array.isArray(value)) node[keyword] = value.map((name) => (typeof name === "string" ? this.key(name) : name));
          else if (keyword === "enum" && Array.isArray(value)) node[keyword] = value.map((member) => this.value(member));
          else if (keyword === "const") node[keyword] = this.value(value);
          else if (UNPRINTED_DATA.has(keyword) || keyword.startsWith("x-")) delete node[keyword];
      }
    }
  }

  /** The generated code with every placeholder written back through the escape helpers. */
  restore(code: string): string {
    const { prefix } = this;
    return (
      code
        // Enum and const values appear as string literal types.
        .replace(new RegExp(`"${prefix}V(\\d+)"`, "g"), (_, n: string) => literal(this.values[Number(n)]))
        // A quoted key is a pattern named in a comment (`via the patternProperty "…"`).
        .replace(new RegExp(`"${prefix}K(\\d+)"`, "g"), (_, n: string) => `"${commentText(this.keys[Number(n)]!).replace(/\n/g, " ")}"`)
        // A bare key is a property name.
        .replace(new RegExp(`\\b${prefix}K(\\d+)\\b`, "g"), (_, n: string) => propertyKey(this.keys[Number(n)]!))
    );
  }
}
