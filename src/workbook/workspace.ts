/**
 * One exercise's simulated host in the browser, with its start state and an undo stack. No DOM:
 * the page binds a Workspace to the lesson terminal (runtime.ts).
 *
 * The start state is prepared once per exercise (setup steps on a fresh host) and kept as an
 * exported host state in memory, so a reset is a load, not a replay. After each command the
 * host's state is exported again onto a short stack; undo loads the one before.
 */
import "../terminal/slices";
import type { Exercise } from "../../simulator/check/exercise";
import { prepareExercise, runChecks, type CheckReport } from "../../simulator/check/runner";
import { SimEngine } from "../../simulator/check/sim-engine";
import { createHost, type Host } from "../../simulator/host/host";
import { exportHost, loadHost, type HostState } from "../../simulator/host/state";

/** States kept for undo (the current one included). */
export const UNDO_DEPTH = 20;

const startStates = new Map<string, HostState>();

/** A fresh host in the exercise's start state; the first call per exercise runs its setup. */
export async function startHost(exercise: Exercise): Promise<{ host: Host; state: HostState }> {
  const known = startStates.get(exercise.id);
  if (known) return { host: loadHost(known), state: known };
  const host = createHost();
  await prepareExercise(host, exercise);
  const state = exportHost(host);
  startStates.set(exercise.id, state);
  return { host, state };
}

/** Forgets the prepared start states (tests). */
export function clearStartStates(): void {
  startStates.clear();
}

export class Workspace {
  /** Exported states, oldest first; the last is the state the host is in now. */
  readonly #states: HostState[];

  private constructor(
    readonly exercise: Exercise,
    public host: Host,
    private readonly start: HostState,
  ) {
    this.#states = [start];
  }

  static async open(exercise: Exercise): Promise<Workspace> {
    const { host, state } = await startHost(exercise);
    return new Workspace(exercise, host, state);
  }

  /** True when there is a state before the current one to go back to. */
  get canUndo(): boolean {
    return this.#states.length > 1;
  }

  /** How many undo steps are available. */
  get undoDepth(): number {
    return this.#states.length - 1;
  }

  /** Call when a command line finished on `host`: remembers the state it left. */
  commandDone(): void {
    this.#push(exportHost(this.host));
  }

  /** Back to the start state, on a new host. The state before the reset stays undoable. */
  reset(): Host {
    this.host = loadHost(this.start);
    this.#push(this.start);
    return this.host;
  }

  /** The state from before the last command (or reset), on a new host; null when none is kept. */
  undo(): Host | null {
    if (!this.canUndo) return null;
    this.#states.pop();
    this.host = loadHost(this.#states[this.#states.length - 1]!);
    return this.host;
  }

  check(): Promise<CheckReport> {
    return runChecks(new SimEngine(this.host), this.exercise);
  }

  #push(state: HostState): void {
    this.#states.push(state);
    if (this.#states.length > UNDO_DEPTH) this.#states.splice(0, this.#states.length - UNDO_DEPTH);
  }
}
