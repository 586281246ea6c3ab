/**
 * Layerlab's `docker build`: BuildKit (default) or the legacy builder, the build cache, and the
 * data the UI explains builds with (per-step HIT/MISS reasons, a dive-like image analysis).
 */
import type { Daemon } from "../daemon/daemon";
import { buildKit } from "./buildkit";
import { buildLegacy } from "./legacy";
import type { BuildOutcome, BuildRequest } from "./request";

export type { BuildOutcome, BuildRequest } from "./request";
export { buildCacheOf, buildCacheUsage, type CacheRecord, type CacheUsage } from "./cache";
export { buildReports, type BuildReport, type MissReason, type StepRecord, type FileChange } from "./why";
export { analyzeImage, type ImageAnalysis, type LayerAnalysis } from "./analysis";
export { parseDockerfile, DockerfileError } from "./dockerfile/parser";
export { parseStages, InstructionError } from "./dockerfile/instructions";
export { processWord, processWords } from "./dockerfile/lex";
export { readContext, emptyContext } from "./context";

/** Runs a build with the builder the request names. */
export function build(d: Daemon, req: BuildRequest): Promise<BuildOutcome> {
  return req.builder === "legacy" ? buildLegacy(d, req) : buildKit(d, req);
}
