/**
 * What `docker compose` does to the engine, following Compose v2 (2.29): networks and volumes
 * named `<project>_<key>` with the com.docker.compose.* labels, containers named
 * `<project>-<service>-<n>` (or container_name) created in dependency order with Compose's
 * labels and DNS aliases (the container's name, the service's name and the network's aliases),
 * images pulled (from the catalog) or built (`<project>-<service>`), and the progress events
 * Compose prints for each step ("Container app-web-1  Created").
 */
import type { ContainerConfig } from "../api/types";
import { build as runBuild } from "../builder/index";
import { readContext } from "../builder/context";
import type { Container, HostConfig, MountSpec } from "../daemon/container/container";
import { containerCreate, type CreateRequest } from "../daemon/create";
import type { Daemon } from "../daemon/daemon";
import { removeContainerNow } from "../daemon/delete";
import { isDaemonError } from "../daemon/errdefs";
import { lookupImage, parseRefOrThrow } from "../daemon/images/lookup";
import { tagNameOnly } from "../api/reference";
import { pull } from "../distribution/transfer";
import { imageDelete } from "../daemon/images/delete";
import { networkConnect } from "../daemon/network/connect";
import { networkRemove } from "../daemon/network/manage";
import { containerStart } from "../daemon/start";
import { containerStop } from "../daemon/stop";
import { volumeUsers } from "../daemon/volume/manage";
import type { Vfs } from "../runtime/vfs";
import type { Writable } from "../runtime/streams";
import { sha256Hex } from "../util/sha256";
import { dependencyOrder } from "./load";
import { COMPOSE_VERSION, ComposeError, LABELS, type Project, type Service } from "./types";

/** Where Compose's progress events go: plain lines (`--progress plain`), or nowhere (quiet). */
export class Progress {
  constructor(
    private readonly out: Writable,
    readonly mode: "plain" | "quiet",
  ) {}

  /** A resource's state: " Container app-web-1  Created" (ID, empty text, status text). */
  async event(id: string, status: string): Promise<void> {
    if (this.mode === "quiet") return;
    await this.out.write(` ${id}  ${status}\n`);
  }

  /** An event with text and no status text (pulls): " db Pulling ". */
  async text(id: string, text: string): Promise<void> {
    if (this.mode === "quiet") return;
    await this.out.write(` ${id} ${text} \n`);
  }
}

export function containerName(p: Project, s: Service, n: number): string {
  return s.container_name ?? `${p.name}-${s.name}-${n}`;
}

export function imageName(p: Project, s: Service): string {
  return s.image ?? `${p.name}-${s.name}`;
}

/** The project's containers (not one-off ones unless asked), ordered by service then number. */
export function projectContainers(d: Daemon, project: string, opts: { oneoff?: boolean; services?: string[] } = {}): Container[] {
  return [...d.containers.values()]
    .filter((c) => c.config.Labels?.[LABELS.project] === project)
    .filter((c) => opts.oneoff || c.config.Labels?.[LABELS.oneoff] !== "True")
    .filter((c) => !opts.services?.length || opts.services.includes(c.config.Labels?.[LABELS.service] ?? ""))
    .sort((a, b) => {
      const sa = a.config.Labels?.[LABELS.service] ?? "";
      const sb = b.config.Labels?.[LABELS.service] ?? "";
      if (sa !== sb) return sa < sb ? -1 : 1;
      return Number(a.config.Labels?.[LABELS.number] ?? 0) - Number(b.config.Labels?.[LABELS.number] ?? 0);
    });
}

export function serviceOf(c: Container): string {
  return c.config.Labels?.[LABELS.service] ?? "";
}

/** The name Compose shows in logs: the container's name without the project prefix (unless container_name). */
export function logName(c: Container): string {
  const l = c.config.Labels ?? {};
  const def = `${l[LABELS.project]}-${l[LABELS.service]}-${l[LABELS.number]}`;
  return c.name === def ? c.name.slice((l[LABELS.project] ?? "").length + 1) : c.name;
}

function sortedJSON(v: unknown): string {
  if (Array.isArray(v)) return "[" + v.map(sortedJSON).join(",") + "]";
  if (v && typeof v === "object") return "{" + Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => JSON.stringify(k) + ":" + sortedJSON((v as Record<string, unknown>)[k])).join(",") + "}";
  return JSON.stringify(v);
}

