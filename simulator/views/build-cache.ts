/**
 * The build cache view's model: the last build, one row per cache step (RUN, COPY, ADD, WORKDIR)
 * in the order the build ran them, each HIT or MISS with the builder's reason. Metadata
 * instructions (ENV, CMD, LABEL, ...) make no cache step, in BuildKit and in this view.
 */
import type { Daemon } from "../daemon/daemon";
import { familiar } from "../daemon/images/lookup";
import { buildReports, type BuildReport, type MissReason } from "../builder/why";

export interface CacheRow {
  stage: string;
  /** 1-based position among the stage's steps, as BuildKit's "[2/4]" counts (FROM is 1). */
  index: number;
  instruction: string;
  cache: "HIT" | "MISS";
  reason: MissReason | null;
  /** Simulated milliseconds the step took (0 for a hit). */
  durationMs: number;
  /** Bytes of the layer the step made or reused (null: the step made no layer). */
  layerBytes: number | null;
}

export interface BuildCacheModel {
  /** Which build (1 = the first this host ran, counting the last 50 kept). */
  number: number;
  builder: BuildReport["builder"];
  /** The Dockerfile: "<context dir>/<file name>". */
  source: string;
  target: string;
  tags: string[];
  imageId: string | null;
  error: string | null;
  durationMs: number;
  rows: CacheRow[];
  hits: number;
  misses: number;
  /** Stages the build ran (for a multi-stage build the rows carry their stage). */
  stages: string[];
}

/** The model of the last build this host ran, or null before the first build. */
export function buildCacheView(d: Daemon): BuildCacheModel | null {
  const reports = buildReports(d);
  const last = reports.at(-1);
  if (!last) return null;
  return buildCacheModelOf(last, reports.length);
}

export function buildCacheModelOf(r: BuildReport, number: number): BuildCacheModel {
  const rows: CacheRow[] = r.steps.map((s) => ({
    stage: s.stage,
    index: s.index,
    instruction: s.instruction,
    cache: s.cache,
    reason: s.reason ?? null,
    durationMs: s.durationMs,
    layerBytes: s.layer ? s.layer.size : null,
  }));
  return {
    number,
    builder: r.builder,
    source: r.source,
    target: r.target,
    tags: r.tags.map(familiar),
    imageId: r.imageId,
    error: r.error ?? null,
    durationMs: r.durationMs,
    rows,
    hits: rows.filter((x) => x.cache === "HIT").length,
    misses: rows.filter((x) => x.cache === "MISS").length,
    stages: [...new Set(rows.map((x) => x.stage))],
  };
}

/** The image the last successful build made (the layer view shows it by default). */
export function lastBuiltImage(d: Daemon): string | null {
  const reports = buildReports(d);
  for (let i = reports.length - 1; i >= 0; i--) if (reports[i].imageId) return reports[i].imageId;
  return null;
}
