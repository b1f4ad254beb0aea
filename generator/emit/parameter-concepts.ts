/**
 * Request parameters that mean the same thing at different providers, for the pages that compare
 * one model across providers (emit/model-docs.ts). Policy as data: one row per meaning, with the
 * names providers give it. Names match with case, `_` and `-` ignored, as a whole parameter path
 * or as its last parts (`settings.temperature` matches `temperature`), and what follows the match
 * stays part of the row (`input[].role` and `messages[].role` are both the conversation's
 * `[].role`). A parameter no row names is aligned with others by its own path.
 */
import { joinParameterPath, splitParameterPath } from "../parameters.js";

export interface ParameterConcept {
  label: string;
  names: readonly string[];
}

export const PARAMETER_CONCEPTS: readonly ParameterConcept[] = [
  { label: "conversation", names: ["messages", "input"] },
  { label: "system prompt", names: ["system_prompt", "system", "instructions"] },
  { label: "output token limit", names: ["max_tokens", "max_completion_tokens", "max_output_tokens", "max_new_tokens"] },
  { label: "temperature", names: ["temperature"] },
  { label: "nucleus sampling (top p)", names: ["top_p"] },
  { label: "top k", names: ["top_k"] },
  { label: "frequency penalty", names: ["frequency_penalty"] },
  { label: "presence penalty", names: ["presence_penalty"] },
  { label: "stop sequences", names: ["stop", "stop_sequences"] },
  { label: "seed", names: ["seed"] },
  { label: "reasoning effort", names: ["reasoning.effort", "reasoning_effort", "thinking_level"] },
  { label: "tools", names: ["tools"] },
  { label: "tool choice", names: ["tool_choice"] },
  { label: "output format", names: ["response_format", "text.format"] },
  { label: "streaming", names: ["stream"] },
];

/** Where a parameter belongs: a concept (by index) and the path after the match, or its own path. */
export interface Alignment {
  /** Index into PARAMETER_CONCEPTS, or -1 for a parameter no row names. */
  concept: number;
  /** The path after the matched part, as written (`[].role`), or the whole path. */
  rest: string;
  /** What rows are compared by: the concept and the rest, case and `_`/`-` ignored. */
  key: string;
}

const normalize = (name: string) => name.toLowerCase().replace(/[_-]/g, "");

const NAMES = new Map<string, number>(
  PARAMETER_CONCEPTS.flatMap((c, index) => c.names.map((n) => [n.split(".").map(normalize).join("."), index] as [string, number])),
);

export function alignParameter(path: string, concepts: ReadonlyMap<string, number> = NAMES): Alignment {
  const tokens = splitParameterPath(path);
  const restOf = (from: number) => tokens.slice(from).reduce((out, t) => ("items" in t ? `${out}[]` : joinParameterPath(out, t.key)), "");
  // The earliest place a name ends, then the longest name ending there.
  for (let end = 0; end < tokens.length; end++) {
    for (let start = 0; start <= end; start++) {
      const span = tokens.slice(start, end + 1);
      if (span.some((t) => "items" in t)) continue;
      const concept = concepts.get(span.map((t) => normalize((t as { key: string }).key)).join("."));
      if (concept === undefined) continue;
      const rest = restOf(end + 1);
      return { concept, rest, key: `${concept}:${normalize(rest)}` };
    }
  }
  return { concept: -1, rest: path, key: `-1:${normalize(path)}` };
}
