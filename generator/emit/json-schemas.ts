/**
 * JSON Schema emitter: each offering's bundled request, response and stream-event schemas as
 * plain `.json` files for other tools (draft 2020-12, `$ref`s bundled into `$defs`, `x-` notes
 * left out so strict validators accept them).
 *
 * Files are content-addressed per provider, `<provider>/schemas/<role>-<hash>.json` with the first
 * 12 hex digits of the SHA-256 of the schema's canonical JSON, so offerings that share a schema
 * share a file and the output grows with distinct schemas, not offerings. Two schemas that differ
 * only in key order share a file; it holds the first one, in offering id order.
 */
import { jsonText } from "../escape.js";
import type { BundledSchema, Emitter, GeneratedFile, Model } from "../model.js";
import { recallMadeFrom } from "../recall.js";
import { catalogEntries } from "./catalog.js";
import { publishedOf } from "./schema-files.js";

export const jsonSchemasEmitter: Emitter = {
  name: "json-schemas",
  emit(model: Model, context): GeneratedFile[] {
    const files = new Map<string, GeneratedFile>();
    // The file names come with each offering's catalog entry (recalled by its fingerprint), so an
    // unchanged offering's schemas are neither hashed nor printed again.
    const entries = catalogEntries(model, context);
    for (const [i, offering] of model.offerings.entries()) {
      const named = entries[i]!.schemas;
      const sections: [BundledSchema, string][] = [
        [offering.request, named.request],
        [offering.response, named.response],
        ...(offering.stream && named.stream ? [[offering.stream, named.stream] as [BundledSchema, string]] : []),
      ];
      for (const [section, path] of sections) {
        const file = files.get(path);
        if (file) {
          file.specs = [...new Set([...(file.specs ?? []), offering.specFile])];
          continue;
        }
        // Its text is the first offering's schema.
        const made = recallMadeFrom(context, ["json-schema", path, section.role], [offering], () => [
          { path, contents: jsonText(publishedOf(section).schema) },
        ])[0]!;
        made.specs = [offering.specFile];
        files.set(path, made);
      }
    }
    return [...files.values()];
  },
};
