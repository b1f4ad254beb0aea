// Copied by modelspec from generator/mock/routes.ts. Do not edit here: change that file and run `npm run generate`.
/** Routes from each transport's `path`, and the offering a request is for. */
import type { HttpTransportDescriptor } from "../runtime/types.js";
import type { MockOffering } from "./types.js";
export interface Route {
    pattern: RegExp;
    hasModel: boolean;
    transport: HttpTransportDescriptor;
    offerings: MockOffering[];
}
export declare function buildRoutes(offerings: readonly MockOffering[]): Route[];
/** A route whose path pattern matched the request path, with the match (its `{model}` segment). */
export type RouteMatch = {
    route: Route;
    match: RegExpExecArray | null;
};
/** The route and offering for a request: by the `{model}` path segment, else by the body's model field. */
export declare function pickOffering(matched: RouteMatch[], body: unknown): {
    route: Route;
    offering?: MockOffering;
};
/** The model a request asked for: the path's model segment, or the body's `model` field. */
export declare function requestedModel(matched: RouteMatch[], body: unknown): string | undefined;
