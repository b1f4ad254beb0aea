/** Hostile cases, part three: inputs that cannot be represented, each refused with a located error. */
import { BASE_PROVIDER, type HostileCase, offering, RUN, spec } from "./builders.js";

export function refusedCases(): HostileCase[] {
  return [
    // Inputs that cannot be represented: identifiers must match their pattern.
    {
      name: "provider id with a quote",
      files: spec("bad/provider.yaml", { ...BASE_PROVIDER, id: `x"; ${RUN}; //` }),
      want: { file: "bad/provider", pointer: "/id", message: /must match \^\[a-z0-9\]/ },
    },
    {
      name: "an empty model id",
      files: spec("hostile/empty-model.yaml", { ...offering("empty-model", { request: { type: "object" } }), model: "" }),
      want: { file: "hostile/empty-model", pointer: "/model", message: /must NOT have fewer than 1 characters/ },
    },
    {
      name: "an empty provider name",
      files: spec("bad4/provider.yaml", { ...BASE_PROVIDER, id: "bad4", name: "" }),
      want: { file: "bad4/provider", pointer: "/name", message: /must NOT have fewer than 1 characters/ },
    },
    {
      name: "slug with a comment closer",
      files: spec("hostile/bad-slug.yaml", offering("*/x", { request: { type: "object" } })),
      want: { file: "hostile/bad-slug", pointer: "/slug", message: /must match/ },
    },
    {
      name: "typePrefix that is not an identifier",
      files: spec("bad2/provider.yaml", { ...BASE_PROVIDER, id: "bad2", typePrefix: "X = 1; //" }),
      want: { file: "bad2/provider", pointer: "/typePrefix", message: /must match/ },
    },
    {
      name: "path parameter name that is not an identifier",
      files: spec("bad3/provider.yaml", {
        ...BASE_PROVIDER,
        id: "bad3",
        transports: [{ ...BASE_PROVIDER.transports[0], pathParams: [{ name: "a-b", description: "x" }] }],
      }),
      want: { file: "bad3/provider", pointer: "/transports/0/pathParams/0/name", message: /must match/ },
    },
    {
      name: "provider id that is a folder of the output (runtime)",
      files: {
        ...spec("runtime/provider.yaml", { ...BASE_PROVIDER, id: "runtime" }),
        ...spec("runtime/m.yaml", offering("m", { provider: "runtime", request: { type: "object" } })),
      },
      want: { file: "runtime/provider", pointer: "/id", message: /reserved/ },
    },
    {
      name: "slug that is a file name of the output (index.js)",
      files: spec("hostile/index-js.yaml", offering("index.js", { request: { type: "object" } })),
      want: { file: "hostile/index-js", pointer: "/slug", message: /reserved/ },
    },
    {
      name: "slug that is a folder of the provider's output (schemas, its JSON Schemas)",
      files: spec("hostile/schemas.yaml", offering("schemas", { request: { type: "object" } })),
      want: { file: "hostile/schemas", pointer: "/slug", message: /reserved/ },
    },
    {
      name: "provider id that is a folder of the docs (models, the pages comparing providers)",
      files: {
        ...spec("models/provider.yaml", { ...BASE_PROVIDER, id: "models" }),
        ...spec("models/m.yaml", offering("m", { provider: "models", request: { type: "object" } })),
      },
      want: { file: "models/provider", pointer: "/id", message: /reserved/ },
    },
    {
      name: "an $ref that names a property key, not a schema",
      files: spec(
        "hostile/ref-odd.yaml",
        offering("ref-odd", { request: { type: "object", properties: { a: { $ref: "#/properties/__proto__" } } }, parameters: { a: "documented" } }),
      ),
      want: { file: "hostile/ref-odd", pointer: "/request/schema/properties/a/$ref", message: /points to nothing/ },
    },
  ];
}
