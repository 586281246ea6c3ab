/**
 * What a build stage holds while its instructions are evaluated: the image config being made,
 * its layers and history, the ARGs in scope (with their values) and the environment. The
 * metadata instructions (ENV, LABEL, CMD, ...) are applied here for both builders.
 */
import { type ContainerConfig, emptyContainerConfig, type HistoryEntry, type ImageConfig } from "../api/types";
import type { Image } from "../daemon/images/image";
import type { Layer } from "../snapshots/layers";
import type { Instruction } from "./dockerfile/instructions";
import { type Env, processWord } from "./dockerfile/lex";

export const DEFAULT_SHELL = ["/bin/sh", "-c"];
export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/** Build args every Dockerfile may use without declaring them (kept out of history). */
export const PREDEFINED_ARGS = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"];
/** Platform args BuildKit defines in the global scope. */
export const PLATFORM_ARGS: Record<string, string> = {
  BUILDPLATFORM: "linux/amd64",
  BUILDOS: "linux",
  BUILDARCH: "amd64",
  BUILDVARIANT: "",
  TARGETPLATFORM: "linux/amd64",
  TARGETOS: "linux",
  TARGETARCH: "amd64",
  TARGETVARIANT: "",
};

export interface StageState {
  config: ContainerConfig;
  top: Layer | null;
  diffIds: string[];
  history: HistoryEntry[];
  author: string;
  /** ARGs declared in this stage, in order, with the value each has. */
  args: Map<string, string | undefined>;
  /** Every build-arg name that some ARG consumed. */
  usedBuildArgs: Set<string>;
  base: Image | null;
}

export function newStageState(base: Image | null): StageState {
  const config: ContainerConfig = base ? clone(base.config.config) : { ...emptyContainerConfig(), Env: [`PATH=${DEFAULT_PATH}`] };
  if (!base) config.Env = [`PATH=${DEFAULT_PATH}`];
  return {
    config,
    top: base?.top ?? null,
    diffIds: base ? [...base.config.rootfs.diff_ids] : [],
    history: base ? clone(base.config.history) : [],
    author: base?.config.author ?? "",
    args: new Map(),
    usedBuildArgs: new Set(),
    base,
  };
}

export function envMap(s: StageState): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of s.config.Env ?? []) {
    const i = e.indexOf("=");
    m.set(i < 0 ? e : e.slice(0, i), i < 0 ? "" : e.slice(i + 1));
  }
  return m;
}

/** What `$VAR` expands to in the stage: declared ARGs with values, overridden by ENV. */
export function expansionEnv(s: StageState): Env {
  const m = new Map<string, string>();
  for (const [k, v] of s.args) if (v !== undefined) m.set(k, v);
  for (const [k, v] of envMap(s)) m.set(k, v);
  return m;
}

export function setEnv(s: StageState, key: string, value: string): void {
  const env = [...(s.config.Env ?? [])];
  const i = env.findIndex((e) => e.split("=")[0] === key);
  if (i >= 0) env[i] = `${key}=${value}`;
  else env.push(`${key}=${value}`);
  s.config.Env = env;
}

/** ARGs with values that a RUN sees as environment (not overridden by ENV), in declaration order. */
export function runArgs(s: StageState): [string, string][] {
  const env = envMap(s);
  const out: [string, string][] = [];
  for (const [k, v] of s.args) if (v !== undefined && !env.has(k)) out.push([k, v]);
  return out;
}

/** Go's fmt %q of a []string: ["a" "b"]. */
export function goQuoteList(xs: readonly string[]): string {
  return "[" + xs.map((x) => JSON.stringify(x)).join(" ") + "]";
}

/** The command a RUN/CMD/ENTRYPOINT runs: exec form as is, shell form behind SHELL. */
export function commandLine(s: StageState, ins: { cmdLine: string[]; prependShell: boolean }): string[] {
  if (!ins.prependShell) return ins.cmdLine;
  return [...(s.config.Shell ?? DEFAULT_SHELL), ins.cmdLine.join(" ")];
}

/** The WORKDIR an instruction sets, resolved against the current one. */
export function resolveWorkdir(current: string, p: string): string {
  const abs = p.startsWith("/") ? p : `${current || "/"}/${p}`;
  const parts: string[] = [];
  for (const c of abs.split("/")) {
    if (c === "" || c === ".") continue;
    if (c === "..") parts.pop();
    else parts.push(c);
  }
  return "/" + parts.join("/");
}

const word = (s: StageState, w: string, escape: string) => processWord(w, expansionEnv(s), escape);

/**
 * Applies a metadata instruction to the stage config (both builders). Returns the history text
 * BuildKit records for it, or null for instructions this does not handle (RUN, COPY, ADD).
 */
