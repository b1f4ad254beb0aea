/**
 * Examples for imported specs: parsed from the source's code blocks where it has them (a
 * JavaScript object literal in `env.AI.run(...)`, a cURL `-d '{...}'` body), otherwise built from
 * the schemas. Every example kept passes its own schema, as `generate` requires.
 */
import { createAjv } from "../ajv.js";
import type { Json, JsonObject } from "../model.js";
import { isObject, withoutAnnotations } from "../schema-walk.js";
import { sampleOf } from "./sample.js";

/** Accepts an example only if the request (and response) pass their schemas. */
export function passes(schema: Json | undefined, value: Json): boolean {
  if (schema === undefined) return true;
  try {
    const validate = createAjv().compile(withoutAnnotations(schema as JsonObject));
    return validate(value) as boolean;
  } catch {
    return false;
  }
}

const schemaOf = (section: Json | undefined): Json | undefined => (isObject(section) && "schema" in section ? (section.schema as Json) : undefined);

/** Examples built from the schemas: a plain request with its answer, and a streamed one where the request can stream. */
export function checkedExamples(data: JsonObject, reason: string): JsonObject[] {
  const request = schemaOf(data.request);
  const response = schemaOf(data.response);
  const stream = schemaOf(data.stream);
  const sample = sampleOf(request);
  if (!isObject(sample) || !passes(request, sample)) return [];
  const answer = response !== undefined ? sampleOf(response) : undefined;
  const out: JsonObject[] = [
    {
      name: "from-schema",
      title: "Smallest request the schema accepts (the source has no example)",
      provenance: { inferred: reason },
      request: sample,
      ...((isObject(answer) || Array.isArray(answer)) && passes(response, answer) ? { response: answer } : {}),
    },
  ];
  const streamed = { ...sample, stream: true };
  const event = stream !== undefined ? sampleOf(stream) : undefined;
  if (stream !== undefined && passes(request, streamed) && isObject(event) && passes(stream, event)) {
    out.push({
      name: "from-schema-stream",
      title: "The same request, streamed (the source has no example)",
      provenance: { inferred: reason },
      request: streamed,
      events: [event],
    });
  }
  return out;
}

/**
 * A JavaScript object or array literal (single or double quotes, unquoted keys, trailing commas,
 * comments) as JSON; with `python`, a Python literal too (`True`, `False`, `None`). Returns the value and where it ended, or undefined when the text is not a
 * plain literal (it calls functions or names variables).
 */
export function parseObjectLiteral(text: string, start = 0, options: { python?: boolean } = {}): { value: Json; end: number } | undefined {
  let i = start;
  const space = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text.startsWith("//", i)) while (i < text.length && text[i] !== "\n") i++;
      else if (text.startsWith("/*", i)) i = text.indexOf("*/", i) < 0 ? text.length : text.indexOf("*/", i) + 2;
      else return;
    }
  };
  const fail = (): never => {
    throw new SyntaxError(`unexpected ${JSON.stringify(text[i] ?? "end")} at ${i}`);
  };
  const string = (): string => {
    const quote = text[i++]!;
    let out = "";
    while (i < text.length && text[i] !== quote) {
      if (text[i] === "\\") {
        const next = text[i + 1]!;
        if (next === "u") {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          out += next === "n" ? "\n" : next === "t" ? "\t" : next;
          i += 2;
        }
      } else out += text[i++];
    }
    if (text[i] !== quote) fail();
    i++;
    return out;
  };
  const value = (): Json => {
    space();
    const c = text[i];
    if (c === "{") {
      i++;
      const out: JsonObject = {};
      for (;;) {
        space();
        if (text[i] === "}") {
          i++;
          return out;
        }
        let key: string;
        if (text[i] === "'" || text[i] === '"') key = string();
        else {
          key = /^[A-Za-z_$][\w$]*/.exec(text.slice(i))?.[0] ?? fail();
          i += key.length;
        }
        space();
        if (text[i++] !== ":") fail();
        Object.defineProperty(out, key, { value: value(), enumerable: true, writable: true, configurable: true });
        space();
        if (text[i] === ",") i++;
        else if (text[i] !== "}") fail();
      }
    }
    if (c === "[") {
      i++;
      const out: Json[] = [];
      for (;;) {
        space();
        if (text[i] === "]") {
          i++;
          return out;
        }
        out.push(value());
        space();
        if (text[i] === ",") i++;
        else if (text[i] !== "]") fail();
      }
    }
    if (c === "'" || c === '"') return string();
    const python = options.python ? /^(True|False|None)\b/.exec(text.slice(i))?.[0] : undefined;
    if (python) {
      i += python.length;
      return python === "True" ? true : python === "False" ? false : null;
    }
    const word = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i))?.[0] ?? fail();
    i += word.length;
    return JSON.parse(word) as Json;
  };
  try {
    const result = value();
    return { value: result, end: i };
  } catch {
    return undefined;
  }
}