/** com.docker.compose.config-hash: a digest of the service's configuration. */
export function serviceHash(s: Service): string {
  return sha256Hex(sortedJSON(s));
}

function durationSeconds(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? "s";
  return Math.round(unit === "ms" ? n / 1000 : unit === "m" ? n * 60 : unit === "h" ? n * 3600 : n);
}

function durationNs(s: string | undefined): number | undefined {
  const sec = s === undefined ? undefined : durationSeconds(s);
  return sec === undefined ? undefined : sec * 1e9;
}

export interface EngineIO {
  d: Daemon;
  fs: Vfs;
  progress: Progress;
  /** Build output (BuildKit's plain progress) and errors. */
  stderr: Writable;
  stdout: Writable;
  /** Warnings as Compose logs them. */
  warn(msg: string): Promise<void>;
}

// --- networks and volumes ---

export async function ensureNetworks(io: EngineIO, p: Project, used: Service[]): Promise<void> {
  const keys = new Set(used.flatMap((s) => (s.network_mode ? [] : Object.keys(s.networks))));
  for (const key of [...keys].sort()) {
    const n = p.networks[key];
    if (!n) continue;
    const existing = io.d.networks.find(n.name);
    if (n.external) {
      if (!existing || existing.Name !== n.name) throw new ComposeError(`network ${n.name} declared as external, but could not be found`);
      continue;
    }
    if (existing && existing.Name === n.name) {
      const l = existing.Labels ?? {};
      if (l[LABELS.project] === undefined) await io.warn(`a network with name ${n.name} exists but was not created by compose.\nSet \`external: true\` to use an existing network`);
      else if (l[LABELS.network] !== key) throw new ComposeError(`network ${n.name} was found but has incorrect label ${LABELS.network} set to "${l[LABELS.network] ?? ""}"`);
      continue;
    }
    const ev = `Network ${n.name}`;
    await io.progress.event(ev, "Creating");
    io.d.networks.create(n.name, { driver: n.driver, labels: { ...n.labels, [LABELS.network]: key, [LABELS.project]: p.name, [LABELS.version]: COMPOSE_VERSION } });
    await io.progress.event(ev, "Created");
  }
}

export async function ensureVolumes(io: EngineIO, p: Project, used: Service[]): Promise<void> {
  const keys = new Set(used.flatMap((s) => s.volumes.filter((v) => v.type === "volume" && v.source).map((v) => v.source)));
  for (const key of [...keys].sort()) {
    const v = p.volumes[key];
    if (!v) continue;
    const existing = io.d.volumes.find(v.name);
    if (v.external) {
      if (!existing) throw new ComposeError(`external volume "${v.name}" not found`);
      continue;
    }
    if (existing) {
      const proj = existing.Labels?.[LABELS.project];
      if (proj === undefined) await io.warn(`volume "${v.name}" already exists but was not created by Docker Compose. Use \`external: true\` to use an existing volume`);
      else if (proj !== p.name) await io.warn(`volume "${v.name}" already exists but was created for project "${proj}" (expected "${p.name}"). Use \`external: true\` to use an existing volume`);
      continue;
    }
    const ev = `Volume "${v.name}"`;
    await io.progress.event(ev, "Creating");
    io.d.volumes.create(v.name, { labels: { ...v.labels, [LABELS.project]: p.name, [LABELS.version]: COMPOSE_VERSION, [LABELS.volume]: key } });
    await io.progress.event(ev, "Created");
  }
}

// --- images ---

