/**
 * A streamed answer: the example's events as server-sent events, in the transport's framing
 * (`data:` lines ending in the done sentinel, or typed `event:` lines). A stream fault sends about
 * half the events, never the final one, and then ends as its row in faults.ts says.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpTransportDescriptor } from "../runtime/types.js";
import { bestExample, echo } from "./answers.js";
import type { Fail, MockContext } from "./context.js";
import { describeIssue, streamErrorEvent } from "./errors.js";
import type { FaultEffect } from "./faults.js";
import { numberHeader } from "./io.js";
import type { JsonRecord } from "./schema.js";
import { MOCK_DEFAULTS, type MockOffering, type MockRequestRecord } from "./types.js";

export async function sendStream(
  ctx: MockContext,
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  offering: MockOffering,
  transport: HttpTransportDescriptor,
  task: JsonRecord,
  effect: FaultEffect | undefined,
  fail: Fail,
): Promise<void> {
  const streaming = transport.streaming!;
  const example = bestExample(offering, task, "events", ctx.options.offerings);
  if (!example)
    return fail({ status: 501, code: "no_example", type: "server_error", message: `The mock has no stream example for ${offering.model}` }, task);
  const events = (example.events as readonly JsonRecord[]).map((event) => echo(transport, event, task));
  const broken = events.findIndex((event) => offering.validators?.stream && !offering.validators.stream(event));
  if (broken >= 0) {
    const issue = describeIssue(offering.validators!.stream!.errors?.[0]);
    return fail(
      {
        status: 500,
        code: "bad_example",
        type: "server_error",
        message: `Mock example "${example.name ?? "?"}" event ${broken} fails the stream validator: ${issue.message}`,
      },
      task,
    );
  }
  const typed = (streaming.terminalEventTypes?.length ?? 0) + (streaming.errorEventTypes?.length ?? 0) > 0;
  const frame = (event: JsonRecord) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    return typed && typeof event.type === "string" ? `event: ${event.type}\n${data}` : data;
  };

  const faulty = effect?.kind === "stream" || effect?.kind === "malformed";
  const count = faulty ? Math.min(Math.ceil(events.length / 2), events.length - 1) : events.length;
  const delay = numberHeader(req.headers, "x-modelspec-event-delay-ms") ?? ctx.options.eventDelayMs ?? MOCK_DEFAULTS.eventDelayMs;
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  record.status = 200;
  for (let i = 0; i < count; i++) {
    if (i > 0 && !(await ctx.pause(delay, res))) return;
    res.write(frame(events[i]!));
  }
  if (faulty && !(await ctx.pause(delay, res))) return;
  if (effect?.kind === "malformed") res.write(`data: {"truncated": \n\n`);
  if (effect?.kind === "stream" && effect.end === "error-event") {
    const errorEvent = streamErrorEvent(offering, transport, effect.failure, task);
    if (errorEvent) res.write(frame(errorEvent));
  }
  if (!faulty && streaming.doneSentinel !== undefined) res.write(`data: ${streaming.doneSentinel}\n\n`);
  res.end();
}
