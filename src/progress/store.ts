/**
 * The learner's progress: which exercises they have passed and when. Kept in the browser only
 * (IndexedDB, or memory where IndexedDB is unavailable); nothing leaves the machine unless the
 * learner exports it as a code or a file.
 *
 *   recordPass(id)        the workbook calls this when a learner passes an exercise
 *   loadProgress()        the saved progress, validated, with a notice when something was repaired
 *   subscribe(fn)         called with the new progress after every change (also from other tabs)
 *   exportCode/importCode the short progress code (code.ts)
 *   exportFile/importFile the same as a JSON file
 *   importProgress(p)     adds imported progress to the saved one (earliest date wins)
 *   resetProgress()       forgets every pass
 *
 * A saved entry that fails validation is never thrown away: it is copied under a separate key
 * ("set-aside"), every record in it that is still readable is kept, and loadProgress returns a
 * notice saying so. The progress page lists set-aside entries and offers them as a download.
 */
import { memoryBackend, openIndexedDbBackend, type ProgressBackend } from "./backend";
import { decodeProgressCode, encodeProgressCode, type DecodeResult } from "./code";
import {
  emptyProgress,
  exerciseIdPattern,
  exerciseRecordSchema,
  localDay,
  mergeProgress,
  progressV1Schema,
  type ExerciseRecord,
  type ProgressV1,
} from "./schema";

export type { ProgressV1, ExerciseRecord } from "./schema";
export type { DecodeResult } from "./code";
export { emptyProgress, mergeProgress } from "./schema";

export const progressKey = "progress";
export const setAsideKey = "progress-set-aside";

/** A saved entry that could not be used as it was, kept so that nothing is lost. */
export interface SetAsideEntry {
  /** When it was set aside (ISO time). */
  at: string;
  reason: string;
  /** The entry exactly as it was stored. */
  raw: unknown;
}

export interface LoadResult {
  progress: ProgressV1;
  /** A sentence for the learner when something needs their attention (English; see `issue`). */
  notice?: string;
  /** The same, as data, so pages can word it in their own language. */
  issue?: LoadIssue;
}

export type LoadIssue =
  | { kind: "memory-only" }
  | { kind: "set-aside"; reason: "newer-version" | "invalid"; kept: number; dropped: number };

export interface Repair {
  progress: ProgressV1;
  /** Present when the raw entry was not a valid current entry. */
  setAside?: { reason: "newer-version" | "invalid"; kept: number; dropped: number };
}

/**
 * Turns whatever is stored into valid progress. Pure, so that it can be tested on its own.
 * - nothing stored: empty progress;
 * - a valid version 1 entry: itself;
 * - a JSON string (as an older or foreign writer might store): parsed, then as below;
 * - anything else, including entries written by a newer version of the site: every exercise
 *   record that is still valid is kept, and the caller sets the raw entry aside.
 * Version 1 is the first version; when version 2 exists, its migration from 1 goes here, before
 * the salvage step.
 */
