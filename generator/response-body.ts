/**
 * What an offering's response body is on the wire, read from its response schema: bytes (an image,
 * audio) or JSON (an object, or a top-level array, which needs nothing special). One home for the
 * rule: the clients emitter types the result by it, the offering module hands it to the mock
 * server, and the example checks accept the binary example form by it.
 */
import type { Json } from "./model.js";
import { isObject } from "./schema-walk.js";

/** A response whose body is raw bytes of this media type, never JSON. */
export interface BinaryResponse {
  contentType: string;
}

/** Media types that are JSON text or an event stream, so never a binary body. */
const NOT_BINARY = /^(?:application\/(?:[\w.+-]+\+)?json|text\/event-stream)\s*(?:;|$)/i;

const FALLBACK_TYPE = "application/octet-stream";

/**
 * A response schema is binary when its root is a string with `format: binary`, or with a
 * `contentMediaType` that is not JSON (Cloudflare's `contentType`, as the importer writes it). A
 * `contentEncoding` (base64 text inside JSON) keeps it a JSON string.
 */
export function binaryResponse(schema: Json | undefined): BinaryResponse | undefined {
  if (!isObject(schema) || schema.type !== "string" || schema.contentEncoding !== undefined) return undefined;
  const media = typeof schema.contentMediaType === "string" && !NOT_BINARY.test(schema.contentMediaType) ? schema.contentMediaType : undefined;
  if (media === undefined && schema.format !== "binary") return undefined;
  return { contentType: media ?? FALLBACK_TYPE };
}

/** The example form of a binary response: `{ contentType, base64 }`, as `BinaryExample` in the runtime. */
const BINARY_EXAMPLE_KEYS = ["contentType", "base64"] as const;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Problems of a binary example, each with the pointer under the example's `response` it concerns:
 * not `{ contentType, base64 }`, text that is not base64, or a media type other than the schema's.
 */
export function binaryExampleProblems(binary: BinaryResponse, value: Json): { pointer: string; message: string }[] {
  const form = "a binary response's example is `{ contentType: <media type>, base64: <the bytes in base64> }`";
  if (!isObject(value)) return [{ pointer: "", message: form }];
  const problems: { pointer: string; message: string }[] = [];
  for (const key of Object.keys(value))
    if (!(BINARY_EXAMPLE_KEYS as readonly string[]).includes(key))
      problems.push({ pointer: "", message: `${form}; ${JSON.stringify(key)} is not one of them` });
  for (const key of BINARY_EXAMPLE_KEYS)
    if (typeof value[key] !== "string") problems.push({ pointer: "", message: `${form}; \`${key}\` must be a string` });
  if (problems.length > 0) return problems;
  if (!BASE64.test(value.base64 as string)) problems.push({ pointer: "/base64", message: "is not base64 (A-Z, a-z, 0-9, + and /, padded with =)" });
  const declared = binary.contentType;
  if (declared !== FALLBACK_TYPE && mediaType(value.contentType as string) !== mediaType(declared))
    problems.push({
      pointer: "/contentType",
      message: `is ${JSON.stringify(value.contentType)}, but the response schema says ${JSON.stringify(declared)}`,
    });
  return problems;
}

/** `image/PNG; q=1` → `image/png`: the part that names the type. */
function mediaType(value: string): string {
  return value.split(";")[0]!.trim().toLowerCase();
}