/** Build a service's image with BuildKit (plain progress on stderr). */
export async function buildService(io: EngineIO, p: Project, s: Service, env: Record<string, string>): Promise<void> {
  const b = s.build!;
  const dockerfilePath = b.dockerfile.startsWith("/") ? b.dockerfile : `${b.context}/${b.dockerfile}`;
  let dockerfile: string;
  try {
    if (io.fs.stat(b.context).type !== "dir") throw new Error("not a directory");
  } catch {
    throw new ComposeError(`unable to prepare context: path "${b.context}" not found`, 17);
  }
  try {
    dockerfile = new TextDecoder().decode(io.fs.readFile(dockerfilePath));
  } catch {
    throw new ComposeError(`failed to solve: failed to read dockerfile: open ${b.dockerfile}: no such file or directory`, 17);
  }
  const buildArgs = new Map<string, string | null>();
  for (const [k, v] of Object.entries(b.args)) buildArgs.set(k, v ?? env[k] ?? null);
  const tag = imageName(p, s);
  const r = await runBuild(io.d, {
    builder: "buildkit",
    progressMode: "plain",
    dockerfile,
    dockerfileName: b.dockerfile.split("/").pop() ?? "Dockerfile",
    source: dockerfilePath,
    context: readContext(io.fs, b.context, b.dockerfile.split("/").pop() ?? "Dockerfile"),
    dockerfileInContext: true,
    tags: [tag],
    buildArgs,
    target: b.target,
    noCache: false,
    labels: { [LABELS.project]: p.name, [LABELS.service]: s.name, [LABELS.version]: COMPOSE_VERSION },
    quiet: false,
    progress: io.stderr,
    stdout: io.stdout,
    stderr: io.stderr,
  });
  if (!r.imageId) throw new ComposeError(`failed to solve: process did not complete successfully`, 17);
}

/** Images for the services: build those with a build section when missing (or always, with --build), pull the others when missing. */
export async function ensureImages(io: EngineIO, p: Project, services: Service[], opts: { build: boolean; env: Record<string, string> }): Promise<void> {
  for (const s of services) {
    const name = imageName(p, s);
    const present = lookupImage(io.d, name);
    if (s.build && (opts.build || !present)) {
      await buildService(io, p, s, opts.env);
      continue;
    }
    if (present) continue;
    await io.progress.text(s.name, "Pulling");
    try {
      // from the simulated registries, as the engine pulls (the per-layer lines are not printed)
      await pull(io.d, tagNameOnly(parseRefOrThrow(name)), { creds: null }, async () => {});
    } catch (e) {
      await io.progress.text(s.name, "Error");
      throw new ComposeError(isDaemonError(e) ? `Error response from daemon: ${e.message}` : e instanceof Error ? e.message : String(e), 18);
    }
    await io.progress.text(s.name, "Pulled");
  }
}

// --- containers ---

export interface CreateOptions {
  oneoff?: { slug: string; command?: string[]; entrypoint?: string[]; env?: string[]; tty?: boolean; interactive?: boolean; name?: string; user?: string; workdir?: string; ports: boolean; rm: boolean; labels?: Record<string, string> };
}

