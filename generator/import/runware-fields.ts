/**
 * The parameter listing of a Runware model page, line by line: each parameter's path line, name,
 * type line (type, `required`, bounds, format, default) and description, and the groups and
 * `Properties N properties` counts around them. runware-listing.ts builds the spec from what this reads.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Json, JsonObject } from "../model.js";
import { lineProblem, scalarOf, type Line } from "./page-text.js";
import type { Source } from "./source.js";

const TYPE_LINE =
  /^(string|integer|float|number|boolean|object|array)(?: of (strings|integers|floats|numbers|booleans|objects|arrays))?(?=\s|$)(.*)$/;
const PATH_LINE = /^\S+( » \S+)+$/;
const NAME_LINE = /^[A-Za-z_$][\w$-]*$/;
const LEARN_MORE = /^Learn more \d+ resources?$/;
const ALLOWED = /^Allowed values (\d+) values?$/;
const PROPERTIES = /^Properties (\d+) propert(?:y|ies)$/;

const JSON_TYPE: Record<string, string> = {
  float: "number",
  floats: "number",
  numbers: "number",
  strings: "string",
  integers: "integer",
  booleans: "boolean",
  objects: "object",
  arrays: "array",
};

/** Words of a type line after the type, each with the keyword it sets. */
const CONSTRAINTS: [RegExp, (match: RegExpExecArray, type: string) => [string, Json][]][] = [
  [/^required(?=\s|$)/, () => [["required", true]]],
  [/^value: (\S+)/, (m, t) => [["const", scalarOf(m[1]!, t)]]],
  [/^default: (\S+)/, (m, t) => [["default", scalarOf(m[1]!, t)]]],
  [/^min items: (\S+)/, (m) => [["minItems", numberOf(m[1]!)]]],
  [/^max items: (\S+)/, (m) => [["maxItems", numberOf(m[1]!)]]],
  [/^min: (\S+)/, (m, t) => [[t === "string" ? "minLength" : t === "array" ? "minItems" : "minimum", numberOf(m[1]!)]]],
  [/^max: (\S+)/, (m, t) => [[t === "string" ? "maxLength" : t === "array" ? "maxItems" : "maximum", numberOf(m[1]!)]]],
  [/^step: (\S+)/, (m) => [["x-step", numberOf(m[1]!)]]],
  // "UUID v4": format uuid does not check the version; the pattern does (version nibble 4, variant 8/9/a/b).
  [
    /^UUID v4(?=\s|$)/,
    () => [
      ["format", "uuid"],
      ["pattern", "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$"],
    ],
  ],
  [/^UUID(?=\s|$)/, () => [["format", "uuid"]]],
  [/^(URI|URL)(?=\s|$)/, () => [["format", "uri"]]],
  [/^email(?=\s|$)/i, () => [["format", "email"]]],
  [/^date-time(?=\s|$)/i, () => [["format", "date-time"]]],
];

function numberOf(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RangeError(`${JSON.stringify(text)} is not a number`);
  return value;
}

interface Field {
  path: string[];
  line: number;
  node: JsonObject;
  required: boolean;
  description: string[];
  counted?: { count: number; line: number; descriptions: string[] };
  properties?: { count: number; line: number };
}

/** A path line, or a parameter name (lower-case first, as Runware's are; headings are capitalised) or a name with its type line. */
export function isFieldStart(lines: readonly Line[], i: number): boolean {
  const text = lines[i]?.text ?? "";
  if (PATH_LINE.test(text)) return true;
  return NAME_LINE.test(text) && (/^[a-z]/.test(text) || TYPE_LINE.test(lines[i + 1]?.text ?? ""));
}

/** A group heading: a title line and its description, then a parameter. */
function isHeading(lines: readonly Line[], i: number): boolean {
  const text = lines[i]?.text ?? "";
  return !isFieldStart(lines, i) && !/[.:]$/.test(text) && !isMarker(text) && i + 2 < lines.length && isFieldStart(lines, i + 2);
}

function isMarker(text: string): boolean {
  return LEARN_MORE.test(text) || ALLOWED.test(text) || PROPERTIES.test(text);
}

interface Group {
  name: string;
  description: string;
  /** The object the group's parameters are nested in ("These must be nested inside the settings object."). */
  container?: string;
}

