/** Routes from each transport's `path`, and the offering a request is for. */
import type { HttpTransportDescriptor } from "../runtime/types.js";
import { isObject } from "../runtime/json.js";
import type { MockOffering } from "./types.js";

export interface Route {
  pattern: RegExp;
  hasModel: boolean;
  transport: HttpTransportDescriptor;
  offerings: MockOffering[];
}

export function buildRoutes(offerings: readonly MockOffering[]): Route[] {
  const routes = new Map<string, Route>();
  for (const offering of offerings) {
    for (const transport of offering.transports) {
      if (transport.kind !== "http") continue;
      const key = `${offering.provider}|${transport.id}|${transport.path}`;
      let route = routes.get(key);
      if (!route) {
        const source = transport.path
          .split(/(\{[^}]+\})/)
          // The literal parts escaped as escape.ts's regExpText does (the mock ships without the generator).
          .map((part) => (part === "{model}" ? "(.+)" : /^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
          .join("");
        route = { pattern: new RegExp(`^${source}/?$`), hasModel: transport.path.includes("{model}"), transport, offerings: [] };
        routes.set(key, route);
      }
      route.offerings.push(offering);
    }
  }
  return [...routes.values()];
}

/** A route whose path pattern matched the request path, with the match (its `{model}` segment). */
export type RouteMatch = { route: Route; match: RegExpExecArray | null };

/** The route and offering for a request: by the `{model}` path segment, else by the body's model field. */
export function pickOffering(matched: RouteMatch[], body: unknown): { route: Route; offering?: MockOffering } {
  for (const { route, match } of matched) {
    if (route.hasModel) {
      const model = safeDecode(match![1]!);
      const offering = route.offerings.find((o) => o.model === model);
      if (offering) return { route, offering };
      continue;
    }
    const task = firstTask(body);
    const values = isObject(task) ? Object.values(task) : [];
    const offering = route.offerings.find((o) => values.includes(o.model)) ?? (route.offerings.length === 1 ? route.offerings[0] : undefined);
    if (offering) return { route, offering };
  }
  return { route: matched[0]!.route };
}

/** The model a request asked for: the path's model segment, or the body's `model` field. */
export function requestedModel(matched: RouteMatch[], body: unknown): string | undefined {
  const routed = matched.find((m) => m.route.hasModel);
  if (routed) return safeDecode(routed.match![1]!);
  const task = firstTask(body);
  return isObject(task) && typeof task.model === "string" ? task.model : undefined;
}

/** The body's first task (task-array bodies), or the body itself. */
function firstTask(body: unknown): unknown {
  return Array.isArray(body) ? body.find(isObject) : body;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
