/**
 * The containers view's model: Docker's container state diagram (the states moby's
 * container/state.go knows and the commands and events that move between them), every container
 * placed on it with the way it came since the previous redraw, and each container's processes,
 * mounts and resource limits.
 */
import { containerStatus } from "../cli/formatter/units";
import type { Container } from "../daemon/container/container";
import { ZERO_TIME, type StateStatus } from "../daemon/container/state";
import type { Daemon } from "../daemon/daemon";
import type { DaemonEvent } from "../daemon/events";
import { familiar } from "../daemon/images/lookup";
import { newestFirst } from "../daemon/list";
import { containerStats } from "../daemon/stats";
import { containerProcesses } from "../daemon/top";

/** A node of the state diagram; x and y are in diagram units (the view scales them). */
export interface StateNode {
  id: StateStatus;
  x: number;
  y: number;
}

export interface StateEdge {
  from: StateStatus;
  to: StateStatus;
  /** What takes a container along the edge: a command, or the main process exiting. */
  label: string;
}

/** Width and height of the diagram in its own units. */
export const DIAGRAM_SIZE = { width: 600, height: 300 };

/** Docker's states, laid out left (new) to right (gone). */
export const STATE_NODES: readonly StateNode[] = [
  { id: "created", x: 70, y: 150 },
  { id: "running", x: 250, y: 150 },
  { id: "paused", x: 250, y: 40 },
  { id: "restarting", x: 250, y: 260 },
  { id: "exited", x: 430, y: 150 },
  { id: "removing", x: 530, y: 40 },
  { id: "dead", x: 530, y: 260 },
];

export const STATE_EDGES: readonly StateEdge[] = [
  { from: "created", to: "running", label: "start" },
  { from: "running", to: "paused", label: "pause" },
  { from: "paused", to: "running", label: "unpause" },
  { from: "running", to: "exited", label: "stop, kill, exit" },
  { from: "exited", to: "running", label: "start, restart" },
  { from: "running", to: "restarting", label: "exit + restart policy" },
  { from: "restarting", to: "running", label: "restart" },
  { from: "restarting", to: "exited", label: "stop" },
  { from: "created", to: "removing", label: "rm" },
  { from: "exited", to: "removing", label: "rm" },
  { from: "running", to: "removing", label: "rm -f" },
  { from: "removing", to: "dead", label: "removal failed" },
];

export interface ProcessRow {
  /** PID on the host. */
  pid: number;
  /** PID inside the container's PID namespace. */
  nsPid: number;
  uid: number;
  /** R running, S sleeping, T stopped (a paused container's processes are frozen), Z zombie. */
  state: string;
  command: string;
}

export interface MountRow {
  type: "bind" | "volume" | "tmpfs";
  /** Volume name, or the host path of a bind mount ("" for tmpfs). */
  source: string;
  destination: string;
  rw: boolean;
}

export interface Limits {
  /** Bytes (0: no limit). */
  memory: number;
  memorySwap: number;
  /** CPUs (--cpus), 0 when unlimited. */
  cpus: number;
  cpuShares: number;
  pidsLimit: number | null;
  readonlyRootfs: boolean;
  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  /** What the container uses now (running containers only). */
  usage: { memory: number; memoryLimit: number; pids: number; cpuPercent: number } | null;
}

export interface ContainerCard {
  id: string;
  shortId: string;
  name: string;
  image: string;
  command: string;
  status: StateStatus;
  /** `docker ps`'s STATUS column: "Up 2 minutes", "Exited (0) 3 seconds ago", "Created". */
  statusText: string;
  exitCode: number;
  oomKilled: boolean;
  restartPolicy: string;
  restartCount: number;
  health: string | null;
  /** States passed through since the previous model, oldest first, ending at `status`. */
  trail: StateStatus[];
  processes: ProcessRow[];
  mounts: MountRow[];
  limits: Limits;
}

