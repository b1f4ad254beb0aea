/** generator/meta/spec-types.ts is what the meta-schemas say today: regenerated here and compared. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SPEC_TYPES_FILE, specTypesText } from "../../generator/meta/build-types.js";

it("the spec types match the meta-schemas (run `npm run meta-types` after changing generator/meta/*.yaml)", async () => {
  const committed = readFileSync(SPEC_TYPES_FILE, "utf8");
  const fresh = await specTypesText();
  expect(fresh).toBe(committed);
  // Every root and named definition is declared once.
  for (const name of ["ProviderFile", "OfferingFile", "FragmentFile", "HttpTransportSpec", "BindingTransportSpec", "ProvenanceSpec", "PricingSpec"]) {
    expect(fresh.match(new RegExp(`^export (interface|type) ${name}\\b`, "gm"))?.length, name).toBe(1);
  }
  expect(fresh).not.toMatch(/^export (interface|type) \w+Spec\d/m);
});