/** The create request for a service's container number `n` (moby's API call Compose makes). */
export function createRequest(p: Project, s: Service, n: number, opts: CreateOptions = {}): { req: CreateRequest; extraNetworks: Array<{ name: string; aliases: string[] }> } {
  const one = opts.oneoff;
  const name = one ? (one.name ?? `${p.name}-${s.name}-run-${one.slug.slice(0, 12)}`) : containerName(p, s, n);
  const env: string[] = Object.entries(s.environment)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${v}`);
  for (const e of one?.env ?? []) env.push(e);
  const exposed: Record<string, Record<string, never>> = {};
  const bindings: HostConfig["PortBindings"] = {};
  for (const e of s.expose) exposed[e.includes("/") ? e : `${e}/tcp`] = {};
  if (!one || one.ports)
    for (const port of s.ports) {
      const key = `${port.target}/${port.protocol}`;
      exposed[key] = {};
      (bindings[key] ??= []).push({ HostIp: port.host_ip, HostPort: port.published });
    }
  const labels: Record<string, string> = {
    ...s.labels,
    [LABELS.configHash]: serviceHash(s),
    [LABELS.number]: String(n),
    [LABELS.dependsOn]: Object.entries(s.depends_on)
      .map(([k, d]) => `${k}:${d.condition}:${d.restart}`)
      .join(","),
    [LABELS.oneoff]: one ? "True" : "False",
    [LABELS.project]: p.name,
    [LABELS.workingDir]: p.workingDir,
    [LABELS.configFiles]: p.composeFiles.join(","),
    [LABELS.service]: s.name,
    [LABELS.version]: COMPOSE_VERSION,
    ...(one ? { [LABELS.slug]: one.slug } : {}),
    ...(one?.labels ?? {}),
  };
  const volumes: Record<string, Record<string, never>> = {};
  const binds: string[] = [];
  const mounts: MountSpec[] = [];
  for (const v of s.volumes) {
    if (v.type === "bind") binds.push(`${v.source}:${v.target}${v.read_only ? ":ro" : ":rw"}`);
    else if (v.type === "tmpfs") mounts.push({ Type: "tmpfs", Source: "", Target: v.target, ReadOnly: v.read_only });
    else if (!v.source) volumes[v.target] = {};
    else mounts.push({ Type: "volume", Source: p.volumes[v.source]?.name ?? v.source, Target: v.target, ReadOnly: v.read_only, ...(v.nocopy ? { NoCopy: true } : {}) });
  }
  const netKeys = s.network_mode ? [] : Object.keys(s.networks).sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a < b ? -1 : 1));
  const aliasesFor = (key: string) => [name, s.name, ...(s.networks[key]?.aliases ?? [])];
  const primary = netKeys[0];
  const networkMode = s.network_mode ?? (primary ? p.networks[primary].name : "none");
  const tty = one ? (one.tty ?? !!s.tty) : !!s.tty;
  const open = one ? (one.interactive ?? !!s.stdin_open) : !!s.stdin_open;
  const config: Partial<ContainerConfig> = {
    Hostname: s.hostname ?? "",
    User: one?.user ?? s.user ?? "",
    Tty: tty,
    OpenStdin: open,
    StdinOnce: false,
    AttachStdin: open,
    AttachStdout: true,
    AttachStderr: true,
    Env: env.length ? env : null,
    Cmd: one?.command ?? s.command ?? null,
    Entrypoint: one?.entrypoint ?? s.entrypoint ?? null,
    WorkingDir: one?.workdir ?? s.working_dir ?? "",
    Volumes: Object.keys(volumes).length ? volumes : null,
    Labels: labels,
    ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
    ...(s.stop_signal ? { StopSignal: s.stop_signal } : {}),
    ...(durationSeconds(s.stop_grace_period) !== undefined ? { StopTimeout: durationSeconds(s.stop_grace_period) } : {}),
  };
  if (s.healthcheck) {
    config.Healthcheck = {
      Test: s.healthcheck.test,
      ...(durationNs(s.healthcheck.interval) ? { Interval: durationNs(s.healthcheck.interval) } : {}),
      ...(durationNs(s.healthcheck.timeout) ? { Timeout: durationNs(s.healthcheck.timeout) } : {}),
      ...(durationNs(s.healthcheck.start_period) ? { StartPeriod: durationNs(s.healthcheck.start_period) } : {}),
      ...(s.healthcheck.retries ? { Retries: s.healthcheck.retries } : {}),
    };
  }
  const [policy, retries] = (s.restart ?? "no").split(":");
  const tmpfs: Record<string, string> = {};
  for (const t of s.tmpfs) tmpfs[t.split(":")[0]] = t.split(":")[1] ?? "";
  const hostConfig: Partial<HostConfig> = {
    Binds: binds.length ? binds : null,
    AutoRemove: false,
    RestartPolicy: { Name: (policy === "" ? "no" : policy) as HostConfig["RestartPolicy"]["Name"], MaximumRetryCount: Number(retries ?? 0) },
    NetworkMode: networkMode,
    PortBindings: bindings,
    Mounts: mounts,
    Init: s.init ? true : null,
    Privileged: !!s.privileged,
    ReadonlyRootfs: !!s.read_only,
    CapAdd: s.cap_add.length ? s.cap_add : null,
    CapDrop: s.cap_drop.length ? s.cap_drop : null,
    Dns: s.dns,
    ExtraHosts: s.extra_hosts.length ? s.extra_hosts : null,
    Tmpfs: Object.keys(tmpfs).length ? tmpfs : null,
  };
  const req: CreateRequest = {
    name,
    image: imageName(p, s),
    config,
    hostConfig,
    ...(primary ? { networkingConfig: { EndpointsConfig: { [p.networks[primary].name]: { Aliases: aliasesFor(primary) } } } } : {}),
  };
  return { req, extraNetworks: netKeys.slice(1).map((k) => ({ name: p.networks[k].name, aliases: aliasesFor(k) })) };
}

export async function createServiceContainer(io: EngineIO, p: Project, s: Service, n: number, opts: CreateOptions = {}): Promise<Container> {
  const { req, extraNetworks } = createRequest(p, s, n, opts);
  const ev = `Container ${req.name}`;
  if (!opts.oneoff) await io.progress.event(ev, "Creating");
  const img = lookupImage(io.d, req.image);
  let id: string;
  try {
    id = containerCreate(io.d, req, img).Id;
  } catch (e) {
    if (!opts.oneoff) await io.progress.event(ev, "Error");
    throw new ComposeError(isDaemonError(e) ? `Error response from daemon: ${e.message}` : e instanceof Error ? e.message : String(e));
  }
  for (const n2 of extraNetworks) networkConnect(io.d, n2.name, id, n2.aliases);
  if (!opts.oneoff) await io.progress.event(ev, "Created");
  return io.d.containers.get(id)!;
}

/** Wait for the condition a dependent service asks of `dep`'s containers. */
async function waitDependency(io: EngineIO, c: Container, condition: string): Promise<void> {
  const ev = `Container ${c.name}`;
  const sleep = (ms: number) => io.d.machine.sched.sleep(ms);
  if (condition === "service_healthy") {
    if (!c.config.Healthcheck) throw new ComposeError(`container ${c.name} has no healthcheck configured`);
    await io.progress.event(ev, "Waiting");
    for (;;) {
      const h = c.state.Health?.Status;
      if (h === "healthy") break;
      if (h === "unhealthy" || !c.state.Running) {
        await io.progress.event(ev, "Error");
        throw new ComposeError(`dependency failed to start: container ${c.name} is unhealthy`);
      }
      await sleep(500);
    }
    await io.progress.event(ev, "Healthy");
  } else if (condition === "service_completed_successfully") {
    await io.progress.event(ev, "Waiting");
    while (c.state.Running) await sleep(500);
    if (c.state.ExitCode !== 0) throw new ComposeError(`service "${serviceOf(c)}" didn't complete successfully: exit ${c.state.ExitCode}`);
    await io.progress.event(ev, "Exited");
  }
}

