/**
 * Progress of a long generation, on stderr. On a terminal, a run that lasts longer than about two
 * seconds shows one line it keeps rewriting (the stage, and offerings or files done of the total),
 * erased when the run ends; elsewhere (CI logs) nothing, and the command's one summary line on
 * stdout says what was done and how long it took. A note (a run waiting for another) is a line of
 * its own everywhere. `--quiet` silences all of it.
 */
export interface Progress {
  /** A stage began or moved on: `done` of `total` units (offerings, files) where it counts them. */
  update(stage: string, done?: number, total?: number): void;
  /** Something the user should see even in a CI log (a run waiting for another): a line of its own. */
  note(message: string): void;
  /** The run ended: erase the live line. */
  finish(): void;
}

export const SILENT: Progress = { update: () => undefined, note: () => undefined, finish: () => undefined };

/** Shown only once a run has taken this long: a quick run prints nothing but its result. */
const SHOW_AFTER_MS = 2000;
const REDRAW_EVERY_MS = 100;

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr, now: () => number = () => performance.now()): Progress {
  const started = now();
  let lastDraw = 0;
  let drawn = false;
  const live = stream.isTTY === true;
  return {
    update(stage, done, total) {
      if (!live) return;
      const time = now();
      if (time - started < SHOW_AFTER_MS || (time - lastDraw < REDRAW_EVERY_MS && done !== total)) return;
      lastDraw = time;
      const count = done !== undefined && total !== undefined ? ` ${done}/${total}` : "";
      stream.write(`\r\x1b[Kmodelspec: ${stage}${count} (${((time - started) / 1000).toFixed(1)} s)`);
      drawn = true;
    },
    note(message) {
      stream.write(`${drawn ? "\r\x1b[K" : ""}modelspec: ${message}\n`);
      drawn = false;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
