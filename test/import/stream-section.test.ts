/** The one stream-section rule of the importers (import/spec.ts): the provider file's `import.stream`, or a marker that says why. */
import { describe, expect, it } from "vitest";
import { streamSection } from "../../generator/import/spec.js";

describe("the import's stream section", () => {
  it("is the provider file's import.stream when it has one", () => {
    const stream = { provenance: "documented", schema: { type: "object" } };
    expect(streamSection({ stream }, "the page streams but gives no event shape")).toEqual({ provenance: "documented", schema: { type: "object" } });
  });

  it("is a marker that says why when the provider file has none", () => {
    expect(streamSection({}, "the page streams but gives no event shape")).toEqual({
      todo: "the page streams but gives no event shape, and the provider file has no `import.stream`",
    });
  });
});