export function applyMetadata(s: StageState, ins: Instruction, escape: string): string | null {
  const c = s.config;
  switch (ins.kind) {
    case "ENV": {
      const parts: string[] = [];
      for (const kv of ins.env) {
        const k = word(s, kv.key, escape);
        const v = word(s, kv.value, escape);
        parts.push(`${k}=${v}`);
        setEnv(s, k, v);
      }
      return `ENV ${parts.join(" ")}`;
    }
    case "LABEL": {
      const parts: string[] = [];
      c.Labels = { ...(c.Labels ?? {}) };
      for (const kv of ins.labels) {
        const k = word(s, kv.key, escape);
        const v = word(s, kv.value, escape);
        c.Labels[k] = v;
        parts.push(`${k}=${v}`);
      }
      return `LABEL ${parts.join(" ")}`;
    }
    case "MAINTAINER":
      s.author = ins.maintainer;
      return `MAINTAINER ${ins.maintainer}`;
    case "EXPOSE": {
      const ports: Record<string, Record<string, never>> = { ...(c.ExposedPorts ?? {}) };
      for (const p of ins.ports) {
        const w = word(s, p, escape);
        const [port, proto] = w.split("/");
        ports[`${port}/${(proto || "tcp").toLowerCase()}`] = {};
      }
      c.ExposedPorts = ports;
      const keys = Object.keys(ports).sort();
      return `EXPOSE map[${keys.map((k) => `${k}:{}`).join(" ")}]`;
    }
    case "VOLUME": {
      c.Volumes = { ...(c.Volumes ?? {}) };
      const vols = ins.volumes.map((v) => word(s, v, escape));
      for (const v of vols) c.Volumes[v] = {};
      return `VOLUME [${vols.join(" ")}]`;
    }
    case "USER":
      c.User = word(s, ins.user, escape);
      return `USER ${c.User}`;
    case "WORKDIR":
      c.WorkingDir = resolveWorkdir(c.WorkingDir, word(s, ins.path, escape));
      return `WORKDIR ${c.WorkingDir}`;
    case "STOPSIGNAL":
      c.StopSignal = word(s, ins.signal, escape);
      return `STOPSIGNAL ${c.StopSignal}`;
    case "SHELL":
      c.Shell = [...ins.shell];
      // moby formats it with %v, not %q
      return `SHELL [${ins.shell.join(" ")}]`;
    case "CMD":
      c.Cmd = commandLine(s, ins);
      return `CMD ${goQuoteList(c.Cmd)}`;
    case "ENTRYPOINT":
      c.Entrypoint = ins.cmdLine.length === 0 && ins.prependShell ? null : commandLine(s, ins);
      if (ins.cmdLine.length === 0 && !ins.prependShell) c.Entrypoint = null;
      // a new ENTRYPOINT resets the CMD inherited from the base image
      if (!cmdSetInStage.has(s)) c.Cmd = null;
      return `ENTRYPOINT ${goQuoteList(c.Entrypoint ?? [])}`;
    case "ONBUILD":
      c.OnBuild = [...(c.OnBuild ?? []), ins.expression];
      return `ONBUILD ${ins.expression}`;
    case "HEALTHCHECK":
      c.Healthcheck = { Test: ins.test };
      if (ins.interval) c.Healthcheck.Interval = ins.interval;
      if (ins.timeout) c.Healthcheck.Timeout = ins.timeout;
      if (ins.startPeriod) c.Healthcheck.StartPeriod = ins.startPeriod;
      if (ins.retries) c.Healthcheck.Retries = ins.retries;
      return `HEALTHCHECK &{${goQuoteList(ins.test)} "${goDuration(ins.interval)}" "${goDuration(ins.timeout)}" "${goDuration(ins.startPeriod)}" "${goDuration(ins.startInterval)}" '${ins.retries}'}`;
    default:
      return null;
  }
}

/** Stages in which CMD was set (so that a later ENTRYPOINT keeps it). */
export const cmdSetInStage = new WeakSet<StageState>();

export function goDuration(ns: number): string {
  if (ns === 0) return "0s";
  const s = ns / 1e9;
  if (s >= 3600) return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m${s % 60}s`;
  if (s >= 60) return `${Math.floor(s / 60)}m${s % 60}s`;
  return `${s}s`;
}

/** The ImageConfig a finished stage becomes. */
export function imageConfigOf(s: StageState, created: string, extra: Partial<ImageConfig> = {}): ImageConfig {
  const cfg: ImageConfig = {
    architecture: "amd64",
    os: "linux",
    ...(s.author ? { author: s.author } : {}),
    created,
    config: s.config,
    ...extra,
    history: s.history,
    rootfs: { type: "layers", diff_ids: s.diffIds },
  };
  return cfg;
}

/** A deep copy of plain data. */
export function clone<T>(x: T): T {
  return x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T);
}
