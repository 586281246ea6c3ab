/**
 * buildx's builder instances, kept where buildx keeps them: one JSON file per instance under
 * ~/.docker/buildx/instances/, the current one in ~/.docker/buildx/current, and a builder's last
 * activity under ~/.docker/buildx/activity/ (written when it has booted). The `default` builder
 * (the engine's own BuildKit, driver `docker`) always exists and has no file.
 *
 * A docker-container builder is BuildKit in a container (`buildx_buildkit_<name>0`, image
 * moby/buildkit:buildx-stable-1). The simulation boots it without making that container, so it
 * is not in `docker ps` (see docs/differences.md).
 */
import { rfc3339 } from "../../../daemon/container/state";
import type { Daemon } from "../../../daemon/daemon";
import { LayerStore } from "../../../snapshots/layers";
import { text } from "../../../util/bytes";
import type { CliEnv } from "../../command";
import { configDir } from "../distribution/auth";

export const BUILDX_VERSION = "github.com/docker/buildx v0.24.0 d0e5e86c8b88ae4865040bc96917c338f4dd673c";
/** The BuildKit a docker-container builder runs (moby/buildkit:buildx-stable-1 when buildx 0.24 came out). */
export const BUILDKIT_CONTAINER_VERSION = "v0.22.0";
/** The `default` builder's BuildKit version: a 20.10 engine does not report it (BuildKit's Info API came later), so buildx shows none. */
export const BUILDKIT_ENGINE_VERSION = "";
/** What a builder on this x86-64 host can run (no QEMU registered). */
export const HOST_BUILD_PLATFORMS = ["linux/amd64", "linux/amd64/v2", "linux/amd64/v3", "linux/386"];
export const DOCKER_ENDPOINT = "unix:///var/run/docker.sock";

export interface BuilderNode {
  Name: string;
  Endpoint: string;
  Platforms: null;
  Flags: null;
  DriverOpts: null;
  Files: null;
}

export interface Builder {
  Name: string;
  Driver: "docker" | "docker-container";
  Nodes: BuilderNode[];
  Dynamic: boolean;
}

export const DEFAULT_BUILDER: Builder = {
  Name: "default",
  Driver: "docker",
  Nodes: [{ Name: "default", Endpoint: "default", Platforms: null, Flags: null, DriverOpts: null, Files: null }],
  Dynamic: false,
};

const dir = (env: CliEnv) => `${configDir(env)}/buildx`;

function mkdirs(env: CliEnv, path: string): void {
  const parts = path.split("/").filter(Boolean);
  let at = "";
  for (const p of parts) {
    at += "/" + p;
    if (!env.ctx.fs.exists(at)) env.ctx.fs.mkdir(at, 0o755);
  }
}

function readJSON<T>(env: CliEnv, path: string): T | null {
  try {
    return JSON.parse(text(env.ctx.fs.readFile(path))) as T;
  } catch {
    return null;
  }
}

/** Every builder instance: the files under instances/, then `default`, sorted as buildx ls lists them. */
export function builders(env: CliEnv): Builder[] {
  const d = `${dir(env)}/instances`;
  const out: Builder[] = [];
  if (env.ctx.fs.exists(d)) {
    for (const n of env.ctx.fs.readdir(d).sort()) {
      const b = readJSON<Builder>(env, `${d}/${n}`);
      if (b) out.push(b);
    }
  }
  return [...out, DEFAULT_BUILDER];
}

export function findBuilder(env: CliEnv, name: string): Builder | null {
  return builders(env).find((b) => b.Name === name) ?? null;
}

/** The builder a command uses: --builder, $BUILDX_BUILDER, the current one, or `default`. */
export function currentName(env: CliEnv): string {
  const cur = readJSON<{ Name?: string }>(env, `${dir(env)}/current`);
  const name = cur?.Name ?? "";
  return name && findBuilder(env, name) ? name : "default";
}

export function selectedBuilder(env: CliEnv, flag: string): Builder | { error: string } {
  const name = flag || env.ctx.env.BUILDX_BUILDER || currentName(env);
  return findBuilder(env, name) ?? { error: `no builder ${JSON.stringify(name)} found` };
}

export function saveBuilder(env: CliEnv, b: Builder): void {
  mkdirs(env, `${dir(env)}/instances`);
  env.ctx.fs.writeFile(`${dir(env)}/instances/${b.Name}`, JSON.stringify(b));
}

export function setCurrent(env: CliEnv, name: string): void {
  mkdirs(env, dir(env));
  env.ctx.fs.writeFile(`${dir(env)}/current`, JSON.stringify({ Key: DOCKER_ENDPOINT, Name: name === "default" ? "" : name, Global: false }));
}

export function removeBuilder(env: CliEnv, name: string): void {
  forgetBuilderLayers(env.daemon, name);
  for (const f of [`${dir(env)}/instances/${name}`, `${dir(env)}/activity/${name}`]) if (env.ctx.fs.exists(f)) env.ctx.fs.unlink(f);
  if (readJSON<{ Name?: string }>(env, `${dir(env)}/current`)?.Name === name) setCurrent(env, "default");
}

/** Whether a builder is up: `default` always; a docker-container builder once it has booted. */
export function booted(env: CliEnv, b: Builder): boolean {
  return b.Driver === "docker" || env.ctx.fs.exists(`${dir(env)}/activity/${b.Name}`);
}

export function markActivity(env: CliEnv, b: Builder): void {
  if (b.Driver === "docker") return;
  mkdirs(env, `${dir(env)}/activity`);
  env.ctx.fs.writeFile(`${dir(env)}/activity/${b.Name}`, rfc3339(env.daemon.now()));
}

export function lastActivity(env: CliEnv, b: Builder): string | null {
  const f = `${dir(env)}/activity/${b.Name}`;
  return env.ctx.fs.exists(f) ? text(env.ctx.fs.readFile(f)) : null;
}

/** The name buildx generates for `docker buildx create` without --name (adjective_surname, as containers get). */
export function generatedName(env: CliEnv): string {
  const taken = new Set(builders(env).map((b) => b.Name));
  const adjectives = ["eager", "elated", "festive", "gifted", "hopeful", "jolly", "nifty", "quirky", "sharp", "zealous"];
  const names = ["goldberg", "tesla", "curie", "lovelace", "hopper", "turing", "noether", "babbage", "ritchie", "thompson"];
  for (let i = 0; ; i++) {
    const n = `${adjectives[i % adjectives.length]}_${names[Math.floor(i / adjectives.length) % names.length]}${i >= 100 ? i : ""}`;
    if (!taken.has(n)) return n;
  }
}

/**
 * A docker-container builder's own layer store: BuildKit in its container keeps the layers it
 * pulls and makes apart from the engine's, so a later `docker pull` of what it pushed downloads
 * them (kept beside the daemon, not in a saved host).
 */
const stores = new WeakMap<Daemon, Map<string, LayerStore>>();

export function builderLayers(d: Daemon, name: string): LayerStore {
  let m = stores.get(d);
  if (!m) stores.set(d, (m = new Map()));
  let s = m.get(name);
  if (!s) m.set(name, (s = new LayerStore()));
  return s;
}

export function forgetBuilderLayers(d: Daemon, name: string): void {
  stores.get(d)?.delete(name);
}
