/**
 * Exercises as data. An exercise lives in content/lessons/<slug>/exercises.ts and is listed in
 * content/exercises.ts. The same definition drives the browser workbook (setup in the
 * simulator, check after each command), the headless replay in CI (solution must pass, each
 * wrong attempt must fail with its message) and the real-Docker verify mode.
 */
import type { CheckEngine } from "./engine";

export type CheckResult = { pass: true; message?: string } | { pass: false; message: string };

export interface Check {
  /** What the check wants, in words, shown before it runs ("a container named web is running"). */
  description: string;
  /** Looks at engine state only (never at what was typed). Explains the actual state on failure. */
  run(engine: CheckEngine): Promise<CheckResult>;
}

/**
 * One setup step. Steps are argument arrays, never shell strings, so the verify mode can run
 * them on a real daemon safely (it adds its ownership label to every object a step creates).
 */
export type SetupStep =
  /** `docker <args...>`, e.g. ["build", "-t", "lab-app:1", "app"] or ["run", "-d", "--name", "web", "busybox", "sleep", "3600"]. */
  | { docker: string[] }
  /** A host file in the learner's working folder (relative path), written before the docker steps run. */
  | { file: string; content: string };

export interface WrongAttempt {
  /** What a learner might plausibly do instead, as terminal command lines. */
  commands: string[];
  /** A substring of the first failing check's message (the one the learner sees) that explains this state. */
  expect: string;
}

export interface Exercise {
  /** "<lesson-slug>/<name>", kebab-case, unique in the course. */
  id: string;
  title: string;
  /** The goal in words, one or two sentences. Inline `code` allowed. */
  goal: string;
  /** Files and objects the exercise starts from; runs on a fresh engine (busybox is present). */
  setup: SetupStep[];
  /** Hints, revealed one at a time, from gentle to nearly the answer. */
  hints: string[];
  /** Terminal command lines that reach the goal; CI replays them and every check must pass. */
  solution: string[];
  /** At least one; CI replays each on a fresh setup and expects a failing check with `expect`. */
  wrong: WrongAttempt[];
  checks: Check[];
  /**
   * Real-Docker verify mode: true when the exercise runs on a plain Docker engine with the
   * offline lab images; otherwise the reason it is simulator-only.
   */
  real: true | { reason: string };
}

/** Identity helper that keeps exercise files typed. */
export function defineExercises(list: Exercise[]): Exercise[] {
  return list;
}
