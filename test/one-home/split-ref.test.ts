/** The one split of a `$ref` into its file and fragment (diagnostics.ts), which resolve, import, diff and the meta-types builder use. */
import { describe, expect, it } from "vitest";
import { splitRef } from "../../generator/diagnostics.js";

describe("splitRef", () => {
  it.each([
    ["#", { file: "", fragment: "" }],
    ["#/$defs/Message", { file: "", fragment: "/$defs/Message" }],
    ["shared/chat.yaml", { file: "shared/chat.yaml", fragment: "" }],
    ["shared/chat.yaml#", { file: "shared/chat.yaml", fragment: "" }],
    ["shared/chat.yaml#/$defs/Request", { file: "shared/chat.yaml", fragment: "/$defs/Request" }],
    // The fragment stays as written: the resolver decodes it and reports a bad %-escape itself.
    ["#/$defs/a%20b", { file: "", fragment: "/$defs/a%20b" }],
    ["#/$defs/bad%zz", { file: "", fragment: "/$defs/bad%zz" }],
    // Split at the first `#`: a second one belongs to the fragment.
    ["a.yaml#/x#y", { file: "a.yaml", fragment: "/x#y" }],
    ["", { file: "", fragment: "" }],
  ])("%j", (ref, want) => {
    expect(splitRef(ref)).toEqual(want);
  });
});