export async function startServiceContainers(io: EngineIO, p: Project, s: Service, containers: Container[]): Promise<void> {
  for (const [dep, d] of Object.entries(s.depends_on)) {
    if (d.condition === "service_started") continue;
    for (const c of projectContainers(io.d, p.name, { services: [dep] })) await waitDependency(io, c, d.condition);
  }
  for (const c of containers) {
    if (c.state.Running) continue;
    const ev = `Container ${c.name}`;
    await io.progress.event(ev, "Starting");
    try {
      containerStart(io.d, c);
    } catch (e) {
      await io.progress.event(ev, "Error");
      throw new ComposeError(isDaemonError(e) ? `Error response from daemon: ${e.message}` : e instanceof Error ? e.message : String(e));
    }
    await io.progress.event(ev, "Started");
  }
}

export async function stopContainers(io: EngineIO, cs: Container[], timeout?: number): Promise<void> {
  for (const c of cs) {
    const ev = `Container ${c.name}`;
    await io.progress.event(ev, "Stopping");
    await containerStop(io.d, c, timeout);
    await io.progress.event(ev, "Stopped");
  }
}

export async function removeContainers(io: EngineIO, cs: Container[], volumes: boolean): Promise<void> {
  for (const c of cs) {
    const ev = `Container ${c.name}`;
    await io.progress.event(ev, "Removing");
    removeContainerNow(io.d, c, volumes);
    await io.progress.event(ev, "Removed");
  }
}