export function repairProgress(raw: unknown): Repair {
  if (raw === undefined || raw === null) return { progress: emptyProgress() };
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw) as unknown;
    } catch {
      return { progress: emptyProgress(), setAside: { reason: "invalid", kept: 0, dropped: 0 } };
    }
  }
  const valid = progressV1Schema.safeParse(raw);
  if (valid.success) return { progress: valid.data };

  const version = isObject(raw) ? raw["version"] : undefined;
  const reason = typeof version === "number" && version > 1 ? "newer-version" : "invalid";
  const exercises: Record<string, ExerciseRecord> = {};
  let dropped = 0;
  const records = isObject(raw) ? raw["exercises"] : undefined;
  if (isObject(records)) {
    for (const [id, record] of Object.entries(records)) {
      const parsed = exerciseRecordSchema.safeParse(record);
      if (exerciseIdPattern.test(id) && parsed.success) exercises[id] = { date: parsed.data.date };
      else dropped++;
    }
  }
  return {
    progress: { version: 1, exercises },
    setAside: { reason, kept: Object.keys(exercises).length, dropped },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describeIssue(issue: LoadIssue): string {
  if (issue.kind === "memory-only") {
    return "This browser does not let Layerlab store data, so your progress lasts only while this page is open. Export a progress code to keep it.";
  }
  const what =
    issue.reason === "newer-version"
      ? "Your saved progress was written by a newer version of Layerlab."
      : "Part of your saved progress could not be read.";
  const kept = issue.kept === 1 ? "1 passed exercise was" : `${issue.kept} passed exercises were`;
  return `${what} ${kept} kept; the original was set aside and can be downloaded from the progress page.`;
}

export interface ProgressStore {
  readonly backend: Promise<ProgressBackend>;
  loadProgress(): Promise<LoadResult>;
  recordPass(exerciseId: string, date?: string): Promise<void>;
  importProgress(progress: ProgressV1): Promise<ProgressV1>;
  resetProgress(): Promise<void>;
  setAsideEntries(): Promise<SetAsideEntry[]>;
  discardSetAside(): Promise<void>;
  subscribe(fn: (progress: ProgressV1) => void): () => void;
  /** Reads the stored progress again and tells subscribers (another tab changed it). */
  refresh(): Promise<void>;
}

export interface StoreOptions {
  /** Where to keep data; defaults to IndexedDB with a memory fallback. */
  backend?: () => Promise<ProgressBackend>;
  /** Clock for set-aside times; tests pass a fixed one. */
  now?: () => Date;
}

export function createProgressStore(options: StoreOptions = {}): ProgressStore {
  const now = options.now ?? (() => new Date());
  const backend = (options.backend ?? defaultBackend)();
  const listeners = new Set<(progress: ProgressV1) => void>();
  let current: ProgressV1 | undefined;

  function emit(progress: ProgressV1) {
    current = progress;
    for (const fn of listeners) fn(progress);
  }

  async function setAside(store: ProgressBackend, raw: unknown, reason: string) {
    const entry: SetAsideEntry = { at: now().toISOString(), reason, raw };
    await store.update(setAsideKey, (old) => [...(Array.isArray(old) ? old : []), entry]);
  }

  async function loadProgress(): Promise<LoadResult> {
    const store = await backend;
    const raw = await store.get(progressKey);
    const repair = repairProgress(raw);
    let issue: LoadIssue | undefined;
    if (repair.setAside) {
      // Keep the original first, then write the repaired entry: if anything fails in between,
      // the original is still where it was.
      await setAside(store, raw, repair.setAside.reason);
      await store.set(progressKey, repair.progress);
      issue = { kind: "set-aside", ...repair.setAside };
    } else if (store.kind === "memory") {
      issue = { kind: "memory-only" };
    }
    current = repair.progress;
    return issue ? { progress: repair.progress, issue, notice: describeIssue(issue) } : { progress: repair.progress };
  }

  /** Applies a change to the stored progress in one transaction and tells everyone. */
  async function change(fn: (progress: ProgressV1) => ProgressV1): Promise<ProgressV1> {
    const store = await backend;
    // Repairs (and sets aside) a bad entry before changing it, so a write never hides one.
    if (!current) await loadProgress();
    let changed = false;
    const next = (await store.update(progressKey, (old) => {
      const repaired = repairProgress(old);
      // Another tab may have stored something unreadable since we loaded: keep ours then.
      const base = repaired.setAside ? (current ?? repaired.progress) : repaired.progress;
      const result = fn(base);
      changed = JSON.stringify(result) !== JSON.stringify(old);
      return result;
    })) as ProgressV1;
    emit(next);
    if (changed) announce();
    return next;
  }

  return {
    backend,
    loadProgress,
    async recordPass(exerciseId, date = localDay(now())) {
      if (!exerciseIdPattern.test(exerciseId)) throw new Error(`not an exercise id: ${exerciseId}`);
      await change((progress) =>
        progress.exercises[exerciseId] && progress.exercises[exerciseId].date <= date
          ? progress
          : { version: 1, exercises: { ...progress.exercises, [exerciseId]: { date } } },
      );
    },
    importProgress: (imported) => change((progress) => mergeProgress(progress, imported)),
    async resetProgress() {
      await change(() => emptyProgress());
    },
    async setAsideEntries() {
      const list = await (await backend).get(setAsideKey);
      return Array.isArray(list) ? (list as SetAsideEntry[]) : [];
    },
    async discardSetAside() {
      await (await backend).delete(setAsideKey);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async refresh() {
      emit((await loadProgress()).progress);
    },
  };
}

async function defaultBackend(): Promise<ProgressBackend> {
  try {
    return await openIndexedDbBackend();
  } catch {
    return memoryBackend();
  }
}

// Tabs tell each other when progress changes, so a lesson in one tab and the progress page in
// another agree. BroadcastChannel is same-origin only and carries no data, just "changed".
const channelName = "layerlab-progress";
let channel: BroadcastChannel | undefined;
function announce() {
  channel?.postMessage("changed");
}

let shared: ProgressStore | undefined;
/** The page's one store (created on first use). */
export function progressStore(): ProgressStore {
  if (!shared) {
    const store = createProgressStore();
    shared = store;
    if (typeof BroadcastChannel !== "undefined") {
      channel = new BroadcastChannel(channelName);
      channel.onmessage = () => void store.refresh();
    }
  }
  return shared;
}

export const recordPass = (exerciseId: string): Promise<void> => progressStore().recordPass(exerciseId);
export const loadProgress = (): Promise<LoadResult> => progressStore().loadProgress();
export const subscribe = (fn: (progress: ProgressV1) => void): (() => void) => progressStore().subscribe(fn);
export const importProgress = (progress: ProgressV1): Promise<ProgressV1> => progressStore().importProgress(progress);
export const resetProgress = (): Promise<void> => progressStore().resetProgress();

/** The short progress code for `progress` (see code.ts). */
export function exportCode(progress: ProgressV1): string {
  return encodeProgressCode(progress);
}

/**
 * Reads a progress code. `knownIds` (the course's exercise ids) lets it recognise exercises added
 * after the code table was last extended; without it those are counted as unknown.
 */
export function importCode(code: string, knownIds: readonly string[] = []): DecodeResult {
  return decodeProgressCode(code, knownIds);
}

export const progressFileType = "application/json";

/** The progress as the text of a JSON file, versioned like the stored entry. */
export function exportFile(progress: ProgressV1): string {
  return `${JSON.stringify({ format: "layerlab-progress", ...progress }, null, 2)}\n`;
}

/** Reads a progress file's text. Records that are not valid are skipped and counted. */
export function importFile(text: string): DecodeResult {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, error: "not-json" };
  }
  if (!isObject(data) || data["format"] !== "layerlab-progress") return { ok: false, error: "not-progress" };
  const { format: _format, ...entry } = data;
  const repair = repairProgress(entry);
  if (repair.setAside && repair.setAside.kept === 0 && !isObject(entry["exercises"])) {
    return { ok: false, error: "not-progress" };
  }
  return { ok: true, progress: repair.progress, unknown: repair.setAside?.dropped ?? 0, newer: repair.setAside?.reason === "newer-version" };
}