/** A container that went away since the previous model (`docker rm`, `--rm`). */
export interface RemovedCard {
  id: string;
  shortId: string;
  name: string;
  /** States it passed through since the previous model, ending with "removing". */
  trail: StateStatus[];
}

export interface ContainersModel {
  containers: ContainerCard[];
  removed: RemovedCard[];
  /** How many containers are in each state. */
  counts: Record<StateStatus, number>;
  /** Whether anything shown changes with time alone (uptimes, restarts): redraw on a timer. */
  live: boolean;
  /** Where the next model continues: the last daemon event seen and the states shown. */
  since: ContainersCursor;
}

export interface ContainersCursor {
  lastEvent: DaemonEvent | null;
  statuses: Map<string, { status: StateStatus; name: string }>;
}

const ms = (t: string) => (t && t !== ZERO_TIME ? Date.parse(t) : 0);

function eventsSince(d: Daemon, last: DaemonEvent | null): DaemonEvent[] {
  const log = d.events.log;
  if (!last) return log.filter((e) => e.Type === "container");
  const i = log.lastIndexOf(last);
  return (i < 0 ? log : log.slice(i + 1)).filter((e) => e.Type === "container");
}

/** The states a container's events lead through, from `start` (null for a container not seen before). */
function trailOf(events: DaemonEvent[], start: StateStatus | null, restarts: boolean): StateStatus[] {
  const out: StateStatus[] = start ? [start] : [];
  const push = (s: StateStatus) => {
    if (out[out.length - 1] !== s) out.push(s);
  };
  events.forEach((e, i) => {
    switch (e.Action) {
      case "create":
        push("created");
        break;
      case "start":
      case "unpause":
        push("running");
        break;
      case "pause":
        push("paused");
        break;
      case "die": {
        const next = events.slice(i + 1).find((x) => x.Action === "start" || x.Action === "destroy");
        push(restarts && next?.Action === "start" ? "restarting" : "exited");
        break;
      }
      case "destroy":
        push("removing");
        break;
    }
  });
  return out;
}

const restartsByPolicy = (c: Container) => ["always", "unless-stopped", "on-failure"].includes(c.hostConfig.RestartPolicy.Name) && !c.manualStop;

function card(d: Daemon, c: Container, events: DaemonEvent[], before: StateStatus | null): ContainerCard {
  const s = c.state;
  const img = d.images.get(c.image);
  const tags = img ? d.images.tagsOf(img.id) : [];
  const trail = trailOf(events, before, restartsByPolicy(c) || s.Restarting);
  if (trail[trail.length - 1] === "exited" && s.Status === "restarting") trail[trail.length - 1] = "restarting";
  if (trail[trail.length - 1] !== s.Status) trail.push(s.Status);
  const stats = s.Running && c.process ? containerStats(d, c) : null;
  const hc = c.hostConfig;
  return {
    id: c.id,
    shortId: c.shortId,
    name: c.name,
    image: tags.length ? c.config.Image || familiar(tags[0]) : c.image.replace(/^sha256:/, "").slice(0, 12),
    command: [c.path, ...c.args].join(" "),
    status: s.Status,
    statusText: containerStatus(
      { running: s.Running, paused: s.Paused, restarting: s.Restarting, dead: s.Dead, removalInProgress: s.Status === "removing", exitCode: s.ExitCode, startedAt: ms(s.StartedAt), finishedAt: ms(s.FinishedAt), health: s.Health?.Status },
      d.now(),
    ),
    exitCode: s.ExitCode,
    oomKilled: s.OOMKilled,
    restartPolicy: hc.RestartPolicy.Name || "no",
    restartCount: c.restartCount,
    health: s.Health?.Status ?? null,
    trail,
    processes: containerProcesses(d, c).map((p) => ({ pid: p.pid, nsPid: p.nsPid, uid: p.cred.uid, state: s.Paused ? "T" : p.state, command: p.argv.join(" ") })),
    mounts: [
      ...c.mounts.map((m): MountRow => ({ type: m.Type, source: m.Type === "volume" ? (m.Name ?? m.Source) : m.Type === "bind" ? m.Source : "", destination: m.Destination, rw: m.RW })),
      ...Object.keys(hc.Tmpfs ?? {}).map((t): MountRow => ({ type: "tmpfs", source: "", destination: t, rw: true })),
    ],
    limits: {
      memory: hc.Memory,
      memorySwap: hc.MemorySwap,
      cpus: hc.NanoCpus / 1e9,
      cpuShares: hc.CpuShares,
      pidsLimit: hc.PidsLimit && hc.PidsLimit > 0 ? hc.PidsLimit : null,
      readonlyRootfs: hc.ReadonlyRootfs,
      privileged: hc.Privileged,
      capAdd: hc.CapAdd ?? [],
      capDrop: hc.CapDrop ?? [],
      usage: stats ? { memory: stats.memUsage, memoryLimit: stats.memLimit, pids: stats.pids, cpuPercent: stats.cpuPercent } : null,
    },
  };
}

