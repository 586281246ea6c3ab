/** What a build is asked to do, and the pieces both builders share: parsing, ARGs before FROM, stages. */
import type { Daemon } from "../daemon/daemon";
import type { Image } from "../daemon/images/image";
import { parsePlatform, type Platform, shortPlatform } from "../distribution/platform";
import type { PlainProgress } from "./progress";
import type { Writable } from "../runtime/streams";
import type { BuildContext } from "./context";
import { type Instruction, type ParsedFile, parseStages, type Stage } from "./dockerfile/instructions";
import { processWord } from "./dockerfile/lex";
import { parseDockerfile, type ParseResult } from "./dockerfile/parser";
import { PLATFORM_ARGS, PREDEFINED_ARGS } from "./stage-state";

export interface BuildRequest {
  builder: "buildkit" | "legacy";
  /** BuildKit's output: plain lines, or the terminal display. */
  progressMode: "plain" | "tty";
  dockerfile: string;
  /** The Dockerfile's name as error messages show it ("Dockerfile", "app.Dockerfile"). */
  dockerfileName: string;
  /** Identifies "the same Dockerfile" across builds for the cache explanations. */
  source: string;
  context: BuildContext;
  /** The Dockerfile is a file of the context (false: it came on stdin and is sent along). */
  dockerfileInContext: boolean;
  tags: string[];
  /** --build-arg values (null: named without a value and not in the environment). */
  buildArgs: Map<string, string | null>;
  target: string;
  noCache: boolean;
  /** --cache-from: images whose inline cache the build may use (BuildKit only). */
  cacheFrom?: string[];
  labels: Record<string, string>;
  quiet: boolean;
  /** Where progress goes (stderr), or nowhere with -q. */
  progress: Writable;
  /** Where the legacy builder's step output goes (stdout). */
  stdout: Writable;
  /** Where errors go. */
  stderr: Writable;
  /**
   * A build for one platform of a multi-platform build (buildx with a docker-container builder):
   * the target platform, the base image for a name and platform (pulled from the registry, not
   * the engine's store), the progress shared by every platform's build, the platform label of
   * the steps ("[linux/arm64 2/3]"), and no export to the engine's image store.
   */
  multi?: {
    platform: Platform;
    /** The image for a name and platform, and the reference it resolved to ("docker.io/library/busybox:latest@sha256:..."). */
    resolveImage(name: string, platform: Platform): { image: Image; ref: string } | { error: string } | null;
    progress: PlainProgress;
    /** Vertices every platform shares (the build definition, base image metadata) that are shown already. */
    shown: Set<string>;
    label: boolean;
  };
}

export interface BuildOutcome {
  /** "sha256:..." or null when the build failed. */
  imageId: string | null;
  exit: number;
  /** A multi-platform build's result for its platform (not in the engine's store). */
  image?: Image;
}

export interface Parsed {
  parse: ParseResult;
  file: ParsedFile;
}

export function parseAll(text: string): Parsed {
  const parse = parseDockerfile(text);
  return { parse, file: parseStages(parse.nodes) };
}

/** Stage display names: its AS name or "stage-N". */
export function stageName(s: Stage, i: number): string {
  return s.name || `stage-${i}`;
}

/** Values of the ARGs before the first FROM (build-args override defaults). */
export function metaArgValues(file: ParsedFile, buildArgs: Map<string, string | null>, escape: string, target?: Platform): Map<string, string> {
  const env = new Map<string, string>(Object.entries(PLATFORM_ARGS));
  if (target) {
    env.set("TARGETPLATFORM", shortPlatform(target));
    env.set("TARGETOS", target.os);
    env.set("TARGETARCH", target.architecture);
    env.set("TARGETVARIANT", parsePlatform(shortPlatform(target)).variant ?? "");
  }
  for (const a of file.metaArgs) {
    for (const kv of a.args) {
      const given = buildArgs.get(kv.key);
      if (given !== undefined && given !== null) env.set(kv.key, given);
      else if (kv.value !== undefined) env.set(kv.key, processWord(kv.value, env, escape));
      else env.delete(kv.key);
    }
  }
  return env;
}

/** Index of the stage a reference names (by name or number), or -1. */
export function stageIndex(stages: Stage[], ref: string, before: number): number {
  const lower = ref.toLowerCase();
  for (let i = 0; i < before; i++) if (stages[i].name === lower) return i;
  if (/^\d+$/.test(ref) && Number(ref) < before) return Number(ref);
  return -1;
}

/** The stages a target needs (itself and what it builds on or copies from), in order. */
export function neededStages(stages: Stage[], target: number, baseNames: string[]): number[] {
  const need = new Set<number>();
  const visit = (i: number) => {
    if (need.has(i)) return;
    need.add(i);
    const b = stageIndex(stages, baseNames[i], i);
    if (b >= 0) visit(b);
    for (const c of stages[i].commands) if ((c.kind === "COPY" || c.kind === "ADD") && c.kind === "COPY" && c.from) {
      const j = stageIndex(stages, c.from, i);
      if (j >= 0) visit(j);
    }
  };
  visit(target);
  return [...need].sort((a, b) => a - b);
}

export function isPredefinedArg(name: string): boolean {
  return PREDEFINED_ARGS.includes(name);
}

/** Whether an instruction makes a step (a vertex) in BuildKit's progress. */
export function isStep(ins: Instruction): boolean {
  return ins.kind === "RUN" || ins.kind === "COPY" || ins.kind === "ADD" || ins.kind === "WORKDIR";
}

export function daemonNow(d: Daemon): number {
  return d.now();
}
