// Copied by modelspec from generator/mock/answers.ts. Do not edit here: change that file and run `npm run generate`.
import { isObject, splitPointer } from "../runtime/json.js";
import { describeIssue, pointsToArray } from "./errors.js";
import { fillRequired, sameJson } from "./schema.js";
/** The example answer for a request, wrapped in the transport envelope, or why there is none. */
export function answerFor(offering, siblings, transport, task, extra = {}) {
    const example = bestExample(offering, task, "response", siblings);
    if (!example)
        return { status: 501, code: "no_example", type: "server_error", message: `The mock has no example response for ${offering.model}` };
    const response = example.response;
    const shape = transport.responseBody;
    const wrapped = (shape.kind === "envelope" && shape.result in response && shape.success in response) ||
        (shape.kind === "data-array" && Array.isArray(response[shape.data]));
    const items = wrapped
        ? shape.kind === "data-array"
            ? response[shape.data].filter(isObject)
            : [response[shape.result]]
        : [response];
    // A top-level array answer (classification, detection) is sent as it is.
    const answers = repeat(items, resultCount(shape, task)).map((item) => (Array.isArray(item) ? item : { ...echo(transport, item, task), ...extra }));
    const validate = offering.validators?.response;
    const bad = answers.findIndex((item) => validate && !validate(item));
    if (bad >= 0) {
        const issue = describeIssue(validate.errors?.[0]);
        return {
            status: 500,
            code: "bad_example",
            type: "server_error",
            message: `Mock example "${example.name ?? "?"}" fails the response validator: ${issue.message}`,
        };
    }
    if (wrapped && shape.kind === "envelope")
        return { body: response };
    return { body: shape.kind === "data-array" ? wrap(offering, transport, answers) : wrap(offering, transport, answers[0]) };
}
/** How many result items the task asks for (`numberResults: n`), when the transport names such a field. */
function resultCount(shape, task) {
    const value = shape.kind === "data-array" && shape.countField !== undefined ? task[shape.countField] : undefined;
    return typeof value === "number" && Number.isInteger(value) && value > 1 ? Math.min(value, 100) : 1;
}
/** The example's items, cycled to `count` when more are asked for than the example holds. */
function repeat(items, count) {
    if (items.length === 0 || count <= items.length)
        return items;
    return Array.from({ length: count }, (_, i) => items[i % items.length]);
}
/** A result in the transport's success envelope. */
export function wrap(offering, transport, result) {
    const shape = transport.responseBody;
    if (shape.kind === "plain")
        return result;
    if (shape.kind === "data-array")
        return { [shape.data]: result };
    // The success envelope carries the error envelope's other required fields, empty (`errors: []`, `messages: []`).
    const body = fillRequired({}, offering.errors.schema);
    const [top] = splitPointer(offering.errors.pointer);
    if (top && pointsToArray(offering.errors))
        body[top] = [];
    return { ...body, [shape.result]: result, [shape.success]: true };
}
/** Task-array transports echo the task's UUID into every result and event. */
export function echo(transport, item, task) {
    if (transport.requestBody.kind !== "task-array")
        return structuredClone(item);
    const field = transport.requestBody.uuidField;
    return { ...structuredClone(item), [field]: task[field] };
}
/**
 * The example whose request shares the most top-level values with this one (ties go to the first).
 * An offering without such examples borrows its provider's others (the wire shape is the same),
 * renamed to the offering that was asked for; the validators still check what is sent.
 */
export function bestExample(offering, task, want, siblings) {
    const own = offering.examples.filter((example) => example[want]);
    const lenders = own.length > 0 ? [offering] : siblings.filter((o) => o.provider === offering.provider && o !== offering);
    let best;
    let bestScore = -1;
    for (const lender of lenders) {
        for (const example of lender.examples) {
            if (!example[want])
                continue;
            const score = Object.entries(example.request).filter(([key, value]) => sameJson(task[key], value)).length;
            if (score > bestScore)
                [best, bestScore] = [{ example, lender }, score];
        }
    }
    if (!best || best.lender === offering)
        return best?.example;
    return renamed(best.example, best.lender.model, offering.model);
}
/**
 * A borrowed example as the borrower's: every `model` string names the borrower, and the lender's
 * model name inside an `id` (`chatcmpl-example-gpt-5-4-usage`) becomes the borrower's.
 */
function renamed(example, from, to) {
    const name = (model) => model.split(/[/:@]/).at(-1);
    const spellings = [...new Set([name(from), name(from).replace(/\./g, "-")])];
    const replacements = spellings.map((spelling) => [spelling, spelling === name(from) ? name(to) : name(to).replace(/\./g, "-")]);
    const rewrite = (value, key) => {
        if (Array.isArray(value))
            return value.map((item) => rewrite(item));
        if (isObject(value))
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, k)]));
        if (typeof value !== "string")
            return value;
        if (key === "model")
            return to;
        if (key === "id")
            return replacements.reduce((text, [a, b]) => text.split(a).join(b), value);
        return value;
    };
    return {
        ...example,
        ...(example.response && { response: rewrite(example.response) }),
        ...(example.events && { events: example.events.map((event) => rewrite(event)) }),
    };
}
