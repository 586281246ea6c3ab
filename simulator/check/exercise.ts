/**
 * Exercises as data. An exercise lives in content/lessons/<slug>/exercises.ts and is listed in
 * content/exercises.ts. The same definition drives the browser workbook (setup in the
 * simulator, check after each command), the headless replay in CI (solution must pass, each
 * wrong attempt must fail with its message) and the real-Docker verify mode.
 */
import type { CheckEngine } from "./engine";

/** The locales exercise texts are written in. English is the text itself; the others are translations. */
export type Locale = "en" | "ja";
export type Translated = Exclude<Locale, "en">;

/** A check's failure message: the English text, and the same message in every other locale. */
export type CheckResult = { pass: true; message?: string } | { pass: false; message: string; translations: Record<Translated, string> };

/** A failed check, said in every locale: `failed("no container `web`", "コンテナ `web` がありません")`. */
export function failed(message: string, ja: string): CheckResult {
  return { pass: false, message, translations: { ja } };
}

/** A message in English and its translations, for helpers that build parts of check messages. */
export interface Said {
  en: string;
  ja: string;
}

/** A failed check from a message built in all locales. */
export function failedWith(said: Said): CheckResult {
  return failed(said.en, said.ja);
}

/** The texts of an exercise a learner reads, in one locale. Lists are in the order of the English ones. */
export interface ExerciseTexts {
  title: string;
  goal: string;
  hints: string[];
  /** Check descriptions, one per check, in order. */
  checks: string[];
}

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
  /** The learner-facing texts in each other locale (see TRANSLATING.md). */
  translations?: Partial<Record<Translated, ExerciseTexts>>;
}

/** What the learner reads of `ex` in `locale`: the translation when there is one, else English. */
export function textsOf(ex: Exercise, locale: Locale): ExerciseTexts {
  const english: ExerciseTexts = { title: ex.title, goal: ex.goal, hints: ex.hints, checks: ex.checks.map((c) => c.description) };
  if (locale === "en") return english;
  return ex.translations?.[locale] ?? english;
}

/** A check result's message in `locale` (English when the check gave no translation). */
export function messageOf(result: CheckResult, locale: Locale): string | undefined {
  if (result.pass) return result.message;
  return locale === "en" ? result.message : (result.translations?.[locale] ?? result.message);
}

/** Identity helper that keeps exercise files typed. */
export function defineExercises(list: Exercise[]): Exercise[] {
  return list;
}
