/**
 * Request bodies from a page's code blocks: a cURL command's `-d '{...}'` JSON (and the URL it
 * calls), and the keyword arguments of a Python SDK call (`client.responses.create(model=...,
 * input=[...], store=True)`). Anything that is not a plain literal (a variable, a function call)
 * makes the block no example rather than a guess.
 */
import type { Json, JsonObject } from "../model.js";
import { setOwn } from "../schema-walk.js";
import { parseObjectLiteral } from "./examples.js";

export function curlExample(body: string): { url?: string; request?: Json } | undefined {
  if (!/\bcurl\s/.test(body)) return undefined;
  const text = body.replace(/\\\r?\n/g, " ");
  const url = /\bcurl\s+(?:-X\s+\w+\s+)?['"]?(https?:\/\/[^\s'"]+)/.exec(text)?.[1];
  const data = /(?:-d|--data(?:-raw)?)\s+'([\s\S]*?)'(?=\s|$)/.exec(text)?.[1];
  let request: Json | undefined;
  if (data !== undefined) {
    try {
      request = JSON.parse(data) as Json;
    } catch {
      request = undefined;
    }
  }
  return { url, request };
}

/** The keyword arguments of the first `.create(` call, as an object. */
export function pythonExample(body: string): { request?: Json } | undefined {
  const call = /\.create\(/.exec(body);
  if (!call) return undefined;
  let i = call.index + call[0].length;
  const request: JsonObject = {};
  for (;;) {
    while (i < body.length && /[\s,]/.test(body[i]!)) i++;
    if (body[i] === ")") return { request };
    const name = /^([A-Za-z_]\w*)\s*=/.exec(body.slice(i));
    if (!name) return undefined;
    i += name[0].length;
    const value = parseObjectLiteral(body, i, { python: true });
    if (!value) return undefined;
    setOwn(request, name[1]!, value.value);
    i = value.end;
  }
}
