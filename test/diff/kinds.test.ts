/** The severity policy that is not one row per kind: status moves. */
import { describe, expect, it } from "vitest";
import { statusSeverity } from "../../generator/diff/kinds.js";

describe("kinds", () => {
  it("status severities", () => {
    expect([
      statusSeverity("available", "beta"),
      statusSeverity("beta", "available"),
      statusSeverity("deprecated", "coming-soon"),
      statusSeverity("coming-soon", "deprecated"),
    ]).toEqual(["warning", "non-breaking", "breaking", "warning"]);
  });
});
