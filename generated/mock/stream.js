// Copied by modelspec from generator/mock/stream.ts. Do not edit here: change that file and run `npm run generate`.
import { bestExample, echo } from "./answers.js";
import { describeIssue, streamErrorEvent } from "./errors.js";
import { numberHeader } from "./io.js";
import { MOCK_DEFAULTS } from "./types.js";
export async function sendStream(ctx, req, res, record, offering, transport, task, effect, fail) {
    const streaming = transport.streaming;
    const example = bestExample(offering, task, "events", ctx.options.offerings);
    if (!example)
        return fail({ status: 501, code: "no_example", type: "server_error", message: `The mock has no stream example for ${offering.model}` }, task);
    const events = example.events.map((event) => echo(transport, event, task));
    const broken = events.findIndex((event) => offering.validators?.stream && !offering.validators.stream(event));
    if (broken >= 0) {
        const issue = describeIssue(offering.validators.stream.errors?.[0]);
        return fail({
            status: 500,
            code: "bad_example",
            type: "server_error",
            message: `Mock example "${example.name ?? "?"}" event ${broken} fails the stream validator: ${issue.message}`,
        }, task);
    }
    const typed = (streaming.terminalEventTypes?.length ?? 0) + (streaming.errorEventTypes?.length ?? 0) > 0;
    const frame = (event) => {
        const data = `data: ${JSON.stringify(event)}\n\n`;
        return typed && typeof event.type === "string" ? `event: ${event.type}\n${data}` : data;
    };
    const faulty = effect?.kind === "stream" || effect?.kind === "malformed";
    const count = faulty ? Math.min(Math.ceil(events.length / 2), events.length - 1) : events.length;
    const delay = numberHeader(req.headers, "x-modelspec-event-delay-ms") ?? ctx.options.eventDelayMs ?? MOCK_DEFAULTS.eventDelayMs;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    record.status = 200;
    for (let i = 0; i < count; i++) {
        if (i > 0 && !(await ctx.pause(delay, res)))
            return;
        res.write(frame(events[i]));
    }
    if (faulty && !(await ctx.pause(delay, res)))
        return;
    if (effect?.kind === "malformed")
        res.write(`data: {"truncated": \n\n`);
    if (effect?.kind === "stream" && effect.end === "error-event") {
        const errorEvent = streamErrorEvent(offering, transport, effect.failure, task);
        if (errorEvent)
            res.write(frame(errorEvent));
    }
    if (!faulty && streaming.doneSentinel !== undefined)
        res.write(`data: ${streaming.doneSentinel}\n\n`);
    res.end();
}
