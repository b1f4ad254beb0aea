// Copied by modelspec from generator/mock/routes.ts. Do not edit here: change that file and run `npm run generate`.
import { isObject } from "../runtime/json.js";
export function buildRoutes(offerings) {
    const routes = new Map();
    for (const offering of offerings) {
        for (const transport of offering.transports) {
            if (transport.kind !== "http")
                continue;
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
/** The route and offering for a request: by the `{model}` path segment, else by the body's model field. */
export function pickOffering(matched, body) {
    for (const { route, match } of matched) {
        if (route.hasModel) {
            const model = safeDecode(match[1]);
            const offering = route.offerings.find((o) => o.model === model);
            if (offering)
                return { route, offering };
            continue;
        }
        const task = firstTask(body);
        const values = isObject(task) ? Object.values(task) : [];
        const offering = route.offerings.find((o) => values.includes(o.model)) ?? (route.offerings.length === 1 ? route.offerings[0] : undefined);
        if (offering)
            return { route, offering };
    }
    return { route: matched[0].route };
}
/** The model a request asked for: the path's model segment, or the body's `model` field. */
export function requestedModel(matched, body) {
    const routed = matched.find((m) => m.route.hasModel);
    if (routed)
        return safeDecode(routed.match[1]);
    const task = firstTask(body);
    return isObject(task) && typeof task.model === "string" ? task.model : undefined;
}
/** The body's first task (task-array bodies), or the body itself. */
function firstTask(body) {
    return Array.isArray(body) ? body.find(isObject) : body;
}
function safeDecode(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment;
    }
}