/** `up`'s convergence: create or recreate what differs, in dependency order, then start. */
export async function converge(io: EngineIO, p: Project, selected: string[], opts: { build: boolean; noStart: boolean; forceRecreate: boolean; noDeps?: boolean; env: Record<string, string> }): Promise<Container[]> {
  const services = opts.noDeps && selected.length ? dependencyOrder(p, selected).filter((s) => selected.includes(s.name)) : dependencyOrder(p, selected);
  await ensureImages(io, p, services, opts);
  await ensureNetworks(io, p, services);
  await ensureVolumes(io, p, services);
  const plan: Array<{ s: Service; containers: Container[] }> = [];
  for (const s of services) {
    const existing = projectContainers(io.d, p.name, { services: [s.name] });
    const hash = serviceHash(s);
    const out: Container[] = [];
    if (existing.length === 0) out.push(await createServiceContainer(io, p, s, 1));
    for (const c of existing) {
      if (!opts.forceRecreate && c.config.Labels?.[LABELS.configHash] === hash && lookupImage(io.d, imageName(p, s))?.id === c.image) {
        if (c.state.Running) await io.progress.event(`Container ${c.name}`, "Running");
        out.push(c);
        continue;
      }
      const ev = `Container ${c.name}`;
      await io.progress.event(ev, "Recreate");
      await containerStop(io.d, c);
      removeContainerNow(io.d, c, false);
      const fresh = await createServiceContainerQuiet(io, p, s, Number(c.config.Labels?.[LABELS.number] ?? 1));
      await io.progress.event(ev, "Recreated");
      out.push(fresh);
    }
    plan.push({ s, containers: out });
  }
  if (!opts.noStart) for (const { s, containers } of plan) await startServiceContainers(io, p, s, containers);
  return plan.flatMap((x) => x.containers);
}

async function createServiceContainerQuiet(io: EngineIO, p: Project, s: Service, n: number): Promise<Container> {
  const quiet: EngineIO = { ...io, progress: new Progress(io.stderr, "quiet") };
  return createServiceContainer(quiet, p, s, n);
}

/** `down`: containers (reverse dependency order), networks, and with -v the named volumes. */
export async function down(io: EngineIO, p: Project, opts: { volumes: boolean; removeOrphans: boolean; rmi: "" | "all" | "local"; timeout?: number }): Promise<void> {
  const all = projectContainers(io.d, p.name, { oneoff: true });
  const known = new Set(p.services.map((s) => s.name));
  let found = all.length > 0;
  for (const s of [...dependencyOrder(p)].reverse()) {
    const cs = all.filter((c) => serviceOf(c) === s.name && c.config.Labels?.[LABELS.oneoff] !== "True");
    await stopContainers(io, cs.filter((c) => c.state.Running), opts.timeout);
    await removeContainers(io, cs, opts.volumes);
  }
  const orphans = all.filter((c) => !known.has(serviceOf(c)));
  if (orphans.length) {
    if (opts.removeOrphans) {
      await stopContainers(io, orphans.filter((c) => c.state.Running), opts.timeout);
      await removeContainers(io, orphans, false);
    } else await io.warn(`Found orphan containers ([${orphans.map((c) => c.name).join(" ")}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
  }
  for (const [key, n] of Object.entries(p.networks).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (n.external) continue;
    const net = io.d.networks.find(n.name);
    if (!net || net.Name !== n.name || net.Labels?.[LABELS.project] !== p.name || net.Labels?.[LABELS.network] !== key) continue;
    found = true;
    const ev = `Network ${n.name}`;
    await io.progress.event(ev, "Removing");
    try {
      networkRemove(io.d, n.name);
      await io.progress.event(ev, "Removed");
    } catch {
      await io.progress.event(ev, "Resource is still in use");
    }
  }
  if (opts.rmi) {
    for (const s of p.services) {
      if (opts.rmi === "local" && s.image) continue;
      const name = imageName(p, s);
      if (!lookupImage(io.d, name)) continue;
      found = true;
      const ev = `Image ${name}`;
      await io.progress.event(ev, "Removing");
      try {
        imageDelete(io.d, name, { force: false, prune: true });
        await io.progress.event(ev, "Removed");
      } catch {
        await io.progress.event(ev, "Resource is still in use");
      }
    }
  }
  if (opts.volumes) {
    for (const v of Object.values(p.volumes).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (v.external || !io.d.volumes.find(v.name)) continue;
      found = true;
      const ev = `Volume ${v.name}`;
      await io.progress.event(ev, "Removing");
      if (volumeUsers(io.d, v.name).length) await io.progress.event(ev, "Resource is still in use");
      else {
        io.d.volumes.volumes.delete(v.name);
        await io.progress.event(ev, "Removed");
      }
    }
  }
  if (!found) await io.warn(`Warning: No resource found to remove for project "${p.name}".`);
}

/** One-off container slug: 32 hex characters. */
export function newSlug(d: Daemon): string {
  return d.newId("compose-run").slice(0, 64);
}

export { networkRemove };
