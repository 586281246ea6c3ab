/**
 * Why each build step hit or missed the cache: plain data for the UI. Every build leaves a
 * report (steps with HIT/MISS and a reason, simulated duration, the layer made); a miss is
 * explained by comparing the step with the same step of the previous build of that Dockerfile.
 */
import type { Daemon } from "../daemon/daemon";

export type FileChange = { path: string; change: "added" | "removed" | "modified" };

export type MissReason =
  | { kind: "first-build" }
  | { kind: "no-cache" }
  | { kind: "instruction-changed"; before: string; after: string }
  | { kind: "files-changed"; files: FileChange[] }
  | { kind: "parent-missed"; parent: string }
  | { kind: "build-arg-changed"; args: { name: string; before: string | null; after: string | null }[] }
  | { kind: "environment-changed" }
  | { kind: "not-in-cache" };

export interface StepLayer {
  diffId: string;
  chainId: string;
  size: number;
}

export interface StepRecord {
  /** Stage name ("build", "stage-1"). */
  stage: string;
  /** 1-based position among the stage's steps (FROM is 1). */
  index: number;
  instruction: string;
  cache: "HIT" | "MISS";
  reason?: MissReason;
  /** Simulated milliseconds the step took. */
  durationMs: number;
  layer: StepLayer | null;
  key: string;
  /** Build args the step saw (name -> value). */
  args: Record<string, string>;
  /** Source files of a COPY/ADD, path -> checksum. */
  files?: Record<string, string>;
}

export interface BuildReport {
  builder: "buildkit" | "legacy";
  /** Which Dockerfile: the context directory and the file name. */
  source: string;
  target: string;
  imageId: string | null;
  tags: string[];
  startedAt: number;
  durationMs: number;
  steps: StepRecord[];
  error?: string;
}

const reports = new WeakMap<Daemon, BuildReport[]>();

/** Every build the daemon ran, oldest first (the last 50). */
export function buildReports(d: Daemon): BuildReport[] {
  let r = reports.get(d);
  if (!r) {
    r = [];
    reports.set(d, r);
  }
  return r;
}

export function recordBuild(d: Daemon, report: BuildReport): void {
  const list = buildReports(d);
  list.push(report);
  if (list.length > 50) list.shift();
}

export function previousStep(d: Daemon, source: string, builder: BuildReport["builder"], stage: string, index: number): StepRecord | null {
  const list = buildReports(d);
  for (let i = list.length - 1; i >= 0; i--) {
    const r = list[i];
    if (r.source !== source || r.builder !== builder) continue;
    const s = r.steps.find((x) => x.stage === stage && x.index === index);
    if (s) return s;
  }
  return null;
}

function diffFiles(before: Record<string, string>, after: Record<string, string>): FileChange[] {
  const out: FileChange[] = [];
  for (const p of Object.keys(after).sort()) {
    if (!(p in before)) out.push({ path: p, change: "added" });
    else if (before[p] !== after[p]) out.push({ path: p, change: "modified" });
  }
  for (const p of Object.keys(before).sort()) if (!(p in after)) out.push({ path: p, change: "removed" });
  return out;
}

/** Explains a miss. `parentMissed` names the earlier step that missed in this build, if any. */
export function explainMiss(prev: StepRecord | null, step: Pick<StepRecord, "instruction" | "args" | "files">, opts: { noCache: boolean; parentMissed: string | null }): MissReason {
  if (opts.noCache) return { kind: "no-cache" };
  if (!prev) return { kind: "first-build" };
  if (prev.instruction !== step.instruction) return { kind: "instruction-changed", before: prev.instruction, after: step.instruction };
  const names = new Set([...Object.keys(prev.args), ...Object.keys(step.args)]);
  const changed = [...names].filter((n) => prev.args[n] !== step.args[n]).sort();
  if (changed.length) return { kind: "build-arg-changed", args: changed.map((name) => ({ name, before: prev.args[name] ?? null, after: step.args[name] ?? null })) };
  if (step.files && prev.files) {
    const files = diffFiles(prev.files, step.files);
    if (files.length) return { kind: "files-changed", files };
  }
  if (opts.parentMissed) return { kind: "parent-missed", parent: opts.parentMissed };
  return { kind: "not-in-cache" };
}