/**
 * Every container, newest first, with the states it passed through since `since` (the previous
 * model's cursor; omit it for a first drawing, where each trail starts at creation).
 */
export function containersView(d: Daemon, since?: ContainersCursor): ContainersModel {
  const events = eventsSince(d, since?.lastEvent ?? null);
  const byId = new Map<string, DaemonEvent[]>();
  for (const e of events) {
    const list = byId.get(e.Actor.ID) ?? [];
    list.push(e);
    byId.set(e.Actor.ID, list);
  }
  const containers = newestFirst(d).map((c) => {
    const prev = since?.statuses.get(c.id)?.status ?? null;
    // first drawing: a container's trail is its current state alone unless events tell more
    return card(d, c, byId.get(c.id) ?? [], prev);
  });
  const removed: RemovedCard[] = [];
  const seenRemoved = new Set<string>();
  for (const [id, list] of byId) {
    if (d.containers.has(id) || !list.some((e) => e.Action === "destroy")) continue;
    const prev = since?.statuses.get(id);
    const name = prev?.name ?? list.find((e) => e.Actor.Attributes.name)?.Actor.Attributes.name ?? id.slice(0, 12);
    const trail = trailOf(list, prev?.status ?? null, false);
    removed.push({ id, shortId: id.slice(0, 12), name, trail });
    seenRemoved.add(id);
  }
  // gone without an event in the window (the log was trimmed): still say so
  for (const [id, prev] of since?.statuses ?? []) {
    if (d.containers.has(id) || seenRemoved.has(id)) continue;
    removed.push({ id, shortId: id.slice(0, 12), name: prev.name, trail: [prev.status, "removing"] });
  }
  const counts: Record<StateStatus, number> = { created: 0, running: 0, paused: 0, restarting: 0, removing: 0, exited: 0, dead: 0 };
  for (const c of containers) counts[c.status]++;
  const statuses = new Map(containers.map((c) => [c.id, { status: c.status, name: c.name }]));
  return {
    containers,
    removed,
    counts,
    live: containers.some((c) => c.status === "running" || c.status === "paused" || c.status === "restarting"),
    since: { lastEvent: d.events.log.at(-1) ?? null, statuses },
  };
}

/** Where a later model continues from: the daemon as it is now (cheaper than a whole model). */
export function containersCursor(d: Daemon): ContainersCursor {
  return { lastEvent: d.events.log.at(-1) ?? null, statuses: new Map([...d.containers.values()].map((c) => [c.id, { status: c.state.Status, name: c.name }])) };
}

/** The edge a step of a trail takes, if the diagram has one. */
export function edgeOf(from: StateStatus, to: StateStatus): StateEdge | null {
  return STATE_EDGES.find((e) => e.from === from && e.to === to) ?? null;
}
