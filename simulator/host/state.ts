/**
 * Saving and restoring a whole simulated host as JSON: host files, clock, images and layers,
 * containers (with their writable layers and logs), volumes, networks, generators and registry
 * content (what was pushed to the simulated Hub and to private registries). Lesson start
 * states, undo, permalinks and golden tests rest on this round trip.
 *
 * Processes cannot be saved mid-run: a container that was running is started again on load, from
 * its configuration, as a daemon restart with restart policies would (see docs/differences.md).
 */
import { buildCacheOf, type CacheRecord } from "../builder/cache";
import { builtImages } from "../builder/buildkit";
import { legacyCache } from "../builder/legacy";
import { buildReports, type BuildReport } from "../builder/why";
import { Container } from "../daemon/container/container";
import { createdClock, setCreatedClock } from "../daemon/images/created";
import type { Daemon } from "../daemon/daemon";
import { Subnet } from "../daemon/network/ipam";
import { containerStart } from "../daemon/start";
import type { Inode } from "../fs/inode";
import type { Layer } from "../snapshots/layers";
import { BlobTable, decodeBlobs, decodeTree, encodeTree, type BlobJSON, type TreeJSON } from "./tree-codec";
import { createHost, type Host } from "./host";
import { EMPTY_REGISTRIES, exportRegistries, importRegistries, type RegistriesJSON } from "../distribution/persist";

export const STATE_FORMAT = "layerlab-host";
/**
 * 2: the builders' caches, build reports and the image clock are saved too.
 * 3: registry content (the Hub's accounts and pushed repositories, private registries' storage).
 */
export const STATE_VERSION = 3;

/** Daemon state the builders keep beside the daemon object. */
export interface BuilderState {
  /** BuildKit's cache records (their layers are in `layers`). */
  cache: { records: CacheRecord[]; seq: number };
  /** Images BuildKit made (their FROM step shows as CACHED). */
  built: string[];
  /** The legacy builder's cache: step key -> image ID. */
  legacy: Array<[string, string]>;
  /** Why each step hit or missed, per build (the cache view reads these). */
  reports: BuildReport[];
  /** The last creation stamp handed to a committed image. */
  created: { ms: number; ns: number } | null;
}

export interface HostState {
  format: typeof STATE_FORMAT;
  version: number;
  clock: number;
  seed: number;
  idSeq: number;
  nameGen: number;
  hostname: string;
  blobs: BlobJSON[];
  hostFs: TreeJSON;
  layers: Array<{ chainId: string; diffId: string; parent: string | null; tree: TreeJSON; abridged?: number }>;
  daemon: Record<string, unknown>;
  builder: BuilderState;
  registries: RegistriesJSON;
}

/** Daemon fields that are wiring, not state. */
const SKIP = new Set(["machine", "events", "layers", "nameGen", "seed", "idSeq", "pull"]);

const isInode = (v: object): v is Inode => "ino" in v && "nlink" in v && "type" in v;
const isLayer = (v: object): v is Layer => "chainId" in v && "diffId" in v && "root" in v;

function encodeValue(v: unknown, blobs: BlobTable): unknown {
  if (v === null || typeof v !== "object") return typeof v === "function" ? undefined : v;
  if (v instanceof Uint8Array) return { $b: blobs.add(v) };
  if (Array.isArray(v)) return v.map((x) => encodeValue(x, blobs) ?? null);
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [k, encodeValue(x, blobs)]) };
  if (v instanceof Set) return { $s: [...v].map((x) => encodeValue(x, blobs)) };
  if (v instanceof Subnet) return { $subnet: { cidr: v.cidr, gateway: v.gateway, used: [...v.used] } };
  if (isLayer(v)) return { $l: v.chainId };
  if (isInode(v)) return { $t: encodeTree(v, blobs) };
  const out: Record<string, unknown> = {};
  if (v instanceof Container) out.$c = "Container";
  for (const [k, x] of Object.entries(v)) {
    if (k === "process") continue;
    const e = encodeValue(x, blobs);
    if (e !== undefined) out[k] = e;
  }
  return out;
}

function decodeValue(v: unknown, blobs: Uint8Array[], layers: Map<string, Layer>): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => decodeValue(x, blobs, layers));
  const o = v as Record<string, unknown>;
  if ("$b" in o) return blobs[o.$b as number];
  if ("$m" in o) return new Map((o.$m as [unknown, unknown][]).map(([k, x]) => [k, decodeValue(x, blobs, layers)]));
  if ("$s" in o) return new Set((o.$s as unknown[]).map((x) => decodeValue(x, blobs, layers)));
  if ("$l" in o) {
    const l = layers.get(o.$l as string);
    if (!l) throw new Error(`saved state names an unknown layer ${o.$l}`);
    return l;
  }
  if ("$t" in o) return decodeTree(o.$t as TreeJSON, blobs);
  if ("$subnet" in o) {
    const s = o.$subnet as { cidr: string; gateway: string; used: number[] };
    const sub = new Subnet(s.cidr, s.gateway);
    for (const ip of s.used) sub.used.add(ip);
    return sub;
  }
  const out: Record<string, unknown> = o.$c === "Container" ? (Object.create(Container.prototype) as Record<string, unknown>) : {};
  // "__proto__" would set the object's prototype rather than a key: never part of a saved host
  for (const [k, x] of Object.entries(o)) if (k !== "$c" && k !== "__proto__") out[k] = decodeValue(x, blobs, layers);
  if (o.$c === "Container") out.process = null;
  return out;
}

