/**
 * "Did you mean": the known word closest to a misspelled one. A spec's unknown key is far more
 * often a typo (`strem`, `maxOutputToken`) than a new idea, and naming the one key meant beats
 * listing every allowed one.
 */

/**
 * Edits between two words: insertions, deletions, substitutions and swaps of neighbours (optimal
 * string alignment), case ignored, so `contextwindow` is one step from nothing and `statsu` one
 * swap from `status`.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // Three rows are enough: the swap looks two rows back.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[t.length]!;
}

/**
 * The candidate a misspelling most likely meant, or undefined when none is close: at most a third
 * of the word's length in edits, so a word under three letters suggests nothing (any two short
 * keys are that close) and `temprature` finds `temperature`. Ties go to the earlier candidate.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.floor(word.length / 3);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The message for a key no schema allows: the likely one where there is one, else every allowed key. */
export function unknownKeyMessage(key: string, allowed: readonly string[]): string {
  const meant = closest(key, allowed);
  if (meant !== undefined) return `unknown key ${JSON.stringify(key)}; did you mean \`${meant}\`?`;
  return `unknown key ${JSON.stringify(key)}${allowed.length ? `; expected one of: ${allowed.join(", ")}` : ""}`;
}
