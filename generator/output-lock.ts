/**
 * One writing run at a time per output folder. Two runs that compare and write the same folder at
 * once would interleave their changes, so a run that writes first makes a lock folder beside the
 * output (`.<name>.modelspec-lock`; mkdir is atomic everywhere) naming its process; a second run
 * waits while that process lives, and takes over the lock of one that died. Liveness is asked of
 * the process (as the write stage does for its leftovers), not read from a heartbeat: generation
 * runs long synchronous stretches that would let a heartbeat go stale under a live run.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { isRunning } from "./write.js";

export interface LockOptions {
  /** How often a waiting run looks again, ms. */
  pollMs?: number;
  /** Told once, when the run starts waiting: who holds the lock and where it is. */
  onWait?: (message: string) => void;
}

interface Owner {
  pid: number;
  host: string;
}

let takeovers = 0;

/** Runs `work` holding the lock of `outDir`; waits for a live holder, takes over a dead one's. */
export async function withOutputLock<T>(outDir: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const { pollMs = 200, onWait } = options;
  const target = path.resolve(outDir);
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.modelspec-lock`);
  mkdirSync(path.dirname(target), { recursive: true });
  let told = false;
  while (!tryLock(lock)) {
    const owner = readOwner(lock);
    if (owner && !alive(owner) && takeOver(lock, owner)) continue;
    if (!told) {
      const who = owner ? `modelspec run ${owner.pid} on ${owner.host}` : "modelspec run";
      onWait?.(`waiting for another ${who}, which is writing ${target} (lock ${lock}; delete it if that run is gone)`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  try {
    return await work();
  } finally {
    // Only our own: a lock taken over meanwhile (this run looked dead to another) is that run's.
    if (readOwner(lock)?.pid === process.pid) rmSync(lock, { recursive: true, force: true });
  }
}

/** Makes the lock folder with this process as its owner; false when another holds it. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeFileSync(path.join(lock, "owner.json"), JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner));
  return true;
}

/** The lock's owner; undefined while it is being written (or if unreadable), which counts as held. */
function readOwner(lock: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path.join(lock, "owner.json"), "utf8")) as Owner;
    return Number.isInteger(owner.pid) && typeof owner.host === "string" ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Another host's process cannot be asked: it counts as alive. */
function alive(owner: Owner): boolean {
  return owner.host !== hostname() || isRunning(owner.pid);
}

/**
 * Moves a dead owner's lock aside and deletes it. Two runs may see the same dead owner: the one
 * that moves the folder second may have moved the first one's new lock, so it checks whose lock it
 * moved and puts a live one back.
 */
function takeOver(lock: string, dead: Owner): boolean {
  const aside = `${lock}-stale-${process.pid}-${++takeovers}`;
  try {
    renameSync(lock, aside);
  } catch {
    return true; // gone already: try to make it again
  }
  const moved = readOwner(aside);
  if (moved && (moved.pid !== dead.pid || moved.host !== dead.host)) {
    try {
      renameSync(aside, lock);
      return false;
    } catch {
      // A third run took the lock meanwhile: the moved one stays aside, its owner's release finds it gone.
      return true;
    }
  }
  rmSync(aside, { recursive: true, force: true });
  return true;
}