export function readFields(source: Source, lines: readonly Line[], start: number, problems: Diagnostic[]): { fields: Field[]; groups: Group[] } {
  const fields: Field[] = [];
  const groups: Group[] = [];
  let field: Field | undefined;
  let mode: "description" | "values" = "description";
  for (let i = start; i < lines.length; i++) {
    const { text, number } = lines[i]!;
    if (isHeading(lines, i)) {
      const description = lines[i + 1]!.text;
      groups.push({ name: text, description, container: /nested inside the (\w+) object/.exec(description)?.[1] });
      field = undefined;
      i++;
      continue;
    }
    if (isFieldStart(lines, i)) {
      const path = PATH_LINE.test(text) ? text.split(" » ") : [...(groups.at(-1)?.container ? [groups.at(-1)!.container!] : []), text];
      const nameIndex = PATH_LINE.test(text) ? i + 1 : i;
      const name = lines[nameIndex];
      const typeLine = lines[nameIndex + 1];
      if (!name || name.text !== path.at(-1)) {
        problems.push(
          lineProblem(
            source,
            name?.number ?? number,
            `/${path.join("/")}`,
            `the path ${text} is not followed by its name line ${JSON.stringify(path.at(-1))}: the listing is truncated`,
          ),
        );
        return { fields, groups };
      }
      if (!typeLine || !TYPE_LINE.test(typeLine.text)) {
        problems.push(
          lineProblem(
            source,
            typeLine?.number ?? name.number,
            `/${path.join("/")}`,
            `${path.join(" » ")} has no type line (such as \`string required\` or \`integer min: 1 max: 4\`): the listing is truncated`,
          ),
        );
        return { fields, groups };
      }
      field = { path, line: name.number, required: false, description: [], node: {} };
      readTypeLine(source, typeLine, field, problems);
      fields.push(field);
      mode = "description";
      i = nameIndex + 1;
      continue;
    }
    if (!field) continue; // the page's header before the first group
    if (LEARN_MORE.test(text)) continue;
    const allowed = ALLOWED.exec(text);
    if (allowed) {
      if (field.counted)
        problems.push(lineProblem(source, number, `/${field.path.join("/")}`, "two values for one field: `Allowed values` is given twice"));
      field.counted = { count: Number(allowed[1]), line: number, descriptions: [] };
      mode = "values";
      continue;
    }
    const properties = PROPERTIES.exec(text);
    if (properties) {
      field.properties = { count: Number(properties[1]), line: number };
      mode = "description";
      continue;
    }
    if (mode === "values") field.counted!.descriptions.push(text);
    else field.description.push(text);
  }
  for (const f of fields) {
    const c = f.counted;
    if (c && c.descriptions.length > 0 && c.descriptions.length !== c.count)
      problems.push(
        lineProblem(
          source,
          c.line,
          `/${f.path.join("/")}`,
          `the page counts ${c.count} allowed values but describes ${c.descriptions.length}: the listing is truncated`,
        ),
      );
  }
  return { fields, groups };
}

function readTypeLine(source: Source, line: Line, field: Field, problems: Diagnostic[]): void {
  const match = TYPE_LINE.exec(line.text)!;
  const type = JSON_TYPE[match[1]!] ?? match[1]!;
  const node: JsonObject = { type };
  if (match[2]) node.items = { type: JSON_TYPE[match[2]]! };
  let rest = match[3]!.trim();
  const given = new Map<string, string>();
  while (rest !== "") {
    const rule = CONSTRAINTS.map(([re, set]) => [re.exec(rest), set] as const).find(([m]) => m !== null);
    if (!rule) {
      problems.push(
        lineProblem(
          source,
          line.number,
          `/${field.path.join("/")}`,
          `unrecognised constraint ${JSON.stringify(rest)} in the type line ${JSON.stringify(line.text)}`,
        ),
      );
      break;
    }
    const [m, set] = rule as [RegExpExecArray, (typeof CONSTRAINTS)[number][1]];
    let pairs: [string, Json][];
    try {
      pairs = set(m, type);
    } catch (error) {
      problems.push(
        lineProblem(source, line.number, `/${field.path.join("/")}`, `${(error as Error).message} in the type line ${JSON.stringify(line.text)}`),
      );
      break;
    }
    for (const [keyword, value] of pairs) {
      const before = given.get(keyword);
      if (before !== undefined)
        problems.push(
          lineProblem(
            source,
            line.number,
            `/${field.path.join("/")}`,
            `two values for one field: ${keyword} is given as ${before} and as ${m[0]} in ${JSON.stringify(line.text)}`,
          ),
        );
      given.set(keyword, m[0]);
      if (keyword === "required") field.required = true;
      else node[keyword] = value;
    }
    rest = rest.slice(m[0].length).trim();
  }
  field.node = node;
}