/** A deep copy of plain data (so a saved state never shares objects with a live host). */
function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function exportHost(host: Host): HostState {
  const d = host.daemon;
  const blobs = new BlobTable();
  const layers = [...d.layers.byChain.values()].map((l) => ({ chainId: l.chainId, diffId: l.diffId, parent: l.parent?.chainId ?? null, tree: encodeTree(l.root, blobs), ...(l.abridged ? { abridged: l.abridged } : {}) }));
  const daemon: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (!SKIP.has(k)) daemon[k] = encodeValue(v, blobs);
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    clock: host.machine.sched.now,
    seed: d.seed,
    idSeq: d.idSeq,
    nameGen: d.nameGen.state,
    hostname: host.machine.hostNs.uts.hostname,
    blobs: blobs.blobs,
    hostFs: encodeTree(host.machine.rootfs.root, blobs),
    layers,
    daemon,
    builder: {
      cache: buildCacheOf(d).toJSON(),
      built: [...builtImages(d)],
      legacy: [...legacyCache(d)],
      reports: structuredCopy(buildReports(d)),
      created: createdClock(d),
    },
    registries: exportRegistries(d, blobs),
  };
}

/**
 * A saved state of an older version brought to the current one (other values unchanged):
 * version 2 had no registry content, so it loads with empty registries, as it did before.
 */
export function migrateHostState(s: unknown): unknown {
  if (!s || typeof s !== "object") return s;
  const o = s as Record<string, unknown>;
  if (o.format !== STATE_FORMAT || o.version !== 2) return s;
  return { ...o, version: 3, registries: structuredCopy(EMPTY_REGISTRIES) };
}

/** Problems with a saved state, or [] when it can be loaded. */
export function validateHostState(saved: unknown): string[] {
  const errs: string[] = [];
  const s = migrateHostState(saved);
  if (!s || typeof s !== "object") return ["not a saved host"];
  const o = s as Partial<HostState>;
  if (o.format !== STATE_FORMAT) errs.push("not a Layerlab host state");
  if (o.version !== STATE_VERSION) errs.push(`unsupported state version ${String(o.version)}`);
  if (typeof o.clock !== "number") errs.push("clock missing");
  if (!Array.isArray(o.blobs) || !Array.isArray(o.layers) || !o.hostFs || !o.daemon || !o.builder || !o.registries) errs.push("parts missing");
  return errs;
}

export function loadHost(saved: HostState): Host {
  const errs = validateHostState(saved);
  if (errs.length) throw new Error(`cannot load host state: ${errs.join("; ")}`);
  const state = migrateHostState(saved) as HostState;
  const host = createHost({ seed: state.seed, hostname: state.hostname });
  const d: Daemon = host.daemon;
  const blobs = decodeBlobs(state.blobs);
  host.machine.sched.now = state.clock;
  // host files: replace the root's content in place (mounts point at this root)
  const root = decodeTree(state.hostFs, blobs);
  Object.assign(host.machine.rootfs.root, { entries: root.entries, mode: root.mode, uid: root.uid, gid: root.gid, mtime: root.mtime, nlink: root.nlink });
  // layers, parents first
  d.layers.byChain.clear();
  const byChain = new Map<string, Layer>();
  const pending = [...state.layers];
  while (pending.length) {
    const i = pending.findIndex((l) => l.parent === null || byChain.has(l.parent));
    if (i < 0) throw new Error("cannot load host state: a layer's parent is missing");
    const l = pending.splice(i, 1)[0];
    const layer = d.layers.register(decodeTree(l.tree, blobs), l.parent ? byChain.get(l.parent)! : null, l.diffId);
    if (l.abridged) {
      layer.abridged = l.abridged;
      layer.size += l.abridged;
    }
    byChain.set(l.chainId, layer);
  }
  for (const [k, v] of Object.entries(state.daemon)) {
    const decoded = decodeValue(v, blobs, byChain);
    const target = (d as unknown as Record<string, unknown>)[k];
    if (target && typeof target === "object" && decoded && typeof decoded === "object" && !(target instanceof Map)) Object.assign(target, decoded);
    else if (target instanceof Map && decoded instanceof Map) {
      target.clear();
      for (const [mk, mv] of decoded) target.set(mk, mv);
    } else (d as unknown as Record<string, unknown>)[k] = decoded;
  }
  d.idSeq = state.idSeq;
  d.nameGen.state = state.nameGen;
  const b = state.builder;
  buildCacheOf(d).load(b.cache, (chainId) => byChain.get(chainId));
  for (const id of b.built) builtImages(d).add(id);
  for (const [k, v] of b.legacy) legacyCache(d).set(k, v);
  buildReports(d).push(...structuredCopy(b.reports));
  setCreatedClock(d, b.created);
  // registry content before the containers start (a registry serves what its storage holds)
  importRegistries(d, state.registries, blobs, byChain);
  // containers that were running start again
  for (const c of d.containers.values()) {
    if (!c.state.Running) continue;
    c.state.Running = false;
    c.state.Paused = false;
    c.state.Restarting = false;
    try {
      containerStart(d, c);
    } catch {
      c.state.Status = "exited";
    }
  }
  return host;
}
